/// The version and the git commit the binary was built from (`threatdeck --version`).
extension BuildInfo {
    public static let version = "0.2.0"

    /// The commit id from the embedded .git/HEAD (and the ref it names), nil without git.
    public static var commit: String? {
        guard let head = all.first(where: { $0.name == "HEAD" })?.text.trimmed, !head.isEmpty else { return nil }
        guard head.hasPrefix("ref: ") else { return head }
        let ref = String(head.dropFirst(5))
        for file in all where file.name != "HEAD" && file.name != "README.md" {
            if file.name == "packed-refs" {
                for line in file.text.split(separator: "\n") where line.hasSuffix(" " + ref) { return String(line.prefix { $0 != " " }) }
            } else if let id = Optional(file.text.trimmed), !id.isEmpty {
                return id
            }
        }
        return nil
    }

    /// "0.2.0 (commit 5a80a7a1…)".
    public static var description: String {
        version + " (" + (commit.map { "commit " + String($0.prefix(12)) } ?? "unknown commit") + ")"
    }
}

extension String {
    fileprivate var trimmed: String {
        var s = Substring(self)
        while let c = s.last, c == "\n" || c == " " || c == "\r" { s.removeLast() }
        return String(s)
    }
}
