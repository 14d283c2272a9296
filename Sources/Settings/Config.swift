import Dashboard
import Reports
import ThreatModel
import Yams

/// Defaults from `$XDG_CONFIG_HOME/threatdeck/config.yaml`; command-line flags win.
///
/// ```yaml
/// theme: high-contrast
/// data: [/srv/cti/reports]
/// color: auto          # auto | always | never
/// ascii: false
/// links: true          # OSC 8 hyperlinks for URLs
/// linear: false        # screen readers and braille: sentences, no drawing (--linear)
/// max-tlp: amber       # hide everything marked above
/// sources:
///   - taxii: https://cti.example/taxii2/
///     collection: enterprise-attack   # id or title
///     poll: 60                        # seconds
///     timeout: 60                     # seconds a whole pull may take
///     max-bytes: 256M                 # per response
///     ca-file: /etc/ssl/cti-ca.pem
///     username: analyst               # credentials here need a private file (chmod 600)
///     password: …
///   - misp-feed: https://www.circl.lu/doc/misp/feed-osint
///     poll: 3600
///     max-source-bytes: 1G            # everything the feed holds
///   - misp-search: https://misp.example/
///     key-file: ~/.config/threatdeck/misp.key   # chmod 600; or THREATDECK_MISP_KEY
/// views:                              # saved filter sets: --view NAME, or : NAME
///   apac-tech: [sector:technology, region:"South-eastern Asia", layout:triage]
/// layout: triage                        # start with this layout (else chosen by the data)
/// layouts:                              # see LayoutConfig
///   triage: {sizes: [wide], columns: [[events, timeline], [actors, sectors], [detail, techniques]]}
/// kiosk:
///   rotate: 20
///   views: [headline, {view: overview, seconds: 40}, changes, "grid(actors, sectors; timeline, techniques)"]
///   stale-after: 3600  # seconds
///   night: 22:00-06:00 # quiet hours: the night theme
///   night-theme: wall-night
///   shift-every: 10    # minutes between one-cell shifts of the frame
///   changes-max-age: 24  # hours an item stays in the ticker
///   max-tlp: green
/// ```
public struct Config: Sendable {
    public enum ColorChoice: String, Sendable, CaseIterable {
        case auto, always, never
    }

