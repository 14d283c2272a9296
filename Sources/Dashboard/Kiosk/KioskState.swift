import ThreatModel

/// One screen in the kiosk rotation.
public enum KioskView: Hashable, Sendable, CustomStringConvertible {
    /// The stated headline figure in block digits (or the largest recounted share).
    case headline
    /// All panes.
    case overview
    /// One pane full screen.
    case pane(PaneID)
    /// The n-th leading nexus (1 = largest) and what its actors target.
    case nexus(rank: Int)

    /// Parses "headline", "overview", "actors", "sectors", "timeline", "detail", "nexus:1".
    public init?(name: String) {
        let n = name.lowercased()
        switch n {
        case "headline": self = .headline
        case "overview": self = .overview
        default:
            if let pane = PaneID(rawValue: n) { self = .pane(pane); return }
            if n.hasPrefix("nexus:"), let rank = Int(n.dropFirst(6)), rank >= 1, rank <= 20 { self = .nexus(rank: rank); return }
            if n == "nexus" { self = .nexus(rank: 1); return }
            return nil
        }
    }

    public var description: String {
        switch self {
        case .headline: return "headline"
        case .overview: return "overview"
        case .pane(let p): return p.rawValue
        case .nexus(let rank): return "nexus:\(rank)"
        }
    }

    public static let defaultRotation: [KioskView] = [.headline, .overview, .pane(.actors), .pane(.sectors), .pane(.timeline), .nexus(rank: 1), .nexus(rank: 2)]
}

/// Kiosk settings: what rotates, how fast, when data counts as stale.
public struct KioskConfig: Equatable, Sendable {
    public var rotateSeconds: Double
    public var views: [KioskView]
    /// Data older than this (since the last successful load) is shown as STALE.
    public var staleAfterSeconds: Double
    /// How often the run loop checks the files for changes.
    public var watchSeconds: Double

    public init(rotateSeconds: Double = 20, views: [KioskView] = KioskView.defaultRotation, staleAfterSeconds: Double = 3600, watchSeconds: Double = 2) {
        self.rotateSeconds = max(1, rotateSeconds)
        self.views = views.isEmpty ? KioskView.defaultRotation : views
        self.staleAfterSeconds = max(1, staleAfterSeconds)
        self.watchSeconds = max(0.2, watchSeconds)
    }

    /// The typed word that leaves kiosk mode for the interactive dashboard.
    public static let unlockWord = "unlock"
}

/// Where the rotation is, how fresh the data is, and the partial unlock chord.
public struct KioskState: Equatable, Sendable {
    public var config: KioskConfig
    public var viewIndex = 0
    public var lastRotation: Double
    /// When data was last loaded with every file accepted.
    public var dataAsOf: Double
    /// The filter the kiosk started with (from the command line); views add to it.
    public var baseFilter: Filter
    public var typed = ""
    public var typedAt: Double = 0
    public var rotations = 0

    public init(config: KioskConfig, now: Double, baseFilter: Filter = .none) {
        self.config = config
        lastRotation = now
        dataAsOf = now
        self.baseFilter = baseFilter
    }

    public var view: KioskView { config.views[viewIndex % config.views.count] }

    /// Seconds until the next view (for the progress mark).
    public func remaining(now: Double) -> Double { max(0, config.rotateSeconds - (now - lastRotation)) }

    /// Why the screen must say STALE, if it must.
    public func staleReason(now: Double, dataset: Dataset) -> String? {
        if let f = dataset.files.first(where: { $0.staleSince != nil }) {
            // A live source words its own state: failing with a retry time, or shown from cache.
            if let status = f.status { return f.path + ": " + status }
            let problem = dataset.problems.first { $0.file == f.path && $0.severity == .error }
            return "reload failing: " + f.path + (problem.map { " \($0.line):\($0.column): \($0.message)" } ?? "")
        }
        if now - dataAsOf > config.staleAfterSeconds { return "no fresh data for " + ClockFormat.duration(now - dataAsOf) }
        return nil
    }
}
