import JSONCore

/// Events by id, in a `PositionTable` that reads the ids from the events themselves (4-byte
/// positions, no copy of any id).
package struct EventPositions: Sendable {
    private var table: PositionTable
    /// How many events carry an id an earlier event has.
    package private(set) var repeats = 0

    /// The first of events with one id is the one found.
    package init(_ events: UnsafeView<Event>) {
        var table = PositionTable(capacity: events.count)
        for i in events.indices {
            let id = events[i].id
            if table.insert(i, hash: KeyTable.hash(id), equal: { events[$0].id == id }) != nil { repeats += 1 }
        }
        self.table = table
    }

    /// The position in `events` (the events this was made from) of the first with id `id`.
    package func position(of id: String, in events: [Event]) -> Int? {
        table.find(hash: KeyTable.hash(id)) { events[$0].id == id }
    }
}
