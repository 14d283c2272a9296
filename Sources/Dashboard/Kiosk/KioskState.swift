import TerminalUI
import Reports
import ThreatModel
import Analysis

/// One screen in the kiosk rotation.
public enum KioskView: Hashable, Sendable, CustomStringConvertible {
    /// The stated headline figure in block digits filling the wall (or the largest recounted share).
    case headline
    /// Actors, sectors, timeline and techniques in a wall grid.
    case overview
    /// One pane filling the wall, in its wall style.
    case pane(PaneID)
    /// The n-th leading nexus (1 = largest): its actors and what they target.
    case nexus(rank: Int)
    /// Panes in rows: `grid(actors, sectors; timeline, techniques)`.
    case grid([[PaneID]])
    /// What arrived since the previous reload or in the last hours.
    case changes

    /// Parses "headline", "overview", "changes", a pane name, "nexus:1" and
    /// "grid(actors, sectors; timeline, techniques)".
    public init?(name: String) {
        let n = name.lowercased().trimmingSpaces
        switch n {
        case "headline": self = .headline
        case "overview": self = .overview
        case "changes": self = .changes
        case "nexus": self = .nexus(rank: 1)
        default:
            if PaneRegistry.pane(PaneID(n)) != nil { self = .pane(PaneID(n)); return }
            if n.hasPrefix("nexus:"), let rank = Int(n.dropFirst(6)), rank >= 1, rank <= 20 { self = .nexus(rank: rank); return }
            if n.hasPrefix("grid(") && n.hasSuffix(")") {
                let body = n.dropFirst(5).dropLast()
                var rows: [[PaneID]] = []
                for row in body.split(separator: ";") {
                    let panes = row.split(separator: ",").map { PaneID(String($0).trimmingSpaces) }
                    guard !panes.isEmpty, panes.count <= 4, panes.allSatisfy({ PaneRegistry.pane($0) != nil && $0 != DetailPane.id }) else { return nil }
                    rows.append(panes)
                }
                guard !rows.isEmpty, rows.count <= 3 else { return nil }
                self = .grid(rows)
                return
            }
            return nil
        }
    }

    public var description: String {
        switch self {
        case .headline: return "headline"
        case .overview: return "overview"
        case .changes: return "changes"
        case .pane(let p): return p.rawValue
        case .nexus(let rank): return "nexus:\(rank)"
        case .grid(let rows): return "grid(" + rows.map { $0.map(\.rawValue).joined(separator: ", ") }.joined(separator: "; ") + ")"
        }
    }

    /// The panes a view shows, in rows.
    public var rows: [[PaneID]] {
        switch self {
        case .headline, .changes: return []
        case .overview: return [[ActorPane.id, SectorPane.id], [TimelinePane.id, TechniquePane.id]]
        case .pane(let p): return [[p]]
        case .nexus: return [[ActorPane.id, SectorPane.id]]
        case .grid(let rows): return rows
        }
    }

    public static let defaultRotation: [KioskView] = [
        .headline, .overview, .changes, .pane(ActorPane.id), .pane(SectorPane.id),
        .pane(TimelinePane.id), .nexus(rank: 1), .nexus(rank: 2),
    ]

    public static let syntax = "headline, overview, changes, actors, sectors, timeline, techniques, events, nexus:N, grid(A, B; C, D)"
}

/// A view in the rotation and how long it stays (nil: the rotation's default).
public struct KioskEntry: Equatable, Sendable {
    public var view: KioskView
    public var seconds: Double?
    public init(_ view: KioskView, seconds: Double? = nil) {
        self.view = view
        self.seconds = seconds
    }
}

/// Quiet hours: a span of the local day (may cross midnight) when the wall dims.
public struct QuietHours: Equatable, Sendable {
    /// Minutes after local midnight.
    public var start: Int
    public var end: Int

    public init(start: Int, end: Int) {
        self.start = max(0, min(1439, start))
        self.end = max(0, min(1439, end))
    }

    /// Parses "22:00-06:00".
    public init?(parsing text: String) {
        let parts = text.split(separator: "-").map { String($0).trimmingSpaces }
        guard parts.count == 2, let a = QuietHours.minutes(parts[0]), let b = QuietHours.minutes(parts[1]), a != b else { return nil }
        self.init(start: a, end: b)
    }

    static func minutes(_ s: String) -> Int? {
        let hm = s.split(separator: ":")
        guard hm.count == 2, let h = Int(hm[0]), let m = Int(hm[1]), (0...23).contains(h), (0...59).contains(m) else { return nil }
        return h * 60 + m
    }

    public func contains(minuteOfDay m: Int) -> Bool {
        start < end ? (m >= start && m < end) : (m >= start || m < end)
    }

