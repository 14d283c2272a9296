import Dashboard
import Reports
import Settings
import TerminalUI
import ThreatModel

/// What a shell should offer for the word being typed: subcommands, options, or an option's
/// values (`--filter` kinds and values from the data and the config, `--theme`, `--view`,
/// `--format`, …), each with a description; `files` when file names fit too. The same honest
/// completion as the `:` prompt: a name or a code, every value it could be listed.
struct ShellCompletion: Equatable {
    struct Candidate: Equatable {
        /// The whole word (unquoted): "--filter", "nexus:China".
        var word: String
        var description: String
    }

    var candidates: [Candidate] = []
    /// File names fit here too (the shell lists them itself).
    var files = false

    /// Where the values of each option come from, by its long name.
    static let optionValues: [String: @Sendable (String, ShellContext) -> ShellCompletion] = [
        "filter": { word, context in filterValues(word, context) },
        "theme": { word, context in ShellCompletion(candidates: context.themes().map { Candidate(word: $0, description: "theme") }, files: word.contains("/"))
        },
        "view": { _, context in context.views() },
        "views": { word, _ in kioskViews(word) },
        "format": { _, _ in list(["md", "csv", "json", "stix", "navigator", "iocs"], "export format") },
        "table": { _, _ in list(ExportFormat.Table.allCases.map(\.rawValue), "CSV table") },
        "max-tlp": { _, _ in list(["clear", "green", "amber", "amber+strict", "red"], "TLP limit") },
        "colors": { _, _ in list(ColorTier.allCases.map(\.rawValue), "colour tier") },
        "focus": { _, _ in list(PaneRegistry.ids.map(\.rawValue), "pane") },
        "layout": { _, context in
            ShellCompletion(
                candidates: [Candidate(word: "auto", description: "chosen by the data")]
                    + (BuiltinLayouts.all + context.settings().layouts).map { Candidate(word: $0.name, description: "layout: " + $0.written) })
        },
        "actor": { word, context in
            var values = filterValues("actor:" + word, context)
            values.candidates = values.candidates.map { Candidate(word: String($0.word.dropFirst(6)), description: $0.description) }
            return values
        },
        "compare": { _, context in context.comparisons() },
        "ca-file": { _, _ in ShellCompletion(files: true) },
        "misp-key-file": { _, _ in ShellCompletion(files: true) },
        "misp-feed": { _, _ in ShellCompletion(files: true) },
        "record": { _, _ in ShellCompletion(files: true) },
        "replay": { _, _ in ShellCompletion(files: true) },
        "output": { _, _ in ShellCompletion(files: true) },
    ]

    static func list(_ words: [String], _ description: String) -> ShellCompletion {
        ShellCompletion(candidates: words.map { Candidate(word: $0, description: description) })
    }

    /// Completion for a command line up to the cursor.
    static func complete(_ line: String, table: CommandTable = .current, context: ShellContext) -> ShellCompletion {
        let split = ShellWords(line)
        var words = Array(split.words.dropFirst())  // the program's own name
        let explicit = words.first.flatMap { table.command($0) }
        if explicit != nil { words.removeFirst() }
        let command = explicit ?? table.command(table.defaultCommand)
        let current = split.current
        context.arguments = words
        if current.hasPrefix("--"), let eq = current.firstIndex(of: "=") {
            let name = String(current[..<eq]), value = String(current[current.index(after: eq)...])
            var result = values(for: name, value, command: command, context: context)
            result.candidates = result.candidates.map { Candidate(word: name + "=" + $0.word, description: $0.description) }
            return filtered(result, current)
        }
        if let previous = words.last, let option = command?.options.first(where: { $0.names.contains(previous) }), option.takesValue {
            return filtered(values(for: previous, current, command: command, context: context), current)
        }
        if current.hasPrefix("-") {
            let options = (command?.options ?? []).flatMap { o in o.names.map { Candidate(word: $0, description: o.help) } }
            return filtered(ShellCompletion(candidates: options), current)
        }
        var result = ShellCompletion(files: command?.name != "themes")
        if explicit == nil && words.isEmpty {
            result.candidates = table.commands.filter { $0.name != "help" }.map { Candidate(word: $0.name, description: $0.abstract) }
        }
        return filtered(result, current)
    }

    static func values(for option: String, _ word: String, command: CommandTable.Command?, context: ShellContext) -> ShellCompletion {
        let long = command?.options.first { $0.names.contains(option) }?.names.first { $0.hasPrefix("--") } ?? option
        if let source = optionValues[String(long.dropFirst(2))] { return source(word, context) }
        if let listed = command?.options.first(where: { $0.names.contains(option) })?.values, !listed.isEmpty { return list(listed, "") }
        return ShellCompletion()
    }

    /// `--filter`: kinds before the colon, the kind's values after it, spelled as typed (a code
    /// typed is offered as the code, a name as the name), so every shell's prefix match keeps them.
    static func filterValues(_ word: String, _ context: ShellContext) -> ShellCompletion {
        guard let colon = word.firstIndex(of: ":"), let kind = CompletionKind.named(String(word[..<colon])), kind.role == .filter else {
            return ShellCompletion(candidates: CompletionKind.filters.map { Candidate(word: $0.word, description: $0.summary) })
        }
        let typed = String(word[word.index(after: colon)...])
        let all = kind.values(context.completion())
        let exact = Completer.resolve(typed, in: all)
        var out: [Candidate] = []
        for v in Completer.matches(typed, in: all).prefix(200) {
            let spelling = Completer.spelling(of: v, matching: typed)
            // Nothing more to type, yet the word is not this value alone ("Ch" as Switzerland's
            // code): not offered; the command refuses "Ch" with every value it could mean.
            if spelling.count <= typed.count {
                guard case .one(let only) = exact, only.key == v.key else { continue }
            }
            out.append(Candidate(word: String(word[...colon]) + spelling, description: v.label))
        }
        return ShellCompletion(candidates: out)
    }

    /// `--views a,b,`: kiosk views after the last comma.
    static func kioskViews(_ word: String) -> ShellCompletion {
        let head = word.lastIndex(of: ",").map { String(word[...$0]) } ?? ""
        let names = ["headline", "overview", "changes"] + PaneRegistry.ids.map(\.rawValue) + ["nexus:1", "nexus:2", "nexus:3"]
        return list(names.map { head + $0 }, "wall view")
    }

    /// The candidates the word begins, each beginning with the word exactly as typed (a shell
    /// cuts what was typed back to what its candidates share, case and all): those that begin
    /// so already, else those that begin so in other case, written from the typed word on
    /// ("mur" offers "murky Panda", which the parser reads as Murky Panda).
    static func filtered(_ result: ShellCompletion, _ word: String) -> ShellCompletion {
        var out = result
        let exact = result.candidates.filter { $0.word.hasPrefix(word) }
        if !exact.isEmpty {
            out.candidates = exact
            return out
        }
        let lower = word.lowercased()
        out.candidates = result.candidates.filter { $0.word.lowercased().hasPrefix(lower) }.map {
            Candidate(word: word + String($0.word.dropFirst(word.count)), description: $0.description)
        }
        return out
    }
}
