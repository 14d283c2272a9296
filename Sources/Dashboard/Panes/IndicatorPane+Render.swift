import Analysis
import Reports
import TerminalUI
import ThreatModel

extension IndicatorPane {
    /// Column widths for a content width: the value takes the rest; columns that do not fit go.
    static func layout(width: Int) -> [(Column, Int)] {
        var columns: [(Column, Int)] = [
            (.type, 14), (.ids, 3), (.category, 16), (.event, 22), (.org, 12), (.firstSeen, 10), (.lastSeen, 10), (.tags, 18),
        ]
        let valueMinimum = 24
        func used(_ c: [(Column, Int)]) -> Int { c.reduce(0) { $0 + $1.1 + 1 } }
        for drop in [Column.tags, .lastSeen, .firstSeen, .org, .category, .event] where used(columns) + valueMinimum > width {
            columns.removeAll { $0.0 == drop }
        }
        let value = max(0, width - used(columns))
        // Type and value first, as one reads an indicator.
        var out = Array(columns.prefix(1))
        out.append((.value, value))
        out += columns.dropFirst()
        return out
    }

    /// A cell's text: values defanged; dates as their day; the event as its date and summary.
    static func cell(_ column: Column, _ i: Indicator, _ d: Dataset, event: Int) -> String {
        switch column {
        case .event:
            let e = d.events[event]
            return e.span.start.description + " " + e.summary
        case .type: return i.type
        case .value: return shownValue(i)
        case .category: return i.category
        case .ids: return i.toIDS ? "yes" : ""
        case .org: return i.org ?? ""
        case .firstSeen: return i.firstSeen.map { String($0.prefix(10)) } ?? ""
        case .lastSeen: return i.lastSeen.map { String($0.prefix(10)) } ?? ""
        case .tags: return i.tags.joined(separator: ", ")
        }
    }

    /// The value as the screen shows it: defanged, "(empty)" for none, its length when cut.
    static func shownValue(_ i: Indicator) -> String {
        if i.value.isEmpty { return "(empty)" }
        let shown = Defang.value(i.value, type: i.type)
        return i.isCut ? shown + " … (" + Format.plural(i.length, "byte") + ")" : shown
    }

    public static func render(_ state: AppState, into buffer: inout Buffer, area: Rect, focused: Bool) {
        guard !area.isEmpty else { return }
        let s = self.state(state)
        let d = state.dataset
        let content = LineList.content(area)
        guard !s.order.isEmpty else {
            let text = d.indicators.isEmpty ? "No MISP indicators in the loaded data (they come from MISP events)." : "No indicators in view."
            buffer.put(text, x: content.x, y: area.y, style: Style(.muted), maxWidth: content.width)
            return
        }
        let events = d.indicatorTable.eventOfIndicator
        SortedTable.render(
            columns: layout(width: content.width), title: \.title, sortColumn: s.sortColumn, descending: s.descending, rowCount: s.order.count,
            cursor: s.cursor, anchor: state.scrollAnchor(id), focused: focused, glyphs: state.glyphs, into: &buffer, area: area, content: content
        ) { k in
            let position = s.order[k]
            let i = d.indicators[position]
            let event = Int(events[position])
            return { column in
                switch column {
                case .value: return (cell(column, i, d, event: event), Style(i.value.isEmpty || i.isCut ? .warning : .text, attributes: .bold))
                case .ids: return (cell(column, i, d, event: event), Style(.accent))
                case .type: return (cell(column, i, d, event: event), Style(.text))
                default: return (cell(column, i, d, event: event), Style(.muted))
                }
            }
        }
    }
}
