/// One terminal cell: a grapheme, its display width and its style role.
///
/// A wide grapheme occupies two cells: the first holds it (width 2), the second is a
/// continuation (empty text, width 0) that backends skip. The grapheme is stored as up to
/// eight UTF-8 bytes in an integer (`TerminalText` never makes longer clusters), so a cell
/// is plain data: a 200×60 frame copies and compares without reference counting.
public struct Cell: Hashable, Sendable {
    /// UTF-8 bytes of the grapheme, first byte lowest; 0 for a continuation.
    public private(set) var packed: UInt64
    public var width: UInt8
    public var style: Style

    /// The most UTF-8 bytes a cell holds.
    public static let capacity = 8

    public init(_ text: String = " ", width: UInt8 = 1, style: Style = .plain) {
        packed = Cell.pack(text)
        self.width = width
        self.style = style
    }

    init(packed: UInt64, width: UInt8, style: Style) {
        self.packed = packed
        self.width = width
        self.style = style
    }

    /// A one-byte ASCII cell, without going through `String`.
    @inline(__always)
    static func ascii(_ byte: UInt8, style: Style) -> Cell { Cell(packed: UInt64(byte), width: 1, style: style) }

    public static let blank = Cell()

    public var isContinuation: Bool { width == 0 }

    public var text: String {
        var bytes: [UInt8] = []
        var p = packed
        while p != 0 {
            bytes.append(UInt8(truncatingIfNeeded: p))
            p >>= 8
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The grapheme's Unicode scalars, decoded straight from the packed bytes (for backends
    /// that take wide characters).
    public func forEachScalar(_ body: (UInt32) -> Void) {
        var p = packed
        while p != 0 {
            let b0 = UInt32(p & 0xFF)
            let length = b0 < 0x80 ? 1 : b0 < 0xE0 ? 2 : b0 < 0xF0 ? 3 : 4
            var value = length == 1 ? b0 : b0 & (0xFF >> UInt32(length + 1))
            for k in 1..<max(1, length) { value = value << 6 | UInt32((p >> UInt64(8 * k)) & 0x3F) }
            body(value)
            p >>= UInt64(8 * length)
        }
    }

    /// The grapheme's scalar when it is exactly one, decoded from the packed bytes without
    /// building a String (the hot path of `Buffer.set` for box and bar glyphs).
    var singleScalar: Unicode.Scalar? {
        let b0 = UInt32(packed & 0xFF)
        let length = b0 < 0x80 ? 1 : b0 < 0xC0 ? 0 : b0 < 0xE0 ? 2 : b0 < 0xF0 ? 3 : b0 < 0xF8 ? 4 : 0
        guard length > 0, byteCount == length else { return nil }
        var value = length == 1 ? b0 : b0 & (0xFF >> UInt32(length + 1))
        for k in 1..<max(1, length) {
            let b = UInt32((packed >> UInt64(8 * k)) & 0xFF)
            guard b & 0xC0 == 0x80 else { return nil }
            value = value << 6 | (b & 0x3F)
        }
        // Overlong forms are not UTF-8 (String would repair them): no scalar.
        let minimum: UInt32 = length == 1 ? 0 : length == 2 ? 0x80 : length == 3 ? 0x800 : 0x10000
        guard value >= minimum else { return nil }
        return Unicode.Scalar(value)
    }

    /// Number of UTF-8 bytes stored.
    var byteCount: Int { packed == 0 ? 0 : (64 - packed.leadingZeroBitCount + 7) / 8 }

    /// Packs the first grapheme's bytes (at most `capacity`; longer text keeps a prefix that
    /// ends on a scalar boundary).
    static func pack(_ text: String) -> UInt64 {
        var packed: UInt64 = 0
        var count = 0
        var lastBoundary: UInt64 = 0
        for b in text.utf8 {
            // Remember the bytes up to each scalar start, to cut on a boundary.
            if b & 0xC0 != 0x80 { lastBoundary = packed }
            if count == capacity { return b & 0xC0 == 0x80 ? lastBoundary : packed }
            packed |= UInt64(b) << UInt64(8 * count)
            count += 1
        }
        return packed
    }
}
