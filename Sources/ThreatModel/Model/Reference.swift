/// A source one can cite: an article, a vendor report, an ATT&CK reference. From native
/// `sources`, STIX `external_references` and MISP `refs`.
public struct Reference: Hashable, Sendable {
    /// The key descriptions cite it by: a native source id, a STIX `source_name`.
    public var key: String
    public var title: String?
    public var publisher: String?
    public var published: Day?
    /// A validated http(s) URL, or nil.
    public var url: String?
    public var externalID: String?

    public init(key: String, title: String? = nil, publisher: String? = nil, published: Day? = nil, url: String? = nil, externalID: String? = nil) {
        self.key = key
        self.title = title
        self.publisher = publisher
        self.published = published
        self.url = url.flatMap(Reference.validURL)
        self.externalID = externalID
    }

    /// “Title” — Publisher, 2026-06-10 · https://…
    public var citation: String {
        var parts: [String] = []
        parts.append(title.map { "“" + $0 + "”" } ?? key)
        var tail: [String] = []
        if let publisher { tail.append(publisher) }
        if let published { tail.append(published.description) }
        var out = parts.joined() + (tail.isEmpty ? "" : " — " + tail.joined(separator: ", "))
        if let url { out += " · " + url }
        return out
    }

    /// "Publisher (2026-06-10)", or the title or key when there is no publisher.
    public var shortCitation: String {
        let name = publisher ?? title ?? key
        return published.map { name + " (" + $0.description + ")" } ?? name
    }

    /// An http(s) URL with a host and no spaces or controls; anything else is not a link.
    public static func validURL(_ raw: String) -> String? {
        let lower = raw.lowercased()
        guard lower.hasPrefix("https://") || lower.hasPrefix("http://"), raw.utf8.count <= 2048 else { return nil }
        let rest = raw.drop { $0 != "/" }.dropFirst(2)
        guard let host = rest.split(separator: "/", maxSplits: 1, omittingEmptySubsequences: false).first, !host.isEmpty else { return nil }
        for u in raw.unicodeScalars where u.value <= 0x20 || u.value == 0x7F || (u.value >= 0x80 && u.value <= 0x9F) || u == "\"" || u == "<" || u == ">" || u == "\\" || u == "`" {
            return nil
        }
        return raw
    }
}
