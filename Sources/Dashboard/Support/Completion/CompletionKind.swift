import Analysis
import ThreatModel

/// A word the `:` prompt and the shell complete: `KIND:VALUE`, where the values come from the
/// loaded data or the settings. Filter kinds become chips (through `FilterSpec`); setting kinds
/// change the view (a saved view, a theme).
///
/// ```swift
/// CompletionKind("motive", aliases: ["motivation"], summary: "a motivation", values: CompletionValues.motives)
/// ```
public struct CompletionKind: Sendable {
    public enum Role: Sendable, Equatable {
        /// Becomes a filter chip.
        case filter
        /// Changes a setting of the view; not a filter.
        case setting
    }

    public let name: String
    /// Other spellings of the kind ("motivation" for "motive").
    public let aliases: [String]
    public let role: Role
    /// One line for the man page, help and shell completion.
    public let summary: String
    /// Any text is accepted (dates, words): the values are suggestions, never a limit.
    public let freeForm: Bool
    public let values: @Sendable (CompletionContext) -> [CompletionValue]

    public init(
        _ name: String, aliases: [String] = [], role: Role = .filter, summary: String, freeForm: Bool = false,
        values: @escaping @Sendable (CompletionContext) -> [CompletionValue]
    ) {
        self.name = name
        self.aliases = aliases
        self.role = role
        self.summary = summary
        self.freeForm = freeForm
        self.values = values
    }

    /// "nexus:": how the kind is typed.
    public var word: String { name + ":" }

    /// Every kind, in the order lists show them. A new kind is one line here, with its values
    /// from the context; a filter kind also needs its chip in `FilterSpec`, a setting its effect
    /// in `PromptCommand`.
    public static let all: [CompletionKind] = [
        CompletionKind("nexus", summary: "country of origin: a name or ISO code (China, CN), unknown or disputed", values: CompletionValues.nexus),
        CompletionKind("sector", summary: "a targeted sector, by id or name (technology, \"Financial Services\")", values: CompletionValues.sectors),
        CompletionKind("region", summary: "a targeted region (UN M49), by id or name (\"South-eastern Asia\")", values: CompletionValues.regions),
        CompletionKind("actor", summary: "an actor, by id, name or alias (\"Murky Panda\")", values: CompletionValues.actors),
        CompletionKind("technique", aliases: ["ttp"], summary: "an ATT&CK technique, by id or name (T1566, Phishing)", values: CompletionValues.techniques),
        CompletionKind("motive", aliases: ["motivation"], summary: "a motivation (espionage, financial, …)", values: CompletionValues.motives),
        CompletionKind("sponsor", summary: "actors of a type, and their events (state for state-sponsored)", values: CompletionValues.sponsors),
        CompletionKind("kind", summary: "events of a kind, or targeted-intrusion (the hands-on kinds)", values: CompletionValues.kinds),
        CompletionKind(
            "tag", summary: "MISP events with a tag on them or an attribute (tlp:red, a taxonomy, misp-galaxy:…; tlp alone: any)", freeForm: true,
            values: CompletionValues.tags),
        CompletionKind(
            "galaxy", summary: "MISP events with a galaxy cluster (threat-actor=APT28, a galaxy or a value alone)", freeForm: true,
            values: CompletionValues.galaxies),
        CompletionKind("org", summary: "MISP events created by an organisation (Orgc)", freeForm: true, values: CompletionValues.orgs),
        CompletionKind(
            "type", summary: "MISP events holding an attribute type, and only its indicators (sha256, ip-dst)", freeForm: true,
            values: CompletionValues.attributeTypes),
        CompletionKind(
            "ioc", summary: "MISP events holding an indicator, typed plain or defanged (hxxp://evil[.]example)", freeForm: true,
            values: CompletionValues.iocs),
        CompletionKind("from", summary: "events on or after a day (YYYY-MM-DD)", freeForm: true, values: CompletionValues.firstDays),
        CompletionKind("to", summary: "events on or before a day (YYYY-MM-DD)", freeForm: true, values: CompletionValues.lastDays),
        CompletionKind(
            "window", aliases: ["time"], summary: "events overlapping a period (YYYY-MM-DD..YYYY-MM-DD)", freeForm: true, values: CompletionValues.windows),
        CompletionKind("text", summary: "events whose summary contains the words", freeForm: true, values: { _ in [] }),
        CompletionKind("view", role: .setting, summary: "a saved view from config.yaml: replaces the filter", values: CompletionValues.views),
        CompletionKind("theme", role: .setting, summary: "a colour theme, bundled or from the themes directory", values: CompletionValues.themes),
        CompletionKind(
            "layout", role: .setting, summary: "a layout: built-in, from config.yaml layouts:, or auto (by the data)", values: CompletionValues.named("layout")),
    ]

    /// The filter kinds alone (`--filter` takes these).
    public static var filters: [CompletionKind] { all.filter { $0.role == .filter } }

    /// The kind a typed word names ("motivation" finds motive), case ignored.
    public static func named(_ raw: String) -> CompletionKind? {
        let lower = raw.lowercased()
        return all.first { $0.name == lower || $0.aliases.contains(lower) }
    }
}
