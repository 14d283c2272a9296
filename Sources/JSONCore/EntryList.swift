/// Up to four `StringInterner` entries in order: the key by which equal short arrays of
/// interned strings (an event's sectors, its actors) are found again and share storage.
public struct EntryList: Hashable, Sendable {
    public static let capacity = 4
    private var packed: (UInt64, UInt64) = (0, 0)
    public private(set) var count = 0

    public init() {}

    /// Adds `entry`; false, leaving the list unchanged, when it is full or `entry` does not fit.
    @inline(__always)
    public mutating func append(_ entry: Int) -> Bool {
        guard count < EntryList.capacity, entry >= 0, entry < Int(UInt32.max) else { return false }
        // Stored + 1, so a list is not equal to itself with an entry 0 added.
        let bits = UInt64(entry + 1) << (32 * UInt64(count & 1))
        if count < 2 { packed.0 |= bits } else { packed.1 |= bits }
        count += 1
        return true
    }

    public static func == (a: EntryList, b: EntryList) -> Bool { a.count == b.count && a.packed == b.packed }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(packed.0)
        hasher.combine(packed.1)
    }
}
