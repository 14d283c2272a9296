import ThreatModel
import TerminalUI

/// Two lines at the top: what is loaded (title, period, counts, SYNTHETIC when any feed is
/// generated) and the active filter as chips.
enum HeaderBar {
    static let height = 2

    static func title(_ d: Dataset) -> String {
        let titles = d.reports.map(\.title)
        switch titles.count {
        case 0: return d.files.isEmpty ? "no data" : "\(d.files.count) file\(d.files.count == 1 ? "" : "s")"
        case 1: return titles[0]
        default: return titles[0] + " + \(titles.count - 1) more"
        }
    }

    static func render(_ state: AppState, into buffer: inout Buffer, area: Rect) {
        guard area.height >= 1 else { return }
        let d = state.dataset
        let sel = state.selection
        // Most important first: facts are dropped from the end when the line is short.
        var facts: [String] = []
        facts.append("\(Format.count(sel.actorIDs.count))/\(Format.count(d.actors.count)) actors")
        facts.append("\(Format.count(sel.eventIndices.count))/\(Format.count(d.events.count)) events")
        if let p = d.reportPeriod { facts.append("period " + p.description) }
        facts.append("\(d.files.count) file\(d.files.count == 1 ? "" : "s")")
        buffer.fill(area.row(0), Cell(" ", style: Style(.text)))
        var right = d.hasSynthetic ? " SYNTHETIC DATA LOADED " : ""
        if let notice = state.notice { right = " " + notice + " " + right }
        let rightWidth = TextWidth.width(of: right, ascii: state.ascii)
        var x = area.x
        x += buffer.put("ThreatDeck", x: x, y: area.y, style: Style(.accent, attributes: .bold))
        x += buffer.put(" · ", x: x, y: area.y, style: Style(.muted))
        // The title gets what the facts leave, but never less than a third of the line;
        // facts are dropped from the end when there is no room.
        let room = area.maxX - x - rightWidth - 1
        var shownFacts = facts
        func factsText(_ f: [String]) -> String { f.isEmpty ? "" : " · " + f.joined(separator: " · ") }
        let titleWidth = TextWidth.width(of: title(d), ascii: state.ascii)
        while !shownFacts.isEmpty && room - TextWidth.width(of: factsText(shownFacts), ascii: state.ascii) < min(titleWidth, max(12, room / 3)) {
            shownFacts.removeLast()
        }
        let factsWidth = TextWidth.width(of: factsText(shownFacts), ascii: state.ascii)
        x += buffer.put(title(d), x: x, y: area.y, style: Style(.title, attributes: .bold), maxWidth: max(0, room - factsWidth))
        buffer.put(factsText(shownFacts), x: x, y: area.y, style: Style(.muted), maxWidth: max(0, area.maxX - x - rightWidth))
        if !right.isEmpty {
            buffer.putRight(right, maxX: area.maxX, y: area.y, style: Style(state.notice != nil ? .error : .warning, attributes: [.bold, .reverse]))
        }
        guard area.height >= 2 else { return }
        let y = area.y + 1
        buffer.fill(area.row(1), Cell(" ", style: Style(.text)))
        var cx = area.x
        cx += buffer.put("filter: ", x: cx, y: y, style: Style(.muted))
        if state.filter.isEmpty {
            cx += buffer.put("none", x: cx, y: y, style: Style(.muted))
        } else {
            for chip in state.filter.chips {
                let label = chipLabel(chip, state)
                guard cx + TextWidth.width(of: label, ascii: state.ascii) + 2 < area.maxX - 24 else {
                    cx += buffer.put(state.glyphs.ellipsis, x: cx, y: y, style: Style(.muted))
                    break
                }
                cx += buffer.put(" " + label + " ", x: cx, y: y, style: Style(.chip, attributes: [.reverse, .bold]))
                cx += 1
            }
            cx += buffer.put("(Esc pops)", x: cx, y: y, style: Style(.muted), maxWidth: max(0, area.maxX - cx - 40))
        }
        let hint = "Tab pane · Enter drill · / search · ? help"
        if area.maxX - cx > TextWidth.width(of: hint, ascii: state.ascii) + 2 {
            buffer.putRight(hint, maxX: area.maxX, y: y, style: Style(.muted))
        }
    }

    static func chipLabel(_ chip: Filter.Chip, _ state: AppState) -> String {
        if case .actor(let id) = chip { return "actor:" + (state.dataset.actor(id)?.name ?? id) }
        return chip.label
    }
}
