/// Reads STIX 2.1 bundles, and STIX 2.0-style objects without `spec_version` (all of MITRE
/// ATT&CK), into actor, campaign, event and finding records.
///
/// One pass collects the objects ThreatDeck understands (unknown types and custom
/// properties are skipped, never errors); a second resolves relationships: `targets` gives
/// sectors and regions, `attributed-to` links campaigns to actors, `originates-from` and
/// `located-at` give a stated nexus, `uses` gives techniques and software.
public struct StixIngest {
    /// ThreatDeck's property extension for measured findings on `note` objects.
    static let findingExtension = "extension-definition--a691854c-88d8-4b19-80c4-59ef2fe96bfb"

    let document: JSONDocument
    let file: String
    let format: Provenance.Format
    private var sink: ProblemSink
    private var result: IngestResult

    private struct Relationship {
        var type: String
        var source: String
        var target: String
        var node: Int
    }

    private struct Place {
        var country: String?
        var region: String?
    }

    private struct Target {
        var sectors: [String] = []
        var unmapped: [String] = []
    }

    private struct Sighting {
        var id: String
        var of: String
        var span: DayRange
        var count: Int
        var whereSighted: [String]
        var summary: String
    }

    private struct ReportRecord {
        var index: Int
        var refs: [String]
        var createdBy: String?
    }

    private var actorIndex: [String: Int] = [:]
    private var campaignIndex: [String: Int] = [:]
    private var places: [String: Place] = [:]
    private var targets: [String: Target] = [:]
    private var identityNames: [String: String] = [:]
    private var techniques: [String: Actor.Technique] = [:]
    private var software: [String: String] = [:]
    private var relationships: [Relationship] = []
    private var sightings: [Sighting] = []
    private var reportRecords: [ReportRecord] = []
    /// id → (node, modified) of the version kept, to drop older versions of the same object.
    private var seen: [String: (node: Int, modified: String)] = [:]
    private var allIDs: Set<String> = []

    init(document: JSONDocument, file: String, format: Provenance.Format = .stix) {
        self.document = document
        self.file = file
        self.format = format
        self.sink = ProblemSink(document: document, file: file)
        self.result = IngestResult(file: file, format: format)
    }

    public static func run(_ document: JSONDocument, file: String, format: Provenance.Format = .stix) -> IngestResult {
        var ingest = StixIngest(document: document, file: file, format: format)
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

    private mutating func read() {
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
            if document.kind(root) == .object {
                sink.error(root, "no \"objects\" array: not a STIX bundle or TAXII envelope")
            } else {
                sink.error(root, "expected a STIX bundle object")
            }
            return
        }
        // Ids first, so dangling references can be told from forward references.
        document.forEachElement(objects) { _, element in
            if document.kind(element) == .object, let id = document.member(element, "id").flatMap(document.string) { allIDs.insert(id) }
        }
        document.forEachElement(objects) { _, element in
            guard document.kind(element) == .object else {
                sink.error(element, "expected a STIX object, found \(document.describe(element))")
                return
            }
            readObject(element)
        }
        resolve()
    }

    /// Member names readObject looks at, in the order of `Field`.
    private static let fieldTable = KeyTable(Field.allCases.map(\.name))

    private enum Field: Int, CaseIterable {
        case type, id, name, aliases, description, firstSeen, lastSeen, published, created, modified
        case relationshipType, sourceRef, targetRef, objectRefs, identityClass, sectors, region, country
        case externalReferences, actorTypes, primaryMotivation, secondaryMotivations, resourceLevel
        case sightingOf, whereSighted, count, extensions, revoked, deprecated, tdSector, content, createdBy

