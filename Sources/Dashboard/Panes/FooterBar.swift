import ThreatModel
import TerminalUI

/// The bottom line: what the keys do here, and how the load went (problems, stale files).
enum FooterBar {
    static func hints(_ state: AppState) -> String {
        switch state.overlay {
        case .help: return "↑↓ scroll · Esc close"
        case .problems: return "↑↓ scroll · Esc close"
        case .search: return "type to search · ↑↓ pick · Enter filter · Esc cancel"
        case .none: break
        }
        if state.kiosk != nil { return "" }
        switch state.focus {
        case .actors: return "↑↓ select · → actors · Enter filter · m measure · s sort · z zoom · q quit"
        case .sectors: return "↑↓ sector · ←→ nexus · Enter filter · m measure · z zoom · q quit"
        case .timeline: return "←→ time · ↑↓ spans · [ ] zoom · Enter window · z zoom · q quit"
        case .detail: return "↑↓ scroll · Esc back · z zoom · q quit"
        }
    }

    static func render(_ state: AppState, into buffer: inout Buffer, area: Rect) {
        guard !area.isEmpty else { return }
        buffer.fill(area, Cell(" ", style: Style(.text)))
        let errors = state.dataset.problems.filter { $0.severity == .error }.count
        let warnings = state.dataset.problems.count - errors
        let stale = state.dataset.files.filter { $0.staleSince != nil }.count
        var right: String
        var role: Role = .muted
        if let status = state.status, state.now <= status.until || status.until == .infinity {
            right = status.text
            role = status.role
        } else if stale > 0 {
            right = "\(stale) file\(stale == 1 ? "" : "s") stale: showing last good data · p"
            role = .stale
        } else if errors + warnings > 0 {
            right = "\(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s") while loading · p list"
            role = errors > 0 ? .error : .warning
        } else {
            right = "loaded cleanly"
        }
        let rightWidth = min(area.width / 2 + 10, TextWidth.width(of: right, ascii: state.ascii))
        // Hints that do not fit are dropped from the middle: the first ("↑↓ …") and the
        // last ("q quit") always stay.
        var segments = hints(state).split(separator: " · ").map(String.init)
        let room = max(0, area.width - rightWidth - 2)
        while segments.count > 2 && TextWidth.width(of: segments.joined(separator: " · "), ascii: state.ascii) > room {
            segments.remove(at: segments.count - 2)
        }
        buffer.put(segments.joined(separator: " · "), x: area.x, y: area.y, style: Style(.muted), maxWidth: room)
        buffer.putRight(right, maxX: area.maxX, y: area.y, style: Style(role, attributes: role == .muted ? [] : .bold), maxWidth: rightWidth)
    }
}
