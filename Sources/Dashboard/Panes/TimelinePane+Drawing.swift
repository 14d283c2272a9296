import Analysis
import Reports
import TerminalUI
import ThreatModel

extension TimelinePane {
    /// Rows from the top: the cursor bucket's readout, the chart, the axis, the report
    /// period; campaign and long-event spans take what is left.
    struct Rows {
        let periodRow: Int
        /// No events in view but campaigns (ATT&CK, one actor): no chart of zeros; the
        /// campaigns' lines over the axis take the room.
        let spansOnly: Bool
        let spanRows: Int
        let chartHeight: Int

        init(_ v: View, spans: Int, hasBaseline: Bool, height: Int) {
            periodRow = v.series.reportPeriod != nil || !v.series.markers.isEmpty ? 1 : 0
            spansOnly = spans > 0 && !hasBaseline && v.buckets.allSatisfy { $0.count == 0 }
            let spanRoom = max(0, height - (spansOnly ? 2 : 5) - periodRow)
            // Without a chart every row below the axis is a span's, less one for "+N more".
            spanRows = spansOnly ? (spans <= spanRoom ? spans : max(0, spanRoom - 1)) : min(spans, max(0, min(spanRoom, height / 3)))
            chartHeight = spansOnly ? 0 : max(1, height - 1 - 1 - periodRow - spanRows)
        }
    }

    static func draw(_ state: AppState, into buffer: inout Buffer, area: Rect, focused: Bool, wall: Bool) {
        guard !area.isEmpty else { return }
        let own = self.state(state)
        let v = view(state)
        guard !v.buckets.isEmpty else {
            let nothing = state.dataset.events.isEmpty && state.dataset.campaigns.isEmpty
            buffer.put(
                nothing ? "No dated events or campaigns in the loaded data." : "No dated events in view.", x: area.x, y: area.y, style: Style(.muted),
                maxWidth: area.width)
            return
        }
        let spans = wall ? SpansInView(all: [], positions: []) : spans(v)
        let rows = Rows(v, spans: spans.count, hasBaseline: own.baseline != nil, height: area.height)
        let readout = readout(v, spans: spans, baseline: own.baseline, spansOnly: rows.spansOnly)
        buffer.put(readout, x: area.x, y: area.y, style: Style(focused ? .accent : .text, attributes: .bold), maxWidth: area.width)
        let chart = Rect(x: area.x + v.gutter, y: area.y + 1, width: v.chartWidth, height: rows.chartHeight)
        let highlighted = !wall && (focused || own.day != nil) ? v.cursor : nil
        drawChart(v, baseline: own.baseline, spansOnly: rows.spansOnly, highlighted: highlighted, glyphs: state.glyphs, in: chart, area: area, into: &buffer)
        drawAxis(v, y: chart.maxY, chartX: chart.x, area: area, marker: wall ? nil : state.glyphs.marker, into: &buffer)
        var nextRow = chart.maxY + 1
        if rows.periodRow > 0 && nextRow < area.maxY {
            drawPeriod(v, y: nextRow, chartX: chart.x, area: area, glyphs: state.glyphs, ascii: state.ascii, into: &buffer)
            nextRow += 1
        }
        drawSpans(
            spans, rows: rows.spanRows, selected: focused ? own.span : nil, around: own.span, v, top: nextRow, chartX: chart.x, area: area, state: state,
            into: &buffer)
    }

    /// The cursor bucket's readout (its count is the bucket's own: events overlapping it).
    static func readout(_ v: View, spans: SpansInView, baseline: TimelineSeries?, spansOnly: Bool) -> String {
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
        return text
    }

