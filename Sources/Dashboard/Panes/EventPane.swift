import Reports
import ThreatModel
import TerminalUI

/// The events in view as a table (date or span, actors, nexus, sectors, regions, kind,
/// summary, source), sortable by any column, following every filter; when the timeline's
/// cursor moves, the table scrolls to the first event of that bucket.
public enum EventPane: Pane {
    public enum Column: Int, CaseIterable, Sendable {
        case date, actors, nexus, sectors, regions, kind, summary, source

        var title: String {
            switch self {
            case .date: return "date"
            case .actors: return "actors"
            case .nexus: return "nexus"
            case .sectors: return "sectors"
            case .regions: return "regions"
            case .kind: return "kind"
            case .summary: return "summary"
            case .source: return "source"
            }
        }
    }

    public struct State: CursorState {
        public var cursor = 0
        public var sortColumn: Column = .date
        public var descending = false
        /// Event indices in view, in the table's order.
        public var order: [Int] = []
    }

    public static let id = PaneID("events")
    public static let title = "Events"
    public static let initialState = State()

    public static let bindings: [KeyBinding] = [
        KeyBinding([.up, .character("k"), .down, .character("j")], "↑ ↓  k j", nil, "select an event", hint: "↑↓ event"),
        KeyBinding([.character("s")], "s", .sort, "sort by the next column (date, actors, nexus, sectors, regions, kind, summary, source)", hint: "s sort"),
        KeyBinding([.character("S")], "S", .reverseSort, "reverse the sort", hint: "S reverse"),
    ]

    public static func frameTitle(_ state: AppState) -> String {
        "Events in view (" + Format.count(state.selection.eventIndices.count) + ")"
    }

    public static func note(_ state: AppState) -> String {
        let s = self.state(state)
        return "by " + s.sortColumn.title + (s.descending ? " ↓" : " ↑")
    }

    public static func derive(_ state: inout AppState) {
        let s = self.state(state)
        let order = sorted(state, column: s.sortColumn, descending: s.descending)
        modify(&state) { $0.order = order }
    }

    static func sorted(_ state: AppState, column: Column, descending: Bool) -> [Int] {
        let d = state.dataset
        var order = state.selection.eventIndices
        func key(_ i: Int) -> String {
            let e = d.events[i]
            switch column {
            case .date: return ""
            case .actors: return e.actorIDs.compactMap { d.actor($0)?.name.lowercased() }.joined(separator: ",")
            case .nexus: return e.nexus.name
            case .sectors: return e.sectors.map(Vocabulary.sectorName).joined(separator: ",")
            case .regions: return e.targetRegions.map(Vocabulary.regionName).joined(separator: ",")
            case .kind: return e.kind.rawValue
            case .summary: return e.summary.lowercased()
            case .source: return sourceLabel(e)
            }
        }
        if column != .date {
            // Keys once per event, then a stable sort with date order as the tie-break.
            let keys = order.map(key)
            let positions = Array(order.indices).sorted { (keys[$0], $0) < (keys[$1], $1) }
            order = positions.map { order[$0] }
        }
        return descending ? order.reversed() : order
    }

    static func sourceLabel(_ e: Event) -> String {
        guard let p = e.provenance.first else { return "" }
        return p.reference?.title ?? p.source ?? p.file
    }

    public static func clamp(_ state: inout AppState) {
        let count = self.state(state).order.count
        modify(&state) { $0.cursor = min(max(0, $0.cursor), max(0, count - 1)) }
    }

    public static func currentItem(_ state: AppState) -> Selectable? {
        let s = self.state(state)
        guard s.order.indices.contains(s.cursor) else { return nil }
        return .event(state.dataset.events[s.order[s.cursor]].id)
    }

    public static func perform(_ command: Command, _ state: inout AppState) -> Bool {
        switch command {
        case .sort:
            modify(&state) { s in
                s.sortColumn = Column(rawValue: (s.sortColumn.rawValue + 1) % Column.allCases.count) ?? .date
                s.descending = false
                s.cursor = 0
            }
            derive(&state)
            return true
        case .reverseSort:
            modify(&state) {
                $0.descending.toggle(); $0.cursor = 0
            }
            derive(&state)
            return true
        case .left, .right:
            return true
        default:
            let page = max(1, FrameLayout.inner(of: id, in: state).height - 2)
            guard let c = LineList.step(command, cursor: self.state(state).cursor, count: self.state(state).order.count, page: page) else { return false }
            modify(&state) { $0.cursor = c }
            return true
        }
    }

