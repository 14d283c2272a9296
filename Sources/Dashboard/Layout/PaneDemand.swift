/// How many rows a pane has something to show in at a width, or why it has nothing: the
/// layout gives rows where there is content, and folds an empty pane to one line.
public struct PaneDemand: Equatable, Sendable {
    /// Content rows inside the border; `Int.max` for a pane that uses whatever it gets.
    public var rows: Int
    /// Set when the pane has nothing to show: what is missing and what would fill it.
    public var empty: String?

    public init(rows: Int, empty: String? = nil) {
        self.rows = max(0, rows)
        self.empty = empty
    }

    /// A pane that can use any number of rows (a long list, a chart).
    public static let fill = PaneDemand(rows: Int.max)

    /// A pane with nothing to show, and why.
    public static func empty(_ reason: String) -> PaneDemand { PaneDemand(rows: 0, empty: reason) }

    /// Rows on screen with the border, capped so sums cannot overflow.
    var framedRows: Int { rows >= 10_000 ? 10_000 : rows + 2 }
}
