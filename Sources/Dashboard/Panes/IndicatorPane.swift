import Analysis
import Reports
import TerminalUI
import ThreatModel

/// The MISP indicators in view (every attribute and object attribute of the events in view) as
/// a table: type, value (defanged: `hxxp://evil[.]example`), category, to_ids, event, org, first
/// and last seen, tags. Sortable by any column; Enter pivots to the events that hold the value
/// (`ioc:`), `f` keeps only the selected indicator's type (`type:`), `y` copies the value.
public enum IndicatorPane: Pane {
    public enum Column: Int, CaseIterable, Sendable {
        case event, type, value, category, ids, org, firstSeen, lastSeen, tags

        var title: String {
            switch self {
            case .event: return "event"
            case .type: return "type"
            case .value: return "value"
            case .category: return "category"
            case .ids: return "ids"
            case .org: return "org"
            case .firstSeen: return "first seen"
            case .lastSeen: return "last seen"
            case .tags: return "tags"
            }
        }
    }

    public struct State: CursorState {
        public var cursor = 0
        public var sortColumn: Column = .event
        public var descending = false
        /// Indicator positions in view, in the table's order.
        public var order: [Int] = []
        /// Indicators in view per type, most first.
        public var types: [IndicatorCount] = []
    }

    /// How many indicators of one type are in view.
    public struct IndicatorCount: Hashable, Sendable {
        public var type: String
        public var count: Int
    }

    public static let id = PaneID("indicators")
    public static let title = "Indicators"
    /// Short enough that seven tabs fit 80 columns.
    public static let shortTitle = "IOC"
    public static let initialState = State()

    public static let bindings: [KeyBinding] = [
        KeyBinding([.up, .character("k"), .down, .character("j")], "↑ ↓  k j", nil, "select an indicator", hint: "↑↓ indicator"),
        KeyBinding(
            [.character("s")], "s", .sort, "sort by the next column (event, type, value, category, ids, org, first seen, last seen, tags)",
            hint: "s sort"),
        KeyBinding([.character("S")], "S", .reverseSort, "reverse the sort", hint: "S reverse"),
        KeyBinding([.character("f")], "f", .filterType, "only indicators of the selected one's type (a type: chip)", hint: "f type"),
    ]

    public static func frameTitle(_ state: AppState) -> String {
        "Indicators in view (" + Format.count(self.state(state).order.count) + ")"
    }

    public static func note(_ state: AppState) -> String {
        let s = self.state(state)
        let types = s.types.prefix(3).map { $0.type + " " + Format.count($0.count) }.joined(separator: ", ")
        return (types.isEmpty ? "" : types + (s.types.count > 3 ? ", …" : "") + " · ") + "by " + s.sortColumn.title + (s.descending ? " ↓" : " ↑")
    }

    public static func derive(_ state: inout AppState) {
        let s = self.state(state)
        let positions = IndicatorsInView.positions(state.dataset, state.selection)
        let order = sorted(state.dataset, positions, column: s.sortColumn, descending: s.descending)
        let types = IndicatorsInView.countsByType(state.dataset, positions).map { IndicatorCount(type: $0.type, count: $0.count) }
        modify(&state) {
            $0.order = order
            $0.types = types
        }
    }

    static func sorted(_ d: Dataset, _ positions: [Int], column: Column, descending: Bool) -> [Int] {
        var order = positions
        if column != .event {
            // Keys once per indicator, then a stable sort with the file's order as the tie-break.
            let keys = order.map { sortKey(column, d.indicators[$0]) }
            order = Array(order.indices).sorted { (keys[$0], $0) < (keys[$1], $1) }.map { order[$0] }
        }
        return descending ? order.reversed() : order
    }

    static func sortKey(_ column: Column, _ i: Indicator) -> String {
        switch column {
        case .event: return ""
        case .type: return i.type.lowercased()
        case .value: return i.value.lowercased()
        case .category: return i.category.lowercased()
        case .ids: return i.toIDS ? "0" : "1"
        case .org: return (i.org ?? "").lowercased()
        case .firstSeen: return i.firstSeen ?? "~"
        case .lastSeen: return i.lastSeen ?? "~"
        case .tags: return i.tags.joined(separator: ",").lowercased()
        }
    }

    public static func clamp(_ state: inout AppState) {
        let count = self.state(state).order.count
        modify(&state) { $0.cursor = min(max(0, $0.cursor), max(0, count - 1)) }
    }

    public static func currentItem(_ state: AppState) -> Selectable? {
        let s = self.state(state)
        guard s.order.indices.contains(s.cursor) else { return nil }
        let k = s.order[s.cursor]
        return .indicator(k, value: state.dataset.indicators[k].value)
    }

    public static func perform(_ command: Command, _ state: inout AppState) -> Bool {
        switch command {
        case .sort:
            modify(&state) { s in
                s.sortColumn = Column(rawValue: (s.sortColumn.rawValue + 1) % Column.allCases.count) ?? .event
                s.descending = false
                s.cursor = 0
            }
            derive(&state)
            return true
        case .reverseSort:
            modify(&state) {
                $0.descending.toggle()
                $0.cursor = 0
            }
            derive(&state)
            return true
        case .filterType:
            guard case .indicator(let k, _) = currentItem(state) else { return true }
            let chip = Filter.Chip.pivot(.type(state.dataset.indicators[k].type.lowercased()))
            guard !state.filter.chips.contains(chip) else { return true }
            state.filter = state.filter.pushing(chip)
            modify(&state) { $0.cursor = 0 }
            state.refresh()
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

    /// Search's Enter, n and N: the indicator, when it is in view.
    public static func select(_ item: Selectable, _ state: inout AppState) -> Bool {
        guard case .indicator(let k, _) = item, let row = self.state(state).order.firstIndex(of: k) else { return false }
        modify(&state) { $0.cursor = row }
        return true
    }

    public static func click(x: Int, y: Int, area: Rect, _ state: inout AppState) -> Bool {
        let s = self.state(state)
        let top = LineList.top(lineCount: s.order.count, height: area.height - 1, cursorLine: s.cursor, anchorLine: state.scrollAnchor(id))
        let k = top + (y - area.y - 1)
        guard y > area.y, s.order.indices.contains(k) else { return false }
        modify(&state) { $0.cursor = k }
        return true
    }
}

extension PaneID {
    /// The indicators pane.
    public static let indicators = IndicatorPane.id
}
