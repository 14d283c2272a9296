import Reports
import ThreatModel
import TerminalUI
import Analysis

/// Events per bucket as columns along a dated axis (an event counts in every bucket its date
/// or span overlaps: the same rule as window filters and drill-down), the report period
/// bracketed under it, campaign spans as lines, and a cursor whose bucket is read out.
public enum TimelinePane: Pane {
    public struct State: Sendable {
        /// A day inside the bucket under the cursor (nil: the latest bucket with events).
        public var day: Day?
        /// The selected span (campaign or long event), or -1 for buckets.
        public var span = -1
        /// nil: the finest granularity that fits.
        public var granularity: TimelineSeries.Granularity?
        /// The series for the current selection, width and granularity.
        public var series: TimelineSeries?
        /// The baseline's series when comparing, bucketed alike.
        public var baseline: TimelineSeries?
        public var slots = 0
    }

    /// What the pane shows at its width: the buckets in view and where the cursor is.
    struct View {
        var series: TimelineSeries
        var buckets: [TimelineSeries.Bucket]
        var cursor: Int
        var chartWidth: Int
        var gutter: Int
        /// Index of the first visible bucket in `series.buckets`.
        var offset: Int
        var range: DayRange?
    }

    public static let id = PaneID("timeline")
    public static let title = "Timeline"
    public static let initialState = State()

    public static let bindings: [KeyBinding] = [
        KeyBinding([.left, .character("h"), .right, .character("l")], "← →  h l", nil, "move through time, one bucket", hint: "←→ time"),
        KeyBinding([.up, .character("k"), .down, .character("j")], "↑ ↓  k j", nil, "select a campaign or long event span", hint: "↑↓ spans"),
        KeyBinding([.character("[")], "[", .finer, "finer buckets (day ← week ← month ← quarter ← year)", hint: "[ ] buckets"),
        KeyBinding([.character("]")], "]", .coarser, "coarser buckets"),
        KeyBinding([.character("\\")], "\\", .automatic, "buckets chosen to fit the width again"),
    ]

    public static func note(_ state: AppState) -> String {
        let g = self.state(state).granularity?.rawValue ?? "auto"
        return "per " + g + (state.comparison != nil ? " · baseline ╌" : "")
    }

    static func gutter(width: Int) -> Int { min(16, max(6, width / 6)) }

    /// The chart's inner width: inside the border and a one-cell margin each side.
    static func contentWidth(_ state: AppState) -> Int { max(1, FrameLayout.inner(of: id, in: state).width - 2) }

    public static func derive(_ state: inout AppState) {
        let width = contentWidth(state)
        let slots = max(1, width - gutter(width: width))
        let own = self.state(state)
        let series = TimelineSeries.compute(state.dataset, selection: state.selection, granularity: own.granularity, slots: slots)
        var baseline: TimelineSeries?
        if let c = state.comparison, series.window != nil {
            // The baseline bucketed alike, over its own window: bucket k of each lines up.
            baseline = TimelineSeries.compute(
                state.dataset, selection: c.baseline, granularity: series.granularity,
                window: c.baselineWindow, slots: slots)
        }
        modify(&state) { s in
            s.series = series
            s.baseline = baseline
            s.slots = slots
        }
    }

    public static func clamp(_ state: inout AppState) {
        let v = view(state)
        let spans = spans(v).count
        modify(&state) { s in s.span = min(s.span, spans - 1) }
    }

    static func view(_ state: AppState) -> View {
        let width = contentWidth(state)
        let gutter = gutter(width: width)
        let slots = max(1, width - gutter)
        let own = self.state(state)
        let series = own.series ?? TimelineSeries.compute(state.dataset, selection: state.selection, granularity: own.granularity, slots: slots)
        let all = series.buckets
        guard !all.isEmpty else {
            return View(series: series, buckets: [], cursor: 0, chartWidth: min(slots, 6), gutter: gutter, offset: 0, range: nil)
        }
        // Cursor: the bucket holding the remembered day, else the last bucket with data.
        var cursor = all.count - 1
        if let day = own.day {
            if let k = all.firstIndex(where: { $0.range.contains(day) }) { cursor = k } else if day < all[0].range.start { cursor = 0 }
        } else if let k = all.lastIndex(where: { $0.count > 0 }) {
            cursor = k
        }
        var start = 0
        if all.count > slots { start = max(0, min(cursor - slots / 2, all.count - slots)) }
        let visible = Array(all[start..<min(all.count, start + slots)])
        let range = DayRange(start: visible.first!.range.start, end: visible.last!.range.end)
        // A handful of buckets does not stretch into slabs: at most six cells each.
        let chartWidth = min(slots, max(1, visible.count) * 6)
        return View(series: series, buckets: visible, cursor: cursor - start, chartWidth: chartWidth, gutter: gutter, offset: start, range: range)
    }

