import Analysis
import ThreatModel

/// Honest completion: which values a typed word could mean, and whether it means exactly one.
/// A word that fits several is refused with the list, never settled silently; a code is
/// exact only as written ("CH" is Switzerland, while "Ch" could be China, Chile, Chad or
/// Switzerland), and a code typed in other case counts only when no other name starts so.
/// A name as written beats an alias, an alias beats a prefix.
public enum Completer {
    public enum Resolution: Equatable, Sendable {
        case one(CompletionValue)
        case ambiguous([CompletionValue])
        case none
    }

    /// Values whose name or an alias begins with `typed` (folded: case, spacing and
    /// punctuation ignored) or whose code begins with it (case ignored), in the kind's order.
    /// A value found by an alias says which ("Taiwan (TW · as Chinese Taipei)"), so the list
    /// explains itself.
    public static func matches(_ typed: String, in values: [CompletionValue]) -> [CompletionValue] {
        let raw = unquoted(typed)
        guard !raw.isEmpty else { return values }
        let folded = Vocabulary.fold(raw)
        return values.compactMap { v in
            if v.codePrefixed(by: raw) || (!folded.isEmpty && Vocabulary.fold(v.name).hasPrefix(folded)) { return v }
            guard !folded.isEmpty, let alias = v.aliases.first(where: { Vocabulary.fold($0).hasPrefix(folded) }) else { return nil }
            var shown = v
            shown.detail = (v.detail.isEmpty ? "" : v.detail + " · ") + "as " + alias
            return shown
        }
    }

    /// What `typed` means among `values`: one value, several (refuse and list them), or none.
    public static func resolve(_ typed: String, in values: [CompletionValue]) -> Resolution {
        let raw = unquoted(typed).trimmingSpaces
        guard !raw.isEmpty else { return .none }
        let folded = Vocabulary.fold(raw)
        // A name or a code as written beats an alias (a galaxy's Aardvark may list "Zeta
        // Group" as an alias while Zeta Group is an actor of its own), an alias beats a prefix.
        let byName = distinct(values.filter { v in v.codes.contains(raw) || (!folded.isEmpty && Vocabulary.fold(v.name) == folded) })
        let byAlias = folded.isEmpty ? [] : distinct(values.filter { v in v.aliases.contains { Vocabulary.fold($0) == folded } })
        for exact in [byName, byAlias] where !exact.isEmpty {
            return exact.count == 1 ? .one(exact[0]) : .ambiguous(exact)
        }
        let all = distinct(matches(raw, in: values))
        let byCode = distinct(values.filter { $0.codes.contains { $0.lowercased() == raw.lowercased() } })
        if byCode.count == 1, !all.contains(where: { $0 != byCode[0] && !folded.isEmpty && $0.namePrefixed(by: folded) }) {
            return .one(byCode[0])
        }
        switch all.count {
        case 0: return .none
        case 1: return .one(all[0])
        default: return .ambiguous(all)
        }
    }

    /// The spelling of `value` that begins `typed`: its name, else the code or alias typed, so
    /// a shell's own prefix match keeps it ("CH" stays "CH", "chi" becomes "China").
    public static func spelling(of value: CompletionValue, matching typed: String) -> String {
        let raw = unquoted(typed), folded = Vocabulary.fold(raw)
        if raw.isEmpty || Vocabulary.fold(value.name).hasPrefix(folded) && value.name.lowercased().hasPrefix(raw.lowercased()) { return value.name }
        if let code = value.codes.first(where: { $0.lowercased().hasPrefix(raw.lowercased()) }) { return code }
        if let alias = value.aliases.first(where: { $0.lowercased().hasPrefix(raw.lowercased()) }) { return alias }
        return value.name
    }

    /// "China (CN), Chile (CL), Chad (TD) and 2 more": a refusal's list.
    public static func list(_ values: [CompletionValue], limit: Int = 8) -> String {
        let shown = values.prefix(limit).map(\.label)
        let more = values.count > limit ? " and \(values.count - limit) more" : ""
        return shown.joined(separator: ", ") + more
    }

    /// Values equal by key counted once (a kind may list a value under two spellings).
    static func distinct(_ values: [CompletionValue]) -> [CompletionValue] {
        var seen: Set<String> = []
        return values.filter { seen.insert($0.key + "\u{1}" + $0.name).inserted }
    }

    static func unquoted(_ text: String) -> String { text.replacingOccurrences("\"", "") }

    /// The longest prefix the names share, compared case-insensitively, in the first name's case.
    static func commonPrefix(_ names: [String]) -> String {
        guard var prefix = names.first.map(Array.init) else { return "" }
        for name in names.dropFirst() {
            let chars = Array(name)
            var k = 0
            while k < prefix.count && k < chars.count && String(prefix[k]).lowercased() == String(chars[k]).lowercased() { k += 1 }
            prefix.removeLast(prefix.count - k)
        }
        return String(prefix)
    }
}
