import Reports
import ThreatModel
import TerminalUI
import Analysis

/// Share by nexus (a report's stated figure first, with its qualifier; then the recount of
/// the loaded data, on the same 0–100% axis), the actors under the chosen nexus, and the
/// motivation split.
public enum ActorPane: Pane {
    public struct State: CursorState {
        public var cursor = 0
        /// The nexus whose actors are listed (nil: the largest).
        public var nexus: Nexus?
        /// nil: events when there are enough of them, else actors.
        public var measure: ActorBreakdown.Measure?
        public var sort: AppState.SortOrder = .count
    }

    public static let id = PaneID("actors")
    public static let title = "Actors by nexus"
    public static let shortTitle = "Actors"
    public static let slot = PaneSlot.left
    public static let initialState = State()
    /// Countries shown before the rest fold into "Other (N)".
    static let shownCountries = 8

    public static let bindings: [KeyBinding] = [
        KeyBinding([.up, .character("k"), .down, .character("j")], "↑ ↓  k j", nil, "select a nexus, actor or motivation", hint: "↑↓ select"),
        KeyBinding([.right, .character("l")], "→ l", .right, "into the selected nexus's actors", hint: "→ actors"),
        KeyBinding([.left, .character("h")], "← h", .left, "back from an actor to its nexus"),
        KeyBinding([.character("m")], "m", .measure, "count events or actors", hint: "m measure"),
        KeyBinding([.character("s")], "s", .sort, "sort actors by events or by name", hint: "s sort"),
    ]

    public static func note(_ state: AppState) -> String {
        "by " + state.breakdown.measure.rawValue + (self.state(state).sort == .name ? " · A-Z" : "")
    }

    /// The nexus rows as shown: the largest countries, "Other (N)", then Disputed and Unknown.
    static func nexusRows(_ state: AppState) -> [ActorBreakdown.NexusRow] { state.breakdown.folded(countries: shownCountries) }

    /// The nexus whose actors are listed before the analyst picks one: the largest.
    static func defaultNexus(_ b: ActorBreakdown) -> Nexus? {
        b.rows.first { $0.nexus.map { b.actorsByNexus[$0]?.isEmpty == false } ?? false }?.nexus ?? b.actorsByNexus.keys.sorted().first
    }

    static func actorRows(_ state: AppState) -> [ActorBreakdown.ActorRow] {
        guard let n = self.state(state).nexus ?? defaultNexus(state.breakdown) else { return [] }
        let rows = state.breakdown.actorsByNexus[n] ?? []
        switch self.state(state).sort {
        case .count: return rows
        case .name: return rows.sorted { ($0.name.lowercased(), $0.actorID) < ($1.name.lowercased(), $1.actorID) }
        }
    }

    /// The cursor stops: nexus rows, then the actors of the current nexus, then motivations.
    static func items(_ state: AppState) -> [Selectable] {
        let b = state.breakdown
        var items: [Selectable] = nexusRows(state).map { row in
            switch row.key {
            case .nexus(let n): return .nexus(n)
            case .other(let list): return .nexusGroup(list)
            }
        }
        // Nexuses with actors but nothing counted under this measure still get a stop.
        for n in b.actorsByNexus.keys.sorted() where !items.contains(.nexus(n)) && !b.isFolded(n, countries: shownCountries) { items.append(.nexus(n)) }
        items += actorRows(state).map { .actor($0.actorID) }
        items += b.motivations.map { .motivation($0.motivation) }
        return items
    }

    public static func currentItem(_ state: AppState) -> Selectable? {
        let items = items(state)
        let c = self.state(state).cursor
        return items.indices.contains(c) ? items[c] : nil
    }

    public static func derive(_ state: inout AppState) {
        if let n = self.state(state).nexus, state.breakdown.actorsByNexus[n] == nil { modify(&state) { $0.nexus = nil } }
    }

    public static func clamp(_ state: inout AppState) {
        let count = items(state).count
        modify(&state) { $0.cursor = min(max(0, $0.cursor), max(0, count - 1)) }
    }

