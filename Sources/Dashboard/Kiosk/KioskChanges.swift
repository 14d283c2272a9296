import TerminalUI
import Reports
import ThreatModel

/// What changed between two loads, in words for a wall: new events (how many, by which
/// actors), new and gone actors, and shares that moved by at least half a point (▲▼).
enum KioskChanges {
    static func between(_ before: KioskDigest, _ after: KioskDigest, state: AppState, at: Double) -> [KioskChange] {
        var out: [KioskChange] = []
        let d = state.dataset
        let newEvents = after.eventIDs.subtracting(before.eventIDs)
        if !newEvents.isEmpty {
            var byActor: [String: Int] = [:]
            for e in d.events where newEvents.contains(e.id) { for a in e.actorIDs { byActor[d.actor(a)?.name ?? a, default: 0] += 1 } }
            let top = byActor.sorted { ($0.value, $1.key) > ($1.value, $0.key) }.prefix(3).map { "\($0.key) \($0.value)" }
            out.append(KioskChange(kind: .newEvents, text: Format.plural(newEvents.count, "new event") + (top.isEmpty ? "" : " · " + top.joined(separator: ", ")), direction: 1, at: at))
        }
        for id in after.actorIDs.subtracting(before.actorIDs).sorted().prefix(10) {
            let a = d.actor(id)
            out.append(KioskChange(kind: .newActor, text: "new actor: " + (a?.name ?? id) + (a.map { " (" + $0.nexus.name + ")" } ?? ""), direction: 1, at: at))
        }
        let gone = before.actorIDs.subtracting(after.actorIDs)
        if !gone.isEmpty {
            out.append(KioskChange(kind: .goneActor, text: Format.plural(gone.count, "actor") + " no longer in the data", direction: -1, at: at))
        }
        for n in Set(before.shares.keys).union(after.shares.keys).sorted() {
            let a = before.shares[n] ?? 0, b = after.shares[n] ?? 0
            if abs(b - a) >= 0.005 {
                out.append(KioskChange(kind: .share, text: n.name + " share " + Format.percent(b) + " (" + Format.points(b - a) + ")", direction: b > a ? 1 : -1, at: at))
            }
        }
        return out
    }
}
