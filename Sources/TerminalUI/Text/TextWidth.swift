import CTextWidth

/// Display width as the C library (and therefore ncurses) computes it, so what we lay out is
/// what the terminal draws. Requires a UTF-8 LC_CTYPE; `Locale.prepare` sees to it.
public enum TextWidth {
    /// Columns of one scalar: -1 when the C library calls it non-printable.
    @inline(__always)
    public static func width(of scalar: Unicode.Scalar) -> Int {
        let v = scalar.value
        if v >= 0x20 && v < 0x7F { return 1 }
        return Int(td_wcwidth(v))
    }

    /// Width of sanitised text (the sum of its graphemes).
    public static func width(of text: String, ascii: Bool = false) -> Int {
        let utf8 = text.utf8
        if utf8.count <= TerminalText.defaultLimit && utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) { return utf8.count }
        return TerminalText.graphemes(text, ascii: ascii).reduce(0) { $0 + $1.width }
    }
}