    public var description: String {
        func f(_ m: Int) -> String { (m / 60 < 10 ? "0" : "") + "\(m / 60):" + (m % 60 < 10 ? "0" : "") + "\(m % 60)" }
        return f(start) + "-" + f(end)
    }
}

/// Kiosk settings: what rotates and for how long, when data counts as stale, quiet hours,
/// how the frame moves to spare the screen, and how long news stays in the ticker.
public struct KioskConfig: Equatable, Sendable {
    public var rotateSeconds: Double
    public var entries: [KioskEntry]
    /// Data older than this (since the last successful load) is shown as STALE.
    public var staleAfterSeconds: Double
    /// Quiet hours and the theme for them (default "wall-night" when present).
    public var night: QuietHours?
    public var nightTheme: String
    /// Seconds between one-cell shifts of the whole frame (0: never).
    public var shiftSeconds: Double
    /// How long an item stays in the ticker and the changes view.
    public var changesMaxAgeSeconds: Double
    /// TLP limit on the wall (default green: a wall is seen by people not cleared for more).
    public var maxTLP: TLP

    public init(
        rotateSeconds: Double = 20, views: [KioskView] = KioskView.defaultRotation, staleAfterSeconds: Double = 3600,
        entries: [KioskEntry]? = nil, night: QuietHours? = nil, nightTheme: String = "wall-night", shiftSeconds: Double = 600,
        changesMaxAgeSeconds: Double = 86_400, maxTLP: TLP = .green
    ) {
        self.rotateSeconds = max(1, rotateSeconds)
        let list = entries ?? views.map { KioskEntry($0) }
        self.entries = list.isEmpty ? KioskView.defaultRotation.map { KioskEntry($0) } : list
        self.staleAfterSeconds = max(1, staleAfterSeconds)
        self.night = night
        self.nightTheme = nightTheme
        self.shiftSeconds = max(0, shiftSeconds)
        self.changesMaxAgeSeconds = max(60, changesMaxAgeSeconds)
        self.maxTLP = maxTLP
    }

    public var views: [KioskView] { entries.map(\.view) }

    /// The typed word that leaves kiosk mode for the interactive dashboard.
    public static let unlockWord = "unlock"
}

/// Something that changed between two loads, for the ticker and the changes view.
public struct KioskChange: Equatable, Sendable {
    public enum Kind: Equatable, Sendable { case newEvents, newActor, goneActor, share }
    public var kind: Kind
    public var text: String
    /// +1 up, −1 down, 0 neither (shares and counts).
    public var direction: Int
    public var at: Double
    /// How many events or actors the item stands for (share moves: 1).
    public var count: Int = 1
}

/// Where the rotation is, how fresh the data is, what changed, and the partial unlock chord.
public struct KioskState: Equatable, Sendable {
    public var config: KioskConfig
    public var viewIndex = 0
    public var lastRotation: Double
    /// When the wall started (for "nothing new since the wall started …").
    public var startedAt: Double
    /// When data was last loaded with every file accepted.
    public var dataAsOf: Double
    /// The filter the kiosk started with (from the command line); views add to it.
    public var baseFilter: Filter
    public var typed = ""
    public var typedAt: Double = 0
    public var rotations = 0
    /// What changed at recent reloads, newest first; items age out.
    public var changes: [KioskChange] = []
    /// The last file reload that was rejected since the last good load.
    public var rejection: ReloadRejection?
    /// What the previous load held, to tell what is new at the next.
    public var previous: KioskDigest?
    /// The theme the kiosk started with, restored after quiet hours.
    public var dayTheme: Int = 0
    public var isNight = false

    public init(config: KioskConfig, now: Double, baseFilter: Filter = .none) {
        self.config = config
        lastRotation = now
        startedAt = now
        dataAsOf = now
        self.baseFilter = baseFilter
    }

    public var view: KioskView { config.entries[viewIndex % config.entries.count].view }

    /// Seconds the current view stays.
    public var currentSeconds: Double { config.entries[viewIndex % config.entries.count].seconds ?? config.rotateSeconds }

    /// Seconds until the next view (for the progress mark).
    public func remaining(now: Double) -> Double { max(0, currentSeconds - (now - lastRotation)) }

    /// The frame's offset for screen care: one cell in a small square, moved every `shiftSeconds`.
    public func shift(now: Double) -> (dx: Int, dy: Int) {
        guard config.shiftSeconds > 0, now.isFinite else { return (0, 0) }
        let step = Int((now / config.shiftSeconds).rounded(.down).truncatingRemainder(dividingBy: 4))
        return [(0, 0), (1, 0), (1, 1), (0, 1)][max(0, min(3, step))]
    }

    /// Why the screen must say STALE, if it must: only past `stale-after` without a good load.
    public func staleReason(now: Double, dataset: Dataset) -> String? {
        if case .stale(let reason) = WallFreshness.of(self, now: now, dataset: dataset) { return reason }
        return nil
    }
}
