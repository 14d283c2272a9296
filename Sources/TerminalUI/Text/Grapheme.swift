/// One cell's worth of text after sanitising: a grapheme cluster and its display width (1 or 2).
public struct Grapheme: Hashable, Sendable {
    public var text: String
    public var width: Int

    public init(_ text: String, width: Int) {
        self.text = text
        self.width = width
    }

    public static let space = Grapheme(" ", width: 1)
}