    public static func perform(_ command: Command, _ state: inout AppState) -> Bool {
        let items = items(state)
        let cursor = self.state(state).cursor
        switch command {
        case .measure:
            let next: ActorBreakdown.Measure = state.breakdown.measure == .events ? .actors : .events
            modify(&state) { $0.measure = next }
            state.refresh()
            return true
        case .sort:
            modify(&state) { $0.sort = $0.sort == .count ? .name : .count }
            clamp(&state)
            return true
        case .right:
            // → from a nexus row goes into its actors.
            guard items.indices.contains(cursor), case .nexus(let n) = items[cursor] else { return true }
            modify(&state) { $0.nexus = n }
            let updated = self.items(state)
            if let first = updated.firstIndex(where: { if case .actor = $0 { return true } else { return false } }) { modify(&state) { $0.cursor = first } }
            return true
        case .left:
            // ← from an actor goes back to its nexus row.
            guard items.indices.contains(cursor), case .actor = items[cursor],
                let n = self.state(state).nexus ?? defaultNexus(state.breakdown), let row = items.firstIndex(of: .nexus(n))
            else { return true }
            modify(&state) { $0.cursor = row }
            return true
        default:
            let page = max(1, FrameLayout.inner(of: id, in: state).height - 2)
            guard let c = LineList.step(command, cursor: cursor, count: items.count, page: page) else { return false }
            modify(&state) { $0.cursor = c }
            // Resting on a nexus lists its actors; keep the cursor on the same row.
            if items.indices.contains(c), case .nexus(let n) = items[c] {
                modify(&state) { $0.nexus = n }
                if let k = self.items(state).firstIndex(of: items[c]) { modify(&state) { $0.cursor = k } }
            }
            return true
        }
    }

    public static func click(x: Int, y: Int, area: Rect, _ state: inout AppState) -> Bool {
        let lines = lines(state, area: area)
        guard let item = LineList.item(at: y, lines: lines, cursor: self.state(state).cursor, area: area, anchor: state.scrollAnchor(id)) else { return false }
        let before = items(state)
        modify(&state) { $0.cursor = item }
        if before.indices.contains(item), case .nexus(let n) = before[item] {
            modify(&state) { $0.nexus = n }
            if let k = items(state).firstIndex(of: before[item]) { modify(&state) { $0.cursor = k } }
        }
        return true
    }

