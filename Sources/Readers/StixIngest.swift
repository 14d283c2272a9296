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
public struct StixIngest {
    /// ThreatDeck's property extension for measured findings on `note` objects.
    static let findingExtension = "extension-definition--a691854c-88d8-4b19-80c4-59ef2fe96bfb"
    /// ThreatDeck's property extension on sightings: an exported event's kind, nexus, actors.
    static let eventExtension = "extension-definition--5f0e3c6a-7d41-4b8e-9a2b-3c5d6e7f8a9b"

    let document: JSONDocument
    let file: String
    let format: Provenance.Format
    /// From this many objects, their headers are made on every core first.
    let parallelFrom: Int
    var sink: ProblemSink
    var result: IngestResult

    struct Relationship {
        var id: String
        var type: String
        var source: StixKey
        var target: StixKey
        /// The relationship object itself: its description and citations are read only for
        /// the few that become technique uses (ATT&CK has 20,000 relationships, most between
        /// software and techniques, each with a paragraph and several references).
        var node: Int
    }

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

    public static func run(_ document: JSONDocument, file: String, format: Provenance.Format = .stix) -> IngestResult {
        run(document, file: file, format: format, parallelFrom: parallelObjects)
    }

    /// `parallelFrom`: tests compare the two ways of reading one bundle.
    static func run(_ document: JSONDocument, file: String, format: Provenance.Format, parallelFrom: Int) -> IngestResult {
        var ingest = StixIngest(document: document, file: file, format: format, parallelFrom: parallelFrom)
        ingest.read()
        ingest.result.problems = ingest.sink.problems()
        ingest.result.bytes = document.bytes.count
        return ingest.result
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
        // Dangling references, once every id is known (a reference may point forward).
        for r in relationships {
            // Two lookups, not a loop over a two-element array (an allocation per relationship).
            if seen[r.source] == nil, let n = StixObject(document, r.node)[.sourceRef] { sink.warning(n, "reference to \(r.source) which is not in this file") }
            if seen[r.target] == nil, let n = StixObject(document, r.node)[.targetRef] { sink.warning(n, "reference to \(r.target) which is not in this file") }
        }
        resolve()
    }

    /// Types read at all; everything else (indicators, courses of action…) is skipped.
    static let wantedTypes: Set<String> = ["intrusion-set", "threat-actor", "campaign", "identity", "location", "attack-pattern",
                                           "malware", "tool", "relationship", "sighting", "report", "note", "x-mitre-tactic", "x-mitre-matrix"]

    /// What pass 1 needs of one object before it touches any state: its type, id and version,
    /// and for the two types ATT&CK is made of (relationships and attack patterns) their
    /// record. Pure, so a large bundle's headers are made on every core (`readObjects`).
    struct Header: Sendable {
        enum Record: Sendable {
            case none
            case relationship(type: String, source: StixKey, target: StixKey)
            case technique(key: String, TechniqueInfo)
        }

        var type: String?
        var id: String?
        /// `id` with its hash (for valid ids only).
        var key: StixKey?
        var idNode = -1
        var validID = false
        var modifiedNode: Int?
        var modifiedText: String?
        var version: Timestamp?
        var dead = false
        var record = Record.none

        init(_ o: StixObject, in document: JSONDocument) {
            type = o.string(.type)
            guard let type, let id = o.string(.id) else { return }
            self.id = id
            idNode = o[.id] ?? -1
            validID = StixIngest.isValidID(id, type: type)
            guard validID else { return }
            key = StixKey(id)
            modifiedNode = o[.modified]
            modifiedText = o.string(.modified)
            version = modifiedText.flatMap(Timestamp.init(parsing:))
            dead = o.bool(.revoked) || o.bool(.deprecated)
            guard !dead else { return }
            switch type {
            case "relationship":
                // Only when all three are there: a missing one is reported by the reader.
                if let t = o.string(.relationshipType), !t.isEmpty, let s = o.string(.sourceRef), !s.isEmpty, let r = o.string(.targetRef), !r.isEmpty {
                    record = .relationship(type: t, source: StixKey(s), target: StixKey(r))
                }
            case "attack-pattern":
                if let (key, info) = StixIngest.technique(o, id: id, in: document) { record = .technique(key: key, info) }
            default: break
            }
        }
    }

    /// From this many objects (ATT&CK enterprise has 24,000), headers are made on every core.
    static let parallelObjects = 4096

