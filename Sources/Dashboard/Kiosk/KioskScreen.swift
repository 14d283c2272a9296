import Reports
import ThreatModel
import TerminalUI

/// The wall: every kiosk view drawn for reading across a room. A header with the clock, how
/// fresh the data is and the rotation, a STALE banner that cannot be missed, the view (the
/// headline figure scaled to the wall, panes in their wall style in a grid, or what changed),
/// and a ticker of recent changes. The frame moves by one cell now and then (screen care).
enum KioskScreen {
    static func render(_ state: AppState, _ k: KioskState) -> Buffer? {
        var full = Buffer(width: state.width, height: state.height, ascii: state.ascii)
        full.fill(full.area, Cell(" ", style: Style(.text)))
        let g = FrameLayout.compute(state)
        if g.mode == .tooSmall {
            Screen.renderTooSmall(state, into: &full)
            return full
        }
        var frame = Buffer(width: max(0, state.width - 1), height: max(0, state.height - 1), ascii: state.ascii)
        frame.fill(frame.area, Cell(" ", style: Style(.text)))
        header(state, k, into: &frame, area: g.header)
        let body = Rect(x: 0, y: g.header.maxY, width: frame.width, height: max(0, g.footer.y - g.header.maxY))
        switch k.view {
        case .headline: headline(state, into: &frame, area: body)
        case .changes: KioskChangesView.render(state, k, into: &frame, area: body)
        default:
            for (id, area) in g.panes.sorted(by: { ($0.value.y, $0.value.x) < ($1.value.y, $1.value.x) }) {
                guard let pane = PaneRegistry.pane(id) else { continue }
                Block(title: pane.frameTitle(state), note: "", focused: false, glyphs: state.glyphs).render(into: &frame, area: area)
                if let why = WallContent.emptiness(.pane(id), state, k) {
                    WallFill.empty(id, why: why, state, into: &frame, area: Block.inner(area))
                    continue
                }
                pane.renderWall(state, into: &frame, area: Block.inner(area))
                // The pane's blank rows: the roster and its counts in big type (wall only).
                WallFill.fill(id, state, into: &frame, area: Block.inner(area))
            }
        }
        ticker(state, k, into: &frame, area: g.footer)
        // Screen care: the whole frame shifts by one cell every few minutes; the rest stays.
        let (dx, dy) = k.shift(now: state.now)
        for y in 0..<frame.height {
            for x in 0..<frame.width {
                let cell = frame[x, y]
                if cell.isContinuation { continue }
                full.set(x + dx, y + dy, cell)
            }
        }
        return full
    }

