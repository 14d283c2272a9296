import JSONCore
import ThreatModel

extension StixIngest {
    mutating func readIdentity(_ o: StixObject, key: StixKey) {
        let id = key.id
        let identityName = o.string(.name, document)
        identityNames[key] = identityName
        var target = Target()
        if let x = o.string(.tdSector, document), Vocabulary.sector(x) != nil { target.sectors.append(x) }
        for raw in o.strings(.sectors, document) {
            if let s = Vocabulary.sectorID(matching: raw) {
                if !target.sectors.contains(s) && !target.sectors.contains(where: { Vocabulary.sectorLineage($0).contains(s) }) { target.sectors.append(s) }
            } else if !target.unmapped.contains(raw) {
                target.unmapped.append(raw)
            }
        }
        if target.sectors.isEmpty, o.string(.identityClass, document) == "class", let n = identityName, let s = Vocabulary.sectorID(matching: n) {
            target.sectors.append(s)
        }
        if !target.sectors.isEmpty || !target.unmapped.isEmpty { targets[key] = target }
    }
}

extension StixField {
    static let identityClass = StixField("identity_class")
    static let sectors = StixField("sectors")
    static let tdSector = StixField("x_threatdeck_sector")
}
