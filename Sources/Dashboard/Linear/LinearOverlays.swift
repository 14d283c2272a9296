import Reports
import Analysis
import ThreatModel
import TerminalUI

/// The dialogs and lists in linear mode: what opened, and the line said after each key in it
/// (the typed text with its matches or candidates, the help line scrolled to).
enum LinearOverlays {
    static func opened(_ state: AppState) -> [String] {
        switch state.overlay {
        case .none: return []
        case .help: return ["Keys, one per line."] + Keymap.helpLines().filter { !$0.isEmpty }.map(Spoken.keys)
        case .problems:
            let lines = ProblemsOverlay.overlay(state, scroll: 0).lines.map(\.text)
            return ["Sources and problems: " + Format.plural(state.problems.count, "problem") + "."] + lines.prefix(200).map(Spoken.clean)
        case .search:
            return [
                "Search: type a name, alias, technique, sector or region; Tab picks the next match, Enter goes to it, up arrow recalls a search, Escape cancels."
            ]
        case .prompt:
            return ["Filter line: type KIND:VALUE, a saved view or theme:NAME; Tab completes, Enter applies, up arrow recalls a line, Escape cancels."]
        case .export: return ["Export: left and right arrows choose the format; type a file name; Enter writes; Escape cancels."]
        case .overwrite(_, let path): return [Spoken.clean(path) + " exists. Overwrite it? y overwrites, n goes back."]
        }
    }

    static func focusLine(_ state: AppState) -> String {
        switch state.overlay {
        case .none: return ""
        case .help, .problems: return "End of the list; Escape closes it."
        case .search(let query, let selected):
            let matches = Search.matches(state.dataset, query)
            guard !query.isEmpty else { return "Search: empty." }
            guard matches.indices.contains(selected) else { return Spoken.clean("Search " + query + ": no match.") }
            let m = matches[selected]
            return Spoken.clean(
                "Search " + query + ": " + Format.plural(matches.count, "match", "matches") + "; match \(selected + 1): " + m.label + ", " + m.detail + ".")
        case .prompt(let text, let message):
            var line = "Filter line: " + (text.isEmpty ? "empty" : text) + "."
            if let message { return Spoken.clean(line + " " + message) }
            return Spoken.keys(line + " " + PromptOverlay.candidateLines(state, text: text).joined(separator: " "))
        case .export(let format, let path, let message):
            let choices = ExportFormat.dialogChoices
            let f = choices[min(max(0, format), choices.count - 1)]
            var line = "Export format: " + f.title + "; writes " + ExportPath.resolve(path.trimmingSpaces, in: state) + "."
            if let message { line += " " + message }
            return Spoken.clean(line)
        case .overwrite(_, let path): return Spoken.clean(path + " exists: y overwrites, n goes back.")
        }
    }
}
