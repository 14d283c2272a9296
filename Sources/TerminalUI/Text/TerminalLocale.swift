import CTextWidth

/// The process locale, which decides display widths (wcwidth) and whether UTF-8 may be drawn.
public enum TerminalLocale {
    /// Sets the locale from the environment (`setlocale(LC_ALL, "")`), as every terminal
    /// program must before drawing; true when its character set is UTF-8.
    @discardableResult
    public static func prepare() -> Bool {
        _ = td_setlocale_from_environment()
        return isUTF8
    }

    /// Switches the character set to UTF-8 when the environment gave none (tests,
    /// benchmarks, snapshots rendered for a UTF-8 reader); true on success.
    @discardableResult
    public static func ensureUTF8() -> Bool { td_ensure_utf8_ctype() == 1 }

    public static var isUTF8: Bool { String(cString: td_codeset()) == "UTF-8" }
}
