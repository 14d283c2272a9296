/// A centred box drawn over whatever is below it (help, problem list, search results).
public struct Overlay: Widget {
    public var title: String
    public var note: String
    public var lines: [(text: String, style: Style)]
    public var scroll: Int
    public var glyphs: GlyphSet
    public var preferredWidth: Int

    public init(title: String, note: String = "", lines: [(text: String, style: Style)], scroll: Int = 0, glyphs: GlyphSet, preferredWidth: Int = 72) {
        self.title = title
        self.note = note
        self.lines = lines
        self.scroll = scroll
        self.glyphs = glyphs
        self.preferredWidth = preferredWidth
    }

    /// Where the box goes inside `area`.
    public func frame(in area: Rect) -> Rect {
        let width = min(area.width, max(20, preferredWidth))
        let height = min(area.height, lines.count + 2)
        return Rect(x: area.x + (area.width - width) / 2, y: area.y + (area.height - height) / 2, width: width, height: max(3, height))
            .intersection(area)
    }

    public func render(into buffer: inout Buffer, area: Rect) {
        let box = frame(in: area)
        guard box.width >= 4, box.height >= 3 else { return }
        buffer.fill(box, Cell(" ", style: Style(.text)))
        Block(title: title, note: note, focused: true, glyphs: glyphs).render(into: &buffer, area: box)
        let inner = Block.inner(box).inset(left: 1, right: 1)
        let visible = max(0, inner.height)
        let start = max(0, min(scroll, max(0, lines.count - visible)))
        for (row, line) in lines.dropFirst(start).prefix(visible).enumerated() {
            buffer.put(line.text, x: inner.x, y: inner.y + row, style: line.style, maxWidth: inner.width)
        }
    }
}
