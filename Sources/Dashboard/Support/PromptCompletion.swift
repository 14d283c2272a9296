import Reports
import Analysis
import ThreatModel

/// Completion of the `:` line's last word: kinds, saved views and `clear` before a colon, the
/// kind's values after it. What Tab writes, and the candidates shown while one types, so Enter
/// never applies a value the line did not show.
enum PromptCompletion {
    struct Candidate: Equatable, Sendable {
        /// What Tab writes for it: "nexus:China", "apac-tech".
        var word: String
        /// How the list shows it: "China (CN · 10 actors)".
        var label: String
    }

    struct Result: Equatable, Sendable {
        var text: String
        var candidates: [Candidate]
        /// How many matched (the list may be cut short).
        var total: Int
    }

    /// The line split into the words before the one being typed, and that word.
    static func split(_ text: String) -> (head: [String], word: String) {
        var parts = PromptCommand.tokens(text)
        let word = text.hasSuffix(" ") ? "" : (parts.popLast() ?? "")
        return (parts, word)
    }

    /// What the word being typed could become.
    static func candidates(for word: String, context: CompletionContext, limit: Int = 50) -> (list: [Candidate], total: Int) {
        if word.hasPrefix("!") {
            // A negated chip completes as the chip does.
            let (list, total) = candidates(for: String(word.dropFirst()), context: context, limit: limit)
            return (list.map { Candidate(word: "!" + $0.word, label: $0.label) }, total)
        }
        guard let colon = word.firstIndex(of: ":") else {
            let lower = word.lowercased()
            var out: [Candidate] = []
            for kind in CompletionKind.all where kind.name.hasPrefix(lower) || kind.aliases.contains(where: { $0.hasPrefix(lower) }) {
                out.append(Candidate(word: kind.word, label: kind.word + " " + kind.summary))
            }
            for name in context.views.keys.sorted() where name.lowercased().hasPrefix(lower) {
                out.append(Candidate(word: name, label: name + " (saved view: " + context.views[name]!.joined(separator: " ") + ")"))
            }
            if "clear".hasPrefix(lower) { out.append(Candidate(word: "clear", label: "clear: no filter")) }
            return (Array(out.prefix(limit)), out.count)
        }
        guard let kind = CompletionKind.named(String(word[..<colon])) else { return ([], 0) }
        let typedKind = String(word[...colon])
        let hits = Completer.matches(String(word[word.index(after: colon)...]), in: kind.values(context))
        return (hits.prefix(limit).map { Candidate(word: typedKind + $0.word, label: $0.label) }, hits.count)
    }

    /// Tab: one candidate is written whole; several, as far as their names agree.
    static func complete(_ text: String, context: CompletionContext) -> Result {
        let (head, word) = split(text)
        let (list, total) = candidates(for: word, context: context, limit: 500)
        var replacement = word
        if total == 1, let only = list.first {
            replacement = only.word + (only.word.hasSuffix(":") ? "" : " ")
        } else if total > 1 {
            replacement = longestShared(word, list.map(\.word))
        }
        let joined = (head + [replacement]).joined(separator: " ")
        return Result(text: joined, candidates: Array(list.prefix(50)), total: total)
    }

    /// The word grown to what every candidate shares, if that is longer than what was typed.
    static func longestShared(_ word: String, _ words: [String]) -> String {
        let bare = words.map { $0.replacingOccurrences("\"", "") }
        let shared = Completer.commonPrefix(bare)
        let typed = word.replacingOccurrences("\"", "")
        guard shared.count > typed.count, shared.lowercased().hasPrefix(typed.lowercased()) else { return word }
        // A value with a space is written with an opening quote; the last Tab closes it.
        if let colon = shared.firstIndex(of: ":"), shared[colon...].contains(" ") {
            return String(shared[...colon]) + "\"" + String(shared[shared.index(after: colon)...])
        }
        return shared
    }
}
