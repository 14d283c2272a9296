import ThreatModel
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

    /// Not retained: an object lives inside a read of its document, and copies of it (every
    /// reader takes one) would otherwise retain and release the document, which the cores
    /// reading a large bundle's headers then fight over.
    unowned(unsafe) let document: JSONDocument
    let node: Int
    /// Inline, not an array: no allocation per object (ATT&CK has 24,000 of them).
    private var slots = InlineArray<40, Int>(repeating: -1)

    init(_ document: JSONDocument, _ node: Int) {
        precondition(StixObject.fieldCount <= 40, "StixObject holds at most 40 fields")
        self.document = document
        self.node = node
        guard document.kind(node) == .object else { return }
        // A plain loop: `forEachMemberIndex`'s closure context cost a retain per member.
        var key = node + 1
        let end = document.next(node)
        while key < end {
            if let k = document.keyIndex(key, in: StixObject.table) { slots[k] = key + 1 }
            key = document.next(key + 1)
        }
    }

    /// The value node of a field, if present.
    subscript(_ field: Field) -> Int? { slots[field.rawValue] >= 0 ? slots[field.rawValue] : nil }

    func string(_ field: Field) -> String? {
        let k = slots[field.rawValue]
        return k >= 0 ? document.string(k) : nil
    }

    func bool(_ field: Field) -> Bool {
        let k = slots[field.rawValue]
        return k >= 0 ? document.bool(k) ?? false : false
    }

    /// A string or an array of strings, empty and duplicate entries dropped.
    func strings(_ field: Field) -> [String] {
        guard let node = self[field] else { return [] }
        if document.kind(node) == .string { return document.string(node).map { $0.isEmpty ? [] : [$0] } ?? [] }
        var out: [String] = []
        document.forEachElement(node) { _, e in if let s = document.string(e), !s.isEmpty, !out.contains(s) { out.append(s) } }
        return out
    }
}
