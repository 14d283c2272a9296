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
}

extension PaneID {
    /// The timeline pane.
    public static let timeline = TimelinePane.id
}