    /// The columns, the baseline's beside them, the report period behind them, the scale in the gutter.
    static func drawChart(
        _ v: View, baseline: TimelineSeries?, spansOnly: Bool, highlighted: Int?, glyphs g: GlyphSet, in chart: Rect, area: Rect, into buffer: inout Buffer
    ) {
        let chartX = chart.x
        var maxCount = v.buckets.map(\.count).max() ?? 0
        var baselineValues: [Int]?
        if let baseline {
            let values = (0..<v.buckets.count).map { k in baseline.buckets.indices.contains(v.offset + k) ? baseline.buckets[v.offset + k].count : 0 }
            baselineValues = values
            maxCount = max(maxCount, values.max() ?? 0)
        }
        // Y axis: the scale in the gutter.
        if !spansOnly { buffer.putRight(Format.count(maxCount), maxX: chartX - 1, y: chart.y, style: Style(.muted), maxWidth: v.gutter - 1) }
        if chart.height > 1 { buffer.putRight("0", maxX: chartX - 1, y: chart.maxY - 1, style: Style(.muted)) }
        if chart.height > 2 {
            buffer.put("per " + v.series.granularity.rawValue, x: area.x, y: chart.y + chart.height / 2, style: Style(.muted), maxWidth: v.gutter - 1)
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
            values: v.buckets.map(\.count), maxValue: maxCount, styles: styles, highlighted: highlighted, glyphs: g, baseline: baselineValues
        ).render(into: &buffer, area: chart)
    }

    /// Labels where the calendar turns (years; months when zoomed in) and the cursor's marker.
    static func drawAxis(_ v: View, y axisY: Int, chartX: Int, area: Rect, marker: String?, into buffer: inout Buffer) {
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
        if let marker {
            let c = column(v, v.cursor)
            buffer.put(marker, x: chartX + c.x + (c.width - 1) / 2, y: axisY, style: Style(.accent, attributes: .bold))
        }
    }

    /// The report period's bracket and the publication markers.
    static func drawPeriod(_ v: View, y: Int, chartX: Int, area: Rect, glyphs g: GlyphSet, ascii: Bool, into buffer: inout Buffer) {
        if let p = v.series.reportPeriod {
            let first = v.buckets.firstIndex { $0.range.overlaps(p) }, last = v.buckets.lastIndex { $0.range.overlaps(p) }
            if let first, let last {
                let x0 = chartX + column(v, first).x, x1 = max(x0, chartX + column(v, last).x + column(v, last).width - 1)
                for x in x0...x1 { buffer.set(x, y, Cell(g.box.horizontal, style: Style(.accent))) }
                buffer.set(x0, y, Cell(g.box.teeLeft, style: Style(.accent)))
                buffer.set(x1, y, Cell(g.box.teeRight, style: Style(.accent)))
                let label = " report period " + p.description + " "
                let lw = TextWidth.width(of: label, ascii: ascii)
                if lw <= x1 - x0 - 1 {
                    buffer.put(label, x: x0 + (x1 - x0 + 1 - lw) / 2, y: y, style: Style(.accent))
                } else if x1 - x0 > 8 {
                    buffer.put(" period ", x: x0 + 1, y: y, style: Style(.accent), maxWidth: x1 - x0 - 1)
                }
            } else {
                buffer.put("report period " + p.description + " is outside this view", x: chartX, y: y, style: Style(.muted), maxWidth: v.chartWidth)
            }
        }
        for marker in v.series.markers {
            if let k = v.buckets.firstIndex(where: { $0.range.contains(marker.day) }) {
                buffer.put(g.marker, x: chartX + column(v, k).x, y: y, style: Style(.warning, attributes: .bold))
            }
        }
        buffer.put(v.series.reportPeriod != nil ? "period" : "", x: area.x, y: y, style: Style(.muted), maxWidth: v.gutter - 1)
    }

    /// Spans: name in the gutter, a line over the buckets each covers, the full name beside it;
    /// `rows` of them around span `around`, then "+N more".
    static func drawSpans(
        _ spans: SpansInView, rows spanRows: Int, selected selectedSpan: Int?, around: Int, _ v: View, top nextRow: Int, chartX: Int, area: Rect,
        state: AppState, into buffer: inout Buffer
    ) {
        let g = state.glyphs
        let spanTop = spanRows > 0 ? max(0, min(around - spanRows / 2, spans.count - spanRows)) : 0
        for (row, span) in spans.dropFirst(spanTop).prefix(spanRows).enumerated() {
            let y = nextRow + row
            let selected = spanTop + row == selectedSpan
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