    static func header(_ state: AppState, _ k: KioskState, into buffer: inout Buffer, area: Rect) {
        guard area.height >= 2 else { return }
        let d = state.dataset
        var title = HeaderBar.title(d)
        if !state.filter.isEmpty { title += " · " + state.filter.chips.map { HeaderBar.chipLabel($0, state) }.joined(separator: " ") }
        var x = buffer.put(title, x: area.x, y: area.y, style: Style(.title, attributes: .bold), maxWidth: area.width / 2 + 20)
        let counts = " · " + Format.plural(state.selection.actorIDs.count, "actor") + " · " + Format.plural(state.selection.eventIndices.count, "event")
        x += buffer.put(counts, x: area.x + x, y: area.y, style: Style(.muted), maxWidth: max(0, area.width - x - 30))
        var badges = ""
        if d.hidden.total > 0, let limit = d.hidden.limit {
            badges += " " + Format.count(d.hidden.total) + " above TLP:" + limit.rawValue.uppercased() + " hidden "
        }
        if let m = d.highestMarking { badges += " " + m.label + " " }
        if d.hasSynthetic { badges += " SYNTHETIC DATA " }
        if !badges.isEmpty { buffer.putRight(badges, maxX: area.maxX, y: area.y, style: Style(.warning, attributes: [.bold, .reverse])) }

        let line = area.row(1)
        let steps = 8
        let elapsed = min(steps, max(0, Int(((k.currentSeconds - k.remaining(now: state.now)) / k.currentSeconds * Double(steps)).rounded(.down))))
        let progress = String(repeating: state.ascii ? "#" : "▰", count: elapsed) + String(repeating: state.ascii ? "-" : "▱", count: steps - elapsed)
        let left = ClockFormat.time(state.now) + " · data as of " + ClockFormat.time(k.dataAsOf) + " (" + ClockFormat.duration(state.now - k.dataAsOf) + " ago)"
        buffer.put(left, x: line.x, y: line.y, style: Style(.text, attributes: .bold), maxWidth: line.width)
        let right =
            "view \(k.viewIndex % k.config.entries.count + 1)/\(k.config.entries.count) \(k.view) " + progress + (k.isNight ? " · night" : "") + " · locked"
        buffer.putRight(
            right, maxX: line.maxX, y: line.y, style: Style(.muted), maxWidth: max(0, line.width - TextWidth.width(of: left, ascii: state.ascii) - 2))
        let banner = area.row(0)
        switch WallFreshness.of(k, now: state.now, dataset: d) {
        case .fresh: break
        case .notice(let text):
            // Seen across the room, but not STALE: the numbers are still recent.
            buffer.fill(banner, Cell(" ", style: Style(.warning, attributes: [.reverse, .bold])))
            buffer.put(
                " " + text, x: banner.x, y: banner.y,
                style: Style(.warning, attributes: [.reverse, .bold]), maxWidth: banner.width)
        case .stale(let reason):
            buffer.fill(banner, Cell(" ", style: Style(.stale, attributes: [.reverse, .bold])))
            buffer.put(
                " STALE · data as of \(ClockFormat.dateTime(k.dataAsOf)) · " + reason, x: banner.x, y: banner.y,
                style: Style(.stale, attributes: [.reverse, .bold]), maxWidth: banner.width)
        }
    }

    /// Recent changes with their clock time along one line; the views skipped for having
    /// nothing to show on its right ("skipped: What changed, no changes yet").
    static func ticker(_ state: AppState, _ k: KioskState, into buffer: inout Buffer, area: Rect) {
        guard !area.isEmpty else { return }
        var maxX = area.maxX
        if let skipped = WallContent.skipped(state, k) {
            let w = min(area.width / 2, TextWidth.width(of: skipped, ascii: state.ascii))
            buffer.putRight(skipped, maxX: area.maxX, y: area.y, style: Style(.muted), maxWidth: w)
            maxX = area.maxX - w - 3
        }
        if k.changes.isEmpty {
            buffer.put(
                "no changes since the wall started · " + Noun.source.count(state.dataset.files.count), x: area.x, y: area.y, style: Style(.muted),
                maxWidth: max(0, maxX - area.x))
            return
        }
        var x = area.x
        x += buffer.put("changes: ", x: x, y: area.y, style: Style(.muted), maxWidth: max(0, maxX - x))
        for c in k.changes.prefix(12) where x < maxX - 4 {
            x += buffer.put(
                KioskChangesView.mark(c, state.glyphs) + " " + c.text + " (" + ClockFormat.time(c.at) + ")", x: x, y: area.y,
                style: Style(c.direction > 0 ? .warning : .text, attributes: .bold), maxWidth: maxX - x)
            x += buffer.put("   ", x: x, y: area.y, style: Style(.muted), maxWidth: max(0, maxX - x))
        }
    }

