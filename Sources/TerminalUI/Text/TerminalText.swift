/// The one gate between data and the terminal: turns any string into printable graphemes.
///
/// Threat feeds are attacker-influenced, so nothing from them may reach the terminal as a
/// control sequence. C0 controls become caret notation (ESC → `^[`), DEL `^?`; C1 controls,
/// bidi overrides and isolates (Trojan Source), zero-width and other format characters, and
/// anything the C library cannot print become `<U+XXXX>`. Newlines and tabs become spaces.
/// Over-long text is cut with an ellipsis; clusters are never split; a cluster keeps at most
/// four combining marks (the most a terminal cell holds), the rest shown as a `+N` note.
public enum TerminalText {
    /// The most graphemes any single string contributes, however long the data is.
    public static let defaultLimit = 2048

    public static func graphemes(_ text: String, ascii: Bool = false, limit: Int = defaultLimit) -> [Grapheme] {
        var out: [Grapheme] = []
        out.reserveCapacity(min(text.utf8.count, limit + 8))
        // Fast path: printable ASCII needs no per-character work.
        if text.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) {
            for byte in text.utf8.prefix(limit) { out.append(Grapheme(String(UnicodeScalar(byte)), width: 1)) }
            if text.utf8.count > limit { out.append(ellipsis(ascii)) }
            return out
        }
        var count = 0
        for character in text {
            if count >= limit {
                out.append(ellipsis(ascii))
                break
            }
            count += 1
            append(character, ascii: ascii, to: &out)
        }
        return out
    }

    /// The sanitised text as one string (for plain output such as `summary` and `validate`).
    public static func sanitize(_ text: String, ascii: Bool = false, limit: Int = defaultLimit) -> String {
        var s = ""
        for g in graphemes(text, ascii: ascii, limit: limit) { s += g.text }
        return s
    }

    /// Typographic characters with a common ASCII spelling; everything else non-ASCII is
    /// shown as `<U+XXXX>` in ASCII mode, never dropped.
    static let asciiFallback: [Character: String] = [
        "→": "->", "←": "<-", "·": "|", "…": "...", "—": "--", "–": "-", "“": "\"", "”": "\"", "‘": "'", "’": "'",
        "≥": ">=", "≤": "<=", "×": "x", "Σ": "Sum", "•": "*", "▸": ">", "◂": "<", "↑": "^", "↓": "v", "▲": "^", "▼": "v",
        "━": "=", "─": "-", "▏": "|", "█": "#", "░": ".", "▒": ":", "▓": "*", "◆": "*", "│": "|", "├": "+", "└": "`", "┤": "+", "✓": "ok", "⏎": "Enter", "⇥": "Tab", "≈": "~",
    ]

    static func ellipsis(_ ascii: Bool) -> Grapheme { ascii ? Grapheme("~", width: 1) : Grapheme("…", width: 1) }

    static func escape(_ scalar: Unicode.Scalar, to out: inout [Grapheme]) {
        for ch in "<U+\(hex(scalar.value))>" { out.append(Grapheme(String(ch), width: 1)) }
    }

    static func hex(_ v: UInt32) -> String {
        let s = String(v, radix: 16, uppercase: true)
        return s.count >= 4 ? s : String(repeating: "0", count: 4 - s.count) + s
    }

    /// True for scalars that must never be emitted raw, whatever the locale says.
    @inline(__always)
    static func isHostile(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        if v < 0x20 || v == 0x7F || (v >= 0x80 && v <= 0x9F) { return true }
        switch s.properties.generalCategory {
        case .format, .privateUse, .unassigned, .surrogate, .lineSeparator, .paragraphSeparator, .control: return true
        default: break
        }
        // Fillers that render as nothing and are used to spoof names.
        return v == 0x115F || v == 0x1160 || v == 0x3164 || v == 0xFFA0 || v == 0x034F
    }

    static func append(_ character: Character, ascii: Bool, to out: inout [Grapheme]) {
        let scalars = character.unicodeScalars
        let base = scalars.first!
        let v = base.value
        // Controls first: caret notation for C0 and DEL, spaces for layout characters.
        if v == 0x09 || v == 0x0A || v == 0x0D || v == 0x2028 || v == 0x2029 || v == 0x0B || v == 0x0C {
            out.append(.space)
            for extra in scalars.dropFirst() { appendLone(extra, ascii: ascii, to: &out) }
            return
        }
        if v < 0x20 || v == 0x7F {
            out.append(Grapheme("^", width: 1))
            out.append(Grapheme(v == 0x7F ? "?" : String(UnicodeScalar(UInt8(v + 0x40))), width: 1))
            for extra in scalars.dropFirst() { appendLone(extra, ascii: ascii, to: &out) }
            return
        }
        if ascii {
            if let replacement = TerminalText.asciiFallback[character] {
                for ch in replacement { out.append(Grapheme(String(ch), width: 1)) }
                return
            }
            for s in scalars {
                if s.value >= 0x20 && s.value < 0x7F { out.append(Grapheme(String(s), width: 1)) } else { appendLone(s, ascii: true, to: &out) }
            }
            return
        }
        let baseWidth = TextWidth.width(of: base)
        if isHostile(base) || baseWidth <= 0 {
            // A lone combining mark or an invisible character: show it, never let it attach.
            for s in scalars { appendLone(s, ascii: false, to: &out) }
            return
        }
        // A printable base with its marks; hostile marks inside a cluster are split out.
        var cluster = String.UnicodeScalarView()
        cluster.append(base)
        var marks = 0, dropped = 0
        var trailing: [Unicode.Scalar] = []
        for s in scalars.dropFirst() {
            if isHostile(s) {
                trailing.append(s)
            } else if TextWidth.width(of: s) == 0 {
                if marks < 4 { cluster.append(s); marks += 1 } else { dropped += 1 }
            } else {
                trailing.append(s)
            }
        }
        out.append(Grapheme(String(cluster), width: min(2, baseWidth)))
        if dropped > 0 { for ch in "<+\(dropped)>" { out.append(Grapheme(String(ch), width: 1)) } }
        for s in trailing { appendLone(s, ascii: false, to: &out) }
    }

    /// A scalar outside a cluster: printable ones as themselves, the rest escaped.
    static func appendLone(_ s: Unicode.Scalar, ascii: Bool, to out: inout [Grapheme]) {
        let v = s.value
        if v >= 0x20 && v < 0x7F { out.append(Grapheme(String(s), width: 1)); return }
        if v < 0x20 || v == 0x7F {
            out.append(Grapheme("^", width: 1))
            out.append(Grapheme(v == 0x7F ? "?" : String(UnicodeScalar(UInt8(v + 0x40))), width: 1))
            return
        }
        if ascii || isHostile(s) { escape(s, to: &out); return }
        let w = TextWidth.width(of: s)
        if w <= 0 { escape(s, to: &out); return }
        out.append(Grapheme(String(s), width: min(2, w)))
    }
}
