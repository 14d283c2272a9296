import ThreatModel
import JSONCore

/// Reads STIX 2.1 bundles, and STIX 2.0-style objects without `spec_version` (all of MITRE
/// ATT&CK), into actor, campaign, event, finding and technique records.
///
/// Pass 1 reads each object's members once (`StixObject`) and hands it to the reader for its
/// type; unknown types and custom properties are skipped, never errors; revoked and
/// deprecated objects never count. Pass 2 resolves relationships: `targets` gives sectors and
/// regions, `attributed-to` links campaigns to actors, `originates-from` and `located-at` a
/// stated nexus, `uses` techniques (with the procedure text) and software.
public struct StixIngest: FormatReader {

    let document: JSONDocument
    let file: String
    let format: Provenance.Format
    /// From this many objects, their headers are made on every core first.
    let parallelFrom: Int
    var sink: ProblemSink
    var result: IngestResult

    struct Place {
        var country: String?
        var region: String?
    }

    struct Target {
        var sectors: [String] = []
        var unmapped: [String] = []
    }

    struct Sighting {
        var id: String
        var of: String
        var span: DayRange
        var count: Int
        var whereSighted: [String]
        var summary: String
        var tlp: TLP?
        /// From ThreatDeck's event extension, when present.
        var kind: Event.Kind?
        var nexus: Nexus?
        var actors: [String] = []
        var techniques: [String] = []
    }

    struct ReportRecord {
        var index: Int
        var refs: [String]
        var createdBy: String?
    }

    struct Tactic {
        var info: TacticInfo
        var stixID: String
    }

    var actorIndex: [StixKey: Int] = [:]
    var campaignIndex: [StixKey: Int] = [:]
    var places: [StixKey: Place] = [:]
    var targets: [StixKey: Target] = [:]
    var identityNames: [StixKey: String] = [:]
    /// attack-pattern STIX id → ATT&CK id (T1566.001) or its name when it has none.
    var techniqueIDs: [StixKey: String] = [:]
    var software: [StixKey: String] = [:]
    var relationships: [Relationship] = []
    var sightings: [Sighting] = []
    var reportRecords: [ReportRecord] = []
    var tactics: [Tactic] = []
    /// x-mitre-matrix tactic_refs, in order (the kill chain).
    var matrixOrder: [String] = []
    var domain: String?
    /// id → (node, modified) of the version kept, to drop older versions of the same object.
    var seen: [StixKey: (node: Int, modified: Timestamp?)] = [:]
    /// Revoked and deprecated objects: relationships to them count for nothing.
    var dead: Set<StixKey> = []

    init(document: JSONDocument, file: String, format: Provenance.Format = .stix, parallelFrom: Int = parallelObjects) {
        self.document = document
        self.file = file
        self.format = format
        self.parallelFrom = parallelFrom
        self.sink = ProblemSink(document: document, file: file)
        self.result = IngestResult(file: file, format: format)
    }

    public static var format: Provenance.Format { .stix }

    /// A bundle, a TAXII envelope (`objects`), a bare array of objects, or one STIX object.
    public static func recognises(_ input: ReaderInput) -> Bool {
        guard let document = input.document else { return false }
        let root = document.root
        switch document.kind(root) {
        case .object:
            if document.member(root, "type").flatMap(document.string) == "bundle" { return true }
            if let objects = document.member(root, "objects"), document.kind(objects) == .array { return true }
            let id = document.member(root, "id").flatMap(document.string)
            return id?.contains("--") == true && document.member(root, "type") != nil
        case .array:
            var stix = false
            document.forEachElement(root) { position, element in
                if position == 0, document.kind(element) == .object, document.member(element, "type") != nil, document.member(element, "id") != nil {
                    stix = true
                }
            }
            return stix
        default:
            return false
        }
    }

    /// Objects pulled from a TAXII collection keep that as their format.
    public static func read(_ input: ReaderInput) -> IngestResult {
        guard let document = input.document else { return IngestResult(file: input.file, format: format) }
        return run(document, file: input.file, format: input.label == .taxii ? .taxii : .stix)
    }

    public static func run(_ document: JSONDocument, file: String, format: Provenance.Format = .stix) -> IngestResult {
        run(document, file: file, format: format, parallelFrom: parallelObjects)
    }

    /// `parallelFrom`: tests compare the two ways of reading one bundle.
    static func run(_ document: JSONDocument, file: String, format: Provenance.Format, parallelFrom: Int) -> IngestResult {
        let ingest = {
            var ingest = StixIngest(document: document, file: file, format: format, parallelFrom: parallelFrom)
            ingest.read()
            ingest.result.problems = ingest.sink.problems()
            ingest.result.bytes = document.bytes.count
            return ingest
        }()
        let result = ingest.result
        // The id tables and relationships are tens of thousands of strings for a large bundle.
        Discard.elsewhere(consume ingest)
        return result
    }

