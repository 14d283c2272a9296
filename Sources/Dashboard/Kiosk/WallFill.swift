import Analysis
import Reports
import TerminalUI
import ThreatModel

/// Wall-only: what goes under a pane's own wall drawing when it leaves rows empty. The actors
/// roster grows into the space in columns; what is still free holds the pane's counts in the
/// big digit font. The pane draws first and is never changed; this only uses its blank rows.
enum WallFill {
    /// Rows from the top of `area` down to its last row holding anything but spaces.
    static func usedRows(_ buffer: Buffer, in area: Rect) -> Int {
        guard !area.isEmpty else { return 0 }
        for y in stride(from: area.maxY - 1, through: area.y, by: -1) {
            for x in area.x..<area.maxX where x < buffer.width && y < buffer.height {
                let t = buffer[x, y].text
                if !t.isEmpty && t != " " { return y - area.y + 1 }
            }
        }
        return 0
    }

    /// A pane in a grid with nothing to show: why, in a line, and the counts there are.
    static func empty(_ pane: PaneID, why: String, _ state: AppState, into buffer: inout Buffer, area: Rect) {
        let inner = area.inset(left: 1, right: 1)
        guard !inner.isEmpty else { return }
        let text = "Nothing to show: " + why
        let w = TextWidth.width(of: text, ascii: state.ascii)
        buffer.put(text, x: inner.x + max(0, (inner.width - w) / 2), y: inner.y, style: Style(.muted, attributes: .bold), maxWidth: inner.width)
        WallFigures(figures: figures(for: pane, state)).render(into: &buffer, area: inner.inset(top: 2), glyphs: state.glyphs)
    }

    static func fill(_ pane: PaneID, _ state: AppState, into buffer: inout Buffer, area: Rect) {
        let used = usedRows(buffer, in: area)
        var free = area.inset(top: used == 0 ? 0 : used + 1, left: 1, right: 1)
        guard free.height >= 2 else { return }
        if pane == ActorPane.id {
            let rows = WallRoster.render(state, into: &buffer, area: free)
            free = free.inset(top: rows == 0 ? 0 : rows + 1)
        }
        guard free.height >= 3 else { return }
        WallFigures(figures: figures(for: pane, state)).render(into: &buffer, area: free, glyphs: state.glyphs)
    }

    /// The counts a pane's space shows in big type, each with its unit.
    static func figures(for pane: PaneID, _ state: AppState) -> [WallFigures.Figure] {
        let actors = state.selection.actorIDs.count, events = state.selection.eventIndices.count
        var out: [WallFigures.Figure] = []
        func add(_ n: Int, _ noun: Noun, _ rest: String, role: Role = .accent) {
            out.append(WallFigures.Figure(value: Noun.grouped(n), label: noun.word(n) + rest, role: role))
        }
        switch pane {
        case SectorPane.id:
            let sectors = state.matrix.rows.filter { $0.depth == 0 && $0.total > 0 }.count
            add(sectors, .sector, " targeted")
            if !state.matrix.regions.isEmpty { add(state.matrix.regions.count, .region, " targeted") }
            add(actors, .actor, " in view", role: .text)
        case TechniquePane.id:
            add(state.techniques.ranked.count, .technique, " in view")
            add(state.techniques.actorsWithTechniques, .actor, " using them", role: .text)
        case ActorPane.id:
            add(actors, .actor, " in view")
            if events > 0 { add(events, .event, " in view", role: .text) }
            let b = state.breakdown
            if let top = b.rows.first(where: { if case .nexus(let n) = $0.key { return n.code != nil } else { return false } }),
                case .nexus(let n) = top.key, b.total > 0, top.share < 0.9995
            {
                let noun: Noun = b.measure == .events ? .event : .actor
                out.append(WallFigures.Figure(value: Format.percent(top.share), label: n.name + " share of " + noun.plural, role: Role.nexus(n.code)))
            }
        case TimelinePane.id where events == 0, EventPane.id where events == 0:
            add(state.dataset.campaigns.count, .campaign, " loaded")
            add(actors, .actor, " in view", role: .text)
        default:
            add(events, .event, " in view")
            add(actors, .actor, " in view", role: .text)
        }
        // A zero says nothing a room needs next to figures that are not zero.
        let nonzero = out.filter { $0.value != "0" }
        return nonzero.isEmpty ? out : nonzero
    }
}
