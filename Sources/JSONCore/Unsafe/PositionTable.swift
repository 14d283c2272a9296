/// Items found by a key the items themselves hold: an open-addressing table of 4-byte
/// positions (and each slot's hash), which reads a key back from its item only when hashes
/// agree and holds no copy of any key. A `[String: Int]` over a million events was 48 MiB
/// (its buckets hold a copy of every id beside an Int); this is 12 bytes a slot, at most
/// half of them full. Events by id and the native reader's duplicate-id check use it.
public struct PositionTable: Sendable {
    /// Position + 1 of the item whose key hashes there, or 0 for an empty slot.
    private var slots: [Int32]
    private var hashes: [Int]
    private let mask: Int

    /// Room for `count` items.
    public init(capacity count: Int) {
        var size = 16
        while size < count * 2 { size *= 2 }
        mask = size - 1
        slots = [Int32](repeating: 0, count: size)
        hashes = [Int](repeating: 0, count: size)
    }

    /// The position of an item equal to the one at `position` (by `equal`, asked only for
    /// items whose hash is `hash`), else nil after recording `position` under `hash`.
    public mutating func insert(_ position: Int, hash: Int, equal: (Int) -> Bool) -> Int? {
        var slot = hash & mask
        while slots[slot] != 0 {
            let p = Int(slots[slot]) - 1
            if hashes[slot] == hash && equal(p) { return p }
            slot = (slot + 1) & mask
        }
        slots[slot] = Int32(truncatingIfNeeded: position + 1)
        hashes[slot] = hash
        return nil
    }

    /// The position of the first item recorded with `hash` for which `equal` holds.
    public func find(hash: Int, equal: (Int) -> Bool) -> Int? {
        var slot = hash & mask
        while slots[slot] != 0 {
            let p = Int(slots[slot]) - 1
            if hashes[slot] == hash && equal(p) { return p }
            slot = (slot + 1) & mask
        }
        return nil
    }
}
