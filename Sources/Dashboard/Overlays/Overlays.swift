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
            let whole = ExportPath.resolve(target, in: state)
            App.setStatus(&state, "writing " + whole + "…", seconds: 30)
            return [.export(ExportRequest(format: formats[min(format, formats.count - 1)], path: whole))]
        case .backspace, .delete: state.overlay = .export(format: format, path: String(path.dropLast()), message: nil)
        case .control("u"): state.overlay = .export(format: format, path: "", message: nil)
        case .character(let c):
            if path.count < 1024 { state.overlay = .export(format: format, path: path + String(c), message: nil) }
        default: break
        }
        return []
    }

    /// The file exists: y writes over it, n or Esc goes back to the dialog to change the name.
    static func overwrite(_ state: inout AppState, _ key: Key, request: ExportRequest, path: String) -> [Effect] {
        switch key {
        case .character("y"), .character("Y"):
            state.overlay = .none
            App.setStatus(&state, "writing " + path + "…", seconds: 30)
            var confirmed = request
            confirmed.overwrite = true
            return [.export(confirmed)]
        case .character("n"), .character("N"), .escape:
            let format = ExportFormat.dialogChoices.firstIndex(of: request.format) ?? 0
            state.overlay = .export(format: format, path: request.path, message: "not written: " + path + " exists; change the name or press Enter and y")
            App.setStatus(&state, "not overwritten", seconds: 3)
        case .control("l"): return [.repaint]
        default: break
        }
        return []
    }
}

extension String {
    /// Without leading and trailing spaces (typed text, config words).
    public var trimmingSpaces: String {
        var s = Substring(self)
        while s.first == " " { s.removeFirst() }
        while s.last == " " { s.removeLast() }
        return String(s)
    }
}
