import ThreatModel
import TerminalUI

/// Share by nexus (a report's stated figure first, with its qualifier; then the recount of
/// the loaded data), the actors under the chosen nexus, and the motivation split.
enum ActorPane {
    /// The nexus whose actors are listed before the analyst picks one: the largest.
    static func defaultNexus(_ b: ActorBreakdown) -> Nexus? {
        b.rows.first { (b.actorsByNexus[$0.nexus]?.isEmpty == false) }?.nexus ?? b.actorsByNexus.keys.sorted().first
    }

    static func actorRows(_ state: AppState) -> [ActorBreakdown.ActorRow] {
        guard let n = state.actorNexus else { return [] }
        let rows = state.breakdown.actorsByNexus[n] ?? []
        switch state.actorSort {
        case .count: return rows
        case .name: return rows.sorted { $0.name.lowercased() < $1.name.lowercased() }
        }
    }

    /// The cursor stops: nexus rows, then the actors of the current nexus, then motivations.
    static func items(_ state: AppState) -> [Selectable] {
        let b = state.breakdown
        var items: [Selectable] = b.rows.map { .nexus($0.nexus) }
        // Nexuses with actors but no events (or vice versa) still get a cursor stop.
        for n in b.actorsByNexus.keys.sorted() where !items.contains(.nexus(n)) { items.append(.nexus(n)) }
        items += actorRows(state).map { .actor($0.actorID) }
        items += b.motivations.map { .motivation($0.motivation) }
        return items
    }

