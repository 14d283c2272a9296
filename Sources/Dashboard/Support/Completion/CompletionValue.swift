import Analysis
import ThreatModel

/// One value a filter kind or prompt word can take, as completion offers it: the spelling
/// written into the line, the key the filter parser needs, other names that find it
/// (aliases), exact codes (ISO 3166, ATT&CK ids) and a few words that tell it apart.
///
/// ```swift
/// CompletionValue(name: "China", key: "CN", aliases: ["PRC"], codes: ["CN"], detail: "CN · 10 actors")
/// ```
public struct CompletionValue: Hashable, Sendable {
    /// What completion writes into the line (quoted there when it holds a space).
    public var name: String
    /// What the filter parser is given: a country code, a sector id, an actor id.
    public var key: String
    /// Other names typed for it (country alternatives, actor aliases, a technique's name).
    public var aliases: [String]
    /// Codes: exact when typed as written ("CH"), prefixes like names otherwise.
    public var codes: [String]
    /// Shown after the name in lists: "CN · 10 actors".
    public var detail: String

    public init(name: String, key: String? = nil, aliases: [String] = [], codes: [String] = [], detail: String = "") {
        self.name = name
        self.key = key ?? name
        self.aliases = aliases
        self.codes = codes
        self.detail = detail
    }

    /// "China (CN · 10 actors)": how a candidate is listed.
    public var label: String { detail.isEmpty ? name : name + " (" + detail + ")" }

    /// `name` as a prompt or command-line word: quoted when it holds a space.
    public var word: String { name.contains(" ") ? "\"" + name + "\"" : name }

    /// True when a name or alias, folded, begins with `folded`.
    func namePrefixed(by folded: String) -> Bool {
        Vocabulary.fold(name).hasPrefix(folded) || aliases.contains { Vocabulary.fold($0).hasPrefix(folded) }
    }

    /// True when a code begins with `typed`, case ignored.
    func codePrefixed(by typed: String) -> Bool {
        let lower = typed.lowercased()
        return !lower.isEmpty && codes.contains { $0.lowercased().hasPrefix(lower) }
    }
}