        var name: String {
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
            }
        }
    }

    /// Types read at all; everything else (indicators, x-mitre-*, courses of action…) is skipped.
    private static let wantedTypes: Set<String> = ["intrusion-set", "threat-actor", "campaign", "identity", "location", "attack-pattern",
                                                    "malware", "tool", "relationship", "sighting", "report", "note"]

    private mutating func readObject(_ node: Int) {
        var f = [Int](repeating: -1, count: Field.allCases.count)
        document.forEachMemberIndex(node) { key, value in
            if let k = document.keyIndex(key, in: StixIngest.fieldTable) { f[k] = value }
        }
        func at(_ field: Field) -> Int? { f[field.rawValue] >= 0 ? f[field.rawValue] : nil }
        let typeNode = at(.type), idNode = at(.id)
        let type = typeNode.flatMap(document.string)
        let id = idNode.flatMap(document.string)
        let name = at(.name), aliases = at(.aliases), description = at(.description), firstSeen = at(.firstSeen)
        let lastSeen = at(.lastSeen), published = at(.published), created = at(.created), modified = at(.modified)
        let relationshipType = at(.relationshipType), sourceRef = at(.sourceRef), targetRef = at(.targetRef)
        let objectRefs = at(.objectRefs), identityClass = at(.identityClass), sectors = at(.sectors), region = at(.region)
        let country = at(.country), externalReferences = at(.externalReferences), actorTypes = at(.actorTypes)
        let primaryMotivation = at(.primaryMotivation), secondaryMotivations = at(.secondaryMotivations)
        let resourceLevel = at(.resourceLevel), sightingOf = at(.sightingOf), whereSighted = at(.whereSighted), count = at(.count)
        let extensions = at(.extensions), tdSector = at(.tdSector), content = at(.content), createdBy = at(.createdBy)
        let revoked = at(.revoked).flatMap(document.bool) ?? false
        let deprecated = at(.deprecated).flatMap(document.bool) ?? false

        guard let type else {
            if let typeNode { sink.error(typeNode, "expected a string, found \(document.describe(typeNode))") } else { sink.error(node, "missing property \"type\"") }
            return
        }
        guard let id else {
            if let idNode { sink.error(idNode, "expected a string, found \(document.describe(idNode))") } else { sink.error(node, "missing property \"id\"") }
            return
        }
        guard StixIngest.isValidID(id, type: type) else {
            sink.error(idNode!, "invalid id \"\(id.prefix(80))\": expected \"\(type)--\" followed by a UUID")
            return
        }
        // Several versions of one object may share an id; the latest `modified` wins.
        let version = modified.flatMap(document.string) ?? ""
        if let previous = seen[id] {
            if previous.modified == version {
                let (line, column) = document.lineColumn(of: previous.node)
                sink.error(idNode!, "duplicate id \"\(id)\" with the same modified time (first at \(line):\(column))")
                return
            }
            if version < previous.modified { return }
        }
        seen[id] = (idNode!, version)
        if revoked || deprecated || !StixIngest.wantedTypes.contains(type) { return }

        switch type {
        case "intrusion-set", "threat-actor":
            guard let actorName = requiredText(name, in: node, "name") else { return }
            var actor = Actor(id: id, name: actorName)
            actor.aliases = strings(aliases).filter { $0.lowercased() != actorName.lowercased() }
            actor.externalIDs = externalIDs(externalReferences)
            if let d = description.flatMap(document.string), !d.isEmpty { actor.descriptions = [d] }
            let types = strings(actorTypes)
            if types.contains("nation-state") || resourceLevel.flatMap(document.string) == "government" {
                actor.type = .state
            } else if types.contains(where: { $0 == "crime-syndicate" || $0 == "criminal" }) {
                actor.type = .ecrime
            } else if types.contains("activist") {
                actor.type = .hacktivist
            }
            var motivations: [Motivation] = []
            for m in strings(primaryMotivation.map { [$0] } ?? []) + strings(secondaryMotivations) {
                if let mapped = StixIngest.motivation(m, type: actor.type), !motivations.contains(mapped) { motivations.append(mapped) }
            }
            actor.motivations = motivations
            if let span = span(firstSeen, lastSeen) {
                // An intrusion set's own first/last seen is activity in its own right.
                result.campaigns.append(Campaign(id: id + "#activity", name: actorName + " activity", span: span, actorIDs: [id],
                                                 provenance: [provenance(id)]))
            }
            actor.provenance = [provenance(id)]
            actorIndex[id] = result.actors.count
            result.actors.append(actor)
        case "campaign":
            guard let campaignName = requiredText(name, in: node, "name") else { return }
            let s = span(firstSeen, lastSeen)
            campaignIndex[id] = result.campaigns.count
            result.campaigns.append(Campaign(id: id, name: campaignName, span: s,
                                             description: description.flatMap(document.string), provenance: [provenance(id)]))
        case "identity":
            let identityName = name.flatMap(document.string)
            identityNames[id] = identityName
            var target = Target()
            if let x = tdSector.flatMap(document.string), Vocabulary.sector(x) != nil { target.sectors.append(x) }
            for raw in strings(sectors) {
                if let s = Vocabulary.sectorID(matching: raw) {
                    if !target.sectors.contains(s) && !target.sectors.contains(where: { Vocabulary.sectorLineage($0).contains(s) }) { target.sectors.append(s) }
                } else if !target.unmapped.contains(raw) {
                    target.unmapped.append(raw)
                }
            }
            if target.sectors.isEmpty, identityClass.flatMap(document.string) == "class", let n = identityName, let s = Vocabulary.sectorID(matching: n) {
                target.sectors.append(s)
            }
            if !target.sectors.isEmpty || !target.unmapped.isEmpty { targets[id] = target }
        case "location":
            var place = Place()
            if let c = country.flatMap(document.string) {
                if let code = Vocabulary.countryCode(matching: c) { place.country = code } else { sink.warning(country!, "unknown country \"\(c.prefix(40))\"; ignored") }
            }
            if let r = region.flatMap(document.string) {
                if let rid = Vocabulary.regionID(matching: r) { place.region = rid } else { sink.warning(region!, "unknown region \"\(r.prefix(40))\"; ignored") }
            }
            if place.country == nil && place.region == nil, let n = name.flatMap(document.string) {
                place.country = Vocabulary.countryCode(matching: n)
                if place.country == nil { place.region = Vocabulary.regionID(matching: n) }
            }
            places[id] = place
        case "attack-pattern":
            guard let n = name.flatMap(document.string) else { return }
            let attackID = externalIDs(externalReferences, source: "mitre-attack").first
            techniques[id] = Actor.Technique(name: n, attackID: attackID)
        case "malware", "tool":
            if let n = name.flatMap(document.string) { software[id] = n }
        case "relationship":
            guard let rt = requiredText(relationshipType, in: node, "relationship_type") else { return }
            guard let s = requiredText(sourceRef, in: node, "source_ref"), let t = requiredText(targetRef, in: node, "target_ref") else { return }
            for (ref, refNode) in [(s, sourceRef!), (t, targetRef!)] where !allIDs.isEmpty && !allIDs.contains(ref) {
                sink.warning(refNode, "reference to \(ref) which is not in this file")
            }
            relationships.append(Relationship(type: rt, source: s, target: t, node: node))
        case "sighting":
            guard let of = requiredText(sightingOf, in: node, "sighting_of_ref") else { return }
            let s = span(firstSeen, lastSeen) ?? created.flatMap(document.string).flatMap(Day.init(parsing:)).map { DayRange($0) }
            guard let s else { return }
            var n = 1
            if let c = count {
                if let v = document.double(c), v >= 0, v <= 999_999_999, v == v.rounded() { n = max(1, Int(v)) } else { sink.error(c, "count must be an integer from 0 to 999999999") }
            }
            sightings.append(Sighting(id: id, of: of, span: s, count: n, whereSighted: strings(whereSighted),
                                      summary: description.flatMap(document.string) ?? ""))
        case "report":
            guard let title = requiredText(name, in: node, "name") else { return }
            let day = published.flatMap { p -> Day? in
                guard let text = document.string(p), let d = Day(parsing: text) else {
                    sink.error(p, "invalid timestamp: expected RFC 3339, e.g. 2026-03-31T00:00:00Z")
                    return nil
                }
                return d
            }
            if published == nil { sink.error(node, "missing property \"published\" (required on a report)") }
            let info = ReportInfo(id: id, title: title, published: day, summary: description.flatMap(document.string), provenance: [provenance(id)])
            reportRecords.append(ReportRecord(index: result.reports.count, refs: strings(objectRefs), createdBy: createdBy.flatMap(document.string)))
            result.reports.append(info)
        case "note":
            if let ext = extensions, let f = document.member(ext, StixIngest.findingExtension), document.kind(f) == .object {
                readFinding(f, id: id, content: content.flatMap(document.string), refs: strings(objectRefs))
            }
        default:
            break
        }
    }

    private mutating func readFinding(_ node: Int, id: String, content: String?, refs: [String]) {
        func text(_ key: String) -> String? { document.member(node, key).flatMap(document.string) }
        guard let metric = text("metric").flatMap(Finding.Metric.init(rawValue:)) else {
            sink.error(node, "finding extension: \"metric\" must be \"share\" or \"count\"")
            return
        }
        guard let qualifier = text("qualifier").flatMap(Finding.Qualifier.init(rawValue:)) else {
            sink.error(node, "finding extension: unknown or missing \"qualifier\"")
            return
        }
        guard let valueNode = document.member(node, "value"), let value = document.double(valueNode) else {
            sink.error(node, "finding extension: \"value\" must be a number")
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
        result.findings.append(Finding(id: id, statement: content ?? "", metric: metric, value: value, qualifier: qualifier,
                                       subjectNexus: nexus, subjectActorID: nexus == nil ? actorRef : nil,
                                       population: text("population") ?? "", sector: text("sector").flatMap(Vocabulary.sectorID(matching:)),
                                       region: text("region").flatMap(Vocabulary.regionID(matching:)), period: period,
                                       basis: text("basis"), provenance: [provenance(id)]))
    }

    // MARK: Pass 2

    private mutating func resolve() {
        // Campaign attribution first: a campaign's targets then count for its actors too.
        var campaignActors: [String: [String]] = [:]
        for r in relationships where r.type == "attributed-to" {
            if campaignIndex[r.source] != nil, actorIndex[r.target] != nil {
                campaignActors[r.source, default: []].append(r.target)
            } else if actorIndex[r.source] != nil, actorIndex[r.target] != nil {
                // Threat actor attributed to an intrusion set (or the reverse): the same adversary.
                let a = actorIndex[r.source]!, b = actorIndex[r.target]!
                for alias in [result.actors[b].name] + result.actors[b].aliases where !result.actors[a].allNames.contains(alias) {
                    result.actors[a].aliases.append(alias)
                }
            }
        }
        for (campaign, actors) in campaignActors {
            let index = campaignIndex[campaign]!
            for a in actors where !result.campaigns[index].actorIDs.contains(a) { result.campaigns[index].actorIDs.append(a) }
        }

        for r in relationships {
            switch r.type {
            case "targets":
                var actorsHit: [Int] = []
                if let a = actorIndex[r.source] { actorsHit = [a] }
                var campaignHit: Int?
                if let c = campaignIndex[r.source] {
                    campaignHit = c
                    actorsHit = (campaignActors[r.source] ?? []).compactMap { actorIndex[$0] }
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
                    if let c = campaignHit {
                        if let region = p.region ?? p.country.flatMap({ Vocabulary.country($0)?.region }) { addUnique(&result.campaigns[c].regions, [region]) }
                    }
                }
            case "originates-from", "located-at":
                guard let a = actorIndex[r.source], let p = places[r.target], let country = p.country else { continue }
                switch result.actors[a].nexusBasis {
                case .stated:
                    if result.actors[a].nexus != .country(country) {
                        result.actors[a].nexusBasis = .conflict(others: [country])
                    }
                case .conflict(let others):
                    if result.actors[a].nexus != .country(country) && !others.contains(country) {
                        result.actors[a].nexusBasis = .conflict(others: others + [country])
                    }
                default:
                    result.actors[a].nexus = .country(country)
                    result.actors[a].nexusBasis = .stated
                }
            case "uses":
                guard let a = actorIndex[r.source] else { continue }
                if let t = techniques[r.target], !result.actors[a].techniques.contains(t) {
                    result.actors[a].techniques.append(t)
                } else if let s = software[r.target], !result.actors[a].software.contains(s) {
                    result.actors[a].software.append(s)
                }
            default:
                break
            }
        }

        for s in sightings {
            var actors: [String] = []
            if actorIndex[s.of] != nil { actors = [s.of] }
            if let c = campaignIndex[s.of] { actors = result.campaigns[c].actorIDs }
            var event = Event(id: s.id, span: s.span, kind: .sighting, actorIDs: actors,
                              summary: s.summary.isEmpty ? "Sighting of \(displayName(s.of))" : s.summary,
                              count: s.count, provenance: [provenance(s.id)])
            for w in s.whereSighted {
                if let t = targets[w] { addUnique(&event.sectors, t.sectors) }
                if let p = places[w] {
                    if let c = p.country { addUnique(&event.countries, [c]) }
                    if let r = p.region { addUnique(&event.regions, [r]) }
                }
            }
            result.events.append(event)
        }

        for record in reportRecords {
            var report = result.reports[record.index]
            report.publisher = record.createdBy.flatMap { identityNames[$0] }
            result.reports[record.index] = report
            guard let day = report.published else { continue }
            let actors = record.refs.filter { actorIndex[$0] != nil }
            var sectors: [String] = []
            for ref in record.refs { if let t = targets[ref] { addUnique(&sectors, t.sectors) } }
            result.events.append(Event(id: report.id + "#published", span: DayRange(day), kind: .publication, actorIDs: actors,
                                       sectors: sectors, summary: "Report published: \(report.title)", provenance: report.provenance))
        }
    }

    // MARK: Helpers

    private func displayName(_ id: String) -> String {
        if let a = actorIndex[id] { return result.actors[a].name }
        if let c = campaignIndex[id] { return result.campaigns[c].name }
        return String(id.prefix { $0 != "-" })
    }

    private func addUnique(_ list: inout [String], _ values: [String]) {
        for v in values where !list.contains(v) { list.append(v) }
    }

    private func provenance(_ id: String) -> Provenance {
        Provenance(file: file, format: format, objectID: id)
    }

    private mutating func requiredText(_ value: Int?, in node: Int, _ key: String) -> String? {
        guard let value else {
            sink.error(node, "missing property \"\(key)\"")
            return nil
        }
        guard let s = document.string(value), !s.isEmpty else {
            sink.error(value, "expected a non-empty string, found \(document.describe(value))")
            return nil
        }
        return s
    }

    private func strings(_ node: Int?) -> [String] {
        guard let node else { return [] }
        if document.kind(node) == .string { return document.string(node).map { [$0] } ?? [] }
        var out: [String] = []
        document.forEachElement(node) { _, e in if let s = document.string(e), !s.isEmpty, !out.contains(s) { out.append(s) } }
        return out
    }

    private func strings(_ nodes: [Int]) -> [String] { nodes.flatMap { strings($0) } }

    private mutating func span(_ first: Int?, _ last: Int?) -> DayRange? {
        func day(_ node: Int?) -> Day? {
            guard let node else { return nil }
            guard let text = document.string(node), let d = Day(parsing: text) else {
                sink.error(node, "invalid timestamp: expected RFC 3339, e.g. 2026-03-31T00:00:00Z")
                return nil
            }
            return d
        }
        let f = day(first), l = day(last)
        if let f, let l, l < f {
            sink.error(last!, "date out of order: last_seen \(l) is before first_seen \(f)")
            return nil
        }
        if let f { return DayRange(start: f, end: l ?? f) }
        if let l { return DayRange(l) }
        return nil
    }

    /// External ids (ATT&CK G0125, T1110.003) from `external_references`.
    private func externalIDs(_ node: Int?, source: String? = nil) -> [String] {
        guard let node else { return [] }
        var out: [String] = []
        document.forEachElement(node) { _, ref in
            guard document.kind(ref) == .object, let id = document.member(ref, "external_id").flatMap(document.string) else { return }
            let name = document.member(ref, "source_name").flatMap(document.string)
            if let source, name != source { return }
            if !out.contains(id) { out.append(id) }
        }
        return out
    }

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
        let u = Array(id.utf8)
        let t = Array(type.utf8)
        guard u.count == t.count + 2 + 36, u.starts(with: t), u[t.count] == 0x2D, u[t.count + 1] == 0x2D else { return false }
        let uuid = u[(t.count + 2)...]
        for (k, c) in uuid.enumerated() {
            if k == 8 || k == 13 || k == 18 || k == 23 {
                if c != 0x2D { return false }
            } else if !((c >= 0x30 && c <= 0x39) || (c >= 0x61 && c <= 0x66) || (c >= 0x41 && c <= 0x46)) {
                return false
            }
        }
        return true
    }
}
