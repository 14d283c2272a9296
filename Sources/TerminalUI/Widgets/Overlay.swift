/// A centred box drawn over whatever is below it (help, problem list, search results).
public struct Overlay: Widget {
    public var title: String
    public var note: String
    public var lines: [(text: String, style: Style)]
    public var scroll: Int
    public var glyphs: GlyphSet
    public var preferredWidth: Int
    /// Long lines wrap, continuing indented, instead of being cut with an ellipsis: for
    /// messages that must be read whole (an error names its cause at the end).
    public var wrap: Bool

    public init(title: String, note: String = "", lines: [(text: String, style: Style)], scroll: Int = 0, glyphs: GlyphSet,
                preferredWidth: Int = 72, wrap: Bool = false) {
        self.title = title
        self.note = note
        self.lines = lines
        self.scroll = scroll
        self.glyphs = glyphs
        self.preferredWidth = preferredWidth
        self.wrap = wrap
    }

    /// Where the box goes inside `area`.
    public func frame(in area: Rect) -> Rect {
        frame(in: area, rows: rows(in: area, ascii: glyphs.ascii).count)
    }

    func frame(in area: Rect, rows: Int) -> Rect {
        let width = min(area.width, max(20, preferredWidth))
        let height = min(area.height, rows + 2)
        return Rect(x: area.x + (area.width - width) / 2, y: area.y + (area.height - height) / 2, width: width, height: max(3, height))
            .intersection(area)
    }

    /// The lines as drawn: one each, or wrapped to the box's inner width.
    func rows(in area: Rect, ascii: Bool) -> [(graphemes: [Grapheme], style: Style)] {
        let inner = min(area.width, max(20, preferredWidth)) - 4
        guard wrap, inner > 8 else { return lines.map { (TerminalText.graphemes($0.text, ascii: ascii), $0.style) } }
        let indent = Array(repeating: Grapheme.space, count: 2)
        return lines.flatMap { line in
            Paragraph.wrap(line.text, width: inner - 2, ascii: ascii).enumerated().map { (k, row) in (k == 0 ? row : indent + row, line.style) }
        }
    }

    /// The largest useful `scroll` in `area`: the last row at the bottom of the box.
    public func maxScroll(in area: Rect, ascii: Bool) -> Int {
        let rows = rows(in: area, ascii: ascii).count
        return max(0, rows - (frame(in: area, rows: rows).height - 2))
    }

    public func render(into buffer: inout Buffer, area: Rect) {
        let rows = rows(in: area, ascii: buffer.ascii)
        let box = frame(in: area, rows: rows.count)
        guard box.width >= 4, box.height >= 3 else { return }
        buffer.fill(box, Cell(" ", style: Style(.text)))
        Block(title: title, note: note, focused: true, glyphs: glyphs).render(into: &buffer, area: box)
        let inner = Block.inner(box).inset(left: 1, right: 1)
        let visible = max(0, inner.height)
        let start = max(0, min(scroll, max(0, rows.count - visible)))
        for (row, line) in rows.dropFirst(start).prefix(visible).enumerated() {
            buffer.putGraphemes(line.graphemes, x: inner.x, y: inner.y + row, style: line.style, maxWidth: inner.width)
        }
    }
}
