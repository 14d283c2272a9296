import ArgumentParser

/// `threatdeck complete`: what the installed shell completions ask for (hidden). Given the
/// command line up to the cursor, prints the candidates for the word being typed, in the form
/// the shell's script reads; `--script SHELL` prints that script.
struct CompleteCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "complete",
        abstract: "Print shell completions for a command line (used by the installed bash, zsh and fish completions).",
        shouldDisplay: false
    )

    enum Shell: String, ExpressibleByArgument, CaseIterable {
        case bash, zsh, fish
    }

    @Option(help: "The shell asking: bash, zsh or fish.")
    var shell: Shell = .bash

    @Option(help: "Print the completion script for SHELL instead.")
    var script: Shell?

    @Argument(help: "The command line up to the cursor.")
    var line: String = ""

    func run() throws {
        if let script {
            print(CompletionScripts.script(for: script), terminator: "")
            return
        }
        _ = ProcessContext.prepareLocale()
        let result = ShellCompletion.complete(line, context: ShellContext())
        for output in Self.lines(result, shell: shell, words: ShellWords(line)) { print(output) }
    }

    /// The lines a script reads: `:files` first when file names fit, then one candidate a line,
    /// as each shell wants it (bash: the part after readline's word break, escaped; zsh: word
    /// and description; fish: word, tab, description).
    static func lines(_ result: ShellCompletion, shell: Shell, words: ShellWords) -> [String] {
        var out = result.files ? [":files"] : []
        for c in result.candidates {
            let description = c.description.replacingOccurrences("\n", " ").replacingOccurrences("\t", " ")
            switch shell {
            case .bash:
                // The part after readline's word break; the script has bash quote it (-o filenames).
                out.append(String(c.word.dropFirst(min(words.readlineOffset, c.word.count))))
            case .zsh: out.append(c.word + "\t" + description)
            case .fish: out.append(c.word + "\t" + description)
            }
        }
        return out
    }
}