    static func lines(_ state: AppState, area: Rect, wall: Bool = false) -> [PaneLine] {
        let b = state.breakdown
        let g = state.glyphs
        let ascii = state.ascii
        let compare = state.comparison
        var lines: [PaneLine] = []
        let items = items(state)
        // Actor stops sit in one run (after the nexus stops, before the motivations) and are
        // numbered from its start; hashing 2,500 actor stops into a dictionary every frame
        // was a third of a frame at 1,000,000 events.
        let rows = wall ? [] : actorRows(state)
        let actorStops = rows.count
        let actorBase = items.count - b.motivations.count - actorStops
        var positions: [Selectable: Int] = [:]
        for (k, item) in items.enumerated() where (k < actorBase || k >= actorBase + actorStops) && positions[item] == nil { positions[item] = k }
        let content = LineList.content(area)
        let labelWidth = min(14, max(8, content.width / 5))
        let valueWidth = compare == nil ? 14 : 24

        func barLine(
            label: String, labelStyle: Style, fraction: Double, barStyle: Style, value: String, valueStyle: Style,
            note: String = "", delta: (String, Role)? = nil, item: Int? = nil
        ) -> PaneLine {
            PaneLine(item: item) { buffer, row in
                buffer.put(label, x: row.x, y: row.y, style: labelStyle, maxWidth: labelWidth)
                let deltaText = delta.map { " " + $0.0 } ?? ""
                let tail = value + deltaText + (note.isEmpty ? "" : " " + note)
                let tailWidth = max(valueWidth, TextWidth.width(of: tail, ascii: buffer.ascii))
                let barWidth = max(1, row.width - labelWidth - 1 - tailWidth - 1)
                HorizontalBar(fraction: fraction, style: barStyle, glyphs: g).render(
                    into: &buffer, area: Rect(x: row.x + labelWidth + 1, y: row.y, width: barWidth, height: 1))
                var x = row.x + labelWidth + 1 + barWidth + 1
                x += buffer.put(value, x: x, y: row.y, style: valueStyle, maxWidth: row.maxX - x)
                if let delta { x += buffer.put(deltaText, x: x, y: row.y, style: Style(delta.1, attributes: .bold), maxWidth: row.maxX - x) }
                if !note.isEmpty { buffer.put(" " + note, x: x, y: row.y, style: Style(.muted), maxWidth: row.maxX - x) }
            }
        }

        // 1. What the report states. Its figure wins over any recount and keeps its qualifier;
        //    it and the recount share one 0–100% axis, so their bars compare.
        for stated in b.stated.prefix(wall ? 1 : 2) {
            let f = stated.finding
            let subject = f.subjectNexus ?? .unknown
            var context = "Stated share · " + f.population
            if let p = f.period { context += " · " + p.description }
            for line in Paragraph.wrap(context, width: max(1, content.width), ascii: ascii).prefix(wall ? 2 : 3) {
                lines.append(PaneLine { buffer, row in buffer.putGraphemes(line, x: row.x, y: row.y, style: Style(.muted), maxWidth: row.width) })
            }
            let sources = f.citedSources.count
            lines.append(
                barLine(
                    label: subject.name, labelStyle: Style(.text, attributes: .bold), fraction: f.value / 100,
                    barStyle: Style(Role.nexus(subject.code)), value: f.formatted(ascii: ascii),
                    valueStyle: Style(.accent, attributes: .bold), note: wall ? "" : Format.plural(sources, "source")))
            let rest = Finding(id: "", statement: "", metric: .share, value: stated.remainderValue, qualifier: stated.remainderQualifier, population: "")
            lines.append(
                barLine(
                    label: "all other", labelStyle: Style(.muted), fraction: stated.remainderValue / 100,
                    barStyle: Style(.barTrack), value: rest.formatted(ascii: ascii), valueStyle: Style(.muted),
                    note: wall ? "" : "not broken down"))
            if !wall {
                for other in stated.corroborating.prefix(1) {
                    lines.append(
                        .text(
                            "  also stated: \(other.formatted(ascii: ascii)) (" + Format.plural(other.citedSources.count, "source") + ")", style: Style(.muted))
                    )
                }
            }
            lines.append(.blank)
        }

        // 2. The recount, labelled as such; Other, Disputed and Unknown are rows of their own.
        let unit = b.measure == .events ? "events" : "actors"
        var heading = b.stated.isEmpty ? "Share of \(unit) by nexus (\(Format.count(b.total)))" : "Recount: \(unit) in loaded data (\(Format.count(b.total)))"
        if let compare { heading += " vs " + compare.baselineWindow.description + " (" + Format.count(compare.baselineBreakdown.total) + ")" }
        lines.append(.text(heading, style: Style(.title, attributes: .bold)))
        if b.total == 0 {
            lines.append(.text(state.dataset.actors.isEmpty && state.dataset.events.isEmpty ? "  no data loaded" : "  nothing in view", style: Style(.muted)))
        }
        for row in nexusRows(state) {
            let label: String
            let item: Int?
            let role: Role
            switch row.key {
            case .nexus(let n):
                label = n.name
                item = positions[.nexus(n)]
                role = Role.nexus(n.code)
            case .other(let list):
                label = "Other (\(list.count))"
                item = positions[.nexusGroup(list)]
                role = .nexusOther
            }
            let muted = row.key == .nexus(.unknown) || row.key == .nexus(.disputed)
            var delta: (String, Role)?
            if let compare {
                let base = compare.baselineBreakdown.row(for: row.key)
                let points = row.share - (base?.share ?? 0)
                let mark = abs(points) < 0.0005 ? " " : (points > 0 ? g.arrowUpSolid : g.arrowDownSolid)
                delta = (
                    Format.padLeft(Format.delta(row.count - (base?.count ?? 0)), 5) + " " + Format.padLeft(Format.points(points), 9) + mark,
                    points > 0.0005 ? .warning : points < -0.0005 ? .ok : .muted
                )
            }
            lines.append(
                barLine(
                    label: label, labelStyle: Style(muted ? .muted : .text), fraction: row.share, barStyle: Style(role),
                    value: Format.padLeft(Format.count(row.count), 6) + " " + Format.padLeft(Format.percent(row.share), 6),
                    valueStyle: Style(.text, attributes: wall ? .bold : []), delta: delta, item: item))
        }
        for n in b.actorsByNexus.keys.sorted() where !b.rows.contains(where: { $0.key == .nexus(n) }) {
            lines.append(
                barLine(
                    label: n.name, labelStyle: Style(.muted), fraction: 0, barStyle: Style(.barFill),
                    value: Format.padLeft("0", 6), valueStyle: Style(.muted), note: "no \(unit)", item: positions[.nexus(n)]))
        }
        if wall { return lines }
        lines.append(.blank)

        // 3. Actors under the chosen nexus.
        if let n = self.state(state).nexus ?? defaultNexus(b) {
            let eventsWidth = 7
            let motiveWidth = min(12, max(0, content.width - 30))
            lines.append(
                PaneLine { buffer, row in
                    let title = (n == .unknown ? "Nexus unknown" : n == .disputed ? "Nexus disputed" : n.name + "-nexus") + " actors (\(rows.count))"
                    buffer.put(title, x: row.x, y: row.y, style: Style(.title, attributes: .bold), maxWidth: max(0, row.width - motiveWidth - eventsWidth - 2))
                    if motiveWidth > 0 { buffer.put("motive", x: row.maxX - eventsWidth - motiveWidth - 1, y: row.y, style: Style(.muted)) }
                    buffer.putRight("events", maxX: row.maxX, y: row.y, style: Style(.muted))
                })
            if rows.isEmpty { lines.append(.text("  none in view", style: Style(.muted))) }
            for (k, r) in rows.enumerated() {
                lines.append(
                    PaneLine(item: actorBase + k) { buffer, row in
                        let nameWidth = max(0, row.width - motiveWidth - eventsWidth - 2)
                        var name = r.name
                        if r.collective { name += " (unnamed)" }
                        if r.umbrella { name += " (umbrella)" }
                        buffer.put(name, x: row.x, y: row.y, style: Style(r.collective || r.umbrella ? .muted : .text), maxWidth: nameWidth)
                        if motiveWidth > 0 {
                            let motive = r.motivations.first?.rawValue ?? "unknown"
                            buffer.put(
                                motive + (r.motivations.count > 1 ? "+" : ""), x: row.maxX - eventsWidth - motiveWidth - 1, y: row.y,
                                style: Style(r.motivations.isEmpty ? .muted : .text), maxWidth: motiveWidth)
                        }
                        buffer.putRight(Format.count(r.events), maxX: row.maxX, y: row.y, style: Style(.text), maxWidth: eventsWidth)
                    })
            }
            lines.append(.blank)
        }

        // 4. Motivations of the actors in view (counts of actors, scaled to the largest).
        lines.append(.text("Motivation (actors in view: \(Format.count(b.actorCount)))", style: Style(.title, attributes: .bold)))
        let maxMotive = b.motivations.map(\.count).max() ?? 1
        for m in b.motivations {
            lines.append(
                barLine(
                    label: m.motivation?.rawValue ?? "unknown", labelStyle: Style(m.motivation == nil ? .muted : .text),
                    fraction: Double(m.count) / Double(max(1, maxMotive)), barStyle: Style(.barFill),
                    value: Format.padLeft(Format.count(m.count), 6), valueStyle: Style(.text), item: positions[.motivation(m.motivation)]))
        }
        return lines
    }

    public static func render(_ state: AppState, into buffer: inout Buffer, area: Rect, focused: Bool) {
        LineList.render(
            lines(state, area: area), cursor: self.state(state).cursor, focused: focused, into: &buffer, area: area, glyphs: state.glyphs,
            anchor: state.scrollAnchor(id))
    }

    public static func renderWall(_ state: AppState, into buffer: inout Buffer, area: Rect) {
        LineList.render(lines(state, area: area, wall: true), cursor: nil, focused: false, into: &buffer, area: area, glyphs: state.glyphs)
    }
}

extension PaneID {
    /// The actors pane.
    public static let actors = ActorPane.id
}
