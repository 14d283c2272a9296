import JSONCore

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

    package static let schemes = [Array("https://".utf8), Array("http://".utf8)]

    /// An http(s) URL with a host and no spaces or controls; anything else is not a link.
    public static func validURL(_ raw: String) -> String? {
        // On the bytes, in place: this runs for every external reference of a 45 MB ATT&CK
        // bundle and every ref of a MISP galaxy.
        let valid = raw.withUTF8View { u -> Bool in
            guard u.count <= 2048 else { return false }
            func lower(_ b: UInt8) -> UInt8 { b >= 0x41 && b <= 0x5A ? b + 0x20 : b }
            var schemeEnd = 0
            for (k, scheme) in Reference.schemes.enumerated() where u.count > scheme.count {
                if zip(u.prefix(scheme.count), scheme).allSatisfy({ lower($0) == $1 }) { schemeEnd = scheme.count; break }
                if k == 1 { return false }
            }
            guard schemeEnd > 0, u[schemeEnd] != UInt8(ascii: "/") else { return false }
            var previous: UInt8 = 0
            for b in u {
                // Controls, space, DEL, C1 controls (UTF-8 C2 80–9F) and characters that break
                // out of quoting or markup.
                if b <= 0x20 || b == 0x7F || (previous == 0xC2 && b >= 0x80 && b <= 0x9F) { return false }
                if b == UInt8(ascii: "\"") || b == UInt8(ascii: "<") || b == UInt8(ascii: ">") || b == UInt8(ascii: "\\") || b == UInt8(ascii: "`") {
                    return false
                }
                previous = b
            }
            return true
        }
        guard valid else { return nil }
        return raw
    }
}