    /// Follows the timeline: its bucket's first event comes under the cursor.
    public static func follow(_ state: inout AppState, item: Selectable?) {
        guard case .bucket(let range, _) = item else { return }
        let s = self.state(state)
        // On the index's day columns: reading a million events' spans out of the events
        // themselves was most of a timeline key press.
        let index = state.dataset.index
        let (first, last) = (range.start.ordinal, range.end.ordinal)
        guard
            let k = s.order.firstIndex(where: { i in
                let a = Int(index.eventStart[i])
                return a <= last && a + Int(index.eventLength[i]) - 1 >= first
            })
        else { return }
        modify(&state) { $0.cursor = k }
    }

    public static func click(x: Int, y: Int, area: Rect, _ state: inout AppState) -> Bool {
        let rows = area.height - 1
        let s = self.state(state)
        let top = LineList.top(lineCount: s.order.count, height: rows, cursorLine: s.cursor, anchorLine: state.scrollAnchor(id))
        let k = top + (y - area.y - 1)
        guard y > area.y, s.order.indices.contains(k) else { return false }
        modify(&state) { $0.cursor = k }
        return true
    }

    /// Column widths for a content width: summary takes the rest; columns that do not fit go.
    static func layout(width: Int) -> [(Column, Int)] {
        var columns: [(Column, Int)] = [(.date, 23), (.kind, 12), (.nexus, 9), (.actors, 20), (.sectors, 16), (.regions, 14), (.source, 18)]
        let summaryMinimum = 16
        func used(_ c: [(Column, Int)]) -> Int { c.reduce(0) { $0 + $1.1 + 1 } }
        for drop in [Column.source, .regions, .sectors, .kind] where used(columns) + summaryMinimum > width {
            columns.removeAll { $0.0 == drop }
        }
        if used(columns) + summaryMinimum > width, let k = columns.firstIndex(where: { $0.0 == .actors }) { columns[k].1 = 12 }
        if used(columns) + summaryMinimum > width, let k = columns.firstIndex(where: { $0.0 == .date }) { columns[k].1 = 10 }
        let summary = max(0, width - used(columns))
        // Summary before the source column, as people read a row.
        var out = columns.filter { $0.0 != .source }
        out.append((.summary, summary))
        if let source = columns.first(where: { $0.0 == .source }) { out.append(source) }
        return out
    }

    static func cell(_ column: Column, _ e: Event, _ d: Dataset) -> String {
        switch column {
        case .date: return e.span.description
        case .actors: return e.actorIDs.compactMap { d.actor($0)?.name }.joined(separator: ", ")
        case .nexus: return e.nexus.shortName
        case .sectors: return e.sectors.map(Vocabulary.sectorName).joined(separator: ", ")
        case .regions: return e.targetRegions.map(Vocabulary.regionName).joined(separator: ", ")
        case .kind: return e.kind.rawValue
        case .summary: return e.summary
        case .source: return sourceLabel(e)
        }
    }

    public static func render(_ state: AppState, into buffer: inout Buffer, area: Rect, focused: Bool) {
        guard !area.isEmpty else { return }
        let s = self.state(state)
        let d = state.dataset
        let content = LineList.content(area)
        guard !s.order.isEmpty else {
            buffer.put(
                d.events.isEmpty ? "No events in the loaded data." : "No events in view.", x: content.x, y: area.y, style: Style(.muted),
                maxWidth: content.width)
            return
        }
        SortedTable.render(
            columns: layout(width: content.width), title: \.title, sortColumn: s.sortColumn, descending: s.descending, rowCount: s.order.count,
            cursor: s.cursor, anchor: state.scrollAnchor(id), focused: focused, glyphs: state.glyphs, into: &buffer, area: area, content: content
        ) { k in
            let e = d.events[s.order[k]]
            let synthetic = e.provenance.contains { $0.synthetic }
            return { column in
                switch column {
                case .nexus: return (cell(column, e, d), Style(Role.nexus(e.nexus.code)))
                case .date: return (cell(column, e, d), Style(.text, attributes: .bold))
                default: return (cell(column, e, d), Style(synthetic ? .muted : .text))
                }
            }
        }
    }
}

extension PaneID {
    /// The events pane.
    public static let events = EventPane.id
}
