import JSONCore
import ThreatModel

extension StixIngest {
    mutating func readTactic(_ o: StixObject, id: String) {
        guard let n = o.string(.name, document), let short = o.string(.shortName, document) else { return }
        let external = externalIDs(o, source: nil).first
        tactics.append(Tactic(info: TacticInfo(shortName: short, name: n, externalID: external, domain: o.strings(.domains, document).first), stixID: id))
    }
}

extension StixField {
    static let shortName = StixField("x_mitre_shortname")
    static let tacticRefs = StixField("tactic_refs")
}
