import Analysis
import ThreatModel

extension PlainSummary {
    /// MISP indicators in view, counted per attribute type (only when MISP events are loaded).
    static func indicators(_ view: ReportView, into out: inout SummaryLines) {
        let total = view.dataset.indicators.count
        guard total > 0 else { return }
        out.line("INDICATORS (MISP attributes of the events in view, per type)")
        out.line("  " + Noun.grouped(view.indicators.count) + " of " + Noun("indicator").count(total) + " in view")
        for t in view.indicatorTypes.prefix(40) { out.line("  " + out.pad(String(t.type.prefix(30)), 32) + out.padL(Noun.grouped(t.count), 7)) }
        if view.indicatorTypes.count > 40 { out.line("  and " + Noun("more type").count(view.indicatorTypes.count - 40)) }
        out.line()
    }
}