    /// The figure: the stated share with its qualifier (never without it), or the largest
    /// recounted share, labelled as such. Scaled from 3 rows up to a third of the screen.
    static func headline(_ state: AppState, into buffer: inout Buffer, area: Rect) {
        guard !area.isEmpty else { return }
        let b = state.breakdown
        var figure: String
        var label: String
        var period: String?
        var source: String
        var role: Role = .accent
        if let stated = b.stated.first {
            let f = stated.finding
            figure = f.formatted(ascii: true)
            if state.ascii {
                figure = figure.replacingOccurrences(">=", ">").replacingOccurrences("<=", "<")
            } else {
                figure = figure.replacingOccurrences(">=", "≥").replacingOccurrences("<=", "≤")
            }
            label = (f.subjectNexus?.name ?? "the subject") + "-nexus share of " + f.population
            period = f.period?.description
            source =
                "source: " + (f.citedSources.map(\.shortCitation).first ?? "the report")
                + (f.citedSources.count > 1 ? " and \(f.citedSources.count - 1) more" : "")
            role = Role.nexus(f.subjectNexus?.code)
        } else if let top = b.rows.first(where: { if case .nexus(let n) = $0.key { return n.code != nil } else { return false } }), case .nexus(let n) = top.key
        {
            figure = Format.percent(top.share).replacingOccurrences(".0%", "%")
            label = n.name + "-nexus share of " + b.measure.rawValue + " in the loaded data"
            source = "recounted from " + Format.plural(b.total, String(b.measure.rawValue.dropLast())) + ", not a stated figure"
            role = Role.nexus(n.code)
        } else {
            figure = "-"
            label = state.dataset.actors.isEmpty ? "no data loaded" : "no data in view"
            source = ""
        }
        let maxHeight = max(3, area.height / 3)
        let scale = BlockDigits.scale(toFit: figure, width: area.width - 2, height: maxHeight, ascii: state.ascii)
        let figureHeight = scale > 0 ? BlockDigits.height(scale: scale, ascii: state.ascii) : 1
        // Label and period: in big letters when they fit at a useful size, else bold text.
        let labelLines = Paragraph.wrap(label, width: max(1, area.width - 4), ascii: state.ascii)
        let textRows = labelLines.count + (period == nil ? 0 : 1) + 2
        let top = area.y + max(0, (area.height - figureHeight - textRows) / 2)
        if scale > 0 {
            let w = BlockDigits.width(of: figure, scale: scale)
            BlockDigits(figure, style: Style(role, attributes: .bold), glyphs: state.glyphs, scale: scale)
                .render(into: &buffer, area: Rect(x: area.x + (area.width - w) / 2, y: top, width: w, height: figureHeight))
        } else {
            buffer.put(figure, x: area.x + max(0, (area.width - figure.count) / 2), y: top, style: Style(role, attributes: .bold))
        }
        var y = top + figureHeight + 1
        for line in labelLines where y < area.maxY {
            let w = line.reduce(0) { $0 + $1.width }
            buffer.putGraphemes(line, x: area.x + max(0, (area.width - w) / 2), y: y, style: Style(.text, attributes: .bold), maxWidth: area.width)
            y += 1
        }
        if let period, y < area.maxY {
            let periodScale = BlockDigits.scale(toFit: period, width: area.width - 2, height: max(0, (area.maxY - y - 2) / 2), ascii: state.ascii)
            if periodScale >= 1 && BlockDigits.canDraw(period) {
                let h = BlockDigits.height(scale: periodScale, ascii: state.ascii)
                let w = BlockDigits.width(of: period, scale: periodScale)
                BlockDigits(period, style: Style(.text, attributes: .bold), glyphs: state.glyphs, scale: periodScale)
                    .render(into: &buffer, area: Rect(x: area.x + (area.width - w) / 2, y: y, width: w, height: h))
                y += h + 1
            } else {
                let w = TextWidth.width(of: period, ascii: state.ascii)
                buffer.put(period, x: area.x + max(0, (area.width - w) / 2), y: y, style: Style(.text, attributes: .bold))
                y += 1
            }
        }
        if !source.isEmpty, y < area.maxY {
            let w = TextWidth.width(of: source, ascii: state.ascii)
            buffer.put(source, x: area.x + max(0, (area.width - w) / 2), y: y, style: Style(.muted), maxWidth: area.width)
        }
    }
}
