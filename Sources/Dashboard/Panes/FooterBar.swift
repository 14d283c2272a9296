import Reports
import ThreatModel
import TerminalUI

/// The bottom line: what the keys do here (from the keymap) and how the load went.
enum FooterBar {
    static func hints(_ state: AppState) -> [String] {
        switch state.overlay {
        case .help, .problems: return ["↑↓ scroll", "Esc close"]
        case .search: return ["type to search", "Tab next match", "Enter go to it", "↑ earlier", "Esc cancel"]
        case .prompt: return ["type filters or a view", "Tab complete", "Enter apply", "↑ earlier", "Esc cancel"]
        case .export: return ["←→ format", "type a file name", "Enter write", "Esc cancel"]
        case .overwrite: return ["y overwrite", "n back", "Esc back"]
        case .none: break
        }
        if state.kiosk != nil { return [] }
        return Keymap.hints(for: state.focus)
    }

    /// What the right side says: a status message, stale files, problems, or that all is well.
    static func summary(_ state: AppState) -> (text: String, role: Role) {
        let problems = state.problems
        let errors = problems.filter { $0.severity == .error }.count
        let warnings = problems.count - errors
        let stale = state.dataset.files.filter { $0.staleSince != nil }.count
        if let status = state.status, state.now <= status.until || status.until == .infinity { return (status.text, status.role) }
        if state.reloadingSince != nil { return ("reloading…", .muted) }
        // A live source that is not fresh is the news: the same words as the header and `p`.
        if let live = LiveBadge.ranked(state.dataset.files).first, live.status.state != .fresh {
            // As much as the room takes: the source and its words, else the words alone.
            let room = state.width / 2 + 10
            let texts = [
                LiveBadge.line(live.file, live.status, now: state.now), "live: " + live.status.short(now: state.now),
                "live: " + live.status.word(now: state.now),
            ]
            let text = texts.first { TextWidth.width(of: $0 + " · p", ascii: state.ascii) <= room } ?? texts[2]
            return (text + " · p", LiveBadge.role(live.status))
        }
        if stale > 0 { return (Format.plural(stale, "file") + " stale: showing last good data · p", .stale) }
        if errors + warnings > 0 {
            return (Format.plural(errors, "error") + ", " + Format.plural(warnings, "warning") + " · p lists them", errors > 0 ? .error : .warning)
        }
        if state.dataset.files.isEmpty && state.dataset.actors.isEmpty { return ("no data loaded", .warning) }
        if state.dataset.actors.isEmpty && state.dataset.events.isEmpty {
            return ("loaded " + Format.plural(state.dataset.files.count, "file") + ": no actors or events in them", .warning)
        }
        return ("loaded cleanly", .muted)
    }

    static func render(_ state: AppState, into buffer: inout Buffer, area: Rect) {
        guard !area.isEmpty else { return }
        buffer.fill(area, Cell(" ", style: Style(.text)))
        let (right, role) = summary(state)
        let rightWidth = min(area.width / 2 + 10, TextWidth.width(of: right, ascii: state.ascii))
        // Hints that do not fit are dropped from the middle: the first and the last stay.
        var segments = hints(state)
        let room = max(0, area.width - rightWidth - 2)
        while segments.count > 2 && TextWidth.width(of: segments.joined(separator: " · "), ascii: state.ascii) > room {
            segments.remove(at: segments.count - 2)
        }
        buffer.put(segments.joined(separator: " · "), x: area.x, y: area.y, style: Style(.muted), maxWidth: room)
        buffer.putRight(right, maxX: area.maxX, y: area.y, style: Style(role, attributes: role == .muted ? [] : .bold), maxWidth: rightWidth)
    }
}
