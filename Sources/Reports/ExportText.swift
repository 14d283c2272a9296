/// Data text made as safe for exports as `TerminalText` makes it for the screen. A brief or a
/// JSON document is read in a terminal (`cat`, `less -R`, `jq -r`) as often as in an editor,
/// so no terminal control may reach one: C0 controls other than tab and line feed, DEL, C1
/// controls (U+0080 to U+009F: U+009B is CSI to some terminals, U+009D OSC) and the bidi
/// controls of Trojan Source each become U+FFFD, visibly replaced, never silently dropped.
public enum ExportText {
    /// `text` with every terminal control replaced; tab and line feed stay.
    public static func clean(_ text: String) -> String {
        // Fast path: most text has nothing to replace, and most of it is ASCII.
        if text.utf8.allSatisfy({ ($0 >= 0x20 && $0 < 0x7F) || $0 == 0x0A || $0 == 0x09 }) { return text }
        guard text.unicodeScalars.contains(where: isControl) else { return text }
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars { out.append(isControl(scalar) ? "\u{FFFD}" : scalar) }
        return String(out)
    }

    /// Whether `scalar` must not reach an export: what the screen escapes as a control.
    public static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        if v == 0x09 || v == 0x0A { return false }
        return v < 0x20 || (v >= 0x7F && v <= 0x9F) || (v >= 0x202A && v <= 0x202E) || (v >= 0x2066 && v <= 0x2069)
            || v == 0x200E || v == 0x200F || v == 0x061C
    }
}
