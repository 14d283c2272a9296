import Reports
import ThreatModel
import TerminalUI

/// Keys while an overlay is open: help and problems scroll, search and the `:` prompt take
/// text, the export dialog picks a format and a file name. Esc always closes.
enum Overlays {
    static func help(_ state: inout AppState, _ key: Key, scroll: Int) -> [Effect] {
        let limit = HelpOverlay.scrollLimit(state)
        switch key {
        case .escape, .character("?"), .character("q"), .enter, .function(1): state.overlay = .none
        case .down, .character("j"): state.overlay = .help(scroll: min(limit, scroll + 1))
        case .up, .character("k"): state.overlay = .help(scroll: max(0, scroll - 1))
        case .pageDown, .character(" "): state.overlay = .help(scroll: min(limit, scroll + 10))
        case .pageUp: state.overlay = .help(scroll: max(0, scroll - 10))
        case .home, .character("g"): state.overlay = .help(scroll: 0)
        case .end, .character("G"): state.overlay = .help(scroll: limit)
        case .control("l"): return [.repaint]
        default: break
        }
        return []
    }

    static func problems(_ state: inout AppState, _ key: Key, scroll: Int) -> [Effect] {
        let limit = ProblemsOverlay.scrollLimit(state)
        switch key {
        case .escape, .character("p"), .character("q"), .enter: state.overlay = .none
        case .down, .character("j"): state.overlay = .problems(scroll: min(scroll + 1, limit))
        case .up, .character("k"): state.overlay = .problems(scroll: max(0, scroll - 1))
        case .pageDown, .character(" "): state.overlay = .problems(scroll: min(scroll + 10, limit))
        case .pageUp: state.overlay = .problems(scroll: max(0, scroll - 10))
        case .home, .character("g"): state.overlay = .problems(scroll: 0)
        case .end, .character("G"): state.overlay = .problems(scroll: limit)
        case .control("l"): return [.repaint]
        default: break
        }
        return []
    }

    static func search(_ state: inout AppState, _ key: Key, query: String, selected: Int) -> [Effect] {
        let matches = Search.matches(state.dataset, query)
        switch key {
        case .escape: state.overlay = .none
        case .enter:
            state.overlay = .none
            var filter = state.filter
            if matches.indices.contains(selected) {
                for chip in matches[selected].target.chips { filter = filter.pushing(chip) }
            } else if !query.isEmpty {
                filter = filter.pushing(.text(query))
            }
            guard filter != state.filter else { return [] }
            for pane in PaneRegistry.all { state.paneStates[pane.id] = App.resetCursor(pane, state) }
            App.setFilter(&state, filter)
            if matches.indices.contains(selected) { state.detailSubject = matches[selected].target }
        case .down, .tab: state.overlay = .search(query: query, selected: min(selected + 1, max(0, matches.count - 1)))
        case .up, .backTab: state.overlay = .search(query: query, selected: max(0, selected - 1))
        case .pageDown: state.overlay = .search(query: query, selected: min(selected + 10, max(0, matches.count - 1)))
        case .pageUp: state.overlay = .search(query: query, selected: max(0, selected - 10))
        case .backspace, .delete:
            if query.isEmpty { state.overlay = .none } else { state.overlay = .search(query: String(query.dropLast()), selected: 0) }
        case .control("u"): state.overlay = .search(query: "", selected: 0)
        case .control("l"): return [.repaint]
        case .character(let c):
            if query.count < 80 { state.overlay = .search(query: query + String(c), selected: 0) }
        default: break
        }
        return []
    }

    static func prompt(_ state: inout AppState, _ key: Key, text: String) -> [Effect] {
        switch key {
        case .escape: state.overlay = .none
        case .enter:
            let trimmed = text.trimmingSpaces
            if trimmed.isEmpty { state.overlay = .none; return [] }
            switch PromptCommand.apply(trimmed, to: state) {
            case .success(let filter):
                state.overlay = .none
                for pane in PaneRegistry.all { state.paneStates[pane.id] = App.resetCursor(pane, state) }
                App.setFilter(&state, filter)
            case .failure(let error):
                state.overlay = .prompt(text: text, message: error.description)
            }
        case .tab:
            let completed = PromptCommand.complete(text, state: state)
            state.overlay = .prompt(text: completed.text, message: completed.candidates.isEmpty ? nil : completed.candidates.prefix(8).joined(separator: "  "))
        case .backspace, .delete:
            if text.isEmpty { state.overlay = .none } else { state.overlay = .prompt(text: String(text.dropLast()), message: nil) }
        case .control("u"): state.overlay = .prompt(text: "", message: nil)
        case .control("l"): return [.repaint]
        case .character(let c):
            if text.count < 200 { state.overlay = .prompt(text: text + String(c), message: nil) }
        default: break
        }
        return []
    }

    static func export(_ state: inout AppState, _ key: Key, format: Int, path: String) -> [Effect] {
        let formats = ExportFormat.dialogChoices
        let defaultPath = Exports.defaultPath(for: formats[min(format, formats.count - 1)], now: state.now)
        switch key {
        case .escape: state.overlay = .none
        case .left, .up, .backTab:
            let f = (format + formats.count - 1) % formats.count
            state.overlay = .export(format: f, path: path == defaultPath ? Exports.defaultPath(for: formats[f], now: state.now) : path, message: nil)
        case .right, .down, .tab:
            let f = (format + 1) % formats.count
            state.overlay = .export(format: f, path: path == defaultPath ? Exports.defaultPath(for: formats[f], now: state.now) : path, message: nil)
        case .enter:
            let target = path.trimmingSpaces
            guard !target.isEmpty else {
                state.overlay = .export(format: format, path: path, message: "type a file name")
                return []
            }
            state.overlay = .none
            App.setStatus(&state, "writing " + target + "…", seconds: 30)
            return [.export(ExportRequest(format: formats[min(format, formats.count - 1)], path: target))]
        case .backspace, .delete: state.overlay = .export(format: format, path: String(path.dropLast()), message: nil)
        case .control("u"): state.overlay = .export(format: format, path: "", message: nil)
        case .character(let c):
            if path.count < 1024 { state.overlay = .export(format: format, path: path + String(c), message: nil) }
        default: break
        }
        return []
    }
}

extension String {
    var trimmingSpaces: String {
        var s = Substring(self)
        while s.first == " " { s.removeFirst() }
        while s.last == " " { s.removeLast() }
        return String(s)
    }
}
