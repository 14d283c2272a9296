import Reports
import TerminalUI

/// Text as a screen reader should hear it: data sanitised like everything else from a file,
/// drawing characters (box lines, blocks, shades, braille) removed, symbols as words
/// ("43.6%" → "43.6 percent", "→" → "to", "▲" → "up"), one space between words.
public enum Spoken {
    /// Symbols said as words. Order matters: "≥" before ">".
    static let words: [(String, String)] = [
        (" → ", " to "), ("→", " to "), ("←", " from "), (" · ", ", "), ("·", ", "), ("…", "..."),
        ("▲", " up "), ("▼", " down "), ("≥", "at least "), ("≤", "at most "), (">=", "at least "), ("<=", "at most "),
        (">", "more than "), ("<", "less than "), ("%", " percent"), ("−", "minus "),
        ("Σ", "total"), ("×", " by "), ("±", "plus or minus "), ("—", ", "), ("–", " to "),
    ]

    /// True for characters that draw rather than say: box drawing, blocks and shades,
    /// geometric shapes, arrows used as marks, braille patterns.
    public static func isDrawing(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        return (0x2500...0x259F).contains(v) || (0x25A0...0x25FF).contains(v) || (0x2800...0x28FF).contains(v)
            || (0x2190...0x21FF).contains(v) || v == 0x2581 || v == 0x2758
    }

    /// A sentence fit to be spoken and shown on a braille line. Symbols become words and
    /// drawing goes before the text is sanitised (which, outside a UTF-8 locale, writes what
    /// it cannot show as `<U+…>`, and those marks must not be read as "less than").
    public static func clean(_ raw: String) -> String {
        var text = raw
        for (symbol, word) in words where text.contains(symbol) { text = text.replacingOccurrences(symbol, word) }
        // Percentage points as `Format.points` writes them: "+4.2 pp".
        for tail in [" pp)", " pp,", " pp "] where text.contains(tail) {
            text = text.replacingOccurrences(tail, " percentage points" + String(tail.dropFirst(3)))
        }
        if text.hasSuffix(" pp") { text = String(text.dropLast(3)) + " percentage points" }
        text = TerminalText.sanitize(String(String.UnicodeScalarView(text.unicodeScalars.map { isDrawing($0) ? " " : $0 })))
        var out = ""
        var space = false
        for scalar in text.unicodeScalars {
            if isDrawing(scalar) || scalar == " " || scalar == "\t" {
                space = !out.isEmpty
                continue
            }
            if space && !(scalar == "," || scalar == "." || scalar == ";" || scalar == ":") { out += " " }
            space = false
            out.unicodeScalars.append(scalar)
        }
        return out
    }

    /// A line naming keys, with arrows as key names ("↑ k" is "Up k", not "from").
    public static func keys(_ raw: String) -> String {
        var text = raw
        for (arrow, name) in [("↑", "Up "), ("↓", "Down "), ("←", "Left "), ("→", "Right "), ("1 … 6", "1 to 6")] {
            text = text.replacingOccurrences(arrow, name)
        }
        return clean(text)
    }

    /// "43.6 percent" for 0.436.
    public static func percent(_ fraction: Double) -> String { clean(Format.percent(fraction)) }

    /// "3 of 12." — where a row sits among its pane's rows.
    public static func ordinal(_ position: Int, of count: Int) -> String { "\(position) of \(count)." }

    /// Words joined as a list: "a, b and c".
    public static func list(_ items: [String], empty: String = "none") -> String {
        switch items.count {
        case 0: return empty
        case 1: return items[0]
        default: return items.dropLast().joined(separator: ", ") + " and " + items.last!
        }
    }
}
