/// One terminal cell: a grapheme, its display width and its style role.
///
/// A wide grapheme occupies two cells: the first holds it (width 2), the second is a
/// continuation (empty text, width 0) that backends skip.
public struct Cell: Hashable, Sendable {
    public var text: String
    public var width: UInt8
    public var style: Style

    public init(_ text: String = " ", width: UInt8 = 1, style: Style = .plain) {
        self.text = text
        self.width = width
        self.style = style
    }

    public static let blank = Cell()

    public var isContinuation: Bool { width == 0 }
}
