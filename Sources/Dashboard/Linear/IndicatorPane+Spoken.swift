import Analysis
import Reports
import ThreatModel

extension IndicatorPane {
    /// The indicators round the cursor, each as one sentence: type, value (defanged, so a
    /// screen reader spells "evil dot example" rather than opening it), category, detection
    /// flag, event and tags; the heading gives the counts per type.
    public static func spoken(_ state: AppState) -> SpokenPane {
        let s = self.state(state)
        let d = state.dataset
        guard !s.order.isEmpty else {
            let text = d.indicators.isEmpty ? "No MISP indicators in the loaded data." : "No indicators in view."
            return SpokenPane(heading: "Indicators: none in view.", lines: [SpokenLine(text)])
        }
        let first = max(0, min(s.cursor - 10, s.order.count - 30)), last = min(s.order.count, first + 30)
        var lines: [SpokenLine] = []
        if first > 0 { lines.append(SpokenLine("\(first) earlier indicators; PgUp and Ctrl-U go back.")) }
        for k in first..<last {
            let position = s.order[k]
            let i = d.indicators[position]
            lines.append(
                SpokenLine(sentence(i, d, event: Int(d.indicatorTable.eventOfIndicator[position])), item: .indicator(position, value: i.value), position: k + 1)
            )
        }
        if last < s.order.count { lines.append(SpokenLine("\(s.order.count - last) later indicators; PgDn and Ctrl-D go on.")) }
        let types = s.types.map { $0.type + " " + Format.count($0.count) }.joined(separator: ", ")
        let heading =
            "Indicators in view: " + Format.count(s.order.count) + " (" + types + "), by " + s.sortColumn.title + (s.descending ? ", descending." : ".")
        return SpokenPane(heading: heading, lines: lines, itemCount: s.order.count)
    }

    static func sentence(_ i: Indicator, _ d: Dataset, event: Int) -> String {
        var text = i.type + ": " + shownValue(i) + (i.category.isEmpty ? "" : ", " + i.category)
        text += i.toIDS ? ", for detection" : ""
        let e = d.events[event]
        text += ". Event " + e.span.start.description + ": " + e.summary + (i.org.map { ", by " + $0 } ?? "")
        return text + (i.tags.isEmpty ? "." : ". Tags: " + i.tags.joined(separator: ", ") + ".")
    }
}
