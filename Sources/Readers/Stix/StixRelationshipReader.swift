import JSONCore
import ThreatModel

extension StixIngest {
    mutating func readRelationship(_ o: StixObject, id: String, node: Int) {
        guard let rt = requiredText(o, .relationshipType) else { return }
        guard let s = requiredText(o, .sourceRef), let t = requiredText(o, .targetRef) else { return }
        relationships.append(Relationship(id: id, kind: .init(rt), source: StixKey(s), target: StixKey(t), node: node))
    }
}

extension StixField {
    static let relationshipType = StixField("relationship_type")
    static let sourceRef = StixField("source_ref")
    static let targetRef = StixField("target_ref")
}