    static func column(_ v: View, _ k: Int) -> (x: Int, width: Int) { ColumnChart.column(k, of: v.buckets.count, width: v.chartWidth) }

    /// The bucket under chart column `x` (relative), if any.
    static func bucket(at x: Int, _ v: View) -> Int? {
        guard x >= 0, x < v.chartWidth, !v.buckets.isEmpty else { return nil }
        return min(v.buckets.count - 1, max(0, x * v.buckets.count / v.chartWidth))
    }

    /// The spans in view, by position in the series: a million events make thousands of long
    /// spans, and copying them (two strings each) every frame cost a quarter of the frame.
    struct SpansInView: RandomAccessCollection {
        let all: [TimelineSeries.Span]
        let positions: [Int]
        var startIndex: Int { 0 }
        var endIndex: Int { positions.count }
        subscript(_ k: Int) -> TimelineSeries.Span { all[positions[k]] }
    }

    /// Spans (campaigns, long events) in view, named campaigns and real reporting first.
    static func spans(_ view: View) -> SpansInView {
        guard let range = view.range else { return SpansInView(all: [], positions: []) }
        let all = view.series.spans
        return SpansInView(all: all, positions: all.indices.filter { all[$0].range.overlaps(range) })
    }

    public static func currentItem(_ state: AppState) -> Selectable? {
        let v = view(state)
        let spans = spans(v)
        let own = self.state(state)
        if own.span >= 0, spans.indices.contains(own.span) {
            let s = spans[own.span]
            return .span(id: s.id, name: s.name, range: s.range)
        }
        guard v.buckets.indices.contains(v.cursor) else { return nil }
        let b = v.buckets[v.cursor]
        return .bucket(b.range, label: v.series.granularity.label(b.range))
    }

    public static func perform(_ command: Command, _ state: inout AppState) -> Bool {
        let v = view(state)
        let all = v.series.buckets
        var index = v.offset + v.cursor
        switch command {
        case .finer, .coarser:
            let current = self.state(state).granularity ?? v.series.granularity
            let next = command == .finer ? current.finer : current.coarser
            if let next { modify(&state) { $0.granularity = next } }
            derive(&state)
            clamp(&state)
            App.setStatus(&state, "timeline: per " + (next ?? current).rawValue, seconds: 2)
            return true
        case .automatic:
            modify(&state) { $0.granularity = nil }
            derive(&state)
            clamp(&state)
            App.setStatus(&state, "timeline: buckets fit the width", seconds: 2)
            return true
        case .down:
            let count = spans(v).count
            modify(&state) { $0.span = min($0.span + 1, count - 1) }
            return true
        case .up:
            modify(&state) { $0.span = max(-1, $0.span - 1) }
            return true
        case .left: index -= 1
        case .right: index += 1
        case .pageUp: index -= max(1, v.buckets.count / 2)
        case .pageDown: index += max(1, v.buckets.count / 2)
        case .first: index = 0
        case .last: index = all.count - 1
        default: return false
        }
        if !all.isEmpty {
            index = max(0, min(all.count - 1, index))
            let day = all[index].range.start
            modify(&state) {
                $0.day = day; $0.span = -1
            }
        }
        return true
    }

    public static func click(x: Int, y: Int, area: Rect, _ state: inout AppState) -> Bool {
        let v = view(state)
        guard let k = bucket(at: x - (area.x + 1) - v.gutter, v) else { return false }
        let day = v.buckets[k].range.start
        modify(&state) {
            $0.day = day; $0.span = -1
        }
        return true
    }

    public static func render(_ state: AppState, into buffer: inout Buffer, area: Rect, focused: Bool) {
        draw(state, into: &buffer, area: area.inset(left: 1, right: 1), focused: focused, wall: false)
    }

    public static func renderWall(_ state: AppState, into buffer: inout Buffer, area: Rect) {
        draw(state, into: &buffer, area: area.inset(left: 1, right: 1), focused: false, wall: true)
    }

