import ThreatModel
import Reports
import TerminalUI

/// One row of a pane: how to draw it and, if the cursor can rest on it, which item it is.
struct PaneLine {
    var item: Int?
    var draw: (inout Buffer, Rect) -> Void

    init(item: Int? = nil, draw: @escaping (inout Buffer, Rect) -> Void) {
        self.item = item
        self.draw = draw
    }

    static func text(_ text: String, style: Style = .plain, item: Int? = nil) -> PaneLine {
        PaneLine(item: item) { buffer, row in buffer.put(text, x: row.x, y: row.y, style: style, maxWidth: row.width) }
    }

    static var blank: PaneLine { PaneLine { _, _ in } }
}

/// Draws pane lines with the cursor kept in view. The left column holds the cursor pointer
/// (so the cursor shows without colour) and the right column the scroll marks, so a mark
/// never covers a digit. Scrolling is a pure function of the cursor (the list scrolls once
/// the cursor would come within two lines of the edge) and, in a zoomed pane, of where the
/// cursor was when it was zoomed (the list starts there while the cursor stays in sight), so
/// the live screen and `snapshot` agree for the same state.
enum LineList {
    /// The area lines draw into: inside the pointer and scroll-mark columns.
    static func content(_ area: Rect) -> Rect { area.inset(left: 1, right: 1) }

    static func top(lineCount: Int, height: Int, cursorLine: Int?, anchorLine: Int? = nil) -> Int {
        guard let cursorLine, lineCount > height, height > 0 else { return 0 }
        let margin = min(2, max(0, (height - 1) / 2))
        if let anchorLine {
            // Zoomed: the list starts at the line the cursor was on, as long as the cursor is in sight.
            let start = max(0, min(anchorLine - margin, lineCount - height))
            if cursorLine >= start && cursorLine < start + height { return start }
        }
        return max(0, min(cursorLine - (height - 1 - margin), lineCount - height))
    }

    /// The item drawn at screen row `y`, for mouse clicks.
    static func item(at y: Int, lines: [PaneLine], cursor: Int?, area: Rect, anchor: Int? = nil) -> Int? {
        let cursorLine = cursor.flatMap { c in lines.firstIndex { $0.item == c } }
        let anchorLine = anchor.flatMap { a in lines.firstIndex { $0.item == a } }
        let top = top(lineCount: lines.count, height: area.height, cursorLine: cursorLine, anchorLine: anchorLine)
        let index = top + y - area.y
        guard area.height > 0, lines.indices.contains(index) else { return nil }
        return lines[index].item
    }

    static func render(_ lines: [PaneLine], cursor: Int?, focused: Bool, into buffer: inout Buffer, area: Rect, glyphs: GlyphSet, anchor: Int? = nil) {
        guard !area.isEmpty else { return }
        let cursorLine = cursor.flatMap { c in lines.firstIndex { $0.item == c } }
        let anchorLine = anchor.flatMap { a in lines.firstIndex { $0.item == a } }
        let top = top(lineCount: lines.count, height: area.height, cursorLine: cursorLine, anchorLine: anchorLine)
        let content = content(area)
        for (row, line) in lines.dropFirst(top).prefix(area.height).enumerated() {
            let y = area.y + row
            if content.width > 0 { line.draw(&buffer, Rect(x: content.x, y: y, width: content.width, height: 1)) }
            if let c = cursorLine, c == top + row {
                buffer.put(glyphs.pointer, x: area.x, y: y, style: Style(focused ? .accent : .muted, attributes: .bold))
                if focused { buffer.restyle(Rect(x: area.x, y: y, width: area.width, height: 1)) { $0.on(.selection) } }
            }
        }
        guard area.width >= 2 else { return }
        if top > 0 { buffer.put(glyphs.arrowUp, x: area.maxX - 1, y: area.y, style: Style(.muted)) }
        if top + area.height < lines.count { buffer.put(glyphs.arrowDown, x: area.maxX - 1, y: area.maxY - 1, style: Style(.muted)) }
    }

    /// The new cursor for a movement command over `count` items, or nil when the command is
    /// not a movement. `page` is the number of rows a page moves.
    static func step(_ command: Command, cursor: Int, count: Int, page: Int) -> Int? {
        let last = max(0, count - 1)
        let c = min(max(0, cursor), last)
        switch command {
        case .down: return min(c + 1, last)
        case .up: return max(0, c - 1)
        case .pageDown: return min(c + max(1, page), last)
        case .pageUp: return max(0, c - max(1, page))
        case .first: return 0
        case .last: return last
        default: return nil
        }
    }
}
