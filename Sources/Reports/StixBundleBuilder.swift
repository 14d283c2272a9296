import ThreatModel

/// The objects of a STIX export being assembled: name-based ids made once each, the
/// locations, sector identities and techniques shared by many objects, and the list the
/// report's `object_refs` names.
struct StixBundleBuilder {
    var objects: [JSONValue] = []
    /// Ids of every object of the report, in the order they were made.
    var refs: [String] = []
    /// The STIX id of each exported actor (by ThreatDeck id).
    var actorIDs: [String: String] = [:]
    private var ids: Set<String> = []
    private var locations: [String: String] = [:]
    private var sectors: [String: String] = [:]
    private var techniques: [String: String] = [:]
    let created: String
    let author: String

    init(created: String, author: String) {
        self.created = created
        self.author = author
    }

    /// Adds an object (once per type and key) and returns its id.
    mutating func add(_ type: String, key: String, _ properties: [(String, JSONValue)], markings: TLP? = nil, withAuthor: Bool = true) -> String {
        let id = type + "--" + UUIDv5.make(type + "|" + key)
        guard ids.insert(id).inserted else { return id }
        var members: [(String, JSONValue)] = [("type", .string(type)), ("spec_version", .string("2.1")), ("id", .string(id))]
        if withAuthor { members.append(("created_by_ref", .string(author))) }
        members += [("created", .string(created)), ("modified", .string(created))]
        members += properties
        if let markings { members.append(("object_marking_refs", .array([.string(markings.stix2MarkingID)]))) }
        objects.append(.object(members))
        return id
    }

    mutating func relate(_ type: String, _ source: String, _ target: String, description: String? = nil) {
        var props: [(String, JSONValue)] = [("relationship_type", .string(type)), ("source_ref", .string(source)), ("target_ref", .string(target))]
        if let description, !description.isEmpty { props.append(("description", .string(description))) }
        _ = add("relationship", key: type + "|" + source + "|" + target, props)
    }

    /// The location object of a country or a region, made the first time it is named.
    mutating func location(country: String? = nil, region: String? = nil) -> String {
        let key = (country ?? "") + "|" + (region ?? "")
        if let id = locations[key] { return id }
        var props: [(String, JSONValue)] = []
        if let country { props += [("name", .string(Vocabulary.country(country)?.name ?? country)), ("country", .string(country))] }
        if let region { props += [("name", .string(Vocabulary.regionName(region))), ("region", .string(region))] }
        let id = add("location", key: key, props)
        locations[key] = id
        refs.append(id)
        return id
    }

    /// The identity of class `class` standing for a sector (STIX's own sector word, ours beside it).
    mutating func sector(_ s: String) -> String {
        if let id = sectors[s] { return id }
        let top = Vocabulary.topSector(s)
        var props: [(String, JSONValue)] = [
            ("name", .string(Vocabulary.sectorName(s) + " sector")), ("identity_class", .string("class")), ("sectors", .array([.string(top)])),
        ]
        if top != s { props.append(("x_threatdeck_sector", .string(s))) }
        let id = add("identity", key: "sector|" + s, props)
        sectors[s] = id
        refs.append(id)
        return id
    }

    /// The attack pattern of an ATT&CK technique, with its name, link and tactics as `d` knows them.
    mutating func technique(_ t: String, in d: Dataset) -> String {
        if let id = techniques[t] { return id }
        let info = d.technique(t)
        var props: [(String, JSONValue)] = [("name", .string(info?.name ?? t))]
        var ext: [(String, JSONValue)] = [("source_name", .string("mitre-attack")), ("external_id", .string(t))]
        if let url = info?.url { ext.append(("url", .string(url))) }
        props.append(("external_references", .array([.object(ext)])))
        if let tactics = info?.tactics, !tactics.isEmpty {
            let chain =
                (info?.domain ?? "enterprise-attack") == "ics-attack"
                ? "mitre-ics-attack" : (info?.domain == "mobile-attack" ? "mitre-mobile-attack" : "mitre-attack")
            props.append(("kill_chain_phases", .array(tactics.map { .object([("kill_chain_name", .string(chain)), ("phase_name", .string($0))]) })))
        }
        let id = add("attack-pattern", key: t, props)
        techniques[t] = id
        refs.append(id)
        return id
    }
}
