/// Large figures drawn with block characters, scaled to the space: each bit of a 3×5 font
/// becomes a square of `scale` columns by `scale` half-rows, drawn with full and half blocks
/// (▀ ▄ █), so a wall figure reads across a room. The ASCII set draws with '#' at whole rows.
public struct BlockDigits: Widget {
    public var text: String
    public var style: Style
    public var glyphs: GlyphSet
    public var scale: Int

    public init(_ text: String, style: Style = Style(.accent, attributes: .bold), glyphs: GlyphSet, scale: Int = 2) {
        self.text = text
        self.style = style
        self.glyphs = glyphs
        self.scale = max(1, scale)
    }

    /// 3-wide, 5-high bitmaps; '1' marks a filled bit. Digits, signs, and capitals for labels.
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
        "≤": ["001", "010", "001", "000", "111"], "+": ["000", "010", "111", "010", "000"],
        ",": ["000", "000", "000", "010", "100"], ":": ["000", "010", "000", "010", "000"],
        "/": ["001", "001", "010", "100", "100"], "(": ["010", "100", "100", "100", "010"],
        ")": ["010", "001", "001", "001", "010"], "'": ["010", "010", "000", "000", "000"],
        "&": ["010", "101", "010", "101", "011"], "?": ["111", "001", "010", "000", "010"],
        "A": ["010", "101", "111", "101", "101"], "B": ["110", "101", "110", "101", "110"],
        "C": ["011", "100", "100", "100", "011"], "D": ["110", "101", "101", "101", "110"],
        "E": ["111", "100", "110", "100", "111"], "F": ["111", "100", "110", "100", "100"],
        "G": ["011", "100", "101", "101", "011"], "H": ["101", "101", "111", "101", "101"],
        "I": ["111", "010", "010", "010", "111"], "J": ["001", "001", "001", "101", "010"],
        "K": ["101", "101", "110", "101", "101"], "L": ["100", "100", "100", "100", "111"],
        "M": ["101", "111", "111", "101", "101"], "N": ["110", "101", "101", "101", "101"],
        "O": ["010", "101", "101", "101", "010"], "P": ["110", "101", "110", "100", "100"],
        "Q": ["010", "101", "101", "110", "011"], "R": ["110", "101", "110", "101", "101"],
        "S": ["011", "100", "010", "001", "110"], "T": ["111", "010", "010", "010", "010"],
        "U": ["101", "101", "101", "101", "111"], "V": ["101", "101", "101", "101", "010"],
        "W": ["101", "101", "111", "111", "101"], "X": ["101", "101", "010", "101", "101"],
        "Y": ["101", "101", "010", "010", "010"], "Z": ["111", "001", "010", "100", "111"],
    ]

    /// True when every character has a glyph (lower case is drawn as capitals).
    public static func canDraw(_ text: String) -> Bool { text.uppercased().allSatisfy { font[$0] != nil } }

    /// Rows needed at `scale`: five bits of `scale` half-rows each (whole rows in ASCII).
    public static func height(scale: Int, ascii: Bool = false) -> Int {
        let s = max(1, scale)
        return ascii ? 5 * ((s + 1) / 2) : (5 * s + 1) / 2
    }

    /// Columns needed: 3 bits per character plus one bit between characters.
    public static func width(of text: String, scale: Int = 1) -> Int { text.isEmpty ? 0 : (text.count * 4 - 1) * max(1, scale) }

    /// The largest scale whose figure fits `width` × `height`; 0 when even scale 1 does not.
    public static func scale(toFit text: String, width: Int, height: Int, ascii: Bool = false) -> Int {
        var s = 0
        while BlockDigits.width(of: text, scale: s + 1) <= width && BlockDigits.height(scale: s + 1, ascii: ascii) <= height && s < 200 { s += 1 }
        return s
    }

    public func render(into buffer: inout Buffer, area: Rect) {
        let s = scale
        guard area.height >= BlockDigits.height(scale: s, ascii: glyphs.ascii), area.width > 0 else {
            buffer.put(text, x: area.x, y: area.y, style: style, maxWidth: area.width)
            return
        }
        let chars = Array(text.uppercased())
        func bit(_ px: Int, _ py: Int) -> Bool {
            // px, py in bit-scaled pixels; characters are 4 bits apart (3 + gap).
            let charIndex = px / (4 * s), inChar = px % (4 * s)
            guard charIndex < chars.count, inChar < 3 * s, py >= 0, py < 5 * s, let rows = BlockDigits.font[chars[charIndex]] else { return false }
            let row = Array(rows[py / s])
            return row[inChar / s] == "1"
        }
        let totalWidth = min(area.width, BlockDigits.width(of: text, scale: s))
        if glyphs.ascii {
            // Whole rows: each bit is `scale` columns by ceil(scale/2) rows.
            let rowsPerBit = (s + 1) / 2
            for y in 0..<(5 * rowsPerBit) where y < area.height {
                for x in 0..<totalWidth where bit(x, (y / rowsPerBit) * s) {
                    buffer.set(area.x + x, area.y + y, Cell("#", style: style))
                }
            }
            return
        }
        let rows = BlockDigits.height(scale: s)
        for y in 0..<rows {
            for x in 0..<totalWidth {
                let top = bit(x, 2 * y), bottom = bit(x, 2 * y + 1)
                let glyph = top && bottom ? "█" : top ? "▀" : bottom ? "▄" : nil
                if let glyph { buffer.set(area.x + x, area.y + y, Cell(glyph, style: style)) }
            }
        }
    }
}
