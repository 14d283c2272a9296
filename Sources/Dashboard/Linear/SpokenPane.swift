/// A pane in words, for linear mode (screen readers and braille displays): a heading, then
/// sentences, each saying what one row of the pane says; rows the cursor can rest on name
/// their item, so the focused one can be read out after every key.
public struct SpokenPane: Equatable, Sendable {
    public var heading: String
    public var lines: [SpokenLine]
    /// Rows the cursor can rest on, when `lines` holds only some of them (a long table).
    public var itemCount: Int?

    public init(heading: String, lines: [SpokenLine], itemCount: Int? = nil) {
        self.heading = heading
        self.lines = lines
        self.itemCount = itemCount
    }

    /// The sentence for `item`, with its place among the pane's items: "…, 3 of 12."
    public func line(for item: Selectable?) -> String? {
        guard let item, let k = lines.firstIndex(where: { $0.item == item }) else { return nil }
        let line = lines[k]
        let position = line.position ?? lines[...k].filter { $0.item != nil }.count
        let count = itemCount ?? lines.filter { $0.item != nil }.count
        return line.text + " " + Spoken.ordinal(position, of: count)
    }
}

/// One sentence of a spoken pane: a heading of a group, or a row (with the item it shows).
public struct SpokenLine: Equatable, Sendable {
    public var text: String
    public var item: Selectable?
    /// The row's place among the pane's items (1-based) when the pane speaks only some rows.
    public var position: Int?
    public var isHeading: Bool

    public init(_ text: String, item: Selectable? = nil, position: Int? = nil) {
        self.text = Spoken.clean(text)
        self.item = item
        self.position = position
        isHeading = false
    }

    /// A heading over the rows that follow.
    public static func heading(_ text: String) -> SpokenLine {
        var line = SpokenLine(text)
        line.isHeading = true
        return line
    }
}
