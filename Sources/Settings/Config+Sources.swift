import Yams

/// Live sources under `sources:` in the config: TAXII collections, MISP feeds and MISP
/// searches, each with its poll interval, deadline and size caps.
extension Config {
    /// The limits every kind of live source takes: `timeout`, `max-bytes`, `max-source-bytes`.
    public struct LimitSettings: Equatable, Sendable {
        /// Seconds a whole pull may take.
        public var timeout: Double?
        /// Bytes one response may carry.
        public var maxBytes: Int?
        /// Bytes the whole source may hold.
        public var maxSourceBytes: Int?
        public init() {}
    }

    /// A TAXII collection to pull from, as the config file names it.
    public struct TaxiiSourceSetting: Equatable, Sendable {
        public var url: String
        public var collection: String?
        public var poll: Double?
        public var caFile: String?
        public var insecure: Bool = false
        public var username: String?
        public var password: String?
        public var token: String?
        public var limits = LimitSettings()
        public var line: Int = 1

        public var hasCredentials: Bool { username != nil || password != nil || token != nil }
    }

    /// A MISP feed (URL or directory) to follow.
    public struct MispFeedSetting: Equatable, Sendable {
        public var location: String
        public var poll: Double?
        public var caFile: String?
        public var insecure: Bool = false
        public var limits = LimitSettings()
        public var line: Int = 1
    }

    /// A MISP instance's REST search; the API key comes from THREATDECK_MISP_KEY or `key-file`.
    public struct MispSearchSetting: Equatable, Sendable {
        public var url: String
        public var keyFile: String?
        public var poll: Double?
        public var caFile: String?
        public var insecure: Bool = false
        public var limits = LimitSettings()
        public var line: Int = 1
    }

    static let limitKeys = "timeout, max-bytes, max-source-bytes"

    static func parseSources(_ doc: YAMLDocument, _ value: Node, into config: inout Config) throws(SettingsError) {
        guard case .sequence(let list) = value else { throw doc.error(value, key: "sources", "expected a list of sources") }
        for item in list {
            let pairs = try doc.mapping(item, key: "sources")
            if pairs.contains(where: { $0.key == "misp-feed" }) {
                config.mispFeeds.append(try parseMispFeed(doc, item, pairs))
            } else if pairs.contains(where: { $0.key == "misp-search" }) {
                config.mispSearches.append(try parseMispSearch(doc, item, pairs))
            } else {
                config.taxii.append(try parseTaxii(doc, item, pairs))
            }
        }
    }

    /// Keys every source takes (poll, ca-file, insecure and the limits); false when `k` is another.
    static func common(
        _ doc: YAMLDocument, _ k: String, _ v: Node, poll: inout Double?, caFile: inout String?, insecure: inout Bool,
        limits: inout LimitSettings
    ) throws(SettingsError) -> Bool {
        let full = "sources." + k
        switch k {
        case "poll": poll = try seconds(doc, v, key: full)
        case "ca-file": caFile = try doc.string(v, key: full)
        case "insecure": insecure = try doc.bool(v, key: full)
        case "timeout": limits.timeout = try seconds(doc, v, key: full)
        case "max-bytes": limits.maxBytes = try size(doc, v, key: full)
        case "max-source-bytes": limits.maxSourceBytes = try size(doc, v, key: full)
        default: return false
        }
        return true
    }

    static func seconds(_ doc: YAMLDocument, _ v: Node, key: String) throws(SettingsError) -> Double {
        let n = try doc.number(v, key: key)
        guard n >= 1, n <= 86_400 else { throw doc.error(v, key: key, "must be between 1 second and a day (86400)") }
        return n
    }

    static func size(_ doc: YAMLDocument, _ v: Node, key: String) throws(SettingsError) -> Int {
        let raw = try doc.string(v, key: key)
        guard let n = ByteSize.parse(raw) else { throw doc.error(v, key: key, "\"\(raw)\": expected a size such as 256M, 1G or 65536 (bytes)") }
        return n
    }

    static func parseTaxii(_ doc: YAMLDocument, _ item: Node, _ pairs: [(key: String, keyNode: Node, value: Node)]) throws(SettingsError) -> TaxiiSourceSetting
    {
        var source = TaxiiSourceSetting(url: "", line: item.mark?.line ?? 1)
        for (k, kNode, v) in pairs {
            let full = "sources." + k
            if try common(doc, k, v, poll: &source.poll, caFile: &source.caFile, insecure: &source.insecure, limits: &source.limits) { continue }
            switch k {
            case "taxii": source.url = try doc.string(v, key: full)
            case "collection": source.collection = try doc.string(v, key: full)
            case "username": source.username = try doc.string(v, key: full)
            case "password": source.password = try doc.string(v, key: full)
            case "token": source.token = try doc.string(v, key: full)
            default:
                throw doc.error(
                    kNode, key: full,
                    "unknown key (expected taxii, collection, poll, ca-file, insecure, username, password, token, "
                        + limitKeys + "; or misp-feed, misp-search)")
            }
        }
        guard source.url.hasPrefix("http://") || source.url.hasPrefix("https://") else {
            throw doc.error(item, key: "sources.taxii", "each source needs `taxii: https://…`, `misp-feed: URL|DIR` or `misp-search: https://…`")
        }
        return source
    }

    static func parseMispFeed(_ doc: YAMLDocument, _ item: Node, _ pairs: [(key: String, keyNode: Node, value: Node)]) throws(SettingsError) -> MispFeedSetting
    {
        var feed = MispFeedSetting(location: "", line: item.mark?.line ?? 1)
        for (k, kNode, v) in pairs {
            if try common(doc, k, v, poll: &feed.poll, caFile: &feed.caFile, insecure: &feed.insecure, limits: &feed.limits) { continue }
            guard k == "misp-feed" else {
                throw doc.error(kNode, key: "sources." + k, "unknown key for a MISP feed (expected misp-feed, poll, ca-file, insecure, " + limitKeys + ")")
            }
            feed.location = try doc.string(v, key: "sources." + k)
        }
        guard !feed.location.isEmpty else { throw doc.error(item, key: "sources.misp-feed", "a MISP feed needs a URL or directory") }
        return feed
    }

    static func parseMispSearch(
        _ doc: YAMLDocument, _ item: Node, _ pairs: [(key: String, keyNode: Node, value: Node)]
    ) throws(SettingsError) -> MispSearchSetting {
        var search = MispSearchSetting(url: "", line: item.mark?.line ?? 1)
        for (k, kNode, v) in pairs {
            let full = "sources." + k
            if try common(doc, k, v, poll: &search.poll, caFile: &search.caFile, insecure: &search.insecure, limits: &search.limits) { continue }
            switch k {
            case "misp-search": search.url = try doc.string(v, key: full)
            case "key-file": search.keyFile = try doc.string(v, key: full)
            case "key", "api-key", "authkey":
                throw doc.error(
                    kNode, key: full, "an API key is never written in the config: put it in a private file named by key-file, or in THREATDECK_MISP_KEY")
            default:
                throw doc.error(kNode, key: full, "unknown key for a MISP search (expected misp-search, key-file, poll, ca-file, insecure, " + limitKeys + ")")
            }
        }
        guard search.url.hasPrefix("http://") || search.url.hasPrefix("https://") else {
            throw doc.error(item, key: "sources.misp-search", "a MISP search needs the MISP base URL, https://…")
        }
        return search
    }
}
