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

    /// “Title” — Publisher, 2026-06-10 · https://… (“no date” when it has none: a blank
    /// reads as a date left out by mistake).
    public var citation: String {
        var tail: [String] = []
        if let publisher { tail.append(publisher) }
        tail.append(published?.description ?? "no date")
        var out = "“" + displayTitle + "” — " + tail.joined(separator: ", ")
        if let url { out += " · " + url }
        return out
    }

    /// "Publisher (2026-06-10)", or the title when there is no publisher; "(no date)" too.
    public var shortCitation: String {
        (publisher ?? displayTitle) + " (" + (published?.description ?? "no date") + ")"
    }

    /// The title to show: the title, unless it is a bare URL (or missing), then the site and
    /// the page's name: "securelist.com: winnti-faq-more-than-just-a-game".
    public var displayTitle: String {
        let raw = title ?? key
        let lower = raw.lowercased()
        guard lower.hasPrefix("http://") || lower.hasPrefix("https://") else { return raw }
        return Reference.siteAndPage(raw) ?? raw
    }

    /// "https://www.securelist.com/winnti-faq-more-than-just-a-game/57585/" →
    /// "securelist.com: winnti-faq-more-than-just-a-game": the host without "www.", and the
    /// last path part that names something (not a number, not index.html).
    static func siteAndPage(_ url: String) -> String? {
        // Without Foundation: the scheme ends at the first "://".
        let chars = Array(url)
        var start: Int?
        for k in 0..<max(0, chars.count - 2) where chars[k] == ":" && chars[k + 1] == "/" && chars[k + 2] == "/" {
            start = k + 3
            break
        }
        guard let start else { return nil }
        let rest = chars[start...]
        let stops: Set<Character> = ["/", "?", "#"]
        let hostEnd = rest.firstIndex { stops.contains($0) } ?? rest.endIndex
        var host = String(rest[..<hostEnd]).lowercased()
        if host.hasPrefix("www.") { host.removeFirst(4) }
        guard !host.isEmpty else { return nil }
        let afterHost = rest[hostEnd...]
        let pathEnd = afterHost.firstIndex { $0 == "?" || $0 == "#" } ?? afterHost.endIndex
        var page: String?
        for part in afterHost[..<pathEnd].split(separator: "/").reversed() {
            var name = String(part)
            for ext in [".html", ".htm", ".pdf", ".aspx", ".php"] where name.lowercased().hasSuffix(ext) { name.removeLast(ext.count) }
            if name.isEmpty || name.lowercased() == "index" || name.allSatisfy({ $0.isNumber }) { continue }
            page = name
            break
        }
        guard let page else { return host }
        return host + ": " + page
    }

    /// Whether no link may hold byte `b`: controls, space, DEL and `"<>\\``. Bit `b` of two
    /// words (a table of 256 flags was a lazily made global checked and bounds-checked per
    /// byte: 2,800 instructions a URL, 33 M for ATT&CK's references).
    @inline(__always)
    static func breaksLink(_ b: UInt8) -> Bool {
        // Bits 0-32 (controls, space), 34 ("), 60 (<), 62 (>); then 92 (\\), 96 (`), 127 (DEL).
        let low: UInt64 = 0x5000_0005_FFFF_FFFF, high: UInt64 = 0x8000_0001_1000_0000
        return b < 0x80 && ((b < 0x40 ? low : high) >> UInt64(b & 0x3F)) & 1 != 0
    }

    /// An http(s) URL with a host and no spaces or controls; anything else is not a link.
    public static func validURL(_ raw: String) -> String? {
        // On the bytes, in place: this runs for every external reference of a 45 MB ATT&CK
        // bundle and every ref of a MISP galaxy.
        let valid = raw.withUTF8View { u -> Bool in
            guard u.count <= 2048 else { return false }
            func lower(_ b: UInt8) -> UInt8 { b >= 0x41 && b <= 0x5A ? b + 0x20 : b }
            // "https://" or "http://", any case; then a host (not a third slash).
            func hasScheme(_ scheme: StaticString) -> Bool {
                let n = scheme.utf8CodeUnitCount, s = scheme.utf8Start
                guard u.count > n else { return false }
                for k in 0..<n where lower(u[k]) != s[k] { return false }
                return true
            }
            let schemeEnd = hasScheme("https://") ? 8 : hasScheme("http://") ? 7 : 0
            guard schemeEnd > 0, u[schemeEnd] != UInt8(ascii: "/") else { return false }
            // Controls, space, DEL, C1 controls (UTF-8 C2 80–9F) and characters that break out
            // of quoting or markup, by index (an iterator checked each step twice).
            var previous: UInt8 = 0, broken = false
            for k in 0..<u.count {
                let b = u[k]
                broken = broken || Reference.breaksLink(b) || (previous == 0xC2 && b >= 0x80 && b <= 0x9F)
                previous = b
            }
            return !broken
        }
        guard valid else { return nil }
        return raw
    }
}