    /// The objects array of a bundle, of a TAXII envelope, or a bare array of objects.
    static func objectsNode(_ document: JSONDocument) -> Int? {
        let root = document.root
        switch document.kind(root) {
        case .array: return root
        case .object:
            if let o = document.member(root, "objects"), document.kind(o) == .array { return o }
            return nil
        default: return nil
        }
    }

    // MARK: Pass 1

    mutating func read() {
        let root = document.root
        if document.kind(root) == .object, let t = document.member(root, "type"), document.string(t) != "bundle" {
            // A single STIX object is a bundle of one.
            if document.member(root, "id") != nil {
                readObject(root)
                resolve()
                return
            }
        }
        guard let objects = StixIngest.objectsNode(document) else {
            sink.error(root, document.kind(root) == .object ? "no \"objects\" array: not a STIX bundle or TAXII envelope" : "expected a STIX bundle object")
            return
        }
        let count = document.count(objects)
        seen.reserveCapacity(count)
        readObjects(objects, parts: count >= parallelFrom ? 32 : 1)
        warnOfDanglingReferences()
        resolve()
    }

    /// Types read at all; everything else (indicators, courses of action…) is skipped.
    static let wantedTypes: Set<String> = [
        "intrusion-set", "threat-actor", "campaign", "identity", "location", "attack-pattern",
        "malware", "tool", "relationship", "sighting", "report", "note", "x-mitre-tactic", "x-mitre-matrix",
    ]

    /// From this many objects (ATT&CK enterprise has 24,000), headers are made on every core.
    static let parallelObjects = 4096

    /// Pass 1 over a bundle's objects: headers in `parts` ranges (one: on this thread; many:
    /// on every core, since ATT&CK's objects come grouped by type and some types cost more),
    /// each range's objects read in file order on this thread as soon as its headers are
    /// made, while the other cores make the next ranges' (one pass after the other, ATT&CK
    /// 17.1's 22,652 objects kept a core idle for the second).
    mutating func readObjects(_ objects: Int, parts: Int) {
        var elements: [Int] = []
        elements.reserveCapacity(document.count(objects))
        document.forEachElement(objects) { _, element in elements.append(element) }
        let nodes = elements, document = self.document
        // A large bundle's text is let go as each range is read (a mapped file's pages come
        // back from the page cache when read again): ATT&CK 17.1's 30 MiB were otherwise all
        // in memory again from the header pass on, beside the tape and the records.
        let evicting = parts > 1
        var made: [[Header]] = []
        made.reserveCapacity(parts)
        ParallelMap.inOrder(nodes.count, parts: parts) { range in
            range.map { k in document.kind(nodes[k]) == .object ? Header(StixObject(document, nodes[k]), in: document) : .notAnObject }
        } consume: { range, part in
            reserveRoom(for: part, of: range, among: nodes.count)
            // Read where they lie (`part[h]` as the argument, not a copy from an iterator or
            // out of an optional: each copy retained every string in the header, and released
            // them again; callgrind counted 22,652 here).
            for h in part.indices {
                let element = nodes[range.lowerBound + h]
                guard part[h].isObject else {
                    sink.error(element, "expected a STIX object, found \(document.describe(element))")
                    continue
                }
                readObject(element, part[h])
            }
            // Each stretch of the text once its objects are read (not per object: an offset
            // looked up for each of ATT&CK's 22,652 showed).
            if evicting, range.count > 1 {
                document.bytes.evict(document.offset(nodes[range.lowerBound])..<document.offset(nodes[range.upperBound - 1]))
            }
            made.append(part)
        }
        // Every header's strings, freed elsewhere once the load is done (`Discard`).
        Discard.elsewhere(consume made)
    }

    /// Room for the relationships and versions still to come, as if the objects after `range`
    /// were like its own: ATT&CK's 20,000 relationships (which come together) grew their
    /// array a dozen times, each a copy into fresh pages, and the count of all is known only
    /// once every header is made.
    mutating func reserveRoom(for part: [Header], of range: Range<Int>, among count: Int) {
        var linked = 0
        for h in part.indices { if case .relationship = part[h].record { linked += 1 } }
        let left = count - range.lowerBound
        func expected(_ n: Int) -> Int { range.isEmpty ? 0 : n * left / range.count }
        if relationships.capacity < relationships.count + expected(linked) {
            relationships.reserveCapacity(relationships.count + expected(linked))
        }
        let versions = result.versions.count + expected(part.count - linked)
        if result.versions.capacity < versions { result.versions.reserveCapacity(versions) }
    }

    mutating func readObject(_ node: Int) {
        let o = StixObject(document, node)
        readObject(node, Header(o, in: document), o)
    }

