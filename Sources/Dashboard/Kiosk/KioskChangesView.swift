import Reports
import TerminalUI
import ThreatModel

/// The "What changed" view: the history of reloads (last `changes-max-age`, bounded), newest
/// first, each item with its clock time and age; under the list, the totals in big type.
enum KioskChangesView {
    /// "24h", "90m": the history's span as the title says it.
    static func span(_ seconds: Double) -> String {
        let s = Int(seconds)
        return s % 3600 == 0 ? "\(s / 3600)h" : ClockFormat.duration(seconds)
    }

    /// ▲ for more, ▼ for fewer or lower, • for neither.
    static func mark(_ c: KioskChange, _ g: GlyphSet) -> String { c.direction > 0 ? g.arrowUpSolid : c.direction < 0 ? g.arrowDownSolid : g.bullet }

    static func render(_ state: AppState, _ k: KioskState, into buffer: inout Buffer, area: Rect) {
        guard !area.isEmpty else { return }
        Block(title: "What changed (last " + span(k.config.changesMaxAgeSeconds) + ")", focused: false, glyphs: state.glyphs).render(into: &buffer, area: area)
        let inner = Block.inner(area).inset(left: 1, right: 1)
        guard !inner.isEmpty else { return }
        var used = 0
        if k.changes.isEmpty {
            let since = ClockFormat.duration(max(0, state.now - k.startedAt))
            buffer.put(
                "Nothing new since the wall started " + since + " ago: every reload brought the same data.", x: inner.x, y: inner.y,
                style: Style(.muted), maxWidth: inner.width)
            used = 1
        } else {
            // Leave room for the totals when the list is short; a long list takes every row.
            let rows = min(k.changes.count, inner.height)
            for (row, c) in k.changes.prefix(rows).enumerated() {
                let y = inner.y + row
                var x = inner.x + buffer.put(ClockFormat.time(c.at) + "  ", x: inner.x, y: y, style: Style(.muted))
                x += buffer.put(
                    mark(c, state.glyphs) + " ", x: x, y: y, style: Style(c.direction > 0 ? .warning : c.direction < 0 ? .ok : .text, attributes: .bold))
                buffer.put(c.text, x: x, y: y, style: Style(.text, attributes: .bold), maxWidth: max(0, inner.maxX - x - 12))
                buffer.putRight(ClockFormat.duration(state.now - c.at) + " ago", maxX: inner.maxX, y: y, style: Style(.muted))
            }
            used = rows
        }
        let free = inner.inset(top: used + 1)
        guard free.height >= 3 else { return }
        WallFigures(figures: figures(state, k)).render(into: &buffer, area: free, glyphs: state.glyphs)
    }

    /// The history's totals ("+12 new events"); with no history, what the data holds.
    static func figures(_ state: AppState, _ k: KioskState) -> [WallFigures.Figure] {
        func total(_ kind: KioskChange.Kind) -> Int { k.changes.filter { $0.kind == kind }.reduce(0) { $0 + $1.count } }
        var out: [WallFigures.Figure] = []
        let events = total(.newEvents), added = total(.newActor), gone = total(.goneActor), moves = total(.share)
        if events > 0 { out.append(.init(value: "+" + Noun.grouped(events), label: "new " + Noun.event.word(events), role: .warning)) }
        if added > 0 { out.append(.init(value: "+" + Noun.grouped(added), label: "new " + Noun.actor.word(added), role: .warning)) }
        if gone > 0 { out.append(.init(value: "-" + Noun.grouped(gone), label: Noun.actor.word(gone) + " gone", role: .text)) }
        if moves > 0 { out.append(.init(value: Noun.grouped(moves), label: Noun("share move").word(moves), role: .text)) }
        if out.isEmpty {
            let a = state.selection.actorIDs.count, e = state.selection.eventIndices.count
            out.append(.init(value: Noun.grouped(a), label: Noun.actor.word(a) + " in view, unchanged", role: .text))
            if e > 0 { out.append(.init(value: Noun.grouped(e), label: Noun.event.word(e) + " in view, unchanged", role: .text)) }
            let c = state.dataset.campaigns.count
            if e == 0 && c > 0 { out.append(.init(value: Noun.grouped(c), label: Noun.campaign.word(c) + " loaded, unchanged", role: .text)) }
        }
        return out
    }
}
