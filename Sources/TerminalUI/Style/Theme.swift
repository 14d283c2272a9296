/// Colours for every semantic role, as data (see `Themes/`), plus how each role keeps its
/// distinction without colour (bold, reverse, underline) for monochrome terminals.
public struct Theme: Hashable, Sendable {
    public var name: String
    public var summary: String
    public var colors: [Role: RGB]
    /// A monochrome theme draws with attributes only, whatever the terminal offers.
    public var monochrome: Bool
    /// Where the theme came from (a bundled file, a user file), for `themes` and errors.
    public var origin: String

    public init(name: String, summary: String = "", colors: [Role: RGB], monochrome: Bool = false, origin: String = "built-in") {
        self.name = name
        self.summary = summary
        self.colors = colors
        self.monochrome = monochrome
        self.origin = origin
    }

    public func color(_ role: Role) -> RGB {
        colors[role] ?? colors[Theme.fallbackRole(role)] ?? Theme.fallback.colors[role] ?? RGB(255, 255, 255)
    }

    /// Roles a theme may leave out, and which role they borrow from.
    static func fallbackRole(_ role: Role) -> Role {
        switch role {
        case .title, .chip: return .accent
        case .barTrack: return .muted
        case .ok: return .text
        case .nexusOther, .nexusUnknown: return .muted
        default: return .text
        }
    }

    /// Attributes that carry a role's meaning when there is no colour at all.
    public static func monochromeAttributes(_ role: Role) -> Attributes {
        switch role {
        case .title, .borderFocused, .accent: return .bold
        case .selection, .chip: return .reverse
        case .warning: return [.bold, .underline]
        case .error: return [.bold, .underline]
        case .stale: return [.bold, .reverse]
        case .muted, .barTrack: return .dim
        case .heat5: return .bold
        default: return []
        }
    }

    /// The built-in dark theme: used when `Themes/` cannot be read, so the app always starts.
    public static let fallback = Theme(
        name: "default", summary: "Dark, calm, high-information (built in)",
        colors: [
            .background: RGB(hex: "#14171c")!, .text: RGB(hex: "#d7dae0")!, .muted: RGB(hex: "#8b93a1")!, .accent: RGB(hex: "#61afef")!,
            .title: RGB(hex: "#e5c07b")!, .border: RGB(hex: "#3e4451")!, .borderFocused: RGB(hex: "#61afef")!, .selection: RGB(hex: "#2c4a6b")!,
            .barFill: RGB(hex: "#56b6c2")!, .barTrack: RGB(hex: "#2a2f38")!,
            .heat1: RGB(hex: "#1d3b53")!, .heat2: RGB(hex: "#24607a")!, .heat3: RGB(hex: "#2f8a8f")!, .heat4: RGB(hex: "#c8a24a")!, .heat5: RGB(hex: "#e06c4a")!,
            .warning: RGB(hex: "#e5c07b")!, .error: RGB(hex: "#ff6b6b")!, .stale: RGB(hex: "#ff9e3d")!, .ok: RGB(hex: "#98c379")!, .chip: RGB(hex: "#c678dd")!,
            .nexusChina: RGB(hex: "#ef596f")!, .nexusRussia: RGB(hex: "#61afef")!, .nexusNorthKorea: RGB(hex: "#c678dd")!, .nexusIran: RGB(hex: "#98c379")!,
            .nexusOther: RGB(hex: "#d19a66")!, .nexusUnknown: RGB(hex: "#8b93a1")!,
        ])
}

/// A theme resolved for one colour tier: what backends and the ANSI renderer actually send.
public struct Palette: Sendable {
    public let theme: Theme
    public let tier: ColorTier
    private let resolved: [Role: TerminalColor]

    public init(theme: Theme, tier: ColorTier) {
        self.theme = theme
        self.tier = theme.monochrome ? .monochrome : tier
        var map: [Role: TerminalColor] = [:]
        for role in Role.allCases { map[role] = ColorMapping.map(theme.color(role), to: self.tier) }
        resolved = map
    }

    public func color(_ role: Role) -> TerminalColor { resolved[role] ?? .default }

    /// Foreground, background and attributes for a cell style in this tier.
    public func resolve(_ style: Style) -> (foreground: TerminalColor, background: TerminalColor, attributes: Attributes) {
        if tier == .monochrome {
            var attributes = style.attributes.union(Theme.monochromeAttributes(style.foreground))
            if let bg = style.background, bg != .background {
                // A coloured background (selection, heat) becomes reverse video, or for heat
                // nothing at all: heat cells carry their number and a shade glyph.
                if !Role.heat.contains(bg) { attributes.formUnion(Theme.monochromeAttributes(bg).isEmpty ? .reverse : Theme.monochromeAttributes(bg)) }
            }
            return (.default, .default, attributes)
        }
        return (color(style.foreground), color(style.background ?? .background), style.attributes)
    }
}
