/// The one gate between data and the terminal: turns any string into printable graphemes.
///
/// Threat feeds are attacker-influenced, so nothing from them may reach the terminal as a
/// control sequence. C0 controls become caret notation (ESC → `^[`), DEL `^?`; C1 controls,
/// bidi overrides and isolates (Trojan Source), zero-width and other format characters, and
/// anything the C library cannot print become `<U+XXXX>`. Newlines and tabs become spaces.
/// Over-long text is cut with an ellipsis. A grapheme is a printable base with the
/// zero-width marks that follow it — the same rule ncurses and terminals use — keeping at
/// most four marks within eight bytes (what a cell holds); the rest are counted as `<+N>`.
public enum TerminalText {
    /// The most graphemes any single string contributes, however long the data is.
    public static let defaultLimit = 2048

    public static func graphemes(_ text: String, ascii: Bool = false, limit: Int = defaultLimit) -> [Grapheme] {
        var out: [Grapheme] = []
        out.reserveCapacity(min(text.utf8.count, limit + 8))
        // Fast path: printable ASCII needs no per-character work.
        if text.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) {
            for byte in text.utf8.prefix(limit) { out.append(.ascii(byte)) }
            if text.utf8.count > limit { out.append(ellipsis(ascii)) }
            return out
        }
        var scalars = text.unicodeScalars.makeIterator()
        var pending = scalars.next()
        var count = 0
        while let s = pending {
            if count >= limit {
                out.append(ellipsis(ascii))
                break
            }
            count += 1
            pending = scalars.next()
            let v = s.value
            // Controls first: caret notation for C0 and DEL, spaces for layout characters.
            if v == 0x09 || v == 0x0A || v == 0x0D || v == 0x0B || v == 0x0C || v == 0x2028 || v == 0x2029 {
                out.append(.space)
                continue
            }
            if v < 0x20 || v == 0x7F {
                caret(v, to: &out)
                continue
            }
            // An ASCII base with no mark after it (marks start at U+0300): the common case.
            if v < 0x7F && (pending == nil || pending!.value < 0x300) {
                out.append(.ascii(UInt8(v)))
                continue
            }
            if ascii && v >= 0x7F {
                if let replacement = asciiFallback[v] {
                    for b in replacement.utf8 { out.append(.ascii(b)) }
                } else {
                    escape(s, to: &out)
                }
                continue
            }
            if ascii {
                // An ASCII base followed by non-ASCII: the base now, the rest escaped after it.
                out.append(.ascii(UInt8(v)))
                continue
            }
            let baseWidth = TextWidth.width(of: s)
            if isHostile(s) || baseWidth <= 0 {
                // An invisible character or a mark with nothing to attach to: show it.
                escape(s, to: &out)
                continue
            }
            // A printable base and the zero-width marks that follow it.
            var packed: UInt64 = 0
            var bytes = 0
            func add(_ scalar: Unicode.Scalar) {
                for b in String(scalar).utf8 {
                    packed |= UInt64(b) << UInt64(8 * bytes)
                    bytes += 1
                }
            }
            add(s)
            var marks = 0, dropped = 0
            while let m = pending, !isHostile(m), TextWidth.width(of: m) == 0 {
                let size = UTF8.width(m)
                if marks < 4 && bytes + size <= Cell.capacity {
                    add(m)
                    marks += 1
                } else {
                    dropped += 1
                }
                pending = scalars.next()
            }
            out.append(Grapheme(packed: packed, width: min(2, baseWidth)))
            if dropped > 0 { for b in "<+\(dropped)>".utf8 { out.append(.ascii(b)) } }
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
    static let asciiFallback: [UInt32: String] = {
        let table: [Character: String] = [
            "→": "->", "←": "<-", "·": "|", "…": "...", "—": "--", "–": "-", "“": "\"", "”": "\"", "‘": "'", "’": "'",
            "≥": ">=", "≤": "<=", "×": "x", "Σ": "Sum", "•": "*", "▸": ">", "◂": "<", "↑": "^", "↓": "v", "▲": "^", "▼": "v",
            "━": "=", "─": "-", "│": "|", "├": "+", "└": "`", "┤": "+", "✓": "ok", "⏎": "Enter", "⇥": "Tab", "≈": "~",
            "▏": "|", "█": "#", "░": ".", "▒": ":", "▓": "*", "◆": "*", "▰": "#", "▱": "-",
        ]
        return Dictionary(uniqueKeysWithValues: table.map { ($0.key.unicodeScalars.first!.value, $0.value) })
    }()

    static func ellipsis(_ ascii: Bool) -> Grapheme { ascii ? .ascii(0x7E) : Grapheme("…", width: 1) }

    static func caret(_ v: UInt32, to out: inout [Grapheme]) {
        out.append(.ascii(0x5E))
        out.append(.ascii(v == 0x7F ? 0x3F : UInt8(v + 0x40)))
    }

    static func escape(_ scalar: Unicode.Scalar, to out: inout [Grapheme]) {
        for b in "<U+\(hex(scalar.value))>".utf8 { out.append(.ascii(b)) }
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
        // Ranges with no format, private or unassigned characters: skip the category lookup.
        if (v >= 0xA0 && v <= 0x2FF && v != 0xAD) || (v >= 0x2010 && v <= 0x2027) || (v >= 0x2030 && v <= 0x205E)
            || (v >= 0x2190 && v <= 0x21FF) || (v >= 0x2500 && v <= 0x25FF) || (v >= 0x4E00 && v <= 0x9FFF) { return false }
        switch s.properties.generalCategory {
        case .format, .privateUse, .unassigned, .surrogate, .lineSeparator, .paragraphSeparator, .control: return true
        default: break
        }
        // Fillers that render as nothing and are used to spoof names.
        return v == 0x115F || v == 0x1160 || v == 0x3164 || v == 0xFFA0 || v == 0x034F
    }
}
