/// A semantic colour role. Widgets speak only in roles; a `Theme` says what each looks like.
public enum Role: String, CaseIterable, Hashable, Sendable {
    case background, text, muted, accent, title, border
    case borderFocused = "border-focused"
    case selection
    case barFill = "bar-fill"
    case barTrack = "bar-track"
    case heat1 = "heat-1", heat2 = "heat-2", heat3 = "heat-3", heat4 = "heat-4", heat5 = "heat-5"
    case warning, error, stale, ok, chip
    case nexusChina = "nexus-cn", nexusRussia = "nexus-ru", nexusNorthKorea = "nexus-kp", nexusIran = "nexus-ir"
    case nexusOther = "nexus-other", nexusUnknown = "nexus-unknown"

    public static let heat: [Role] = [.heat1, .heat2, .heat3, .heat4, .heat5]

    /// Roles that carry text and must stay readable on the background (WCAG 4.5:1).
    public static let textRoles: [Role] = [.text, .muted, .accent, .title, .warning, .error, .ok]

    /// The colour role of a nexus by ISO code; unknown and the rest share two roles.
    public static func nexus(_ code: String?) -> Role {
        switch code {
        case "CN": return .nexusChina
        case "RU": return .nexusRussia
        case "KP": return .nexusNorthKorea
        case "IR": return .nexusIran
        case nil: return .nexusUnknown
        default: return .nexusOther
        }
    }
}

/// Text attributes a terminal can show without colour.
public struct Attributes: OptionSet, Hashable, Sendable {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }

    public static let bold = Attributes(rawValue: 1)
    public static let dim = Attributes(rawValue: 2)
    public static let underline = Attributes(rawValue: 4)
    public static let reverse = Attributes(rawValue: 8)
    public static let italic = Attributes(rawValue: 16)
}

/// How a cell looks: foreground role, optional background role, attributes.
public struct Style: Hashable, Sendable {
    public var foreground: Role
    public var background: Role?
    public var attributes: Attributes

    public init(_ foreground: Role = .text, background: Role? = nil, attributes: Attributes = []) {
        self.foreground = foreground
        self.background = background
        self.attributes = attributes
    }

    public static let plain = Style()

    public func with(_ attributes: Attributes) -> Style {
        var s = self
        s.attributes.formUnion(attributes)
        return s
    }

    public func on(_ background: Role) -> Style {
        var s = self
        s.background = background
        return s
    }
}
