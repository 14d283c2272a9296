import TerminalUI
import Yams

/// Reads themes from YAML: bundled ones (embedded in the binary from `Themes/`), then the
/// user's from `$XDG_CONFIG_HOME/threatdeck/themes/`, which override or add by name.
///
/// ```yaml
/// name: my-theme
/// description: what it is for
/// inherits: default        # roles left out come from here
/// colors:
///   text: "#d7dae0"
///   heat-1: "#1d3b53"
/// ```
public enum ThemeLoader {
    public static func parse(_ text: String, file: String, base: [String: Theme] = [:]) throws(SettingsError) -> Theme {
        let doc = try YAMLDocument(text: text, file: file)
        guard let root = doc.root else { throw SettingsError(file: file, line: 1, column: 1, key: "", message: "empty theme file") }
        var name: String?
        var summary = ""
        var monochrome = false
        var inherits: (String, Node)?
        var colorPairs: [(key: String, keyNode: Node, value: Node)] = []
        for (key, keyNode, value) in try doc.mapping(root, key: "") {
            switch key {
            case "name": name = try doc.string(value, key: key)
            case "description": summary = try doc.string(value, key: key)
            case "monochrome": monochrome = try doc.bool(value, key: key)
            case "inherits": inherits = (try doc.string(value, key: key), value)
            case "colors": colorPairs = try doc.mapping(value, key: "colors")
            default:
                throw doc.error(keyNode, key: key, "unknown key (expected name, description, inherits, monochrome, colors)")
            }
        }
        guard let name, !name.isEmpty else { throw doc.error(root, key: "name", "missing: every theme needs a name") }
        var colors: [Role: RGB] = [:]
        if let (parent, node) = inherits {
            guard let p = base[parent] else {
                throw doc.error(node, key: "inherits", "no theme named \"\(parent)\" (known: \(base.keys.sorted().joined(separator: ", ")))")
            }
            colors = p.colors
        }
        for (key, keyNode, value) in colorPairs {
            guard let role = Role(rawValue: key) else {
                throw doc.error(keyNode, key: "colors." + key, "unknown role (roles: \(Role.allCases.map(\.rawValue).joined(separator: ", ")))")
            }
            let hex = try doc.string(value, key: "colors." + key)
            guard let rgb = RGB(hex: hex) else { throw doc.error(value, key: "colors." + key, "\"\(hex)\" is not a colour: use \"#rrggbb\"") }
            colors[role] = rgb
        }
        if !monochrome {
            let missing = Role.allCases.filter { colors[$0] == nil }
            if !missing.isEmpty {
                throw doc.error(root, key: "colors", "missing roles: \(missing.map(\.rawValue).joined(separator: ", ")) (or add `inherits: default`)")
            }
        }
        return Theme(name: name, summary: summary, colors: colors, monochrome: monochrome, origin: file)
    }

    /// Bundled themes first (in order, "default" before the ones that inherit from it), then
    /// user themes replacing or adding by name. Bad files are skipped and reported.
    public static func load(bundled: [(name: String, text: String)], user: [(path: String, text: String)]) -> (themes: [Theme], errors: [SettingsError]) {
        var byName: [String: Theme] = [:]
        var order: [String] = []
        var errors: [SettingsError] = []
        func add(_ sources: [(String, String)]) {
            // Inheritance may point at a theme later in the list: retry until no progress.
            var pending = sources
            while !pending.isEmpty {
                var progress = false
                var failed: [(String, String)] = []
                var lastErrors: [SettingsError] = []
                for (file, text) in pending {
                    do {
                        let theme = try parse(text, file: file, base: byName)
                        if byName[theme.name] == nil { order.append(theme.name) }
                        byName[theme.name] = theme
                        progress = true
                    } catch {
                        failed.append((file, text))
                        lastErrors.append(error)
                    }
                }
                if !progress {
                    errors += lastErrors
                    break
                }
                pending = failed
            }
        }
        add(bundled.map { ("Themes/" + $0.name, $0.text) })
        add(user.map { ($0.path, $0.text) })
        if byName["default"] == nil {
            byName["default"] = Theme.fallback
            order.insert("default", at: 0)
        }
        let themes = order.compactMap { byName[$0] }
        return (themes, errors)
    }
}
