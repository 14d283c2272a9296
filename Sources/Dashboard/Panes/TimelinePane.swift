import ThreatModel
import TerminalUI

/// Events per bucket as columns along a dated axis, the report period bracketed under it,
/// campaign spans as lines, and a cursor whose bucket is read out on the top line.
enum TimelinePane {
    /// What the pane shows at a given width: the buckets in view and where the cursor is.
    struct View {
        var series: TimelineSeries
        /// Buckets in view (a slice of `series.buckets` when zoomed in past the width).
        var buckets: [TimelineSeries.Bucket]
        var cursor: Int
        /// Cells the chart spans (buckets share them evenly).
        var chartWidth: Int
        var gutter: Int
        /// Index of the first visible bucket in `series.buckets`.
        var offset: Int
        var range: DayRange
    }

    static func gutter(width: Int) -> Int { min(16, max(6, width / 6)) }

    static func view(_ state: AppState, width: Int) -> View {
        let gutter = gutter(width: width)
        let slots = max(1, width - gutter)
        let key = TimelineCache.Key(generation: state.generation, slots: slots, granularity: state.timelineGranularity)
        let series = state.timelineCache.series(key) {
            TimelineSeries.compute(state.dataset, selection: state.selection, granularity: state.timelineGranularity, slots: slots)
        }
        let all = series.buckets
        // Cursor: the bucket holding the remembered day, else the last bucket with data.
        var cursor = all.count - 1
        if let day = state.timelineCursor, let k = all.firstIndex(where: { $0.range.contains(day) }) {
            cursor = k
        } else if let k = all.lastIndex(where: { $0.count > 0 }) {
            cursor = k
        } else if day(before: all, state.timelineCursor) {
            cursor = 0
        }
        cursor = max(0, cursor)
        var start = 0
        if all.count > slots {
            start = max(0, min(cursor - slots / 2, all.count - slots))
        }
        let visible = Array(all.dropFirst(start).prefix(slots))
        let range = visible.isEmpty ? series.window : DayRange(start: visible.first!.range.start, end: visible.last!.range.end)
        // A handful of buckets does not stretch into slabs: at most six cells each.
        let chartWidth = min(slots, max(1, visible.count) * 6)
        return View(series: series, buckets: visible, cursor: cursor - start, chartWidth: chartWidth, gutter: gutter, offset: start, range: range)
    }

    /// Where bucket `k` sits in the chart: left edge relative to the chart and width.
    static func column(_ v: View, _ k: Int) -> (x: Int, width: Int) {
        ColumnChart.column(k, of: v.buckets.count, width: v.chartWidth)
    }

    /// The bucket under chart column `x` (relative), if any.
    static func bucket(at x: Int, _ v: View) -> Int? {
        guard x >= 0, x < v.chartWidth, !v.buckets.isEmpty else { return nil }
        let k = x * v.buckets.count / v.chartWidth
        return min(v.buckets.count - 1, max(0, k))
    }

    private static func day(before buckets: [TimelineSeries.Bucket], _ day: Day?) -> Bool {
        guard let day, let first = buckets.first else { return false }
        return day < first.range.start
    }

    /// Spans (campaigns, long events) in view, for ↑↓ and Enter, in the series' order: named
    /// campaigns and real reporting first, generated (synthetic) activity last.
    static func spans(_ view: View) -> [TimelineSeries.Span] {
        view.series.spans.filter { $0.range.overlaps(view.range) }
    }

