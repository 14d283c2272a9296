import Yams

/// Defaults from `$XDG_CONFIG_HOME/threatdeck/config.yaml`; command-line flags win.
///
/// ```yaml
/// theme: high-contrast
/// data: [/srv/cti/reports]
/// color: auto          # auto | always | never
/// ascii: false
/// sources:
///   - taxii: https://cti.example/taxii2/
///     collection: enterprise-attack   # id or title
///     poll: 60                        # seconds
///     ca-file: /etc/ssl/cti-ca.pem
///     username: analyst               # credentials here need a private file (chmod 600)
///     password: …
/// kiosk:
///   rotate: 20
///   views: [headline, overview, actors, sectors, timeline, nexus:1, nexus:2]
///   stale-after: 3600  # seconds
///   watch: 2           # seconds between checks for changed files
/// ```
public struct Config: Equatable, Sendable {
    public enum ColorChoice: String, Sendable, CaseIterable {
        case auto, always, never
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
        public var line: Int = 1

        public var hasCredentials: Bool { username != nil || password != nil || token != nil }
    }

    public var theme: String?
    public var data: [String] = []
    public var color: ColorChoice?
    public var ascii: Bool?
    public var kioskRotate: Double?
    public var kioskViews: [KioskView]?
    public var kioskStaleAfter: Double?
    public var kioskWatch: Double?
    public var taxii: [TaxiiSourceSetting] = []

    public init() {}

    public static func parse(_ text: String, file: String) throws(SettingsError) -> Config {
        let doc = try YAMLDocument(text: text, file: file)
        var config = Config()
        guard let root = doc.root else { return config }
        for (key, keyNode, value) in try doc.mapping(root, key: "") {
            switch key {
            case "theme": config.theme = try doc.string(value, key: key)
            case "data": config.data = try doc.strings(value, key: key)
            case "color":
                let raw = try doc.string(value, key: key)
                guard let c = ColorChoice(rawValue: raw) else { throw doc.error(value, key: key, "\"\(raw)\": expected auto, always or never") }
                config.color = c
            case "ascii": config.ascii = try doc.bool(value, key: key)
            case "sources":
                guard case .sequence(let list) = value else { throw doc.error(value, key: key, "expected a list of sources") }
                for item in list {
                    var source = TaxiiSourceSetting(url: "", line: item.mark?.line ?? 1)
                    for (k, kNode, v) in try doc.mapping(item, key: "sources") {
                        let full = "sources." + k
                        switch k {
                        case "taxii": source.url = try doc.string(v, key: full)
                        case "collection": source.collection = try doc.string(v, key: full)
                        case "poll":
                            let n = try doc.number(v, key: full)
                            guard n >= 1 else { throw doc.error(v, key: full, "must be at least 1 second") }
                            source.poll = n
                        case "ca-file": source.caFile = try doc.string(v, key: full)
                        case "insecure": source.insecure = try doc.bool(v, key: full)
                        case "username": source.username = try doc.string(v, key: full)
                        case "password": source.password = try doc.string(v, key: full)
                        case "token": source.token = try doc.string(v, key: full)
                        default:
                            throw doc.error(kNode, key: full, "unknown key (expected taxii, collection, poll, ca-file, insecure, username, password, token)")
                        }
                    }
                    guard source.url.hasPrefix("http://") || source.url.hasPrefix("https://") else {
                        throw doc.error(item, key: "sources.taxii", "each source needs `taxii: https://…`")
                    }
                    config.taxii.append(source)
                }
            case "kiosk":
                for (k, kNode, v) in try doc.mapping(value, key: "kiosk") {
                    let full = "kiosk." + k
                    switch k {
                    case "rotate":
                        let n = try doc.number(v, key: full)
                        guard n >= 1 else { throw doc.error(v, key: full, "must be at least 1 second") }
                        config.kioskRotate = n
                    case "views":
                        var views: [KioskView] = []
                        for name in try doc.strings(v, key: full) {
                            guard let view = KioskView(name: name) else {
                                throw doc.error(v, key: full, "unknown view \"\(name)\" (headline, overview, actors, sectors, timeline, detail, nexus:N)")
                            }
                            views.append(view)
                        }
                        guard !views.isEmpty else { throw doc.error(v, key: full, "needs at least one view") }
                        config.kioskViews = views
                    case "stale-after":
                        let n = try doc.number(v, key: full)
                        guard n >= 1 else { throw doc.error(v, key: full, "must be at least 1 second") }
                        config.kioskStaleAfter = n
                    case "watch":
                        let n = try doc.number(v, key: full)
                        guard n >= 0.2 else { throw doc.error(v, key: full, "must be at least 0.2 seconds") }
                        config.kioskWatch = n
                    default:
                        throw doc.error(kNode, key: full, "unknown key (expected rotate, views, stale-after, watch)")
                    }
                }
            default:
                throw doc.error(keyNode, key: key, "unknown key (expected theme, data, color, ascii, sources, kiosk)")
            }
        }
        return config
    }
}
