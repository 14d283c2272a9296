@testable import Dashboard
import Testing
import TestSupport
import ThreatModel

/// The wall's "new events" after a reload: the side-by-side walk over two loads' event ids
/// must name exactly the ids a set difference names, whatever was added, dropped or moved.
@Suite struct KioskDigestTests {
    static func digest(_ ids: [String]) -> KioskDigest { KioskDigest(eventIDs: ids, actorIDs: [], shares: [:]) }

    @Test func newIDsAgreeWithASetDifference() {
        var rng = SplitMix(seed: 37)
        for round in 0..<400 {
            let count = Int.random(in: 0...60, using: &rng)
            let before = (0..<count).map { "e\(round)-\($0)" }
            var after = before
            // Drops, additions anywhere, and moves, a few of each (none in some rounds).
            for _ in 0..<Int.random(in: 0...3, using: &rng) where !after.isEmpty { after.remove(at: Int.random(in: 0..<after.count, using: &rng)) }
            for k in 0..<Int.random(in: 0...4, using: &rng) { after.insert("new\(round)-\(k)", at: Int.random(in: 0...after.count, using: &rng)) }
            for _ in 0..<Int.random(in: 0...2, using: &rng) where after.count > 1 {
                let moved = after.remove(at: Int.random(in: 0..<after.count, using: &rng))
                after.insert(moved, at: Int.random(in: 0...after.count, using: &rng))
            }
            if round % 10 == 0 { after.shuffle(using: &rng) }
            let old = Set(before)
            let expected = after.filter { !old.contains($0) }
            #expect(Self.digest(after).newEventIDs(since: Self.digest(before)) == expected, "round \(round)")
        }
    }

    /// An id written in another normal form at the next load is the same id, as it was for
    /// the set difference this replaced ("é" as one scalar or as e and an accent).
    @Test func normalFormsAreOneID() {
        let before = ["evt-caf\u{E9}", "evt-b", "evt-K"]
        let after = ["evt-new", "evt-cafe\u{301}", "evt-\u{212A}", "evt-b"]
        #expect(Self.digest(after).newEventIDs(since: Self.digest(before)) == ["evt-new"])
        #expect(Set(after).subtracting(Set(before)) == ["evt-new"])
    }

    @Test func unchangedAndEmptyLoads() {
        let ids = (0..<1000).map { "indicator--\($0)" }
        #expect(Self.digest(ids).newEventIDs(since: Self.digest(ids)).isEmpty)
        #expect(Self.digest(ids).newEventIDs(since: Self.digest([])) == ids)
        #expect(Self.digest([]).newEventIDs(since: Self.digest(ids)).isEmpty)
    }

    /// Two files may each carry an event with one id: the digest holds it once, so the
    /// wall's count of events and its "new events" count ids, as before.
    @Test func repeatedIDsCountOnce() {
        func event(_ id: String, _ ordinal: Int) -> Event {
            Event(id: id, span: DayRange(Day(ordinal: 739_000 + ordinal)), kind: .intrusion, actorIDs: [], summary: id)
        }
        let repeated = Dataset(events: [event("a", 1), event("b", 2), event("a", 3), event("c", 4)])
        let distinct = Dataset(events: [event("a", 1), event("b", 2), event("c", 4)])
        #expect(!repeated.eventIDsAreDistinct && distinct.eventIDsAreDistinct)
        let digest = KioskDigest(AppState.start(Fixtures.options(120, 40, dataset: repeated)))
        #expect(digest.eventIDs == ["a", "b", "c"])
        #expect(KioskDigest(AppState.start(Fixtures.options(120, 40, dataset: distinct))) == digest)
    }
}
