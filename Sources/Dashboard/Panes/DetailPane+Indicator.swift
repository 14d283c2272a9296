import Analysis
import Reports
import TerminalUI
import ThreatModel

extension DetailPane {
    /// An indicator: its value (defanged) and length, type, category, detection flag, seen
    /// dates, tags, the event that holds it and where it is in its file.
    static func indicatorLines(_ state: AppState, _ k: Int) -> [Line] {
        let d = state.dataset
        guard d.indicators.indices.contains(k) else { return [("The indicator is not in the loaded data.", Style(.muted))] }
        let i = d.indicators[k]
        var out: [Line] = [(IndicatorPane.shownValue(i), Style(i.value.isEmpty || i.isCut ? .warning : .text, attributes: .bold))]
        if i.isCut { out.append(("cut for display: " + Format.plural(i.length, "byte") + " in the file", Style(.warning))) }
        out.append(("type: " + i.type + (i.category.isEmpty ? "" : " · category: " + i.category), Style(.text)))
        out.append(("to_ids: " + (i.toIDS ? "yes (meant for detection)" : "no (context)"), Style(.text)))
        if let o = i.objectName { out.append(("in object: " + o, Style(.text))) }
        if i.firstSeen != nil || i.lastSeen != nil {
            out.append(("seen: " + (i.firstSeen ?? "?") + " → " + (i.lastSeen ?? "?"), Style(.text)))
        }
        out.append(("tags: " + list(i.tags, empty: "none"), Style(i.tags.isEmpty ? .muted : .text)))
        let event = Int(d.indicatorTable.eventOfIndicator[k])
        if d.events.indices.contains(event) {
            let e = d.events[event]
            out.append(("event: " + e.span.description + " · " + e.summary + (i.org.map { " · " + $0 } ?? ""), Style(.text)))
        }
        out.append(("at " + i.location.description + " " + i.location.pointerText, Style(.muted)))
        out.append(("Enter: the events that hold it (ioc:) · f: only its type · y: copy it", Style(.muted)))
        return out
    }
}
