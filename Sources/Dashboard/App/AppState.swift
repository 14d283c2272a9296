import Synchronization
import ThreatModel
import TerminalUI

/// The whole state of the dashboard. Only `update` changes it; `Screen` draws it.
public struct AppState: Sendable {
    public enum OverlayKind: Equatable, Sendable {
        case none
        case help(scroll: Int)
        case problems(scroll: Int)
        case search(query: String, selected: Int)
    }

    public enum SortOrder: String, Sendable, CaseIterable {
        case count, name
    }

    /// A transient message in the footer.
    public struct Status: Equatable, Sendable {
        public var text: String
        public var role: Role
        public var until: Double
    }

    // Data
    public var dataset: Dataset
    public var filter: Filter = .none
    public var loadedAt: Double = 0
    public var loadMilliseconds: Double = 0
    public var sourceLabel: String = ""

    // Screen
    public var width: Int
    public var height: Int
    public var focus: PaneID = .actors
    public var zoomed = false
    public var overlay: OverlayKind = .none
    public var ascii: Bool
    public var themes: [Theme]
    public var themeIndex: Int = 0
    public var tier: ColorTier = .color256
    public var now: Double = 0
    public var status: Status?
    /// A standing warning shown in the header, e.g. TLS verification switched off.
    public var notice: String?

    // Per-pane cursors
    public var actorCursor = 0
    public var actorTop = 0
    public var actorNexus: Nexus?
    public var actorMeasure: ActorBreakdown.Measure?
    public var actorSort: SortOrder = .count
    public var sectorRow = 0
    public var sectorTop = 0
    /// Index into the matrix columns; the last position (== column count) is the Σ column.
    public var sectorColumn = Int.max
    public var sectorMeasure: SectorMatrix.Measure = .actors
    public var sectorSort: SortOrder = .count
    public var timelineCursor: Day?
    public var timelineSpan = -1
    public var timelineGranularity: TimelineSeries.Granularity?
    public var detailScroll = 0
    /// What the detail pane describes: the cursor item of the last list pane used.
    public var detailSubject: Selectable?

    public var kiosk: KioskState?

    /// Timelines already computed for this selection, by width and granularity (shared by
    /// copies of the state; keyed by `generation`, which `refresh()` moves on).
    let timelineCache = TimelineCache()
    public private(set) var generation = 0

    // Derived from dataset + filter + measures; refreshed by `refresh()`.
    public private(set) var selection: Selection
    public private(set) var breakdown: ActorBreakdown
    public private(set) var matrix: SectorMatrix

    public init(dataset: Dataset, width: Int, height: Int, ascii: Bool = false, themes: [Theme] = [Theme.fallback], tier: ColorTier = .color256) {
        self.dataset = dataset
        self.width = width
        self.height = height
        self.ascii = ascii
        self.themes = themes.isEmpty ? [Theme.fallback] : themes
        self.tier = tier
        selection = Filter.none.apply(to: dataset)
        breakdown = ActorBreakdown.compute(dataset, selection: selection)
        matrix = SectorMatrix.compute(dataset, selection: selection)
        refresh()
    }

    public var theme: Theme { themes[min(max(0, themeIndex), themes.count - 1)] }
    public var glyphs: GlyphSet { GlyphSet.forMode(ascii: ascii) }
    public var palette: Palette { Palette(theme: theme, tier: tier) }

    /// Recomputes the aggregates after the dataset, filter or a measure changed, and keeps
    /// cursors inside their lists.
    public mutating func refresh() {
        generation = AppState.nextGeneration()
        selection = filter.apply(to: dataset)
        breakdown = ActorBreakdown.compute(dataset, selection: selection, measure: actorMeasure)
        matrix = SectorMatrix.compute(dataset, selection: selection, measure: sectorMeasure, maxColumns: matrixColumns)
        if let n = actorNexus, breakdown.actorsByNexus[n] == nil { actorNexus = nil }
        if actorNexus == nil { actorNexus = ActorPane.defaultNexus(breakdown) }
        actorCursor = min(actorCursor, max(0, ActorPane.items(self).count - 1))
        sectorRow = min(sectorRow, max(0, SectorPane.items(self).count - 1))
        if detailSubject == nil || !subjectStillExists() { detailSubject = ActorPane.items(self).first }
    }

    private func subjectStillExists() -> Bool {
        switch detailSubject {
        case .actor(let id): return dataset.actor(id) != nil
        default: return true
        }
    }

    private static let generations = Mutex(0)
    static func nextGeneration() -> Int { generations.withLock { $0 += 1; return $0 } }

    /// How many nexus columns the sector matrix gets at this width (the rest fold into Other).
    var matrixColumns: Int {
        // The sector pane's inner width, less the sector names and the total, in 6-cell columns
        // (names give way to ISO codes when cells are narrow).
        let pane = Screen.mode(width: width, height: height) == .compact ? width : width * 55 / 100
        return max(3, min(10, (pane - 3 - 20 - 6) / 6))
    }

    /// The problems found while loading, errors first.
    public var problems: [Problem] { dataset.problems.sorted { ($0.severity, $0.file, $0.line) < ($1.severity, $1.file, $1.line) } }
}

/// The last few timelines computed, so drawing a frame does not re-bucket 100,000 events.
final class TimelineCache: Sendable {
    struct Key: Hashable {
        var generation: Int
        var slots: Int
        var granularity: TimelineSeries.Granularity?
    }

    private let entries = Mutex<[(Key, TimelineSeries)]>([])

    func series(_ key: Key, compute: () -> TimelineSeries) -> TimelineSeries {
        if let hit = entries.withLock({ list in list.first { $0.0 == key }?.1 }) { return hit }
        let fresh = compute()
        entries.withLock { list in
            list.insert((key, fresh), at: 0)
            if list.count > 6 { list.removeLast() }
        }
        return fresh
    }
}
