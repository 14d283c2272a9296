/// Text wrapped to a width by display columns, never splitting a grapheme; words longer than
/// a line are broken. Lines can be scrolled.
public struct Paragraph: Widget {
    public var lines: [(text: String, style: Style)]
    public var scroll: Int

    public init(_ lines: [(text: String, style: Style)], scroll: Int = 0) {
        self.lines = lines
        self.scroll = scroll
    }

    public init(_ text: String, style: Style = .plain) {
        self.init([(text, style)])
    }

    /// Wraps one string into lines of at most `width` columns. Leading spaces indent every
    /// line of the wrapped text (a hanging list keeps its shape).
    public static func wrap(_ text: String, width: Int, ascii: Bool) -> [[Grapheme]] {
        guard width > 0 else { return [] }
        let indent = min(text.prefix { $0 == " " }.count, width / 2)
        if indent > 0 {
            let pad = Array(repeating: Grapheme.space, count: indent)
            return wrap(String(text.dropFirst(indent)), width: width - indent, ascii: ascii).map { pad + $0 }
        }
        let graphemes = TerminalText.graphemes(text, ascii: ascii)
        var lines: [[Grapheme]] = []
        var line: [Grapheme] = []
        var lineWidth = 0
        var word: [Grapheme] = []
        var wordWidth = 0
        func flushWord() {
            if wordWidth > width {
                // Break an over-long word across lines.
                for g in word {
                    if lineWidth + g.width > width { lines.append(line); line = []; lineWidth = 0 }
                    line.append(g)
                    lineWidth += g.width
                }
            } else if lineWidth + wordWidth > width {
                while line.last?.isSpace == true { line.removeLast(); lineWidth -= 1 }
                lines.append(line)
                line = word
                lineWidth = wordWidth
            } else {
                line += word
                lineWidth += wordWidth
            }
            word = []
            wordWidth = 0
        }
        for g in graphemes {
            if g.isSpace {
                flushWord()
                if lineWidth > 0 && lineWidth < width { line.append(g); lineWidth += 1 }
            } else {
                word.append(g)
                wordWidth += g.width
            }
        }
        flushWord()
        while line.last?.isSpace == true { line.removeLast() }
        if !line.isEmpty || lines.isEmpty { lines.append(line) }
        return lines
    }

    /// The wrapped lines with their styles, for callers that need the count to scroll.
    public func layout(width: Int, ascii: Bool) -> [(graphemes: [Grapheme], style: Style)] {
        lines.flatMap { entry in Paragraph.wrap(entry.text, width: width, ascii: ascii).map { ($0, entry.style) } }
    }

    public func render(into buffer: inout Buffer, area: Rect) {
        guard !area.isEmpty else { return }
        let wrapped = layout(width: area.width, ascii: buffer.ascii)
        let start = max(0, min(scroll, max(0, wrapped.count - 1)))
        for (row, entry) in wrapped.dropFirst(start).prefix(area.height).enumerated() {
            buffer.putGraphemes(entry.graphemes, x: area.x, y: area.y + row, style: entry.style, maxWidth: area.width)
        }
    }
}
