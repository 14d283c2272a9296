/// A bordered box with a title on the top edge and an optional note on the right;
/// focused blocks use the heavy line set and the focused-border role, so focus shows even
/// in monochrome.
public struct Block: Widget {
    public var title: String
    public var note: String
    public var focused: Bool
    public var glyphs: GlyphSet

    public init(title: String, note: String = "", focused: Bool = false, glyphs: GlyphSet) {
        self.title = title
        self.note = note
        self.focused = focused
        self.glyphs = glyphs
    }

    /// The area inside the border.
    public static func inner(_ area: Rect) -> Rect { area.inset(by: 1) }

    public func render(into buffer: inout Buffer, area: Rect) {
        guard area.width >= 2, area.height >= 2 else { return }
        let box = focused ? glyphs.boxFocused : glyphs.box
        let style = Style(focused ? .borderFocused : .border, attributes: focused ? .bold : [])
        let right = area.maxX - 1, bottom = area.maxY - 1
        let horizontal = Cell(box.horizontal, style: style), vertical = Cell(box.vertical, style: style)
        for x in area.x + 1..<right {
            buffer.set(x, area.y, horizontal)
            buffer.set(x, bottom, horizontal)
        }
        for y in area.y + 1..<bottom {
            buffer.set(area.x, y, vertical)
            buffer.set(right, y, vertical)
        }
        buffer.set(area.x, area.y, Cell(box.topLeft, style: style))
        buffer.set(right, area.y, Cell(box.topRight, style: style))
        buffer.set(area.x, bottom, Cell(box.bottomLeft, style: style))
        buffer.set(right, bottom, Cell(box.bottomRight, style: style))
        // Title: "─ Title ─", clipped with an ellipsis, leaving room for the note.
        let room = area.width - 4
        guard room > 0 else { return }
        let noteWidth = note.isEmpty ? 0 : min(TextWidth.width(of: note, ascii: buffer.ascii) + 2, room / 2)
        let titleRoom = room - (noteWidth > 0 ? noteWidth + 1 : 0)
        if titleRoom > 2 && !title.isEmpty {
            let titleStyle = Style(focused ? .borderFocused : .title, attributes: .bold)
            buffer.set(area.x + 1, area.y, Cell(" ", style: style))
            let used = buffer.put(title, x: area.x + 2, y: area.y, style: titleStyle, maxWidth: titleRoom - 2)
            buffer.set(area.x + 2 + used, area.y, Cell(" ", style: style))
        }
        if noteWidth > 2 {
            let x = right - noteWidth
            buffer.set(x, area.y, Cell(" ", style: style))
            buffer.put(note, x: x + 1, y: area.y, style: Style(.muted), maxWidth: noteWidth - 2)
            buffer.set(right - 1, area.y, Cell(" ", style: style))
        }
    }
}
