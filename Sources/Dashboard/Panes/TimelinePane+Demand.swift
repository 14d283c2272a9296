import ThreatModel
import TerminalUI

extension TimelinePane {
    public static func demand(_ state: AppState) -> PaneDemand {
        let v = view(state)
        if v.buckets.isEmpty { return .empty("no dated event or campaign in view: dated events or campaigns fill it") }
        let spans = spans(v).count
        let periodRow = v.series.reportPeriod != nil || !v.series.markers.isEmpty ? 1 : 0
        // With no events in view it is the campaigns' lines; else a chart worth reading.
        if v.buckets.allSatisfy({ $0.count == 0 }) && state.comparison == nil { return PaneDemand(rows: 2 + periodRow + spans) }
        return PaneDemand(rows: 12 + periodRow + min(spans, 12))
    }
}
