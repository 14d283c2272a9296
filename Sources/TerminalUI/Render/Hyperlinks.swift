/// OSC 8 hyperlinks over a drawn frame: every whole http(s) URL on screen becomes a link the
/// terminal can open, without changing a cell. The backend draws the frame as usual, then
/// writes `overlay` (save cursor, go to the URL, the same text with its own colours inside
/// OSC 8, restore cursor), so the screen and the curses library's idea of it stay the same.
public enum Hyperlinks {
    public struct Span: Equatable, Sendable {
        public var x: Int
        public var y: Int
        public var url: String
        public init(x: Int, y: Int, url: String) {
            self.x = x
            self.y = y
            self.url = url
        }
    }

    /// URLs shown whole: `http://` or `https://` followed by printable ASCII up to a space or
    /// the end of the row. A URL cut with an ellipsis, or holding anything else, is not a link
    /// (the terminal would open something other than what the screen shows).
    public static func spans(in buffer: Buffer) -> [Span] {
        var out: [Span] = []
        for y in 0..<buffer.height {
            var row: [UInt8] = []
            row.reserveCapacity(buffer.width)
            for x in 0..<buffer.width {
                let t = buffer[x, y].text
                let u = Array(t.utf8)
                row.append(u.count == 1 && u[0] > 0x20 && u[0] < 0x7F ? u[0] : 0x20)
                if t == "…" { row[row.count - 1] = 0x01 }
            }
            var x = 0
            while x < row.count {
                let rest = row[x...]
                let scheme: Int
                if rest.starts(with: Array("https://".utf8)) { scheme = 8 } else if rest.starts(with: Array("http://".utf8)) { scheme = 7 } else { x += 1; continue }
                var end = x + scheme
                while end < row.count && row[end] > 0x20 && row[end] < 0x7F { end += 1 }
                let cut = end < row.count && row[end] == 0x01
                // Trailing punctuation belongs to the sentence, not the URL.
                while end > x + scheme && [UInt8(ascii: "."), UInt8(ascii: ","), UInt8(ascii: ")"), UInt8(ascii: ";")].contains(row[end - 1]) { end -= 1 }
                if !cut && end > x + scheme + 2 {
                    out.append(Span(x: x, y: y, url: String(decoding: row[x..<end], as: UTF8.self)))
                }
                x = end + 1
            }
        }
        return out
    }

    /// The bytes that turn `spans` into links on a terminal showing `buffer`.
    public static func overlay(_ buffer: Buffer, palette: Palette, spans: [Span]) -> String {
        guard !spans.isEmpty else { return "" }
        var out = "\u{1B}7"
        for s in spans {
            out += "\u{1B}[\(s.y + 1);\(s.x + 1)H"
            var current: String?
            out += "\u{1B}]8;;" + s.url + "\u{1B}\\"
            for (k, c) in s.url.enumerated() {
                let r = palette.resolve(buffer[s.x + k, s.y].style)
                let sgr = AnsiRenderer.sgr(r.foreground, r.background, r.attributes, tier: palette.tier)
                if sgr != current { out += sgr; current = sgr }
                out.append(c)
            }
            out += "\u{1B}]8;;\u{1B}\\"
        }
        return out + "\u{1B}8"
    }
}
