import JSONCore

/// The members of one STIX object that readers look at, found in one pass over its keys
/// (no key is decoded unless it has escapes): readers then ask for fields by name.
struct StixObject {
    enum Field: Int, CaseIterable {
        case type, id, name, aliases, description, firstSeen, lastSeen, published, created, modified
        case relationshipType, sourceRef, targetRef, objectRefs, identityClass, sectors, region, country
        case externalReferences, actorTypes, primaryMotivation, secondaryMotivations, resourceLevel
        case sightingOf, whereSighted, count, extensions, revoked, deprecated, tdSector, content, createdBy
        case killChainPhases, shortName, tacticRefs, domains, markingRefs, tdExport

        var key: String {
            switch self {
            case .type: return "type"
            case .id: return "id"
            case .name: return "name"
            case .aliases: return "aliases"
            case .description: return "description"
            case .firstSeen: return "first_seen"
            case .lastSeen: return "last_seen"
            case .published: return "published"
            case .created: return "created"
            case .modified: return "modified"
            case .relationshipType: return "relationship_type"
            case .sourceRef: return "source_ref"
            case .targetRef: return "target_ref"
            case .objectRefs: return "object_refs"
            case .identityClass: return "identity_class"
            case .sectors: return "sectors"
            case .region: return "region"
            case .country: return "country"
            case .externalReferences: return "external_references"
            case .actorTypes: return "threat_actor_types"
            case .primaryMotivation: return "primary_motivation"
            case .secondaryMotivations: return "secondary_motivations"
            case .resourceLevel: return "resource_level"
            case .sightingOf: return "sighting_of_ref"
            case .whereSighted: return "where_sighted_refs"
            case .count: return "count"
            case .extensions: return "extensions"
            case .revoked: return "revoked"
            case .deprecated: return "x_mitre_deprecated"
            case .tdSector: return "x_threatdeck_sector"
            case .content: return "content"
            case .createdBy: return "created_by_ref"
            case .killChainPhases: return "kill_chain_phases"
            case .shortName: return "x_mitre_shortname"
            case .tacticRefs: return "tactic_refs"
            case .domains: return "x_mitre_domains"
            case .markingRefs: return "object_marking_refs"
            case .tdExport: return "x_threatdeck_export"
            }
        }
    }

    static let table = KeyTable(Field.allCases.map(\.key))
    static let fieldCount = Field.allCases.count

    let document: JSONDocument
    let node: Int
    private var slots: [Int]

    init(_ document: JSONDocument, _ node: Int) {
        self.document = document
        self.node = node
        var slots = [Int](repeating: -1, count: StixObject.fieldCount)
        document.forEachMemberIndex(node) { key, value in
            if let k = document.keyIndex(key, in: StixObject.table) { slots[k] = value }
        }
        self.slots = slots
    }

    /// The value node of a field, if present.
    subscript(_ field: Field) -> Int? { slots[field.rawValue] >= 0 ? slots[field.rawValue] : nil }

    func string(_ field: Field) -> String? { self[field].flatMap(document.string) }

    func bool(_ field: Field) -> Bool { self[field].flatMap(document.bool) ?? false }

    /// A string or an array of strings, empty and duplicate entries dropped.
    func strings(_ field: Field) -> [String] {
        guard let node = self[field] else { return [] }
        if document.kind(node) == .string { return document.string(node).map { $0.isEmpty ? [] : [$0] } ?? [] }
        var out: [String] = []
        document.forEachElement(node) { _, e in if let s = document.string(e), !s.isEmpty, !out.contains(s) { out.append(s) } }
        return out
    }
}
