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

/// Draws pane lines with the cursor kept in view. Scrolling is a pure function of the
/// cursor (the list starts at the top and scrolls only once the cursor would come within
/// two lines of the bottom), so the live screen and `snapshot` agree for the same state.
enum LineList {
    static func top(lineCount: Int, height: Int, cursorLine: Int?) -> Int {
        guard let cursorLine, lineCount > height, height > 0 else { return 0 }
        let margin = min(2, max(0, (height - 1) / 2))
        return max(0, min(cursorLine - (height - 1 - margin), lineCount - height))
    }

    static func render(_ lines: [PaneLine], cursor: Int?, focused: Bool, into buffer: inout Buffer, area: Rect, glyphs: GlyphSet) {
        guard !area.isEmpty else { return }
        let cursorLine = cursor.flatMap { c in lines.firstIndex { $0.item == c } }
        let top = top(lineCount: lines.count, height: area.height, cursorLine: cursorLine)
        // One column on the left holds the cursor pointer, so the cursor shows without colour.
        let content = area.inset(left: 1)
        for (row, line) in lines.dropFirst(top).prefix(area.height).enumerated() {
            let y = area.y + row
            line.draw(&buffer, Rect(x: content.x, y: y, width: content.width, height: 1))
            if let c = cursorLine, c == top + row {
                buffer.put(glyphs.pointer, x: area.x, y: y, style: Style(focused ? .accent : .muted, attributes: .bold))
                if focused { buffer.restyle(Rect(x: area.x, y: y, width: area.width, height: 1)) { $0.on(.selection) } }
            }
        }
        if top > 0 { buffer.put(glyphs.arrowUp, x: area.maxX - 1, y: area.y, style: Style(.muted)) }
        if top + area.height < lines.count { buffer.put(glyphs.arrowDown, x: area.maxX - 1, y: area.maxY - 1, style: Style(.muted)) }
    }
}

/// Number formatting shared by the panes.
enum Format {
    /// "43.6%" for 0.436.
    static func percent(_ fraction: Double) -> String {
        let tenths = Int((fraction * 1000).rounded())
        return "\(tenths / 10).\(tenths % 10)%"
    }

    /// "1,234".
    static func count(_ n: Int) -> String {
        let s = String(abs(n))
        var out = ""
        for (i, ch) in s.enumerated() {
            if i > 0 && (s.count - i) % 3 == 0 { out += "," }
            out.append(ch)
        }
        return (n < 0 ? "-" : "") + out
    }

    static func padLeft(_ s: String, _ width: Int) -> String {
        let w = TextWidth.width(of: s)
        return w >= width ? s : String(repeating: " ", count: width - w) + s
    }

    static func padRight(_ s: String, _ width: Int) -> String {
        let w = TextWidth.width(of: s)
        return w >= width ? s : s + String(repeating: " ", count: width - w)
    }
}
