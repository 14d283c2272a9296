/// Defaults from `$XDG_CONFIG_HOME/threatdeck/config.yaml`; command-line flags win.
///
/// ```yaml
/// theme: high-contrast
/// data: [/srv/cti/reports]
/// color: auto          # auto | always | never
/// ascii: false
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

    public var theme: String?
    public var data: [String] = []
    public var color: ColorChoice?
    public var ascii: Bool?
    public var kioskRotate: Double?
    public var kioskViews: [KioskView]?
    public var kioskStaleAfter: Double?
    public var kioskWatch: Double?

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
                throw doc.error(keyNode, key: key, "unknown key (expected theme, data, color, ascii, kiosk)")
            }
        }
        return config
    }
}