    static func render(_ state: AppState, into buffer: inout Buffer, area: Rect, focused: Bool) {
        guard !area.isEmpty else { return }
        let g = state.glyphs
        let v = view(state, width: area.width)
        let chartX = area.x + v.gutter
        let chartWidth = v.chartWidth
        let spans = spans(v)
        // Rows: readout, chart, axis, period; spans take what is left.
        let periodRow = v.series.reportPeriod != nil || !v.series.markers.isEmpty ? 1 : 0
        let spanRoom = max(0, area.height - 1 - 3 - 1 - periodRow)
        let spanRows = min(spans.count, max(0, min(spanRoom, area.height / 3)))
        let chartHeight = max(1, area.height - 1 - 1 - periodRow - spanRows)

        // Readout of the cursor bucket.
        if v.buckets.indices.contains(v.cursor) {
            let b = v.buckets[v.cursor]
            var text = v.series.granularity.label(b.range) + ": " + Format.count(b.count) + (b.count == 1 ? " event" : " events")
            let parts = b.byNexus.sorted { ($0.value, $1.key) > ($1.value, $0.key) }.prefix(4).map { "\($0.key.shortName) \($0.value)" }
            if !parts.isEmpty { text += " · " + parts.joined(separator: " · ") }
            if let p = v.series.reportPeriod, p.overlaps(b.range) { text += " · in report period" }
            buffer.put(text, x: area.x, y: area.y, style: Style(focused ? .accent : .text, attributes: .bold), maxWidth: area.width)
        } else {
            buffer.put("No dated events in view.", x: area.x, y: area.y, style: Style(.muted), maxWidth: area.width)
        }
        let chart = Rect(x: chartX, y: area.y + 1, width: chartWidth, height: chartHeight)
        let maxCount = v.buckets.map(\.count).max() ?? 0
        // Y axis: the scale in the gutter.
        buffer.putRight(Format.count(maxCount), maxX: chartX - 1, y: chart.y, style: Style(.muted))
        if chartHeight > 1 { buffer.putRight("0", maxX: chartX - 1, y: chart.maxY - 1, style: Style(.muted)) }
        if chartHeight > 2 { buffer.put("per " + v.series.granularity.rawValue, x: area.x, y: chart.y + chartHeight / 2, style: Style(.muted), maxWidth: v.gutter - 1) }
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
        ColumnChart(values: v.buckets.map(\.count), maxValue: maxCount, styles: styles,
                    highlighted: focused || state.timelineCursor != nil ? v.cursor : nil, glyphs: g).render(into: &buffer, area: chart)
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
        if v.buckets.indices.contains(v.cursor) {
            let c = column(v, v.cursor)
            buffer.put(g.marker, x: chartX + c.x + (c.width - 1) / 2, y: axisY, style: Style(.accent, attributes: .bold))
        }
        // Report period bracket and publication markers.
        var nextRow = axisY + 1
        if periodRow > 0 {
            if let p = v.series.reportPeriod {
                let first = v.buckets.firstIndex { $0.range.overlaps(p) }, last = v.buckets.lastIndex { $0.range.overlaps(p) }
                if let first, let last {
                    let x0 = chartX + column(v, first).x, x1 = chartX + column(v, last).x + column(v, last).width - 1
                    for x in x0...max(x0, x1) { buffer.set(x, nextRow, Cell(g.box.horizontal, style: Style(.accent))) }
                    buffer.set(x0, nextRow, Cell(g.box.teeLeft, style: Style(.accent)))
                    buffer.set(max(x0, x1), nextRow, Cell(g.box.teeRight, style: Style(.accent)))
                    let label = " report period " + p.description + " "
                    let lw = TextWidth.width(of: label, ascii: state.ascii)
                    if lw <= x1 - x0 - 1 { buffer.put(label, x: x0 + (x1 - x0 + 1 - lw) / 2, y: nextRow, style: Style(.accent)) } else if x1 - x0 > 8 {
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
        let spanTop = spanRows > 0 ? max(0, min(state.timelineSpan - spanRows / 2, spans.count - spanRows)) : 0
        for (row, span) in spans.dropFirst(spanTop).prefix(spanRows).enumerated() {
            let y = nextRow + row
            let index = spanTop + row
            let selected = focused && index == state.timelineSpan
            let style = Style(Role.nexus(span.nexus.code), attributes: span.isCampaign ? .bold : [])
            let first = v.buckets.firstIndex { $0.range.overlaps(span.range) } ?? 0
            let last = v.buckets.lastIndex { $0.range.overlaps(span.range) } ?? 0
            let x0 = chartX + column(v, first).x, x1 = chartX + column(v, last).x + column(v, last).width - 1
            for x in x0...max(x0, x1) where x < area.maxX { buffer.set(x, y, Cell(g.spanLine, style: style)) }
            if span.range.start < v.range.start { buffer.put("◂", x: x0, y: y, style: style) }
            if span.range.end > v.range.end { buffer.put("▸", x: min(area.maxX - 1, x1), y: y, style: style) }
            // The name sits in the gutter, and on the line itself when there is room after it.
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
        if spans.count > spanRows, spanRows >= 0, nextRow + spanRows < area.maxY {
            buffer.put("+\(spans.count - spanRows) more spans (\(g.arrowUp)\(g.arrowDown))", x: area.x, y: nextRow + spanRows, style: Style(.muted), maxWidth: area.width)
        }
    }
}
