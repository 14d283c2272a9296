import TerminalUI

/// A sortable table pane's drawing (events, indicators): the column titles with the sort
/// column marked, then only the rows on screen as a list under the cursor, and arrows where
/// more rows lie. A million rows cost nothing to scroll: rows off screen are never built.
enum SortedTable {
    /// `cells(k)` gives row `k`'s text and style per column; it is asked for visible rows only.
    static func render<Column: Equatable>(
        columns: [(Column, Int)], title: (Column) -> String, sortColumn: Column, descending: Bool, rowCount: Int, cursor: Int, anchor: Int?,
        focused: Bool, glyphs: GlyphSet, into buffer: inout Buffer, area: Rect, content: Rect, cells: (Int) -> (Column) -> (text: String, style: Style)
    ) {
        var x = content.x
        for (column, width) in columns where width > 0 {
            var text = title(column)
            if column == sortColumn { text += descending ? glyphs.arrowDown : glyphs.arrowUp }
            buffer.put(text, x: x, y: area.y, style: Style(column == sortColumn ? .accent : .muted, attributes: .bold), maxWidth: width)
            x += width + 1
        }
        let rows = Rect(x: area.x, y: area.y + 1, width: area.width, height: area.height - 1)
        let top = LineList.top(lineCount: rowCount, height: rows.height, cursorLine: cursor, anchorLine: anchor)
        var lines: [PaneLine] = []
        for k in (0..<rowCount).dropFirst(top).prefix(rows.height) {
            let cell = cells(k)
            lines.append(
                PaneLine(item: k) { buffer, row in
                    var x = row.x
                    for (column, width) in columns where width > 0 {
                        let c = cell(column)
                        buffer.put(c.text, x: x, y: row.y, style: c.style, maxWidth: min(width, row.maxX - x))
                        x += width + 1
                    }
                })
        }
        // The visible slice is a list of its own, the cursor relative to it.
        LineList.render(
            lines, cursor: cursor, focused: focused, into: &buffer, area: Rect(x: rows.x, y: rows.y, width: rows.width, height: min(rows.height, lines.count)),
            glyphs: glyphs)
        if top > 0 { buffer.put(glyphs.arrowUp, x: area.maxX - 1, y: rows.y, style: Style(.muted)) }
        if top + rows.height < rowCount { buffer.put(glyphs.arrowDown, x: area.maxX - 1, y: rows.maxY - 1, style: Style(.muted)) }
    }
}
