import Reports
import ThreatModel
import TerminalUI
import Analysis

/// Two lines at the top: what is loaded (title, counts, the period, SYNTHETIC when any feed
/// is generated, the highest TLP marking in view and what a TLP limit hides) and the active
/// filter as chips.
enum HeaderBar {
    static let height = FrameLayout.headerHeight

    static func title(_ d: Dataset) -> String {
        let titles = d.reports.map(\.title)
        switch titles.count {
        case 0:
            if d.files.isEmpty { return "no data" }
            // One file without a report title: its name (the counts say "1 file" already).
            if d.files.count == 1 { return baseName(d.files[0].path) }
            // Files of one directory (a MISP feed, a folder of reports): the directory's name.
            // Compared as bytes: the header asks every frame, and a feed is 10,000 files.
            let dir = parent(d.files[0].path)
            if !dir.isEmpty, !dir.contains("://"), d.files.allSatisfy({ isDirectChild($0.path, of: dir) }) {
                return baseName(dir) + "/"
            }
            return baseName(d.files[0].path) + " + " + Format.plural(d.files.count - 1, "more file")
        case 1: return titles[0]
        default: return titles[0] + " + \(titles.count - 1) more"
        }
    }

    static func parent(_ path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "" }
        return String(path[..<slash])
    }

    /// `path` is `dir/NAME` with no further slash in NAME.
    static func isDirectChild(_ path: String, of dir: String) -> Bool {
        let p = path.utf8, d = dir.utf8
        guard p.count > d.count + 1, p.starts(with: d) else { return false }
        let rest = p.dropFirst(d.count)
        return rest.first == UInt8(ascii: "/") && !rest.dropFirst().contains(UInt8(ascii: "/"))
    }

    static func baseName(_ path: String) -> String {
        let trimmed = path.hasSuffix("/") ? String(path.dropLast()) : path
        return trimmed.split(separator: "/").last.map(String.init) ?? trimmed
    }

    static func render(_ state: AppState, into buffer: inout Buffer, area: Rect) {
        guard area.height >= 1 else { return }
        let d = state.dataset
        let sel = state.selection
        // Most important first: facts are dropped from the end when the line is short.
        var facts: [String] = []
        // "in view/loaded", the noun agreeing with what was loaded: "1/1 event".
        facts.append("\(Format.count(sel.actorIDs.count))/" + Noun.actor.count(d.actors.count))
        facts.append("\(Format.count(sel.eventIndices.count))/" + Noun.event.count(d.events.count))
        if let p = d.reportPeriod { facts.append("period " + p.description) }
        facts.append(Format.plural(d.files.count, "file"))
        buffer.fill(area.row(0), Cell(" ", style: Style(.text)))
        var badges: [(String, Style)] = []
        // Live sources first: the header never says less than `p` does about them (on a
        // narrow row, the word alone: the footer and `p` say since when).
        if var live = LiveBadge.text(d.files, now: state.now) {
            if TextWidth.width(of: live.text, ascii: state.ascii) > area.width / 3 { live = LiveBadge.text(d.files, now: state.now, compact: true) ?? live }
            badges.append((" " + live.text + " ", Style(live.role, attributes: live.role == .ok || live.role == .muted ? .bold : [.bold, .reverse])))
        }
        if let notice = state.notice { badges.append((" " + notice + " ", Style(.error, attributes: [.bold, .reverse]))) }
        if d.hidden.total > 0, let limit = d.hidden.limit {
            badges.append(
                (" " + Format.count(d.hidden.total) + " above TLP:" + limit.rawValue.uppercased() + " hidden ", Style(.warning, attributes: [.bold, .reverse])))
        }
        if let highest = d.highestMarking { badges.append((" " + highest.label + " ", Style(highest.role, attributes: [.bold, .reverse]))) }
        if d.hasSynthetic { badges.append((" SYNTHETIC DATA LOADED ", Style(.warning, attributes: [.bold, .reverse]))) }
        let right = badges.map(\.0).joined()
        let rightWidth = TextWidth.width(of: right, ascii: state.ascii)
        var x = area.x
        x += buffer.put("ThreatDeck", x: x, y: area.y, style: Style(.accent, attributes: .bold))
        x += buffer.put(" · ", x: x, y: area.y, style: Style(.muted))
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
        var bx = area.maxX - rightWidth
        for (text, style) in badges where bx >= area.x {
            bx += buffer.put(text, x: bx, y: area.y, style: style, maxWidth: area.maxX - bx)
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
        if let c = state.comparison {
            cx += buffer.put(
                "  vs " + c.baselineWindow.description, x: cx, y: y, style: Style(.accent, attributes: .bold), maxWidth: max(0, area.maxX - cx - 2))
        }
        let hint = "Tab pane · Enter drill · / search · ? help"
        if area.maxX - cx > TextWidth.width(of: hint, ascii: state.ascii) + 2 {
            buffer.putRight(hint, maxX: area.maxX, y: y, style: Style(.muted))
        }
    }

    static func chipLabel(_ chip: Filter.Chip, _ state: AppState) -> String {
        if case .actor(let id) = chip { return "actor:" + (state.dataset.actor(id)?.name ?? id) }
        if case .technique(let t) = chip, let name = state.dataset.technique(t)?.name { return "technique:" + t + " " + name }
        return chip.label
    }
}
