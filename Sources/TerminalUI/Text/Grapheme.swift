/// One cell's worth of text after sanitising: a base character with any combining marks,
/// as up to eight UTF-8 bytes (like `Cell`), and its display width (1 or 2).
public struct Grapheme: Hashable, Sendable {
    public var packed: UInt64
    public var width: Int

    public init(_ text: String, width: Int) {
        packed = Cell.pack(text)
        self.width = width
    }

    init(packed: UInt64, width: Int) {
        self.packed = packed
        self.width = width
    }

    @inline(__always)
    static func ascii(_ byte: UInt8) -> Grapheme { Grapheme(packed: UInt64(byte), width: 1) }

    public var text: String { Cell(packed: packed, width: 1, style: .plain).text }
    public var isSpace: Bool { packed == 0x20 }

    public static let space = Grapheme.ascii(0x20)
}