    /// Pass 1 over a bundle's objects: headers in `parts` ranges (one: on this thread; many:
    /// on every core, since ATT&CK's objects come grouped by type and some types cost more),
    /// then each object in file order.
    mutating func readObjects(_ objects: Int, parts: Int) {
        var elements: [Int] = []
        elements.reserveCapacity(document.count(objects))
        document.forEachElement(objects) { _, element in elements.append(element) }
        let nodes = elements, document = self.document
        let parts = ParallelMap.ranges(nodes.count, parts: parts) { range in
            range.map { k in document.kind(nodes[k]) == .object ? Header(StixObject(document, nodes[k]), in: document) : nil }
        }
        // Room made once, from the headers' counts: ATT&CK's 20,000 relationships grew their
        // array a dozen times, each a copy into fresh pages.
        var relationshipCount = 0
        for part in parts { for case let header? in part { if case .relationship = header.record { relationshipCount += 1 } } }
        relationships.reserveCapacity(relationshipCount)
        result.versions.reserveCapacity(nodes.count - relationshipCount)
        var k = 0
        for part in parts {
            for header in part {
                let element = nodes[k]
                k += 1
                guard let header else {
                    sink.error(element, "expected a STIX object, found \(document.describe(element))")
                    continue
                }
                readObject(element, header)
            }
        }
    }

    mutating func readObject(_ node: Int) {
        let o = StixObject(document, node)
        readObject(node, Header(o, in: document), o)
    }

