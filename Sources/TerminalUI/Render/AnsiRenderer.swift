/// Writes a buffer as text with SGR colour sequences: `snapshot --ansi`, for briefings and
/// `less -R`. Only SGR sequences are emitted, and only text that passed `TerminalText`.
public enum AnsiRenderer {
    public static func render(_ buffer: Buffer, palette: Palette) -> String {
        var out = ""
        out.reserveCapacity(buffer.width * buffer.height * 4)
        for y in 0..<buffer.height {
            var current: (TerminalColor, TerminalColor, Attributes)?
            for x in 0..<buffer.width {
                let cell = buffer[x, y]
                if cell.isContinuation { continue }
                let r = palette.resolve(cell.style)
                if current == nil || current!.0 != r.foreground || current!.1 != r.background || current!.2 != r.attributes {
                    out += sgr(r.foreground, r.background, r.attributes, tier: palette.tier)
                    current = (r.foreground, r.background, r.attributes)
                }
                out += cell.text
            }
            out += "\u{1B}[0m\n"
        }
        return out
    }

    public static func sgr(_ fg: TerminalColor, _ bg: TerminalColor, _ attributes: Attributes, tier: ColorTier) -> String {
        var codes = ["0"]
        if attributes.contains(.bold) { codes.append("1") }
        if attributes.contains(.dim) { codes.append("2") }
        if attributes.contains(.italic) { codes.append("3") }
        if attributes.contains(.underline) { codes.append("4") }
        if attributes.contains(.reverse) { codes.append("7") }
        codes.append(contentsOf: color(fg, foreground: true, tier: tier))
        codes.append(contentsOf: color(bg, foreground: false, tier: tier))
        return "\u{1B}[" + codes.joined(separator: ";") + "m"
    }

    static func color(_ c: TerminalColor, foreground: Bool, tier: ColorTier) -> [String] {
        switch c {
        case .default: return []
        case .rgb(let rgb): return [foreground ? "38" : "48", "2", String(rgb.r), String(rgb.g), String(rgb.b)]
        case .index(let i):
            if tier == .color256 { return [foreground ? "38" : "48", "5", String(i)] }
            if i < 8 { return [String((foreground ? 30 : 40) + i)] }
            return [String((foreground ? 90 : 100) + i - 8)]
        }
    }
}
