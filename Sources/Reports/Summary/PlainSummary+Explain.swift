import Analysis
import TerminalUI
import ThreatModel

extension PlainSummary {
    public static func explain(_ actor: Actor, dataset: Dataset, ascii: Bool = false) -> String {
        var out: [String] = []
        func line(_ s: String = "") { out.append(TerminalText.sanitize(s, ascii: ascii)) }
        line(actor.name + (actor.aliases.isEmpty ? "" : " (also " + actor.aliases.joined(separator: ", ") + ")"))
        line("nexus: " + actor.nexus.name)
        for c in actor.nexusClaims { line("  claim: " + c.nexus.name + " · " + c.source) }
        line("records merged (\(actor.provenance.count)):")
        for p in actor.provenance { line("  " + p.format.label + " " + p.file + (p.objectID.map { " · " + $0 } ?? "")) }
        line("why:")
        if actor.identity.reasons.isEmpty { line("  a single record") }
        for r in actor.identity.reasons { line("  " + r) }
        if !actor.identity.umbrellaOf.isEmpty {
            line(
                "umbrella: kept apart, because its names would join " + actor.identity.umbrellaOf.map { dataset.actor($0)?.name ?? $0 }.joined(separator: ", "))
        }
        for u in actor.identity.umbrellas { line("covered by the umbrella: " + (dataset.actor(u)?.name ?? u)) }
        for o in actor.identity.overlaps {
            line("shares \"\(o.alias)\" with " + (dataset.actor(o.actorID)?.name ?? o.actorID) + ": " + o.how + " (an alias alone is no identity)")
        }
        return out.joined(separator: "\n") + "\n"
    }
}
