import Analysis
import ThreatModel

/// The few facts of a load the changes view compares: event ids, actor ids, shares by nexus.
public struct KioskDigest: Equatable, Sendable {
    /// The ids of the events in view, each once, in the order of the dataset's events.
    public var eventIDs: [String]
    public var actorIDs: Set<String>
    public var shares: [Nexus: Double]

    /// The facts of the current load (unfiltered: the wall's base filter applies).
    init(_ state: AppState) {
        let d = state.dataset
        let selection = (state.kiosk?.baseFilter ?? state.filter).apply(to: d)
        let b = ActorBreakdown.compute(d, selection: selection)
        var shares: [Nexus: Double] = [:]
        for r in b.rows { if case .nexus(let n) = r.key { shares[n] = r.share } }
        // An array, not a set: hashing every id was most of a wall's reload of 100k events
        // (17 ms), and the dataset's own table of events by id answers what a set would.
        var ids: [String] = []
        ids.reserveCapacity(selection.eventIndices.count)
        if d.eventIDsAreDistinct {
            for i in selection.eventIndices { ids.append(d.events[i].id) }
        } else {
            var seen = [Bool](repeating: false, count: d.events.count)
            for i in selection.eventIndices {
                let first = d.eventPosition(d.events[i].id) ?? i
                if !seen[first] {
                    seen[first] = true
                    ids.append(d.events[i].id)
                }
            }
        }
        self.init(eventIDs: ids, actorIDs: selection.actorIDs, shares: shares)
    }

    public init(eventIDs: [String], actorIDs: Set<String>, shares: [Nexus: Double]) {
        self.eventIDs = eventIDs
        self.actorIDs = actorIDs
        self.shares = shares
    }

    /// The ids of `eventIDs` that `before` lacks, in order. Both lists follow the dataset's
    /// order, which a reload keeps: they are walked side by side, and an id is looked up only
    /// where they part (an event added, gone or moved), in a table made then, which compares
    /// ids as Swift does (one written in two normal forms is one id, as a set had it).
    func newEventIDs(since before: KioskDigest) -> [String] {
        let old = before.eventIDs
        var table: StringPositions?
        var out: [String] = []
        var next = 0
        for id in eventIDs {
            if next < old.count && old[next] == id {
                next += 1
                continue
            }
            if table == nil { table = StringPositions(old) }
            if let k = table?.position(of: id) {
                next = k + 1
            } else {
                out.append(id)
            }
        }
        return out
    }
}
