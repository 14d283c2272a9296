import Reports
import Analysis
import ThreatModel
import TerminalUI

/// Keys in the two typed lines: `/` (search: Enter goes to the match, n and N step on) and
/// `:` (filters with honest completion). ↑ and ↓ recall earlier lines, as readline does.
extension Overlays {
    static func search(_ state: inout AppState, _ key: Key, query: String, selected: Int) -> [Effect] {
        let matches = Search.matches(state.dataset, query)
        let last = max(0, matches.count - 1)
        func set(_ q: String, _ k: Int = 0) { state.overlay = .search(query: q, selected: k) }
        switch key {
        case .escape: state.overlay = .none
        case .enter:
            guard !query.trimmingSpaces.isEmpty else { state.overlay = .none; return [] }
            state.searchHistory.add(query)
            // No match: the line stays, saying so (its hint names `:text:` for event text).
            guard !matches.isEmpty else { return [] }
            state.overlay = .none
            state.lastSearch = SearchSteps(query: query, matches: matches, index: selected)
            App.showMatch(&state)
        case .up: if let line = state.searchHistory.older(than: query) { set(line) }
        case .down: if let line = state.searchHistory.newer() { set(line) }
        case .tab:
            // Completes what every match shares; when nothing more is shared, picks the next match.
            let shared = Completer.commonPrefix(matches.map(\.label))
            if shared.count > query.count, shared.lowercased().hasPrefix(query.lowercased()) { set(shared) } else { set(query, min(selected + 1, last)) }
        case .backTab, .control("p"): set(query, max(0, selected - 1))
        case .control("n"): set(query, min(selected + 1, last))
        case .pageDown: set(query, min(selected + 10, last))
        case .pageUp: set(query, max(0, selected - 10))
        case .backspace, .delete:
            state.searchHistory.stopBrowsing()
            if query.isEmpty { state.overlay = .none } else { set(String(query.dropLast())) }
        case .control("u"): set("")
        case .control("l"): return [.repaint]
        case .character(let c):
            state.searchHistory.stopBrowsing()
            if query.count < 80 { set(query + String(c)) }
        default: break
        }
        return []
    }

    static func prompt(_ state: inout AppState, _ key: Key, text: String) -> [Effect] {
        func set(_ t: String, _ message: String? = nil) { state.overlay = .prompt(text: t, message: message) }
        switch key {
        case .escape: state.overlay = .none
        case .enter:
            let trimmed = text.trimmingSpaces
            if trimmed.isEmpty { state.overlay = .none; return [] }
            state.promptHistory.add(trimmed)
            switch PromptCommand.apply(trimmed, to: state) {
            case .success(let outcome):
                state.overlay = .none
                if outcome.filter != state.filter {
                    for pane in PaneRegistry.all { state.paneStates[pane.id] = App.resetCursor(pane, state) }
                    App.setFilter(&state, outcome.filter)
                }
                if let layout = outcome.layout { App.chooseLayout(&state, layout == "auto" ? nil : layout) }
                if let theme = outcome.themeIndex, theme != state.themeIndex {
                    state.themeIndex = theme
                    App.setStatus(&state, "theme: " + state.theme.name, seconds: 3)
                    return [.repaint]
                }
            case .failure(let error):
                set(text, error.description)
            }
        case .tab: set(PromptCompletion.complete(text, context: PromptCommand.context(state)).text)
        case .up: if let line = state.promptHistory.older(than: text) { set(line) }
        case .down: if let line = state.promptHistory.newer() { set(line) }
        case .backspace, .delete:
            state.promptHistory.stopBrowsing()
            if text.isEmpty { state.overlay = .none } else { set(String(text.dropLast())) }
        case .control("u"): set("")
        case .control("l"): return [.repaint]
        case .character(let c):
            state.promptHistory.stopBrowsing()
            if text.count < 200 { set(text + String(c)) }
        default: break
        }
        return []
    }
}
