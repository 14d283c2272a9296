import JSONCore
import ThreatModel

extension StixIngest {
    mutating func readRelationship(_ o: StixObject, id: String, node: Int) {
        guard let rt = requiredText(o, .relationshipType) else { return }
        guard let s = requiredText(o, .sourceRef), let t = requiredText(o, .targetRef) else { return }
        relationships.append(Relationship(id: id, kind: .init(rt), source: StixKey(s), target: StixKey(t), node: node))
    }

    /// Dangling references, once every id is known (a reference may point forward): looked
    /// up on every core (ATT&CK's 20,000 relationships, 40,000 lookups, were a few
    /// milliseconds on this thread alone), warned of here in file order.
    mutating func warnOfDanglingReferences() {
        let seen = self.seen, relationships = self.relationships
        let missing = ParallelMap.ranges(relationships.count, parts: relationships.count >= 4096 ? 8 : 1) { range in
            range.compactMap { k -> (relationship: Int, source: Bool, target: Bool)? in
                let source = seen[relationships[k].source] == nil, target = seen[relationships[k].target] == nil
                return source || target ? (k, source, target) : nil
            }
        }
        for part in missing {
            for m in part {
                let r = relationships[m.relationship], o = StixObject(document, r.node)
                if m.source, let n = o.node(.sourceRef, document) { sink.warning(n, "reference to \(r.source) which is not in this file") }
                if m.target, let n = o.node(.targetRef, document) { sink.warning(n, "reference to \(r.target) which is not in this file") }
            }
        }
    }
}

extension StixField {
    static let relationshipType = StixField("relationship_type")
    static let sourceRef = StixField("source_ref")
    static let targetRef = StixField("target_ref")
}
