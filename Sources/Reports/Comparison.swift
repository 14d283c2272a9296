import ThreatModel
import Analysis

/// The view against a baseline period: the same filter with the baseline window instead of
/// the current one, and every aggregate recomputed for it under the same membership rule
/// (overlap), so each row can show current, baseline and the signed change.
public struct Comparison: Sendable {
    public var spec: CompareSpec
    public var currentWindow: DayRange
    public var baselineWindow: DayRange
    /// The view's filter with the current window (added when the view had none).
    public var currentFilter: Filter
    public var baselineFilter: Filter
    public var baseline: Selection
    public var baselineBreakdown: ActorBreakdown
    public var baselineMatrix: SectorMatrix
    public var baselineTechniques: TechniqueUsage

    /// Builds the comparison for `filter` on `dataset`. Without a window in the filter, the
    /// current period is the reports' period, else the span of the events in view.
    public static func make(_ spec: CompareSpec, dataset: Dataset, filter: Filter) -> Result<Comparison, CompareError> {
        let withoutWindow = Filter(filter.chips.filter { if case .window = $0 { return false } else { return true } })
        guard let current = filter.window ?? dataset.reportPeriod ?? eventSpan(dataset, withoutWindow) else {
            return .failure(CompareError("nothing in view is dated, so there is no period to compare"))
        }
        let baselineWindow: DayRange
        switch spec {
        case .window(let w): baselineWindow = w
        case .previous:
            let end = current.start.adding(days: -1)
            baselineWindow = DayRange(start: end.adding(days: -(current.length - 1)), end: end)
        }
        let currentFilter = filter.window == nil ? withoutWindow.pushing(.window(current)) : filter
        let baselineFilter = withoutWindow.pushing(.window(baselineWindow))
        let baseline = baselineFilter.apply(to: dataset)
        guard !baseline.eventIndices.isEmpty || baseline.campaignIndices.contains(where: { dataset.campaigns[$0].span != nil }) else {
            return .failure(CompareError("no dated activity in the baseline " + baselineWindow.description))
        }
        let current_ = currentFilter.apply(to: dataset)
        let measure = ActorBreakdown.compute(dataset, selection: current_).measure
        return .success(Comparison(spec: spec, currentWindow: current, baselineWindow: baselineWindow, currentFilter: currentFilter,
                                   baselineFilter: baselineFilter, baseline: baseline,
                                   baselineBreakdown: ActorBreakdown.compute(dataset, selection: baseline, measure: measure),
                                   baselineMatrix: SectorMatrix.compute(dataset, selection: baseline, maxColumns: 10),
                                   baselineTechniques: TechniqueUsage.compute(dataset, selection: baseline)))
    }

    /// The "previous period" comparison for the app's `c` key.
    public static func previous(_ dataset: Dataset, filter: Filter) -> Result<Comparison, CompareError> {
        make(.previous, dataset: dataset, filter: filter)
    }

    /// The same comparison after the data or the filter changed (nil when it no longer applies).
    public func recomputed(_ dataset: Dataset, current filter: Filter) -> Comparison? {
        let spec: CompareSpec = filter.window == currentWindow || filter.window == nil ? self.spec : .previous
        return try? Comparison.make(spec, dataset: dataset, filter: filter).get()
    }

    static func eventSpan(_ dataset: Dataset, _ filter: Filter) -> DayRange? {
        let s = filter.apply(to: dataset)
        guard let first = s.eventIndices.first else { return nil }
        var end = dataset.events[first].span.end
        for i in s.eventIndices { end = max(end, dataset.events[i].span.end) }
        return DayRange(start: dataset.events[first].span.start, end: end)
    }

    /// Actors in the current view that the baseline does not have, and the reverse.
    public func actorChanges(current: Selection) -> (new: [String], gone: [String]) {
        (current.actorIDs.subtracting(baseline.actorIDs).sorted(), baseline.actorIDs.subtracting(current.actorIDs).sorted())
    }
}
