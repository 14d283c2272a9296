import JSONCore

/// The name of one STIX property a reader asks an object for, with the hash `StixObject`
/// files its members under. Declared beside the reader that reads it (the properties every
/// type shares are below): adding a property is one line where it is read.
struct StixField: Sendable {
    /// A literal, so that matching it against a key retains nothing (`StixObject.node`).
    let key: StaticString
    let hash: Int
    /// Its place in `common`, when it is one of the members every object is asked for.
    let slot: Int?

    init(_ key: StaticString) {
        self.key = key
        hash = JSONDocument.keyHash(of: key.description)
        slot = StixField.common.index(of: key.description)
    }

    /// The members asked of (nearly) every object: the header's, a relationship's, an
    /// attack pattern's, and a technique use's texts. `StixObject` finds them in one walk.
    static let common = KeyTable([
        "type", "id", "modified", "revoked", "x_mitre_deprecated", "relationship_type", "source_ref", "target_ref",
        "name", "description", "external_references", "kill_chain_phases", "x_mitre_domains", "created_by_ref",
        "object_marking_refs", "extensions",
    ])
}

extension StixField {
    // STIX common properties, and ATT&CK's on every object.
    static let type = StixField("type")
    static let id = StixField("id")
    static let name = StixField("name")
    static let description = StixField("description")
    static let created = StixField("created")
    static let modified = StixField("modified")
    static let revoked = StixField("revoked")
    static let deprecated = StixField("x_mitre_deprecated")
    static let createdBy = StixField("created_by_ref")
    static let externalReferences = StixField("external_references")
    static let markingRefs = StixField("object_marking_refs")
    static let extensions = StixField("extensions")
    static let domains = StixField("x_mitre_domains")
    static let objectRefs = StixField("object_refs")
    static let firstSeen = StixField("first_seen")
    static let lastSeen = StixField("last_seen")
    /// ThreatDeck's own marker on the objects an export adds (not activity).
    static let tdExport = StixField("x_threatdeck_export")
}
