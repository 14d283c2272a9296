import JSONCore
import ThreatModel

extension DatasetBuilder {
    /// Orders events by start, end and id, stably. Files usually list events in date order, so
    /// that is checked first; otherwise positions are sorted by their days (an event is about
    /// 200 bytes: a sort of the events themselves moved each one some twenty times) and every
    /// event is then moved once, in place (`ParallelMap.permute`).
    static func sortByDate(_ events: inout [Event]) {
        let n = events.count
        guard n > 1 else { return }
        var inOrder = true
        for k in 1..<n where ordered(events[k], events[k - 1]) {
            inOrder = false
            break
        }
        if inOrder { return }
        struct Key {
            var start: Int
            var end: Int
            var position: Int
        }
        var keys = events.indices.map { Key(start: events[$0].span.start.ordinal, end: events[$0].span.end.ordinal, position: $0) }
        keys.sort { a, b in
            if a.start != b.start { return a.start < b.start }
            if a.end != b.end { return a.end < b.end }
            let (x, y) = (events[a.position].id, events[b.position].id)
            return x != y ? x < y : a.position < b.position
        }
        ParallelMap.permute(&events, by: keys.map(\.position))
    }

    private static func ordered(_ a: Event, _ b: Event) -> Bool {
        if a.span.start != b.span.start { return a.span.start < b.span.start }
        if a.span.end != b.span.end { return a.span.end < b.span.end }
        return a.id < b.id
    }
}
