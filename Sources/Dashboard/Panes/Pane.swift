import Reports
import ThreatModel
import TerminalUI

/// A pane's name, stable across runs (`--focus`, kiosk views, config): "actors", "events".
public struct PaneID: RawRepresentable, Hashable, Sendable, Comparable, CustomStringConvertible {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public init(_ rawValue: String) { self.rawValue = rawValue }
    public var description: String { rawValue }
    public static func < (a: PaneID, b: PaneID) -> Bool { a.rawValue < b.rawValue }
}

/// One pane of the dashboard, behind which every pane looks alike to the app: what it is
/// called, what the cursor can rest on, how it draws, which keys it takes.
/// Adding a pane is one file conforming to this, plus its line in `PaneRegistry`.
public protocol Pane {
    /// The pane's own state: cursor, scroll, its settings and what it derives from the data.
    associatedtype State: Sendable
    static var id: PaneID { get }
    /// Tab label and default frame title.
    static var title: String { get }
    /// A short tab label for narrow terminals.
    static var shortTitle: String { get }
    static var initialState: State { get }
    /// Pane-specific keys: they take precedence over the global ones while the pane has focus.
    static var bindings: [KeyBinding] { get }

    /// The frame title and the note on the right of the top border.
    static func frameTitle(_ state: AppState) -> String
    static func note(_ state: AppState) -> String
    /// Recomputes what the pane derives from the selection (after data, filter or size changed).
    static func derive(_ state: inout AppState)
    /// Keeps the cursor inside the items after a change.
    static func clamp(_ state: inout AppState)
    /// What Enter drills into and the detail pane describes, if the pane has a cursor.
    static func currentItem(_ state: AppState) -> Selectable?
    /// Runs a command meant for this pane; false when the pane does not handle it.
    static func perform(_ command: Command, _ state: inout AppState) -> Bool
    /// Another pane's cursor moved to `item`: a pane that shows the same thing may follow
    /// (the events table scrolls to the timeline's bucket).
    static func follow(_ state: inout AppState, item: Selectable?)
    /// Moves the cursor to what is drawn at (x, y) inside `area` (the pane's inner area);
    /// false when nothing selectable is there.
    static func click(x: Int, y: Int, area: Rect, _ state: inout AppState) -> Bool
    /// Puts the cursor on `item` when this pane lists it (search's Enter, n and N); false when not.
    static func select(_ item: Selectable, _ state: inout AppState) -> Bool
    /// The pane in words for linear mode: a heading and sentences, one per row that says something.
    static func spoken(_ state: AppState) -> SpokenPane
    static func render(_ state: AppState, into buffer: inout Buffer, area: Rect, focused: Bool)
    /// How many rows it has to show at its width, or why it has nothing (the layout folds
    /// an empty pane to one line). Asked after `derive`, when the data, filter or size changed.
    static func demand(_ state: AppState) -> PaneDemand
    /// The pane drawn for a wall: fewer rows, larger bars, no cursor or hints.
    static func renderWall(_ state: AppState, into buffer: inout Buffer, area: Rect)
}

extension Pane {
    public static var shortTitle: String { title }
    public static func note(_ state: AppState) -> String { "" }
    public static func frameTitle(_ state: AppState) -> String { title }
    public static func derive(_ state: inout AppState) {}
    public static func clamp(_ state: inout AppState) {}
    public static func currentItem(_ state: AppState) -> Selectable? { nil }
    public static func click(x: Int, y: Int, area: Rect, _ state: inout AppState) -> Bool { false }
    public static func follow(_ state: inout AppState, item: Selectable?) {}
    public static func select(_ item: Selectable, _ state: inout AppState) -> Bool { false }
    public static func demand(_ state: AppState) -> PaneDemand { .fill }
    public static func renderWall(_ state: AppState, into buffer: inout Buffer, area: Rect) {
        render(state, into: &buffer, area: area, focused: false)
    }

    /// This pane's state within the app state.
    static func state(_ s: AppState) -> State { s.paneStates[id] as? State ?? initialState }

    /// Changes this pane's state in place.
    static func modify(_ s: inout AppState, _ body: (inout State) -> Void) {
        var value = state(s)
        body(&value)
        s.paneStates[id] = value
    }

    /// The digit that focuses it (its place in the registry).
    public static var number: Int { (PaneRegistry.all.firstIndex { $0.id == id } ?? 0) + 1 }
}

/// Per-pane states, keyed by pane: each pane reads and writes only its own.
public struct PaneStates: Sendable {
    var values: [PaneID: any Sendable] = [:]
    public subscript(_ id: PaneID) -> (any Sendable)? {
        get { values[id] }
        set { values[id] = newValue }
    }
}
