import JSONCore
import ThreatModel

extension StixIngest {
    /// An attack pattern's technique record and ATT&CK id; nil for attack patterns outside
    /// ATT&CK (the pane is ATT&CK's matrix: another one is a name without a place in it).
    static func technique(_ o: StixObject, id: String, in document: JSONDocument) -> (key: String, info: TechniqueInfo)? {
        guard let n = o.string(.name, document) else { return nil }
        let refs = references(o, in: document)
        guard let key = externalIDs(o, source: nil, in: document).first(where: TechniqueInfo.isAttackID) else { return nil }
        var phases: [String] = []
        var domainName: String?
        if let k = o.node(.killChainPhases, document) {
            document.forEachElement(k) { _, phase in
                guard let p = document.member(phase, "phase_name").flatMap(document.string) else { return }
                if !phases.contains(p) { phases.append(p) }
                if domainName == nil, let chain = document.member(phase, "kill_chain_name").flatMap(document.string) {
                    domainName =
                        chain == "mitre-attack"
                        ? "enterprise-attack" : chain == "mitre-ics-attack" ? "ics-attack" : chain == "mitre-mobile-attack" ? "mobile-attack" : nil
                }
            }
        }
        let url = refs.first { $0.externalID == key }?.url
        return (
            key,
            TechniqueInfo(
                id: key, name: n, tactics: phases, domain: o.strings(.domains, document).first ?? domainName,
                description: o.string(.description, document), url: url, references: refs, stixID: id)
        )
    }
}

extension StixField {
    static let killChainPhases = StixField("kill_chain_phases")
}
