import BuildInfo

/// The README's text as the man page takes it: its opening paragraph, a section by heading, a
/// paragraph by how it begins, a code block, so the page and the README say the same.
struct ReadmeSections {
    let text: String

    static let embedded = ReadmeSections(text: BuildInfo.all.first { $0.name == "README.md" }?.text ?? "")

    var lines: [String] { text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) }

    /// The body under a heading ("## Usage"), up to the next heading of that level or higher.
    func section(_ heading: String) -> String {
        let level = heading.prefix { $0 == "#" }.count
        var out: [String] = []
        var inside = false, fenced = false
        for line in lines {
            if line.hasPrefix("```") { fenced.toggle() }
            let hashes = fenced || line.hasPrefix("```") ? 0 : line.prefix { $0 == "#" }.count
            if inside, hashes > 0, hashes <= level, line.dropFirst(hashes).hasPrefix(" ") { break }
            if inside { out.append(line) }
            if line == heading { inside = true }
        }
        return out.joined(separator: "\n").trimmingNewlines
    }

    /// The first paragraph of `markdown` beginning with `start`.
    func paragraph(startingWith start: String, in markdown: String) -> String {
        markdown.componentsSeparatedByBlankLines.first { $0.hasPrefix(start) } ?? ""
    }

    /// The text before the first `##` heading, without the title.
    var opening: String {
        let body = lines.dropFirst().prefix { !$0.hasPrefix("## ") && !$0.hasPrefix("```") }
        return body.joined(separator: "\n").trimmingNewlines
    }

    /// The lines of the first code block in `markdown`.
    func codeBlock(in markdown: String) -> [String] {
        var out: [String] = []
        var inside = false
        for line in markdown.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("```") {
                if inside { return out }
                inside = true
                continue
            }
            if inside { out.append(String(line)) }
        }
        return out
    }
}

extension String {
    var trimmingNewlines: String {
        var s = Substring(self)
        while let c = s.first, c == "\n" || c == " " { s.removeFirst() }
        while let c = s.last, c == "\n" || c == " " { s.removeLast() }
        return String(s)
    }

    /// Paragraphs: runs of lines between blank lines (code blocks kept whole).
    var componentsSeparatedByBlankLines: [String] {
        var out: [String] = []
        var current: [Substring] = []
        var fenced = false
        for line in split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("```") { fenced.toggle() }
            if line.allSatisfy({ $0 == " " }) && !fenced {
                if !current.isEmpty { out.append(current.joined(separator: "\n")) }
                current = []
            } else {
                current.append(line)
            }
        }
        if !current.isEmpty { out.append(current.joined(separator: "\n")) }
        return out
    }
}
