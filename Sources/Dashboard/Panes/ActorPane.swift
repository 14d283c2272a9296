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

    /// One bar row of the pane: a label, a bar on the 0–100% axis every row shares, a value
    /// (and a change, and a note), laid out alike for every row so their bars compare.
    struct BarRows {
        let labelWidth: Int
        let valueWidth: Int
        let glyphs: GlyphSet

        func line(
            label: String, labelStyle: Style, fraction: Double, barStyle: Style, value: String, valueStyle: Style,
            note: String = "", delta: (String, Role)? = nil, item: Int? = nil
        ) -> PaneLine {
            let (labelWidth, valueWidth, g) = (self.labelWidth, self.valueWidth, glyphs)
            return PaneLine(item: item) { buffer, row in
                buffer.put(label, x: row.x, y: row.y, style: labelStyle, maxWidth: labelWidth)
                let deltaText = delta.map { " " + $0.0 } ?? ""
                // The note goes first when it would leave the bar too short to read.
                var note = note
                func barWidth() -> Int {
                    let tail = value + deltaText + (note.isEmpty ? "" : " " + note)
                    return max(1, row.width - labelWidth - 1 - max(valueWidth, TextWidth.width(of: tail, ascii: buffer.ascii)) - 1)
                }
                if barWidth() < 8 { note = "" }
                let barWidth = barWidth()
                HorizontalBar(fraction: fraction, style: barStyle, glyphs: g).render(
                    into: &buffer, area: Rect(x: row.x + labelWidth + 1, y: row.y, width: barWidth, height: 1))
                var x = row.x + labelWidth + 1 + barWidth + 1
                x += buffer.put(value, x: x, y: row.y, style: valueStyle, maxWidth: row.maxX - x)
                if let delta { x += buffer.put(deltaText, x: x, y: row.y, style: Style(delta.1, attributes: .bold), maxWidth: row.maxX - x) }
                if !note.isEmpty { buffer.put(" " + note, x: x, y: row.y, style: Style(.muted), maxWidth: row.maxX - x) }
            }
        }
    }

    static func lines(_ state: AppState, area: Rect, wall: Bool = false) -> [PaneLine] {
        let b = state.breakdown
        var lines: [PaneLine] = []
        let items = items(state)
        // Actor stops sit in one run (after the nexus stops, before the motivations) and are
        // numbered from its start; hashing 2,500 actor stops into a dictionary every frame
        // was a third of a frame at 1,000,000 events.
        let rows = wall ? [] : actorRows(state)
        let actorBase = items.count - b.motivations.count - rows.count
        var positions: [Selectable: Int] = [:]
        for (k, item) in items.enumerated() where (k < actorBase || k >= actorBase + rows.count) && positions[item] == nil { positions[item] = k }
        let content = LineList.content(area)
        let bars = BarRows(labelWidth: min(14, max(8, content.width / 5)), valueWidth: state.comparison == nil ? 14 : 24, glyphs: state.glyphs)
        // 1. What the report states. Its figure wins over any recount and keeps its qualifier;
        //    it, its recount over the same population and the loaded data share one axis.
        for stated in b.stated.prefix(wall ? 1 : 2) { lines += statedLines(stated, state: state, bars: bars, width: content.width, wall: wall) }
        // 2. The loaded data (or the view) by nexus; Other, Disputed and Unknown are rows of their own.
        lines += nexusLines(state, bars: bars, positions: positions, wall: wall)
        if wall { return lines }
        lines.append(.blank)
        // 3. Actors under the chosen nexus.
        if let n = self.state(state).nexus ?? defaultNexus(b) { lines += actorLines(n, rows: rows, base: actorBase, width: content.width) }
        // 4. Motivations of the actors in view (counts of actors, scaled to the largest).
        lines.append(.text("Motivation (" + Noun.actor.count(b.actorCount) + " in view)", style: Style(.title, attributes: .bold)))
        let maxMotive = b.motivations.map(\.count).max() ?? 1
        for m in b.motivations {
            lines.append(
                bars.line(
                    label: m.motivation?.rawValue ?? "none stated", labelStyle: Style(m.motivation == nil ? .muted : .text),
                    fraction: Double(m.count) / Double(max(1, maxMotive)), barStyle: Style(.barFill),
                    value: Noun.actor.count(m.count), valueStyle: Style(.text), item: positions[.motivation(m.motivation)]))
        }
        return lines
    }

    /// A stated share, what it leaves for the rest, and the loaded data recounted over the
    /// same population (or why it cannot be).
    static func statedLines(_ stated: ActorBreakdown.StatedShare, state: AppState, bars: BarRows, width: Int, wall: Bool) -> [PaneLine] {
        let ascii = state.ascii
        let f = stated.finding
        let subject = f.subjectNexus ?? .unknown
        var lines: [PaneLine] = []
        // The period first: a narrow pane cuts the end of the population, not when it was.
        let context = "Stated share" + (f.period.map { " · " + $0.description } ?? "") + " · " + f.population
        for line in Paragraph.wrap(context, width: max(1, width), ascii: ascii).prefix(wall ? 2 : 3) {
            lines.append(PaneLine { buffer, row in buffer.putGraphemes(line, x: row.x, y: row.y, style: Style(.muted), maxWidth: row.width) })
        }
        lines.append(
            bars.line(
                label: subject.name, labelStyle: Style(.text, attributes: .bold), fraction: f.value / 100,
                barStyle: Style(Role.nexus(subject.code)), value: f.formatted(ascii: ascii),
                valueStyle: Style(.accent, attributes: .bold), note: wall ? "" : Noun.source.count(f.citedSources.count)))
        let rest = Finding(id: "", statement: "", metric: .share, value: stated.remainderValue, qualifier: stated.remainderQualifier, population: "")
        lines.append(
            bars.line(
                label: "all other", labelStyle: Style(.muted), fraction: stated.remainderValue / 100,
                barStyle: Style(.barTrack), value: rest.formatted(ascii: ascii), valueStyle: Style(.muted),
                note: wall ? "" : "not broken down"))
        if let r = stated.recount {
            if let share = r.share {
                lines.append(
                    bars.line(
                        label: "recount", labelStyle: Style(.text), fraction: share, barStyle: Style(Role.nexus(subject.code)),
                        value: Format.percent(share) + " of " + Format.count(r.total), valueStyle: Style(.text, attributes: .bold),
                        note: r.noun.word(r.total)))
            } else {
                let why = r.missing.isEmpty ? "none in the loaded data" : "not possible here: " + r.missing.joined(separator: "; ")
                lines.append(.text("  recount, same population: " + why, style: Style(.muted)))
            }
            if !wall && !r.unstated.isEmpty { lines.append(.text("  not stated: " + r.unstated.joined(separator: "; "), style: Style(.muted))) }
        }
        if !wall {
            for other in stated.corroborating.prefix(1) {
                lines.append(
                    .text("  also stated: \(other.formatted(ascii: ascii)) (" + Noun.source.count(other.citedSources.count) + ")", style: Style(.muted)))
            }
        }
        lines.append(.blank)
        return lines
    }

    /// The heading and a bar per nexus row of the loaded data (or the view).
    static func nexusLines(_ state: AppState, bars: BarRows, positions: [Selectable: Int], wall: Bool) -> [PaneLine] {
        let b = state.breakdown, compare = state.comparison, g = state.glyphs
        let noun: Noun = b.measure == .events ? .event : .actor
        var lines: [PaneLine] = []
        let scope = state.filter.isEmpty ? "All loaded data" : "In view"
        var heading = scope + ": " + noun.plural + " by nexus (" + noun.count(b.total) + ")"
        if let compare { heading += " vs " + compare.baselineWindow.description + " (" + noun.count(compare.baselineBreakdown.total) + ")" }
        lines.append(.text(heading, style: Style(.title, attributes: .bold)))
        if b.total == 0 {
            lines.append(.text(state.dataset.actors.isEmpty && state.dataset.events.isEmpty ? "  no data loaded" : "  nothing in view", style: Style(.muted)))
        }
        for row in nexusRows(state) {
            let label: String, item: Int?, role: Role
            switch row.key {
            case .nexus(let n): (label, item, role) = (n.name, positions[.nexus(n)], Role.nexus(n.code))
            case .other(let list): (label, item, role) = ("Other (\(list.count))", positions[.nexusGroup(list)], .nexusOther)
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
                bars.line(
                    label: label, labelStyle: Style(muted ? .muted : .text), fraction: row.share, barStyle: Style(role),
                    value: Format.padLeft(Format.count(row.count), 6) + " " + Format.padLeft(Format.percent(row.share), 6),
                    valueStyle: Style(.text, attributes: wall ? .bold : []), delta: delta, item: item))
        }
        for n in b.actorsByNexus.keys.sorted() where !b.rows.contains(where: { $0.key == .nexus(n) }) {
            lines.append(
                bars.line(
                    label: n.name, labelStyle: Style(.muted), fraction: 0, barStyle: Style(.barFill),
                    value: Format.padLeft("0", 6), valueStyle: Style(.muted), note: "no " + noun.plural, item: positions[.nexus(n)]))
        }
        return lines
    }

    /// The actors under nexus `n`, with their events in view.
    static func actorLines(_ n: Nexus, rows: [ActorBreakdown.ActorRow], base: Int, width: Int) -> [PaneLine] {
        var lines: [PaneLine] = []
        let eventsWidth = 7
        let motiveWidth = min(12, max(0, width - 30))
        lines.append(
            PaneLine { buffer, row in
                let title =
                    (n == .unknown ? "Nexus unknown" : n == .disputed ? "Nexus disputed" : n.name + "-nexus") + " actors (" + Format.count(rows.count) + ")"
                buffer.put(title, x: row.x, y: row.y, style: Style(.title, attributes: .bold), maxWidth: max(0, row.width - motiveWidth - eventsWidth - 2))
                if motiveWidth > 0 { buffer.put("motive", x: row.maxX - eventsWidth - motiveWidth - 1, y: row.y, style: Style(.muted)) }
                buffer.putRight("events", maxX: row.maxX, y: row.y, style: Style(.muted))
            })
        if rows.isEmpty { lines.append(.text("  none in view", style: Style(.muted))) }
        for (k, r) in rows.enumerated() {
            lines.append(
                PaneLine(item: base + k) { buffer, row in
                    let nameWidth = max(0, row.width - motiveWidth - eventsWidth - 2)
                    var name = r.name
                    if r.collective { name += " (unnamed)" }
                    if r.umbrella { name += " (umbrella)" }
                    buffer.put(name, x: row.x, y: row.y, style: Style(r.collective || r.umbrella ? .muted : .text), maxWidth: nameWidth)
                    if motiveWidth > 0 {
                        let motive = r.motivations.first?.rawValue ?? "none stated"
                        buffer.put(
                            motive + (r.motivations.count > 1 ? "+" : ""), x: row.maxX - eventsWidth - motiveWidth - 1, y: row.y,
                            style: Style(r.motivations.isEmpty ? .muted : .text), maxWidth: motiveWidth)
                    }
                    buffer.putRight(Format.count(r.events), maxX: row.maxX, y: row.y, style: Style(.text), maxWidth: eventsWidth)
                })
        }
        lines.append(.blank)
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
