/// Large numbers drawn with block characters (five rows high), readable across a SOC room;
/// the ASCII set draws them with '#'.
public struct BlockDigits: Widget {
    public var text: String
    public var style: Style
    public var glyphs: GlyphSet

    public init(_ text: String, style: Style = Style(.accent, attributes: .bold), glyphs: GlyphSet) {
        self.text = text
        self.style = style
        self.glyphs = glyphs
    }

    /// 3-wide, 5-high bitmaps; '1' marks a filled cell.
    static let font: [Character: [String]] = [
        "0": ["111", "101", "101", "101", "111"], "1": ["010", "110", "010", "010", "111"],
        "2": ["111", "001", "111", "100", "111"], "3": ["111", "001", "111", "001", "111"],
        "4": ["101", "101", "111", "001", "001"], "5": ["111", "100", "111", "001", "111"],
        "6": ["111", "100", "111", "101", "111"], "7": ["111", "001", "010", "010", "010"],
        "8": ["111", "101", "111", "101", "111"], "9": ["111", "101", "111", "001", "111"],
        "%": ["101", "001", "010", "100", "101"], ">": ["100", "010", "001", "010", "100"],
        "<": ["001", "010", "100", "010", "001"], "~": ["000", "011", "110", "000", "000"],
        ".": ["000", "000", "000", "000", "010"], "-": ["000", "000", "111", "000", "000"],
        " ": ["000", "000", "000", "000", "000"], "≥": ["100", "010", "100", "000", "111"],
        "≤": ["001", "010", "001", "000", "111"],
    ]

    public static let height = 5

    /// Columns needed: 3 per character plus 1 between characters.
    public static func width(of text: String) -> Int { text.isEmpty ? 0 : text.count * 4 - 1 }

    public func render(into buffer: inout Buffer, area: Rect) {
        guard area.height >= BlockDigits.height else {
            buffer.put(text, x: area.x, y: area.y, style: style, maxWidth: area.width)
            return
        }
        let fill = glyphs.ascii ? "#" : "█"
        var x = area.x
        for ch in text {
            guard let rows = BlockDigits.font[ch], x + 3 <= area.maxX else { break }
            for (dy, row) in rows.enumerated() {
                for (dx, bit) in row.enumerated() where bit == "1" {
                    buffer.set(x + dx, area.y + dy, Cell(fill, style: style))
                }
            }
            x += 4
        }
    }
}
