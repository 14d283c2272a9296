/// Text for the man page in roff: backslashes escaped, lines that would be requests protected,
/// every character outside ASCII written as a groff escape (`\[u2192]`), so `groff -ww`
/// warns about nothing on any device; Markdown's inline marks as fonts.
enum Roff {
    /// Plain text as roff.
    static func escape(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": out += "\\e"
            case "-": out += "\\-"
            case _ where scalar.value < 0x80: out.unicodeScalars.append(scalar)
            default: out += glyph(scalar)
            }
        }
        return protect(out)
    }

    /// A character groff has on every device, else an ASCII stand-in.
    static func glyph(_ scalar: Unicode.Scalar) -> String {
        switch scalar.value {
        case 0x2191: return "\\(ua"
        case 0x2193: return "\\(da"
        case 0x2190: return "\\(<-"
        case 0x2192: return "\\(->"
        case 0x2014: return "\\(em"
        case 0x2013: return "\\(en"
        case 0x2212: return "\\(mi"
        case 0x00D7: return "\\(mu"
        case 0x2026: return "..."
        case 0x00B7: return "\\(md"
        case 0x2265: return "\\(>="
        case 0x2264: return "\\(<="
        case 0x201C, 0x201D: return "\""
        case 0x2018, 0x2019: return "'"
        case 0x25B2: return "^"
        case 0x25BC: return "v"
        default:
            let hex = String(scalar.value, radix: 16, uppercase: true)
            return scalar.properties.isAlphabetic ? "\\[u" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex + "]" : "?"
        }
    }

    /// Lines beginning with `.` or `'` would be read as requests: a zero-width character first.
    static func protect(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            line.hasPrefix(".") || line.hasPrefix("'") ? "\\&" + line : String(line)
        }.joined(separator: "\n")
    }

    /// Markdown inline text as roff: `code` and **strong** bold, *emphasis* italic, links as their text.
    static func inline(_ markdown: String) -> String {
        var out = ""
        var rest = Substring(markdown)
        while let c = rest.first {
            if c == "`", let end = rest.dropFirst().firstIndex(of: "`") {
                out += "\\fB" + escape(String(rest[rest.index(after: rest.startIndex)..<end])) + "\\fR"
                rest = rest[rest.index(after: end)...]
            } else if rest.hasPrefix("**"), let end = rest.dropFirst(2).range(of: "**") {
                out += "\\fB" + inline(String(rest[rest.index(rest.startIndex, offsetBy: 2)..<end.lowerBound])) + "\\fR"
                rest = rest[end.upperBound...]
            } else if c == "[", let close = rest.firstIndex(of: "]"), rest[rest.index(after: close)...].hasPrefix("("),
                let paren = rest[close...].firstIndex(of: ")")
            {
                out += inline(String(rest[rest.index(after: rest.startIndex)..<close]))
                rest = rest[rest.index(after: paren)...]
            } else if c == "*", let end = rest.dropFirst().firstIndex(of: "*"), end > rest.index(after: rest.startIndex) {
                out += "\\fI" + escape(String(rest[rest.index(after: rest.startIndex)..<end])) + "\\fR"
                rest = rest[rest.index(after: end)...]
            } else {
                out += escape(String(c))
                rest = rest.dropFirst()
            }
        }
        return protect(out)
    }

    /// The `.IP` tag of a list item: a bullet for "- ", the number for "3. ".
    static func listMark(_ line: Substring) -> String? {
        if line.hasPrefix("- ") { return "\\(bu 2" }
        let digits = line.prefix(while: \.isNumber)
        guard !digits.isEmpty, digits.count < 3, line.dropFirst(digits.count).hasPrefix(". ") else { return nil }
        return "\"" + digits + ".\" 4"
    }

    /// Markdown blocks (paragraphs, lists, code blocks) as man macros.
    static func blocks(_ markdown: String) -> [String] {
        var out: [String] = []
        var paragraph: [String] = []
        var code: [String]?
        func flush() {
            guard !paragraph.isEmpty else { return }
            out.append(inline(paragraph.joined(separator: " ")))
            paragraph = []
        }
        for raw in markdown.split(separator: "\n", omittingEmptySubsequences: false) {
            let line = String(raw)
            if line.hasPrefix("```") {
                if let lines = code {
                    out += [".PP", ".nf", ".RS 4"] + lines.map(escape) + [".RE", ".fi"]
                    code = nil
                } else {
                    flush()
                    code = []
                }
                continue
            }
            if code != nil { code!.append(line); continue }
            let trimmed = line.drop { $0 == " " }
            if trimmed.isEmpty {
                flush()
            } else if let mark = listMark(trimmed) {
                flush()
                out.append(".IP " + mark)
                paragraph = [String(trimmed.drop { $0 != " " }.dropFirst())]
            } else {
                if paragraph.isEmpty, !(out.last ?? "").hasPrefix(".IP ") { out.append(".PP") }
                paragraph.append(String(trimmed))
            }
        }
        flush()
        return out
    }
}
