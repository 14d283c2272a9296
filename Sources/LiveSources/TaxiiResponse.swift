import JSONCore

/// What TAXII 2.1 responses say, read from their parsed bodies: pure functions of the bytes
/// (and headers), apart from the network, so they are tested and fuzzed directly.
public enum TaxiiResponse {
    public static func discovery(_ d: JSONDocument, url: String) throws(TaxiiError) -> TaxiiDiscovery {
        guard d.kind(d.root) == .object else { throw .unexpected(url: url, problem: "discovery is not an object") }
        let roots = strings(d, d.member(d.root, "api_roots")).map { absolute($0, relativeTo: url) }
        return TaxiiDiscovery(title: d.member(d.root, "title").flatMap(d.string) ?? url,
                              defaultRoot: d.member(d.root, "default").flatMap(d.string).map { absolute($0, relativeTo: url) },
                              apiRoots: roots)
    }

    public static func apiRoot(_ d: JSONDocument, url: String) throws(TaxiiError) -> TaxiiAPIRoot {
        guard d.kind(d.root) == .object, let title = d.member(d.root, "title").flatMap(d.string) else {
            throw .unexpected(url: url, problem: "API root information has no title")
        }
        return TaxiiAPIRoot(url: url, title: title, versions: strings(d, d.member(d.root, "versions")))
    }

    public static func collections(_ d: JSONDocument) -> [TaxiiCollection] {
        var out: [TaxiiCollection] = []
        guard let list = d.member(d.root, "collections") else { return [] }
        d.forEachElement(list) { _, c in
            guard let id = d.member(c, "id").flatMap(d.string) else { return }
            out.append(TaxiiCollection(id: id, title: d.member(c, "title").flatMap(d.string) ?? id,
                                       canRead: d.member(c, "can_read").flatMap(d.bool) ?? false,
                                       mediaTypes: strings(d, d.member(c, "media_types"))))
        }
        return out
    }

    /// An envelope: its objects (each as the server sent it), `more`, `next`, and the
    /// X-TAXII-Date-Added-First/-Last headers.
    public static func page(_ d: JSONDocument, url: String, headers: [String: String]) throws(TaxiiError) -> TaxiiPage {
        guard d.kind(d.root) == .object else { throw .unexpected(url: url, problem: "the envelope is not an object") }
        var objects: [(id: String, modified: String, bytes: [UInt8])] = []
        if let list = d.member(d.root, "objects") {
            guard d.kind(list) == .array else { throw .unexpected(url: url, problem: "\"objects\" is not an array") }
            d.forEachElement(list) { _, o in
                guard d.kind(o) == .object, let id = d.member(o, "id").flatMap(d.string) else { return }
                let modified = d.member(o, "modified").flatMap(d.string) ?? d.member(o, "created").flatMap(d.string) ?? ""
                objects.append((id, modified, d.bytes.copy(d.byteRange(of: o))))
            }
        }
        return TaxiiPage(objects: objects, more: d.member(d.root, "more").flatMap(d.bool) ?? false,
                         next: d.member(d.root, "next").flatMap(d.string), dateAddedLast: headers["x-taxii-date-added-last"],
                         dateAddedFirst: headers["x-taxii-date-added-first"])
    }

    static func strings(_ d: JSONDocument, _ node: Int?) -> [String] {
        guard let node else { return [] }
        var out: [String] = []
        d.forEachElement(node) { _, e in if let s = d.string(e) { out.append(s) } }
        return out
    }

    /// API roots may be given relative to the discovery URL's host.
    static func absolute(_ s: String, relativeTo base: String) -> String {
        if s.hasPrefix("http://") || s.hasPrefix("https://") { return s }
        guard let schemeEnd = base.firstRange(of: "://") else { return s }
        let afterScheme = base[schemeEnd.upperBound...]
        let host = afterScheme.prefix { $0 != "/" }
        let origin = String(base[..<schemeEnd.upperBound]) + host
        return origin + (s.hasPrefix("/") ? s : "/" + s)
    }
}