    static func lines(_ state: AppState, area: Rect, focused: Bool) -> [PaneLine] {
        let b = state.breakdown
        let g = state.glyphs
        let ascii = state.ascii
        var lines: [PaneLine] = []
        let items = items(state)
        var positions: [Selectable: Int] = [:]
        for (k, item) in items.enumerated() where positions[item] == nil { positions[item] = k }
        func index(_ s: Selectable) -> Int? { positions[s] }
        let labelWidth = min(14, max(8, area.width / 5))
        let valueWidth = 15

        func barLine(label: String, labelStyle: Style, fraction: Double, barStyle: Style, value: String, valueStyle: Style, note: String = "", item: Int? = nil) -> PaneLine {
            PaneLine(item: item) { buffer, row in
                buffer.put(label, x: row.x, y: row.y, style: labelStyle, maxWidth: labelWidth)
                let noteWidth = note.isEmpty ? 0 : TextWidth.width(of: note, ascii: buffer.ascii) + 1
                let barWidth = max(1, row.width - labelWidth - 1 - max(valueWidth, TextWidth.width(of: value, ascii: buffer.ascii) + noteWidth + 1))
                HorizontalBar(fraction: fraction, style: barStyle, glyphs: g).render(into: &buffer, area: Rect(x: row.x + labelWidth + 1, y: row.y, width: barWidth, height: 1))
                let valueX = row.x + labelWidth + 1 + barWidth + 1
                let used = buffer.put(value, x: valueX, y: row.y, style: valueStyle, maxWidth: row.maxX - valueX)
                if !note.isEmpty { buffer.put(" " + note, x: valueX + used, y: row.y, style: Style(.muted), maxWidth: row.maxX - valueX - used) }
            }
        }

        // 1. What the report states. Its figure wins over any recount and keeps its qualifier.
        for stated in b.stated.prefix(2) {
            let f = stated.finding
            let subject = f.subjectNexus ?? .unknown
            var context = "Stated share · " + f.population
            if let p = f.period { context += " · " + p.description }
            for line in Paragraph.wrap(context, width: max(1, area.width - 1), ascii: ascii).prefix(3) {
                lines.append(PaneLine { buffer, row in buffer.putGraphemes(line, x: row.x, y: row.y, style: Style(.muted), maxWidth: row.width) })
            }
            let sources = Set(f.provenance.compactMap(\.source)).count
            lines.append(barLine(label: subject.name, labelStyle: Style(.text, attributes: .bold), fraction: f.value / 100,
                                 barStyle: Style(Role.nexus(subject.code)), value: f.formatted(ascii: ascii),
                                 valueStyle: Style(.accent, attributes: .bold), note: "\(sources) source\(sources == 1 ? "" : "s")"))
            let rest = Finding(id: "", statement: "", metric: .share, value: stated.remainderValue, qualifier: stated.remainderQualifier, population: "")
            lines.append(barLine(label: "all other", labelStyle: Style(.muted), fraction: stated.remainderValue / 100,
                                 barStyle: Style(.barTrack), value: rest.formatted(ascii: ascii), valueStyle: Style(.muted),
                                 note: "not broken down"))
            for other in stated.corroborating.prefix(1) {
                lines.append(.text("  also stated: \(other.formatted(ascii: ascii)) (\(other.provenance.compactMap(\.source).count) sources)", style: Style(.muted)))
            }
            lines.append(.blank)
        }

        // 2. The recount, labelled as such; unknown is a row of its own.
        let unit = b.measure == .events ? "events" : "actors"
        let heading = b.stated.isEmpty ? "Share of \(unit) by nexus (\(Format.count(b.total)))" : "Recount: \(unit) in loaded data (\(Format.count(b.total)))"
        lines.append(.text(heading, style: Style(.title, attributes: .bold)))
        if b.total == 0 {
            lines.append(.text("  nothing in view", style: Style(.muted)))
        }
        let maxShare = b.rows.map(\.share).max() ?? 1
        for row in b.rows {
            lines.append(barLine(label: row.nexus.name, labelStyle: Style(row.nexus == .unknown ? .muted : .text),
                                 fraction: maxShare > 0 ? row.share / maxShare : 0, barStyle: Style(Role.nexus(row.nexus.code)),
                                 value: Format.padLeft(Format.count(row.count), 6) + " " + Format.padLeft(Format.percent(row.share), 6),
                                 valueStyle: Style(.text), item: index(.nexus(row.nexus))))
        }
        for n in b.actorsByNexus.keys.sorted() where !b.rows.contains(where: { $0.nexus == n }) {
            lines.append(barLine(label: n.name, labelStyle: Style(.muted), fraction: 0, barStyle: Style(.barFill),
                                 value: Format.padLeft("0", 6), valueStyle: Style(.muted), note: "no \(unit)", item: index(.nexus(n))))
        }
        lines.append(.blank)

        // 3. Actors under the chosen nexus.
        if let n = state.actorNexus {
            let rows = actorRows(state)
            let eventsWidth = 7
            let motiveWidth = min(12, max(0, area.width - 30))
            lines.append(PaneLine { buffer, row in
                let title = (n == .unknown ? "Nexus unknown" : n.name + "-nexus") + " actors (\(rows.count))"
                buffer.put(title, x: row.x, y: row.y, style: Style(.title, attributes: .bold), maxWidth: row.width - motiveWidth - eventsWidth - 2)
                if motiveWidth > 0 { buffer.put("motive", x: row.maxX - eventsWidth - motiveWidth - 1, y: row.y, style: Style(.muted)) }
                buffer.putRight("events", maxX: row.maxX, y: row.y, style: Style(.muted))
            })
            for r in rows {
                lines.append(PaneLine(item: index(.actor(r.actorID))) { buffer, row in
                    let nameWidth = row.width - motiveWidth - eventsWidth - 2
                    let name = r.collective ? r.name + " (unnamed)" : r.name
                    buffer.put(name, x: row.x, y: row.y, style: Style(r.collective ? .muted : .text), maxWidth: nameWidth)
                    if motiveWidth > 0 {
                        let motive = r.motivations.first?.rawValue ?? "unknown"
                        buffer.put(motive + (r.motivations.count > 1 ? "+" : ""), x: row.maxX - eventsWidth - motiveWidth - 1, y: row.y,
                                   style: Style(r.motivations.isEmpty ? .muted : .text), maxWidth: motiveWidth)
                    }
                    buffer.putRight(Format.count(r.events), maxX: row.maxX, y: row.y, style: Style(.text))
                })
            }
            lines.append(.blank)
        }

        // 4. Motivations of the actors in view.
        lines.append(.text("Motivation (actors in view: \(b.actorCount))", style: Style(.title, attributes: .bold)))
        let maxMotive = b.motivations.map(\.count).max() ?? 1
        for m in b.motivations {
            lines.append(barLine(label: m.motivation?.rawValue ?? "unknown", labelStyle: Style(m.motivation == nil ? .muted : .text),
                                 fraction: Double(m.count) / Double(max(1, maxMotive)), barStyle: Style(.barFill),
                                 value: Format.padLeft(Format.count(m.count), 6), valueStyle: Style(.text), item: index(.motivation(m.motivation))))
        }
        return lines
    }

    static func render(_ state: AppState, into buffer: inout Buffer, area: Rect, focused: Bool) {
        LineList.render(lines(state, area: area, focused: focused), cursor: state.actorCursor, focused: focused, into: &buffer, area: area, glyphs: state.glyphs)
    }
}
