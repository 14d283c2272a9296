import ThreatModel

/// The MISP indicators a filter leaves in view, and their counts by type: what the Indicators
/// pane lists, the summary counts and the `iocs` and indicator CSV exports write.
///
/// An indicator is in view when its event is (every chip, pivots included, decides that) and
/// it is of the type every `type:` chip names (and of none a `!type:` chip names).
public enum IndicatorsInView {
    /// Positions in `dataset.indicators`, in the order read (event by event).
    public static func positions(_ dataset: Dataset, _ selection: Selection) -> [Int] {
        let table = dataset.indicatorTable
        guard !table.indicators.isEmpty else { return [] }
        var types: [(type: String, keep: Bool)] = []
        for chip in selection.filter.chips {
            if case .pivot(.type(let t)) = chip { types.append((t.lowercased(), true)) }
            if case .not(.pivot(.type(let t))) = chip { types.append((t.lowercased(), false)) }
        }
        var out: [Int] = []
        for k in table.indicators.indices where selection.containsEvent(Int(table.eventOfIndicator[k])) {
            if !types.isEmpty {
                let type = table.indicators[k].type.lowercased()
                guard types.allSatisfy({ ($0.type == type) == $0.keep }) else { continue }
            }
            out.append(k)
        }
        return out
    }

    /// Indicators per type among `positions`, most first, then by type.
    public static func countsByType(_ dataset: Dataset, _ positions: [Int]) -> [(type: String, count: Int)] {
        var counts: [String: Int] = [:]
        for k in positions { counts[dataset.indicators[k].type, default: 0] += 1 }
        return counts.map { (type: $0.key, count: $0.value) }.sorted { $0.count != $1.count ? $0.count > $1.count : $0.type < $1.type }
    }
}
