/// The `:` line's completion as the command line uses it too (`threatdeck complete` for
/// `--filter`): what Tab makes of a line, and the words that could follow, with their labels.
public enum FilterCompletion {
    public static func complete(_ text: String, _ context: CompletionContext) -> String {
        PromptCompletion.complete(text, context: context).text
    }

    /// Words the word being typed could become: "nexus:China" labelled "China (CN · 10 actors)".
    public static func candidates(_ word: String, _ context: CompletionContext, limit: Int = 500) -> [(word: String, label: String)] {
        PromptCompletion.candidates(for: word, context: context, limit: limit).list.map { ($0.word, $0.label) }
    }
}
