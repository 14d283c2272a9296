import Reports
import Analysis
import ThreatModel
import TerminalUI

/// `:`: filters, saved views and themes typed, with the candidates for the word being typed
/// shown as one types (so Enter never applies a value the line did not show), what a complete
/// word means, and the parser's complaint.
enum PromptOverlay {
    static func render(_ state: AppState, text: String, message: String?, into buffer: inout Buffer, area: Rect) {
        var lines: [(text: String, style: Style)] = [(":" + text + (state.ascii ? "_" : "▏"), Style(.accent, attributes: .bold))]
        if let message { lines.append((message, Style(.error))) }
        for line in candidateLines(state, text: text) { lines.append((line, Style(.text))) }
        lines.append(
            (
                "kinds: " + CompletionKind.all.map(\.word).joined(separator: " ")
                    + (state.savedViews.isEmpty ? "" : " · views: " + state.savedViews.keys.sorted().joined(separator: " ")), Style(.muted)
            ))
        Overlay(title: "Filter", note: "Tab completes · Enter applies · ↑ earlier · Esc", lines: lines, glyphs: state.glyphs, preferredWidth: 90, wrap: true)
            .render(into: &buffer, area: Rect(x: area.x, y: area.y, width: area.width, height: min(area.height, lines.count + 6)))
    }

    /// What the word being typed could be, or what it is once it names one value.
    static func candidateLines(_ state: AppState, text: String) -> [String] {
        let context = PromptCommand.context(state)
        let (_, word) = PromptCompletion.split(text)
        let (list, total) = PromptCompletion.candidates(for: word, context: context, limit: 8)
        if let colon = word.firstIndex(of: ":"), let kind = CompletionKind.named(String(word[..<colon])), !kind.freeForm {
            let value = String(word[word.index(after: colon)...])
            if !value.isEmpty, case .one(let v) = Completer.resolve(value, in: kind.values(context)) {
                return ["= " + kind.word + v.label + (total > 1 ? "  (also begins \(total - 1) more: Tab lists them)" : "") + " · Enter applies"]
            }
        }
        guard total > 0 else { return word.isEmpty ? [] : ["no " + (word.contains(":") ? "value" : "kind or saved view") + " begins \"" + word + "\""] }
        let head = total == 1 ? "1 candidate: " : "\(total) candidates" + (total > list.count ? " (first \(list.count))" : "") + ": "
        return [head + list.map(\.label).joined(separator: " · ")]
    }
}
