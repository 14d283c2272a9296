import ThreatModel
import Analysis

/// The view to report on, computed once: the data, the filter, every aggregate, and the
/// comparison when one is asked for. Summary, brief, CSV, JSON, STIX and Navigator layers all
/// read from this, so they cannot disagree with each other or with the dashboard.
public struct ReportView: Sendable {
    public var dataset: Dataset
    public var filter: Filter
    public var selection: Selection
    public var breakdown: ActorBreakdown

    /// Findings the breakdown does not show as a stated share (counts, and shares of other
    /// populations or nexuses than the view's): listed wherever the findings are counted.
    public var otherFindings: [Finding] {
        let shown = Set(breakdown.stated.flatMap { [$0.finding.id] + $0.corroborating.map(\.id) })
        return dataset.findings.filter { !shown.contains($0.id) }
    }
    public var matrix: SectorMatrix
    public var timeline: TimelineSeries
    public var techniques: TechniqueUsage
    public var comparison: Comparison?
    /// MISP indicators in view (positions in `dataset.indicators`) and their counts per type.
    public var indicators: [Int]
    public var indicatorTypes: [(type: String, count: Int)]
    /// Seconds since the epoch when the report was made.
    public var generatedAt: Double
    /// The load's duration, for the summary's first lines.
    public var loadMilliseconds: Double?
    /// The filter's chips as the reports print them, "none" without any.
    public var filterText: String { filter.isEmpty ? "none" : filter.chips.map(\.label).joined(separator: " ") }

    /// Countries shown before the rest fold into "Other" (as on screen).
    public static let shownCountries = 8

    public init(
        dataset: Dataset, filter: Filter, comparison: Comparison? = nil, generatedAt: Double = 0, loadMilliseconds: Double? = nil,
        measure: ActorBreakdown.Measure? = nil, timelineSlots: Int = 48
    ) {
        self.dataset = dataset
        self.filter = comparison?.currentFilter ?? filter
        selection = self.filter.apply(to: dataset)
        breakdown = ActorBreakdown.compute(dataset, selection: selection, measure: measure)
        matrix = SectorMatrix.compute(dataset, selection: selection, maxColumns: 10)
        timeline = TimelineSeries.compute(dataset, selection: selection, slots: timelineSlots)
        techniques = TechniqueUsage.compute(dataset, selection: selection)
        indicators = IndicatorsInView.positions(dataset, selection)
        indicatorTypes = IndicatorsInView.countsByType(dataset, indicators)
        self.comparison = comparison
        self.generatedAt = generatedAt
        self.loadMilliseconds = loadMilliseconds
    }

    /// A view with a comparison built from `spec` (or the reason it cannot be built).
    public static func comparing(_ spec: CompareSpec, dataset: Dataset, filter: Filter, generatedAt: Double = 0) -> Result<ReportView, CompareError> {
        switch Comparison.make(spec, dataset: dataset, filter: filter) {
        case .success(let c): return .success(ReportView(dataset: dataset, filter: filter, comparison: c, generatedAt: generatedAt))
        case .failure(let e): return .failure(e)
        }
    }

    /// The baseline timeline, bucketed like the current one.
    public var baselineTimeline: TimelineSeries? {
        guard let c = comparison else { return nil }
        return TimelineSeries.compute(dataset, selection: c.baseline, granularity: timeline.granularity, window: c.baselineWindow)
    }

    /// Events in view, newest first (the summary's and brief's event lists).
    public func recentEvents(_ limit: Int) -> [Event] {
        selection.eventIndices.suffix(max(0, limit)).reversed().map { dataset.events[$0] }
    }

    /// Every source cited by what is in view, numbered once: the reference list.
    public var references: [Reference] {
        var out: [Reference] = []
        var seen: Set<String> = []
        func add(_ p: [Provenance]) {
            for prov in p {
                guard let r = prov.reference else { continue }
                if seen.insert(r.key + "|" + (r.title ?? "")).inserted { out.append(r) }
            }
        }
        for s in breakdown.stated { add(s.finding.provenance); for c in s.corroborating { add(c.provenance) } }
        for r in dataset.reports { add(r.provenance); for s in r.sources { if seen.insert(s.id + "|" + s.title).inserted { out.append(s.reference) } } }
        for p in dataset.actors.indices where selection.actorMask[p] { add(dataset.actors[p].provenance) }
        for i in selection.eventIndices.prefix(2000) { add(dataset.events[i].provenance) }
        return out
    }

    /// The label of a nexus row: "China", "Other (12)".
    public static func label(_ key: ActorBreakdown.RowKey) -> String {
        switch key {
        case .nexus(let n): return n.name
        case .other(let list): return "Other (\(list.count))"
        }
    }
}