    /// Pass 1 for one object whose header is made: problems, versions, then its type's reader
    /// (with the object's members found again only for the types not in the header).
    mutating func readObject(_ node: Int, _ header: Header, _ object: StixObject? = nil) {
        guard let type = header.type else {
            if let t = (object ?? StixObject(document, node)).node(.type, document) {
                sink.error(t, "expected a string, found \(document.describe(t))")
            } else {
                sink.error(node, "missing property \"type\"")
            }
            return
        }
        guard let id = header.id else {
            if let t = (object ?? StixObject(document, node)).node(.id, document) {
                sink.error(t, "expected a string, found \(document.describe(t))")
            } else {
                sink.error(node, "missing property \"id\"")
            }
            return
        }
        guard header.validID else {
            sink.error(header.idNode, "invalid id \"\(id.prefix(80))\": expected \"\(type)--\" followed by a UUID")
            return
        }
        let key = header.key ?? StixKey(id)
        guard keepsVersion(header, id: id, key: key, type: type) else { return }
        if case .none = header.record, !StixIngest.wantedTypes.contains(type) { return }

        switch header.record {
        case let .relationship(rt, source, target):
            relationships.append(Relationship(id: id, kind: .init(rt), source: source, target: target, node: node))
            return
        case let .technique(attackID, info):
            techniqueIDs[key] = attackID
            result.techniques.append(info)
            return
        case .none: break
        }
        readTyped(object ?? StixObject(document, node), type: type, id: id, key: key, node: node)
    }

    /// Whether this version of object `id` is the one to read: several versions may share an
    /// id, and the latest `modified` wins, by time. Revoked and deprecated ones are remembered
    /// (relationships to them count for nothing) and not read.
    mutating func keepsVersion(_ header: Header, id: String, key: StixKey, type: String) -> Bool {
        // Several versions of one object may share an id; the latest `modified` wins, by time.
        let version = header.version
        if version == nil, let m = header.modifiedNode {
            sink.warning(m, "invalid timestamp \"\(document.string(m)?.prefix(40) ?? "")\": expected RFC 3339, e.g. 2026-03-31T00:00:00Z")
        }
        // One lookup for the common case, a first version; an older one is put back.
        if let previous = seen.updateValue((header.idNode, version), forKey: key) {
            if previous.modified == version {
                seen[key] = previous
                let (line, column) = document.lineColumn(of: previous.node)
                sink.error(header.idNode, "duplicate id \"\(id)\" with the same modified time (first at \(line):\(column))")
                return false
            }
            let older: Bool
            if let v = version, let p = previous.modified { older = v < p } else { older = version == nil }
            if older {
                seen[key] = previous
                return false
            }
            // A newer version replaces what the older one added (and may revive a revoked one).
            forget(key)
            dead.remove(key)
        }
        if let version, type != "relationship" { result.versions[id] = version }
        if header.dead {
            dead.insert(key)
            return false
        }
        return true
    }

    /// Hands an object to the reader for its type.
    mutating func readTyped(_ o: StixObject, type: String, id: String, key: StixKey, node: Int) {
        switch type {
        case "intrusion-set", "threat-actor": readActor(o, key: key)
        case "campaign": readCampaign(o, key: key)
        case "identity": readIdentity(o, key: key)
        case "location": readLocation(o, key: key)
        case "attack-pattern": break
        case "malware", "tool": if let n = o.string(.name, document) { software[key] = n }
        case "relationship": readRelationship(o, id: id, node: node)
        case "sighting": readSighting(o, id: id)
        case "report": readReport(o, id: id, node: node)
        case "note": readNote(o, id: id)
        case "x-mitre-tactic": readTactic(o, id: id)
        case "x-mitre-matrix":
            matrixOrder += o.strings(.tacticRefs, document)
            if domain == nil { domain = o.strings(.domains, document).first }
        default: break
        }
    }

    /// Removes what an older version of `id` contributed (a newer one follows in the file).
    mutating func forget(_ key: StixKey) {
        let id = key.id
        if let k = actorIndex[key] {
            result.actors[k].id = "#replaced"
            actorIndex[key] = nil
        }
        if let k = campaignIndex[key] {
            result.campaigns[k].id = "#replaced"
            campaignIndex[key] = nil
        }
        // What the older version derived: its activity span, its technique entry.
        for k in result.campaigns.indices where result.campaigns[k].id == id + "#activity" { result.campaigns[k].id = "#replaced" }
        campaignIndex[StixKey(id + "#activity")] = nil
        result.techniques.removeAll { $0.stixID == id }
        techniqueIDs[key] = nil
        relationships.removeAll { $0.id == id }
        sightings.removeAll { $0.id == id }
        result.findings.removeAll { $0.id == id }
        if let k = reportRecords.firstIndex(where: { result.reports[$0.index].id == id }) {
            result.reports[reportRecords[k].index].id = "#replaced"
            reportRecords.remove(at: k)
        }
    }

}
