import TerminalUI
import Reports
import ThreatModel

/// What changed between two loads, in words for a wall: new events (how many, under which
/// nexus), new and gone actors, and shares that moved by at least half a point (▲▼).
enum KioskChanges {
    static func between(_ before: KioskDigest, _ after: KioskDigest, state: AppState, at: Double) -> [KioskChange] {
        var out: [KioskChange] = []
        let d = state.dataset
        let newEvents = after.newEventIDs(since: before)
        if !newEvents.isEmpty {
            // By nexus: an event counts once under each nexus among its actors.
            var byNexus: [String: Int] = [:]
            for id in newEvents {
                guard let e = d.event(id) else { continue }
                for name in Set(e.actorIDs.map { d.actor($0)?.nexus.name ?? Nexus.unknown.name }) { byNexus[name, default: 0] += 1 }
            }
            let top = byNexus.sorted { ($0.value, $1.key) > ($1.value, $0.key) }.prefix(4).map { "\($0.key) \(Noun.grouped($0.value))" }
            out.append(
                KioskChange(
                    kind: .newEvents,
                    text: Noun.grouped(newEvents.count) + " new " + Noun.event.word(newEvents.count)
                        + (top.isEmpty ? "" : " · " + top.joined(separator: ", ")), direction: 1, at: at, count: newEvents.count))
        }
        let added = after.actorIDs.subtracting(before.actorIDs).sorted()
        for id in added.prefix(10) {
            let a = d.actor(id)
            out.append(KioskChange(kind: .newActor, text: "new actor: " + (a?.name ?? id) + (a.map { " (" + $0.nexus.name + ")" } ?? ""), direction: 1, at: at))
        }
        if added.count > 10 {
            out.append(KioskChange(kind: .newActor, text: Noun.actor.count(added.count - 10) + " more new", direction: 1, at: at, count: added.count - 10))
        }
        let gone = before.actorIDs.subtracting(after.actorIDs)
        if !gone.isEmpty {
            out.append(KioskChange(kind: .goneActor, text: Noun.actor.count(gone.count) + " no longer in the data", direction: -1, at: at, count: gone.count))
        }
        for n in Set(before.shares.keys).union(after.shares.keys).sorted() {
            let a = before.shares[n] ?? 0, b = after.shares[n] ?? 0
            if abs(b - a) >= 0.005 {
                out.append(
                    KioskChange(
                        kind: .share, text: n.name + " share " + Format.percent(b) + " (" + Format.points(b - a) + ")", direction: b > a ? 1 : -1, at: at))
            }
        }
        return out
    }
}
