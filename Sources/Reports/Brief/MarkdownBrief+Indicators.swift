import Analysis
import ThreatModel

extension MarkdownBrief {
    /// The most indicators a brief lists (the `iocs` and CSV exports have them all).
    static let listedIndicators = 50

    /// MISP indicators in view: counts per type, then the first of them, defanged so no
    /// viewer makes them links (`hxxp://evil[.]example`). Only when MISP events are loaded.
    static func indicators(_ out: inout BriefText) {
        let view = out.view, d = view.dataset
        guard !d.indicators.isEmpty else { return }
        out.add("## Indicators", "")
        out.add(Noun.grouped(view.indicators.count) + " of " + Noun("indicator").count(d.indicators.count) + " (MISP attributes) are in view.", "")
        guard !view.indicators.isEmpty else { return }
        out.add(lines: table(["type", "indicators"], view.indicatorTypes.map { [$0.type, Noun.grouped($0.count)] }, right: [1]))
        out.add("", "Values are defanged; `threatdeck export --format iocs` writes them plain.", "")
        let rows = view.indicators.prefix(listedIndicators).map { k -> [String] in
            let i = d.indicators[k]
            let e = d.events[Int(d.indicatorTable.eventOfIndicator[k])]
            let value = i.value.isEmpty ? "(empty)" : Defang.value(String(i.value.prefix(200)), type: i.type) + (i.isCut || i.value.count > 200 ? " …" : "")
            return [i.type, value, i.toIDS ? "yes" : "", e.span.start.description]
        }
        out.add(lines: table(["type", "value", "to_ids", "event"], rows, right: []))
        if view.indicators.count > listedIndicators { out.add("", "… and " + Noun("more indicator").count(view.indicators.count - listedIndicators) + ".") }
        out.add("")
    }
}