    public var theme: String?
    public var data: [String] = []
    public var color: ColorChoice?
    public var ascii: Bool?
    public var links: Bool?
    /// Linear mode for screen readers and braille displays (`--linear`).
    public var linear: Bool?
    public var maxTLP: TLP?
    public var kioskRotate: Double?
    public var kioskEntries: [KioskEntry]?
    public var kioskStaleAfter: Double?
    public var kioskNight: QuietHours?
    public var kioskNightTheme: String?
    public var kioskShiftMinutes: Double?
    public var kioskChangesHours: Double?
    public var kioskMaxTLP: TLP?
    public var taxii: [TaxiiSourceSetting] = []
    public var mispFeeds: [MispFeedSetting] = []
    public var mispSearches: [MispSearchSetting] = []
    /// Saved views: name → filter chips as typed (`sector:technology`).
    public var views: [String: [String]] = [:]
    /// Layouts from `layouts:` (see LayoutConfig), the one to start with, and the layouts
    /// skipped as wrong (each with its place; the rest of the config stands).
    public var layouts: [LayoutSpec] = []
    public var layout: String?
    public var layoutProblems: [SettingsError] = []

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
            case "links": config.links = try doc.bool(value, key: key)
            case "linear": config.linear = try doc.bool(value, key: key)
            case "max-tlp": config.maxTLP = try tlp(doc, value, key: key)
            case "sources": try parseSources(doc, value, into: &config)
            case "views": try parseViews(doc, value, into: &config)
            case "layout": config.layout = try doc.string(value, key: key)
            case "layouts": (config.layouts, config.layoutProblems) = LayoutConfig.parse(doc, value)
            case "kiosk": try parseKiosk(doc, value, into: &config)
            default:
                throw doc.error(
                    keyNode, key: key, "unknown key (expected theme, data, color, ascii, links, linear, max-tlp, sources, views, layout, layouts, kiosk)")
            }
        }
        return config
    }

    static func tlp(_ doc: YAMLDocument, _ node: Node, key: String) throws(SettingsError) -> TLP {
        let raw = try doc.string(node, key: key)
        guard let t = TLP(tag: raw) else { throw doc.error(node, key: key, "\"\(raw)\": expected clear, green, amber, amber+strict or red") }
        return t
    }

    static func parseViews(_ doc: YAMLDocument, _ value: Node, into config: inout Config) throws(SettingsError) {
        for (name, kNode, v) in try doc.mapping(value, key: "views") {
            let chips = try doc.strings(v, key: "views." + name)
            guard !chips.isEmpty else { throw doc.error(kNode, key: "views." + name, "a view needs at least one filter chip") }
            for c in chips where !c.contains(":") {
                throw doc.error(v, key: "views." + name, "\"\(c)\": expected KIND:VALUE (\(FilterSpec.syntax))")
            }
            config.views[name] = chips
        }
    }

    static func parseKiosk(_ doc: YAMLDocument, _ value: Node, into config: inout Config) throws(SettingsError) {
        for (k, kNode, v) in try doc.mapping(value, key: "kiosk") {
            let full = "kiosk." + k
            switch k {
            case "rotate":
                let n = try doc.number(v, key: full)
                guard n >= 1 else { throw doc.error(v, key: full, "must be at least 1 second") }
                config.kioskRotate = n
            case "views":
                guard case .sequence(let items) = v else {
                    throw doc.error(v, key: full, "expected a list of views")
                }
                var entries: [KioskEntry] = []
                for item in items {
                    if case .mapping = item {
                        var view: KioskView?
                        var seconds: Double?
                        for (ik, ikNode, iv) in try doc.mapping(item, key: full) {
                            switch ik {
                            case "view":
                                let name = try doc.string(iv, key: full + ".view")
                                guard let parsed = KioskView(name: name) else {
                                    throw doc.error(iv, key: full + ".view", "unknown view \"\(name)\" (\(KioskView.syntax))")
                                }
                                view = parsed
                            case "seconds":
                                let n = try doc.number(iv, key: full + ".seconds")
                                guard n >= 1 else { throw doc.error(iv, key: full + ".seconds", "must be at least 1 second") }
                                seconds = n
                            default: throw doc.error(ikNode, key: full + "." + ik, "unknown key (expected view, seconds)")
                            }
                        }
                        guard let view else { throw doc.error(item, key: full, "each entry needs `view:`") }
                        entries.append(KioskEntry(view, seconds: seconds))
                    } else {
                        let name = try doc.string(item, key: full)
                        guard let view = KioskView(name: name) else { throw doc.error(item, key: full, "unknown view \"\(name)\" (\(KioskView.syntax))") }
                        entries.append(KioskEntry(view))
                    }
                }
                guard !entries.isEmpty else { throw doc.error(v, key: full, "needs at least one view") }
                config.kioskEntries = entries
            case "stale-after":
                let n = try doc.number(v, key: full)
                guard n >= 1 else { throw doc.error(v, key: full, "must be at least 1 second") }
                config.kioskStaleAfter = n
            case "night":
                let raw = try doc.string(v, key: full)
                guard let q = QuietHours(parsing: raw) else { throw doc.error(v, key: full, "\"\(raw)\": expected HH:MM-HH:MM, e.g. 22:00-06:00") }
                config.kioskNight = q
            case "night-theme": config.kioskNightTheme = try doc.string(v, key: full)
            case "shift-every":
                let n = try doc.number(v, key: full)
                guard n >= 0 else { throw doc.error(v, key: full, "must be 0 (never) or more minutes") }
                config.kioskShiftMinutes = n
            case "changes-max-age":
                let n = try doc.number(v, key: full)
                guard n > 0 else { throw doc.error(v, key: full, "must be more than 0 hours") }
                config.kioskChangesHours = n
            case "max-tlp": config.kioskMaxTLP = try tlp(doc, v, key: full)
            case "watch":
                // Files are watched by the system's change notification now; accepted for old configs.
                _ = try doc.number(v, key: full)
            default:
                throw doc.error(
                    kNode, key: full, "unknown key (expected rotate, views, stale-after, night, night-theme, shift-every, changes-max-age, max-tlp)")
            }
        }
    }

    /// The kiosk configuration from the config file and command-line overrides.
    public func kiosk(rotate: Double?, views: [KioskView]?, staleAfter: Double?, maxTLP: TLP?) -> KioskConfig {
        var entries = kioskEntries
        if let views { entries = views.map { KioskEntry($0) } }
        return KioskConfig(
            rotateSeconds: rotate ?? kioskRotate ?? 20, staleAfterSeconds: staleAfter ?? kioskStaleAfter ?? 3600, entries: entries,
            night: kioskNight, nightTheme: kioskNightTheme ?? "wall-night", shiftSeconds: (kioskShiftMinutes ?? 10) * 60,
            changesMaxAgeSeconds: (kioskChangesHours ?? 24) * 3600, maxTLP: maxTLP ?? kioskMaxTLP ?? .green)
    }
}
