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
        let columns = layout(width: content.width)
        var x = content.x
        for (column, width) in columns where width > 0 {
            var title = column.title
            if column == s.sortColumn { title += s.descending ? state.glyphs.arrowDown : state.glyphs.arrowUp }
            buffer.put(title, x: x, y: area.y, style: Style(column == s.sortColumn ? .accent : .muted, attributes: .bold), maxWidth: width)
            x += width + 1
        }
        let rows = Rect(x: area.x, y: area.y + 1, width: area.width, height: area.height - 1)
        let top = LineList.top(lineCount: s.order.count, height: rows.height, cursorLine: s.cursor, anchorLine: state.scrollAnchor(id))
        var lines: [PaneLine] = []
        let events = d.indicatorTable.eventOfIndicator
        // Only the rows on screen are built.
        for k in s.order.indices.dropFirst(top).prefix(rows.height) {
            let position = s.order[k]
            let i = d.indicators[position]
            let event = Int(events[position])
            lines.append(
                PaneLine(item: k) { buffer, row in
                    var x = row.x
                    for (column, width) in columns where width > 0 {
                        let style: Style
                        switch column {
                        case .value: style = Style(i.value.isEmpty || i.isCut ? .warning : .text, attributes: .bold)
                        case .ids: style = Style(.accent)
                        case .type: style = Style(.text)
                        default: style = Style(.muted)
                        }
                        buffer.put(cell(column, i, d, event: event), x: x, y: row.y, style: style, maxWidth: min(width, row.maxX - x))
                        x += width + 1
                    }
                })
        }
        LineList.render(
            lines, cursor: s.cursor, focused: focused, into: &buffer,
            area: Rect(x: rows.x, y: rows.y, width: rows.width, height: min(rows.height, lines.count)), glyphs: state.glyphs)
        if top > 0 { buffer.put(state.glyphs.arrowUp, x: area.maxX - 1, y: rows.y, style: Style(.muted)) }
        if top + rows.height < s.order.count { buffer.put(state.glyphs.arrowDown, x: area.maxX - 1, y: rows.maxY - 1, style: Style(.muted)) }
    }
}