    /// Pass 1 for one object whose header is made: problems, versions, then its type's reader
    /// (with the object's members found again only for the types not in the header).
    mutating func readObject(_ node: Int, _ header: Header, _ object: StixObject? = nil) {
        guard let type = header.type else {
            if let t = (object ?? StixObject(document, node))[.type] { sink.error(t, "expected a string, found \(document.describe(t))") } else { sink.error(node, "missing property \"type\"") }
            return
        }
        guard let id = header.id else {
            if let t = (object ?? StixObject(document, node))[.id] { sink.error(t, "expected a string, found \(document.describe(t))") } else { sink.error(node, "missing property \"id\"") }
            return
        }
        guard header.validID else {
            sink.error(header.idNode, "invalid id \"\(id.prefix(80))\": expected \"\(type)--\" followed by a UUID")
            return
        }
        let key = header.key ?? StixKey(id)
        // Several versions of one object may share an id; the latest `modified` wins, by time.
        let version = header.version
        if version == nil, let m = header.modifiedNode {
            sink.warning(m, "invalid timestamp \"\(header.modifiedText?.prefix(40) ?? "")\": expected RFC 3339, e.g. 2026-03-31T00:00:00Z")
        }
        // One lookup for the common case, a first version; an older one is put back.
        if let previous = seen.updateValue((header.idNode, version), forKey: key) {
            if previous.modified == version {
                seen[key] = previous
                let (line, column) = document.lineColumn(of: previous.node)
                sink.error(header.idNode, "duplicate id \"\(id)\" with the same modified time (first at \(line):\(column))")
                return
            }
            let older: Bool
            if let v = version, let p = previous.modified { older = v < p } else { older = version == nil }
            if older {
                seen[key] = previous
                return
            }
            // A newer version replaces what the older one added (and may revive a revoked one).
            forget(key)
            dead.remove(key)
        }
        if let version, type != "relationship" { result.versions[id] = version }
        if header.dead {
            dead.insert(key)
            return
        }
        if case .none = header.record, !StixIngest.wantedTypes.contains(type) { return }

        switch header.record {
        case let .relationship(rt, source, target):
            relationships.append(Relationship(id: id, type: rt, source: source, target: target, node: node))
            return
        case let .technique(attackID, info):
            techniqueIDs[key] = attackID
            result.techniques.append(info)
            return
        case .none: break
        }
        let o = object ?? StixObject(document, node)
        switch type {
        case "intrusion-set", "threat-actor": readActor(o, key: key)
        case "campaign": readCampaign(o, key: key)
        case "identity": readIdentity(o, key: key)
        case "location": readLocation(o, key: key)
        case "attack-pattern": break
        case "malware", "tool": if let n = o.string(.name) { software[key] = n }
        case "relationship": readRelationship(o, id: id, node: node)
        case "sighting": readSighting(o, id: id)
        case "report": readReport(o, id: id, node: node)
        case "note": readNote(o, id: id)
        case "x-mitre-tactic": readTactic(o, id: id)
        case "x-mitre-matrix":
            matrixOrder += o.strings(.tacticRefs)
            if domain == nil { domain = o.strings(.domains).first }
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

    // MARK: Readers, one per type

    mutating func readActor(_ o: StixObject, key: StixKey) {
        let id = key.id
        guard let actorName = requiredText(o, .name, "name") else { return }
        var actor = Actor(id: id, name: actorName)
        actor.aliases = o.strings(.aliases).filter { Actor.nameKey($0) != Actor.nameKey(actorName) }
        let refs = references(o)
        actor.references = refs
        actor.externalIDs = externalIDs(o, source: nil).filter { !TechniqueInfo.isAttackID($0) }
        if let d = o.string(.description), !d.isEmpty { actor.descriptions = [d] }
        let types = o.strings(.actorTypes)
        if types.contains("nation-state") || o.string(.resourceLevel) == "government" {
            actor.type = .state
        } else if types.contains(where: { $0 == "crime-syndicate" || $0 == "criminal" }) {
            actor.type = .ecrime
        } else if types.contains("activist") {
            actor.type = .hacktivist
        }
        var motivations: [Motivation] = []
        for m in o.strings(.primaryMotivation) + o.strings(.secondaryMotivations) {
            if let mapped = StixIngest.motivation(m, type: actor.type), !motivations.contains(mapped) { motivations.append(mapped) }
        }
        actor.motivations = motivations
        let tlp = marking(o)
        actor.tlp = tlp
        if let span = span(o) {
            // An intrusion set's own first/last seen is activity in its own right.
            result.campaigns.append(Campaign(id: id + "#activity", name: actorName + " activity", span: span, actorIDs: [id],
                                             provenance: [provenance(id, references: refs, tlp: tlp)]))
        }
        actor.provenance = [provenance(id, references: refs, tlp: tlp)]
        actorIndex[key] = result.actors.count
        result.actors.append(actor)
    }

    mutating func readCampaign(_ o: StixObject, key: StixKey) {
        let id = key.id
        // A ThreatDeck export's stand-in for "no actor" (a sighting must be of something):
        // its sightings are events without actors, not a campaign.
        if o.bool(.tdExport) { return }
        guard let campaignName = requiredText(o, .name, "name") else { return }
        campaignIndex[key] = result.campaigns.count
        result.campaigns.append(Campaign(id: id, name: campaignName, span: span(o), description: o.string(.description),
                                         provenance: [provenance(id, references: references(o), tlp: marking(o))]))
    }

    mutating func readIdentity(_ o: StixObject, key: StixKey) {
        let id = key.id
        let identityName = o.string(.name)
        identityNames[key] = identityName
        var target = Target()
        if let x = o.string(.tdSector), Vocabulary.sector(x) != nil { target.sectors.append(x) }
        for raw in o.strings(.sectors) {
            if let s = Vocabulary.sectorID(matching: raw) {
                if !target.sectors.contains(s) && !target.sectors.contains(where: { Vocabulary.sectorLineage($0).contains(s) }) { target.sectors.append(s) }
            } else if !target.unmapped.contains(raw) {
                target.unmapped.append(raw)
            }
        }
        if target.sectors.isEmpty, o.string(.identityClass) == "class", let n = identityName, let s = Vocabulary.sectorID(matching: n) {
            target.sectors.append(s)
        }
        if !target.sectors.isEmpty || !target.unmapped.isEmpty { targets[key] = target }
    }

    mutating func readLocation(_ o: StixObject, key: StixKey) {
        let id = key.id
        var place = Place()
        if let c = o.string(.country) {
            if let code = Vocabulary.countryCode(matching: c) { place.country = code } else { sink.warning(o[.country]!, "unknown country \"\(c.prefix(40))\"; ignored") }
        }
        if let r = o.string(.region) {
            if let rid = Vocabulary.regionID(matching: r) { place.region = rid } else { sink.warning(o[.region]!, "unknown region \"\(r.prefix(40))\"; ignored") }
        }
        if place.country == nil && place.region == nil, let n = o.string(.name) {
            place.country = Vocabulary.countryCode(matching: n)
            if place.country == nil { place.region = Vocabulary.regionID(matching: n) }
        }
        places[key] = place
    }

    /// An attack pattern's technique record and ATT&CK id; nil for attack patterns outside
    /// ATT&CK (the pane is ATT&CK's matrix: another one is a name without a place in it).
    static func technique(_ o: StixObject, id: String, in document: JSONDocument) -> (key: String, info: TechniqueInfo)? {
        guard let n = o.string(.name) else { return nil }
        let refs = references(o, in: document)
        guard let key = externalIDs(o, source: nil, in: document).first(where: TechniqueInfo.isAttackID) else { return nil }
        var phases: [String] = []
        var domainName: String?
        if let k = o[.killChainPhases] {
            document.forEachElement(k) { _, phase in
                guard let p = document.member(phase, "phase_name").flatMap(document.string) else { return }
                if !phases.contains(p) { phases.append(p) }
                if domainName == nil, let chain = document.member(phase, "kill_chain_name").flatMap(document.string) {
                    domainName = chain == "mitre-attack" ? "enterprise-attack" : chain == "mitre-ics-attack" ? "ics-attack" : chain == "mitre-mobile-attack" ? "mobile-attack" : nil
                }
            }
        }
        let url = refs.first { $0.externalID == key }?.url
        return (key, TechniqueInfo(id: key, name: n, tactics: phases, domain: o.strings(.domains).first ?? domainName,
                                   description: o.string(.description), url: url, references: refs, stixID: id))
    }

    mutating func readTactic(_ o: StixObject, id: String) {
        guard let n = o.string(.name), let short = o.string(.shortName) else { return }
        let external = externalIDs(o, source: nil).first
        tactics.append(Tactic(info: TacticInfo(shortName: short, name: n, externalID: external, domain: o.strings(.domains).first), stixID: id))
    }

    mutating func readRelationship(_ o: StixObject, id: String, node: Int) {
        guard let rt = requiredText(o, .relationshipType, "relationship_type") else { return }
        guard let s = requiredText(o, .sourceRef, "source_ref"), let t = requiredText(o, .targetRef, "target_ref") else { return }
        relationships.append(Relationship(id: id, type: rt, source: StixKey(s), target: StixKey(t), node: node))
    }

    mutating func readSighting(_ o: StixObject, id: String) {
        guard let of = requiredText(o, .sightingOf, "sighting_of_ref") else { return }
        guard let s = span(o) ?? o.string(.created).flatMap(Day.init(parsing:)).map({ DayRange($0) }) else { return }
        var n = 1
        if let c = o[.count] {
            if let v = document.double(c), v >= 0, v <= 999_999_999, v == v.rounded() { n = max(1, Int(v)) } else { sink.error(c, "count must be an integer from 0 to 999999999") }
        }
        var sighting = Sighting(id: id, of: of, span: s, count: n, whereSighted: o.strings(.whereSighted), summary: o.string(.description) ?? "", tlp: marking(o))
        if let ext = o[.extensions], let e = document.member(ext, StixIngest.eventExtension), document.kind(e) == .object {
            sighting.kind = document.member(e, "kind").flatMap(document.string).flatMap(Event.Kind.init(rawValue:))
            if let n = document.member(e, "nexus").flatMap(document.string) {
                sighting.nexus = n == "disputed" ? .disputed : n == "unknown" ? .unknown : Vocabulary.countryCode(matching: n).map { Nexus.country($0) }
            }
            if let a = document.member(e, "actors") { document.forEachElement(a) { _, x in if let s = document.string(x) { sighting.actors.append(s) } } }
            if let t = document.member(e, "techniques") { document.forEachElement(t) { _, x in if let s = document.string(x), TechniqueInfo.isAttackID(s) { sighting.techniques.append(s) } } }
        }
        sightings.append(sighting)
    }

    mutating func readReport(_ o: StixObject, id: String, node: Int) {
        guard let title = requiredText(o, .name, "name") else { return }
        var day: Day?
        if let p = o[.published] {
            if let text = document.string(p), let d = Day(parsing: text) { day = d } else { sink.error(p, "invalid timestamp: expected RFC 3339, e.g. 2026-03-31T00:00:00Z") }
        } else {
            sink.error(node, "missing property \"published\" (required on a report)")
        }
        let refs = references(o)
        var info = ReportInfo(id: id, title: title, published: day, summary: o.string(.description), provenance: [provenance(id, references: refs, tlp: marking(o))])
        info.tlp = marking(o)
        // Its external references are its sources (a converted report names the original's
        // publisher there, while created_by_ref names who converted it).
        info.sources = refs.map { SourceInfo(id: $0.key, title: $0.title ?? $0.key, url: $0.url) }
        // A ThreatDeck export's own report object describes the export, not activity.
        reportRecords.append(ReportRecord(index: result.reports.count, refs: o.bool(.tdExport) ? [] : o.strings(.objectRefs), createdBy: o.string(.createdBy)))
        result.reports.append(info)
    }

    mutating func readNote(_ o: StixObject, id: String) {
        guard let ext = o[.extensions], let f = document.member(ext, StixIngest.findingExtension), document.kind(f) == .object else { return }
        readFinding(f, id: id, content: o.string(.content), refs: o.strings(.objectRefs), references: references(o), tlp: marking(o))
    }

    mutating func readFinding(_ node: Int, id: String, content: String?, refs: [String], references: [Reference], tlp: TLP?) {
        func text(_ key: String) -> String? { document.member(node, key).flatMap(document.string) }
        guard let metric = text("metric").flatMap(Finding.Metric.init(rawValue:)) else {
            sink.error(node, "finding extension: \"metric\" must be \"share\" or \"count\"")
            return
        }
        guard let qualifier = text("qualifier").flatMap(Finding.Qualifier.init(rawValue:)) else {
            sink.error(node, "finding extension: unknown or missing \"qualifier\"")
            return
        }
        guard let valueNode = document.member(node, "value"), let value = document.double(valueNode), value.isFinite else {
            sink.error(node, "finding extension: \"value\" must be a finite number")
            return
        }
        if value < 0 || (metric == .share && value > 100) {
            sink.error(valueNode, "share \(Finding.format(value))% is outside 0…100%")
            return
        }
        var period: DayRange?
        if let s = text("period_start").flatMap(Day.init(parsing:)), let e = text("period_end").flatMap(Day.init(parsing:)) {
            if e < s { sink.error(document.member(node, "period_end")!, "date out of order: end \(e) is before start \(s)") } else { period = DayRange(start: s, end: e) }
        }
        let nexus = text("subject_nexus").flatMap(Vocabulary.countryCode(matching:)).map { Nexus.country($0) }
        let actorRef = refs.first { $0.hasPrefix("intrusion-set--") || $0.hasPrefix("threat-actor--") }
        // A finding cites what its note cites: one provenance per cited source.
        let cited = references.isEmpty ? [provenance(id, references: [], tlp: tlp)] : references.map { Provenance(file: file, format: format, objectID: id, source: $0.title ?? $0.key, reference: $0, tlp: tlp) }
        result.findings.append(Finding(id: id, statement: content ?? "", metric: metric, value: value, qualifier: qualifier,
                                       subjectNexus: nexus, subjectActorID: nexus == nil ? actorRef : nil,
                                       population: text("population") ?? "", sector: text("sector").flatMap(Vocabulary.sectorID(matching:)),
                                       region: text("region").flatMap(Vocabulary.regionID(matching:)), period: period,
                                       basis: text("basis"), provenance: cited))
    }

    // MARK: Pass 2

    mutating func resolve() {
        result.actors.removeAll { $0.id == "#replaced" }
        result.campaigns.removeAll { $0.id == "#replaced" }
        // Report records point at reports by position: renumber them past the removed ones
        // (a report replaced by a newer version earlier in the file shifts the rest).
        var position: [Int: Int] = [:]
        var kept = 0
        for (k, r) in result.reports.enumerated() where r.id != "#replaced" {
            position[k] = kept
            kept += 1
        }
        reportRecords = reportRecords.compactMap { r in position[r.index].map { var r = r; r.index = $0; return r } }
        result.reports.removeAll { $0.id == "#replaced" }
        actorIndex = Dictionary(result.actors.enumerated().map { (StixKey($1.id), $0) }, uniquingKeysWith: { a, _ in a })
        campaignIndex = Dictionary(result.campaigns.enumerated().filter { !$0.element.id.hasSuffix("#activity") }.map { (StixKey($1.id), $0) }, uniquingKeysWith: { a, _ in a })
        // Relationships whose ends are revoked, deprecated or missing say nothing.
        // In place: a filtered copy of 20,000 relationships was 80,000 retains and 2 MB of fresh pages.
        if !dead.isEmpty { relationships.removeAll { dead.contains($0.source) || dead.contains($0.target) } }
        let live = relationships
        resolveAttribution(live)
        resolveTargets(live)
        resolveNexus(live)
        resolveUses(live)
        resolveSightings()
        resolveReports()
        resolveTactics()
    }

    /// Campaign attribution first: a campaign's targets and techniques then count for its actors.
    mutating func resolveAttribution(_ relationships: [Relationship]) {
        for r in relationships where r.type == "attributed-to" {
            if let c = campaignIndex[r.source], actorIndex[r.target] != nil {
                if !result.campaigns[c].actorIDs.contains(r.target.id) { result.campaigns[c].actorIDs.append(r.target.id) }
            } else if let a = actorIndex[r.source], let b = actorIndex[r.target] {
                // A threat actor attributed to an intrusion set (or the reverse): one adversary.
                for alias in [result.actors[b].name] + result.actors[b].aliases where !result.actors[a].allNames.contains(alias) {
                    result.actors[a].aliases.append(alias)
                }
            }
        }
    }

    mutating func resolveTargets(_ relationships: [Relationship]) {
        for r in relationships where r.type == "targets" {
            var actorsHit: [Int] = []
            if let a = actorIndex[r.source] { actorsHit = [a] }
            var campaignHit: Int?
            if let c = campaignIndex[r.source] {
                campaignHit = c
                actorsHit = result.campaigns[c].actorIDs.compactMap { actorIndex[StixKey($0)] }
            }
            if let t = targets[r.target] {
                for a in actorsHit {
                    addUnique(&result.actors[a].sectors, t.sectors)
                    addUnique(&result.actors[a].unmappedSectors, t.unmapped)
                }
                if let c = campaignHit { addUnique(&result.campaigns[c].sectors, t.sectors) }
            }
            if let p = places[r.target] {
                for a in actorsHit {
                    if let country = p.country { addUnique(&result.actors[a].countries, [country]) }
                    if let region = p.region { addUnique(&result.actors[a].regions, [region]) }
                }
                if let c = campaignHit, let region = p.region ?? p.country.flatMap({ Vocabulary.country($0)?.region }) {
                    addUnique(&result.campaigns[c].regions, [region])
                }
            }
        }
    }

    mutating func resolveNexus(_ relationships: [Relationship]) {
        for r in relationships where r.type == "originates-from" || r.type == "located-at" {
            guard let a = actorIndex[r.source], let p = places[r.target], let country = p.country else { continue }
            switch result.actors[a].nexusBasis {
            case .stated:
                if result.actors[a].nexus != .country(country) { result.actors[a].nexusBasis = .conflict(others: [country]) }
            case .conflict(let others):
                if result.actors[a].nexus != .country(country) && !others.contains(country) { result.actors[a].nexusBasis = .conflict(others: others + [country]) }
            default:
                result.actors[a].nexus = .country(country)
                result.actors[a].nexusBasis = .stated
            }
        }
    }

    /// `uses`: an actor's techniques and software, and a campaign's, for the actors it is attributed to.
    mutating func resolveUses(_ relationships: [Relationship]) {
        // Which relationships are an actor's technique uses, in file order; their texts (a
        // paragraph and up to 30 citations each, 20,000 of them in ATT&CK) are read on every core.
        var uses: [(relationship: Int, technique: String, users: [(id: String, via: String?)])] = []
        for (k, r) in relationships.enumerated() where r.type == "uses" {
            var users: [(id: String, via: String?)] = []
            if actorIndex[r.source] != nil { users = [(r.source.id, nil)] }
            if let c = campaignIndex[r.source] { users = result.campaigns[c].actorIDs.map { ($0, result.campaigns[c].name) } }
            guard !users.isEmpty else { continue }
            if let t = techniqueIDs[r.target] {
                uses.append((k, t, users))
            } else if let s = software[r.target] {
                for u in users { if let a = actorIndex[StixKey(u.id)], !result.actors[a].software.contains(s) { result.actors[a].software.append(s) } }
            }
        }
        let document = self.document
        let found = uses.map(\.relationship)
        let texts = ParallelMap.map(found.count, minimum: 512) { k in
            let o = StixObject(document, relationships[found[k]].node)
            return (description: o.string(.description) ?? "", references: StixIngest.references(o, in: document))
        }
        // One string per use, not four: the file's part is the same for all 5,000 of ATT&CK's.
        let prefix = format.label + " " + file + " · "
        result.uses.reserveCapacity(result.uses.count + uses.count)
        for (k, use) in uses.enumerated() {
            let source = prefix + relationships[use.relationship].id
            for u in use.users {
                result.uses.append(TechniqueUse(actorID: u.id, techniqueID: use.technique, description: texts[k].description,
                                                references: texts[k].references, source: source, via: u.via))
            }
        }
    }

    mutating func resolveSightings() {
        for s in sightings {
            var actors: [String] = []
            let of = StixKey(s.of)
            if actorIndex[of] != nil { actors = [s.of] }
            if let c = campaignIndex[of] { actors = result.campaigns[c].actorIDs }
            for a in s.actors where actorIndex[StixKey(a)] != nil && !actors.contains(a) { actors.append(a) }
            var event = Event(id: s.id, span: s.span, kind: s.kind ?? .sighting, actorIDs: actors, nexus: s.nexus ?? .unknown,
                              summary: s.summary.isEmpty ? "Sighting of \(displayName(s.of))" : s.summary,
                              count: s.count, provenance: [provenance(s.id, references: [], tlp: s.tlp)])
            event.tlp = s.tlp
            event.techniques = s.techniques
            for w in s.whereSighted {
                let w = StixKey(w)
                if let t = targets[w] { addUnique(&event.sectors, t.sectors) }
                if let p = places[w] {
                    if let c = p.country { addUnique(&event.countries, [c]) }
                    if let r = p.region { addUnique(&event.regions, [r]) }
                }
            }
            result.events.append(event)
        }
    }

    /// A report is activity only where it references an actor: then its publication is an
    /// event of those actors. A report about identities or indicators alone is metadata.
    mutating func resolveReports() {
        for record in reportRecords {
            var report = result.reports[record.index]
            report.publisher = record.createdBy.flatMap { identityNames[StixKey($0)] }
            result.reports[record.index] = report
            guard let day = report.published else { continue }
            let refs = record.refs.map(StixKey.init)
            var actors = refs.filter { actorIndex[$0] != nil }.map(\.id)
            for ref in refs { if let c = campaignIndex[ref] { addUnique(&actors, result.campaigns[c].actorIDs) } }
            guard !actors.isEmpty else { continue }
            var sectors: [String] = []
            for ref in refs { if let t = targets[ref] { addUnique(&sectors, t.sectors) } }
            var event = Event(id: report.id + "#published", span: DayRange(day), kind: .publication, actorIDs: actors,
                              sectors: sectors, summary: "Report published: \(report.title)", provenance: report.provenance)
            event.tlp = report.tlp
            result.events.append(event)
        }
    }

    /// Tactic columns in the matrix's order (else the order the tactics appear).
    mutating func resolveTactics() {
        var ordered: [TacticInfo] = []
        for ref in matrixOrder { if let t = tactics.first(where: { $0.stixID == ref }) { ordered.append(t.info) } }
        for t in tactics where !ordered.contains(t.info) { ordered.append(t.info) }
        result.tactics = ordered.map { t in
            var t = t
            if t.domain == nil { t.domain = domain }
            return t
        }
    }

    // MARK: Helpers

    func displayName(_ id: String) -> String {
        if let a = actorIndex[StixKey(id)] { return result.actors[a].name }
        if let c = campaignIndex[StixKey(id)] { return result.campaigns[c].name }
        return String(id.prefix { $0 != "-" })
    }

    func addUnique(_ list: inout [String], _ values: [String]) {
        for v in values where !list.contains(v) { list.append(v) }
    }

    func provenance(_ id: String, references: [Reference], tlp: TLP?) -> Provenance {
        Provenance(file: file, format: format, objectID: id, reference: references.first { $0.url != nil }, tlp: tlp)
    }

    /// The TLP marking of `object_marking_refs`, if any is a TLP marking.
    func marking(_ o: StixObject) -> TLP? {
        TLP.highest(o.strings(.markingRefs).map { TLP.stixMarkings[$0] })
    }

    mutating func requiredText(_ o: StixObject, _ field: StixObject.Field, _ key: String) -> String? {
        guard let value = o[field] else {
            sink.error(o.node, "missing property \"\(key)\"")
            return nil
        }
        guard let s = document.string(value), !s.isEmpty else {
            sink.error(value, "expected a non-empty string, found \(document.describe(value))")
            return nil
        }
        return s
    }

    mutating func span(_ o: StixObject) -> DayRange? {
        func day(_ node: Int?) -> Day? {
            guard let node else { return nil }
            guard let text = document.string(node), let d = Day(parsing: text) else {
                sink.error(node, "invalid timestamp: expected RFC 3339, e.g. 2026-03-31T00:00:00Z")
                return nil
            }
            return d
        }
        let f = day(o[.firstSeen]), l = day(o[.lastSeen])
        if let f, let l, l < f {
            sink.error(o[.lastSeen]!, "date out of order: last_seen \(l) is before first_seen \(f)")
            return nil
        }
        if let f { return DayRange(start: f, end: l ?? f) }
        if let l { return DayRange(l) }
        return nil
    }

    /// External ids (ATT&CK G0125, T1110.003) from `external_references`.
    func externalIDs(_ o: StixObject, source: String?) -> [String] { Self.externalIDs(o, source: source, in: document) }

    static func externalIDs(_ o: StixObject, source: String?, in document: JSONDocument) -> [String] {
        guard let node = o[.externalReferences] else { return [] }
        var out: [String] = []
        document.forEachElement(node) { _, ref in
            guard document.kind(ref) == .object, let id = document.member(ref, "external_id").flatMap(document.string) else { return }
            if let source, document.member(ref, "source_name").flatMap(document.string) != source { return }
            if !out.contains(id) { out.append(id) }
        }
        return out
    }

    /// `external_references` as citable references (source name, description, URL, id).
    func references(_ o: StixObject) -> [Reference] { Self.references(o, in: document) }

    static func references(_ o: StixObject, in document: JSONDocument) -> [Reference] {
        guard let node = o[.externalReferences] else { return [] }
        var out: [Reference] = []
        document.forEachElement(node) { _, ref in
            guard document.kind(ref) == .object else { return }
            // The four members in one pass over the object (ATT&CK cites up to 30 sources per
            // object; four lookups each walked all of its members). The last of a repeated
            // member wins, as `member` has it.
            var slots = InlineArray<4, Int>(repeating: -1)
            var key = ref + 1
            let end = document.next(ref)
            while key < end {
                if let k = document.keyIndex(key, in: StixIngest.referenceKeys) { slots[k] = key + 1 }
                key = document.next(key + 1)
            }
            func text(_ k: Int) -> String? { slots[k] < 0 ? nil : document.stringPrefix(slots[k], maxScalars: 2000) }
            guard let name = text(0) else { return }
            let r = Reference(key: name, title: text(1) ?? name, url: text(2), externalID: text(3))
            if !out.contains(r) { out.append(r) }
        }
        return out
    }

    /// The members of an external reference that `references` reads, in its slot order.
    static let referenceKeys = KeyTable(["source_name", "description", "url", "external_id"])

    /// STIX attack-motivation-ov (open) onto ThreatDeck's motivations; values that say
    /// nothing certain (dominance, coercion, accidental, ...) stay unknown.
    static func motivation(_ raw: String, type: ActorType) -> Motivation? {
        switch raw.lowercased() {
        case "espionage", "intelligence": return .espionage
        case "personal-gain", "financial", "financial-gain": return .financial
        case "organizational-gain": return type == .ecrime ? .financial : nil
        case "ideology": return .ideology
        case "notoriety": return .notoriety
        case "disruption": return .disruption
        case "destruction": return .destruction
        case "influence": return .influence
        default: return nil
        }
    }

    /// `type--` followed by an RFC 4122 UUID (any version; STIX 2.0 used v4, 2.1 v4/v5).
    static func isValidID(_ id: String, type: String) -> Bool {
        var id = id, type = type
        // On the UTF-8 in place: two array copies per object before.
        return id.withUTF8 { u in
            type.withUTF8 { t in
                guard u.count == t.count + 2 + 36, u.starts(with: t), u[t.count] == 0x2D, u[t.count + 1] == 0x2D else { return false }
                for k in 0..<36 {
                    let c = u[t.count + 2 + k]
                    if k == 8 || k == 13 || k == 18 || k == 23 {
                        if c != 0x2D { return false }
                    } else if !((c >= 0x30 && c <= 0x39) || (c >= 0x61 && c <= 0x66) || (c >= 0x41 && c <= 0x46)) {
                        return false
                    }
                }
                return true
            }
        }
    }
}
