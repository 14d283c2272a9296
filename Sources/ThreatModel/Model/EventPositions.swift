import JSONCore

/// Events by id: an open-addressing table of 32-bit positions that reads the ids from the
/// events themselves. A `[String: Int]` over a million events was 48 MiB (its buckets hold a
/// copy of every id beside an Int); this is 4 bytes a slot, at most half of them full.
package struct EventPositions: Sendable {
    /// Position + 1 of the event whose id hashes there, or 0 for an empty slot.
    private let slots: [Int32]

    /// The first of events with one id is the one found.
    package init(_ events: UnsafeBufferPointer<Event>) {
        var size = 16
        while size < events.count * 2 { size *= 2 }
        let mask = size - 1
        var slots = [Int32](repeating: 0, count: size)
        for i in events.indices {
            let id = events[i].id
            var slot = EventPositions.hash(id) & mask
            while slots[slot] != 0, events[Int(slots[slot]) - 1].id != id { slot = (slot + 1) & mask }
            if slots[slot] == 0 { slots[slot] = Int32(truncatingIfNeeded: i + 1) }
        }
        self.slots = slots
    }

    /// The position in `events` (the events this was made from) of the first with id `id`.
    package func position(of id: String, in events: [Event]) -> Int? {
        let mask = slots.count - 1
        var slot = EventPositions.hash(id) & mask
        while slots[slot] != 0 {
            let p = Int(slots[slot]) - 1
            if events[p].id == id { return p }
            slot = (slot + 1) & mask
        }
        return nil
    }

    private static func hash(_ id: String) -> Int {
        var text = id
        return text.withUTF8 { KeyTable.hash($0) }
    }
}
