import JSONCore
import ThreatModel

extension StixIngest {
    mutating func readActor(_ o: StixObject, key: StixKey) {
        let id = key.id
        guard let actorName = requiredText(o, .name) else { return }
        var actor = Actor(id: id, name: actorName)
        actor.aliases = o.strings(.aliases, document).filter { Actor.nameKey($0) != Actor.nameKey(actorName) }
        let refs = references(o)
        actor.references = refs
        actor.externalIDs = externalIDs(o, source: nil).filter { !TechniqueInfo.isAttackID($0) }
        if let d = o.string(.description, document), !d.isEmpty { actor.descriptions = [d] }
        let types = o.strings(.actorTypes, document)
        if types.contains("nation-state") || o.string(.resourceLevel, document) == "government" {
            actor.type = .state
        } else if types.contains(where: { $0 == "crime-syndicate" || $0 == "criminal" }) {
            actor.type = .ecrime
        } else if types.contains("activist") {
            actor.type = .hacktivist
        }
        var motivations: [Motivation] = []
        for m in o.strings(.primaryMotivation, document) + o.strings(.secondaryMotivations, document) {
            if let mapped = StixIngest.motivation(m, type: actor.type), !motivations.contains(mapped) { motivations.append(mapped) }
        }
        actor.motivations = motivations
        let tlp = marking(o)
        actor.tlp = tlp
        if let span = span(o) {
            // An intrusion set's own first/last seen is activity in its own right.
            result.campaigns.append(
                Campaign(
                    id: id + "#activity", name: actorName + " activity", span: span, actorIDs: [id],
                    provenance: [provenance(id, references: refs, tlp: tlp)]))
        }
        actor.provenance = [provenance(id, references: refs, tlp: tlp)]
        actorIndex[key] = result.actors.count
        result.actors.append(actor)
    }

    /// STIX attack-motivation-ov (open) onto ThreatDeck's motivations; values that say
    /// nothing certain (dominance, coercion, accidental, ...) stay unknown.
    static func motivation(_ raw: String, type: ActorType) -> Motivation? {
        switch raw.lowercased() {
        case "espionage", "intelligence": return .espionage
        case "personal-gain", "financial", "financial-gain": return .financial
        case "organizational-gain": return type == .ecrime ? .financial : nil
        case "ideology": return .ideology
        case "notoriety": return .notoriety
        case "disruption": return .disruption
        case "destruction": return .destruction
        case "influence": return .influence
        default: return nil
        }
    }
}

extension StixField {
    static let aliases = StixField("aliases")
    static let actorTypes = StixField("threat_actor_types")
    static let primaryMotivation = StixField("primary_motivation")
    static let secondaryMotivations = StixField("secondary_motivations")
    static let resourceLevel = StixField("resource_level")
}