    static func draw(_ state: AppState, into buffer: inout Buffer, area: Rect, focused: Bool, wall: Bool) {
        guard !area.isEmpty else { return }
        let g = state.glyphs
        let own = self.state(state)
        let v = view(state)
        guard !v.buckets.isEmpty else {
            let nothing = state.dataset.events.isEmpty && state.dataset.campaigns.isEmpty
            buffer.put(
                nothing ? "No dated events or campaigns in the loaded data." : "No dated events in view.", x: area.x, y: area.y, style: Style(.muted),
                maxWidth: area.width)
            return
        }
        let chartX = area.x + v.gutter
        let chartWidth = v.chartWidth
        let spans = wall ? SpansInView(all: [], positions: []) : spans(v)
        let baseline = own.baseline
        // Rows: readout, chart, axis, period; spans take what is left.
        let periodRow = v.series.reportPeriod != nil || !v.series.markers.isEmpty ? 1 : 0
        // No events in view but campaigns (ATT&CK, one actor): no chart of zeros; the
        // campaigns' lines over the axis take the room.
        let spansOnly = !spans.isEmpty && baseline == nil && v.buckets.allSatisfy { $0.count == 0 }
        let spanRoom = max(0, area.height - (spansOnly ? 2 : 5) - periodRow)
        // Without a chart every row below the axis is a span's, less one for "+N more".
        let spanRows = spansOnly ? (spans.count <= spanRoom ? spans.count : max(0, spanRoom - 1)) : min(spans.count, max(0, min(spanRoom, area.height / 3)))
        let chartHeight = spansOnly ? 0 : max(1, area.height - 1 - 1 - periodRow - spanRows)

        // Readout of the cursor bucket (the count is the bucket's own: events overlapping it).
        let b = v.buckets[v.cursor]
        var text = v.series.granularity.label(b.range) + ": " + Format.plural(b.count, "event")
        if spansOnly { text = "no events in view · " + Format.plural(spans.count, spans.allSatisfy(\.isCampaign) ? "campaign" : "span") + " over time" }
        if let baseline, baseline.buckets.indices.contains(v.offset + v.cursor) {
            let base = baseline.buckets[v.offset + v.cursor]
            text += " (baseline " + Format.count(base.count) + ", " + Format.delta(b.count - base.count) + ")"
        }
        let parts = b.byNexus.sorted { ($0.value, $1.key) > ($1.value, $0.key) }.prefix(4).map { "\($0.key.shortName) \($0.value)" }
        if !parts.isEmpty { text += " · " + parts.joined(separator: " · ") }
        if let p = v.series.reportPeriod, p.overlaps(b.range) { text += " · in report period" }
        buffer.put(text, x: area.x, y: area.y, style: Style(focused ? .accent : .text, attributes: .bold), maxWidth: area.width)

        let chart = Rect(x: chartX, y: area.y + 1, width: chartWidth, height: chartHeight)
        var maxCount = v.buckets.map(\.count).max() ?? 0
        var baselineValues: [Int]?
        if let baseline {
            let values = (0..<v.buckets.count).map { k in baseline.buckets.indices.contains(v.offset + k) ? baseline.buckets[v.offset + k].count : 0 }
            baselineValues = values
            maxCount = max(maxCount, values.max() ?? 0)
        }
        // Y axis: the scale in the gutter.
        if !spansOnly { buffer.putRight(Format.count(maxCount), maxX: chartX - 1, y: chart.y, style: Style(.muted), maxWidth: v.gutter - 1) }
        if chartHeight > 1 { buffer.putRight("0", maxX: chartX - 1, y: chart.maxY - 1, style: Style(.muted)) }
        if chartHeight > 2 {
            buffer.put("per " + v.series.granularity.rawValue, x: area.x, y: chart.y + chartHeight / 2, style: Style(.muted), maxWidth: v.gutter - 1)
        }
        // Report period behind the columns.
        if let p = v.series.reportPeriod {
            for (k, b) in v.buckets.enumerated() where p.overlaps(b.range) {
                let c = column(v, k)
                for dx in 0..<c.width { buffer.set(chartX + c.x + dx, chart.maxY - 1, Cell(g.track, style: Style(.barTrack))) }
            }
        }
        let styles = v.buckets.map { b -> Style in
            if let p = v.series.reportPeriod, p.overlaps(b.range) { return Style(.barFill, attributes: .bold) }
            return Style(.barFill)
        }
        ColumnChart(
            values: v.buckets.map(\.count), maxValue: maxCount, styles: styles,
            highlighted: !wall && (focused || own.day != nil) ? v.cursor : nil, glyphs: g, baseline: baselineValues
        ).render(into: &buffer, area: chart)
        // Axis: labels where the calendar turns (years; months when zoomed in).
        let axisY = chart.maxY
        var lastLabelEnd = chartX - 1
        for (k, b) in v.buckets.enumerated() {
            let c = b.range.start.components
            let label: String?
            switch v.series.granularity {
            case .year: label = String(c.year)
            case .quarter: label = c.month == 1 ? String(c.year) : nil
            case .month: label = c.month == 1 ? String(c.year) : (v.chartWidth >= v.buckets.count * 4 ? Day.monthAbbreviations[c.month - 1] : nil)
            case .week, .day: label = (c.day <= 7 && (v.series.granularity == .week || c.day == 1)) ? b.range.start.monthLabel : nil
            }
            let x = chartX + column(v, k).x
            if let label, x > lastLabelEnd, x + TextWidth.width(of: label) <= area.maxX {
                lastLabelEnd = x + buffer.put(label, x: x, y: axisY, style: Style(.muted))
            }
        }
        if !wall {
            let c = column(v, v.cursor)
            buffer.put(g.marker, x: chartX + c.x + (c.width - 1) / 2, y: axisY, style: Style(.accent, attributes: .bold))
        }
        // Report period bracket and publication markers.
        var nextRow = axisY + 1
        if periodRow > 0 && nextRow < area.maxY {
            if let p = v.series.reportPeriod {
                let first = v.buckets.firstIndex { $0.range.overlaps(p) }, last = v.buckets.lastIndex { $0.range.overlaps(p) }
                if let first, let last {
                    let x0 = chartX + column(v, first).x, x1 = max(x0, chartX + column(v, last).x + column(v, last).width - 1)
                    for x in x0...x1 { buffer.set(x, nextRow, Cell(g.box.horizontal, style: Style(.accent))) }
                    buffer.set(x0, nextRow, Cell(g.box.teeLeft, style: Style(.accent)))
                    buffer.set(x1, nextRow, Cell(g.box.teeRight, style: Style(.accent)))
                    let label = " report period " + p.description + " "
                    let lw = TextWidth.width(of: label, ascii: state.ascii)
                    if lw <= x1 - x0 - 1 {
                        buffer.put(label, x: x0 + (x1 - x0 + 1 - lw) / 2, y: nextRow, style: Style(.accent))
                    } else if x1 - x0 > 8 {
                        buffer.put(" period ", x: x0 + 1, y: nextRow, style: Style(.accent), maxWidth: x1 - x0 - 1)
                    }
                } else {
                    buffer.put("report period " + p.description + " is outside this view", x: chartX, y: nextRow, style: Style(.muted), maxWidth: chartWidth)
                }
            }
            for marker in v.series.markers {
                if let k = v.buckets.firstIndex(where: { $0.range.contains(marker.day) }) {
                    buffer.put(g.marker, x: chartX + column(v, k).x, y: nextRow, style: Style(.warning, attributes: .bold))
                }
            }
            buffer.put(v.series.reportPeriod != nil ? "period" : "", x: area.x, y: nextRow, style: Style(.muted), maxWidth: v.gutter - 1)
            nextRow += 1
        }
        // Spans: name in the gutter, a line over the buckets it covers.
        let selectedSpan = own.span
        let spanTop = spanRows > 0 ? max(0, min(selectedSpan - spanRows / 2, spans.count - spanRows)) : 0
        for (row, span) in spans.dropFirst(spanTop).prefix(spanRows).enumerated() {
            let y = nextRow + row
            let index = spanTop + row
            let selected = focused && index == selectedSpan
            let style = Style(Role.nexus(span.nexus.code), attributes: span.isCampaign ? .bold : [])
            let first = v.buckets.firstIndex { $0.range.overlaps(span.range) } ?? 0
            let last = v.buckets.lastIndex { $0.range.overlaps(span.range) } ?? 0
            let x0 = chartX + column(v, first).x, x1 = max(x0, chartX + column(v, last).x + column(v, last).width - 1)
            for x in x0...x1 where x < area.maxX { buffer.set(x, y, Cell(g.spanLine, style: style)) }
            if let range = v.range {
                if span.range.start < range.start { buffer.put(g.spanBefore, x: x0, y: y, style: style) }
                if span.range.end > range.end { buffer.put(g.spanAfter, x: min(area.maxX - 1, x1), y: y, style: style) }
            }
            buffer.put(span.name, x: area.x, y: y, style: Style(selected ? .accent : .text, attributes: selected ? .bold : []), maxWidth: v.gutter - 1)
            // The full name beside the line: after it when there is room, else before it.
            let label = span.name + " " + span.range.description
            let labelWidth = TextWidth.width(of: label, ascii: state.ascii)
            let after = x1 + 2
            let before = x0 - 1 - (chartX + 1)
            if area.maxX - after >= min(labelWidth, 24) || area.maxX - after >= before {
                if after + 4 < area.maxX { buffer.put(label, x: after, y: y, style: Style(.muted), maxWidth: area.maxX - after) }
            } else if before > 4 {
                let w = min(labelWidth, before)
                buffer.put(label, x: x0 - 1 - w, y: y, style: Style(.muted), maxWidth: w)
            }
            if selected { buffer.restyle(Rect(x: area.x, y: y, width: v.gutter - 1, height: 1)) { $0.on(.selection) } }
        }
        if spans.count > spanRows, nextRow + spanRows < area.maxY {
            buffer.put(
                "+\(spans.count - spanRows) more spans (\(g.arrowUp)\(g.arrowDown))", x: area.x, y: nextRow + spanRows, style: Style(.muted),
                maxWidth: area.width)
        }
    }
}

extension PaneID {
    /// The timeline pane.
    public static let timeline = TimelinePane.id
}
