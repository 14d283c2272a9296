import ThreatModel

/// The view as a STIX 2.1 bundle that loads back with the same numbers: actors as intrusion
/// sets (aliases, ATT&CK ids, nexus as `originates-from` a location, sectors and places as
/// `targets`), campaigns (`attributed-to`), techniques (`uses`), events as sightings (with
/// their kind and summary in ThreatDeck's extension), findings as notes with the finding
/// extension, one report referencing it all. Ids are name-based UUIDv5, so an export of the
/// same view twice has the same ids. Passes the OASIS validator.
public enum StixExport {
    static let findingExtension = "extension-definition--a691854c-88d8-4b19-80c4-59ef2fe96bfb"
    static let eventExtension = "extension-definition--5f0e3c6a-7d41-4b8e-9a2b-3c5d6e7f8a9b"

    struct Builder {
        var objects: [JSONValue] = []
        var ids: Set<String> = []
        let created: String
        let author: String

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
    }

    public static func bundle(_ view: ReportView) -> JSONValue {
        let d = view.dataset
        let seconds = view.generatedAt > 0 ? Int64(view.generatedAt) : 0
        let created = Timestamp(seconds: seconds, nanoseconds: 0).description.replacingOccurrences("Z", ".000Z")
        let authorID = "identity--" + UUIDv5.make("identity|threatdeck-export")
        var b = Builder(created: created, author: authorID)
        _ = b.add(
            "identity", key: "threatdeck-export",
            [
                ("name", .string("ThreatDeck export")), ("identity_class", .string("system")),
                (
                    "description",
                    .string("A view exported by ThreatDeck. Filter: " + (view.filter.isEmpty ? "none" : view.filter.chips.map(\.label).joined(separator: " ")))
                ),
            ],
            withAuthor: false)
        _ = b.add(
            "extension-definition", key: "finding",
            [
                ("name", .string("ThreatDeck measured finding")),
                (
                    "description",
                    .string("A figure stated by a source: metric, value, qualifier, subject nexus, population, optional sector and period, basis.")
                ),
                ("schema", .string("https://threatdeck.invalid/stix/extensions/measured-finding-1.0.0.schema.json")),
                ("version", .string("1.0.0")), ("extension_types", .array([.string("property-extension")])),
            ])
        _ = b.add(
            "extension-definition", key: "event",
            [
                ("name", .string("ThreatDeck event")),
                ("description", .string("The kind, nexus and TLP marking of an exported ThreatDeck event, on the sighting that carries it.")),
                ("schema", .string("https://threatdeck.invalid/stix/extensions/event-1.0.0.schema.json")),
                ("version", .string("1.0.0")), ("extension_types", .array([.string("property-extension")])),
            ])
        var refs: [String] = []
        var locations: [String: String] = [:]
        func location(country: String? = nil, region: String? = nil) -> String {
            let key = (country ?? "") + "|" + (region ?? "")
            if let id = locations[key] { return id }
            var props: [(String, JSONValue)] = []
            if let country { props += [("name", .string(Vocabulary.country(country)?.name ?? country)), ("country", .string(country))] }
            if let region { props += [("name", .string(Vocabulary.regionName(region))), ("region", .string(region))] }
            let id = b.add("location", key: key, props)
            locations[key] = id
            refs.append(id)
            return id
        }
        var sectorIdentities: [String: String] = [:]
        func sector(_ s: String) -> String {
            if let id = sectorIdentities[s] { return id }
            let top = Vocabulary.topSector(s)
            var props: [(String, JSONValue)] = [
                ("name", .string(Vocabulary.sectorName(s) + " sector")), ("identity_class", .string("class")), ("sectors", .array([.string(top)])),
            ]
            if top != s { props.append(("x_threatdeck_sector", .string(s))) }
            let id = b.add("identity", key: "sector|" + s, props)
            sectorIdentities[s] = id
            refs.append(id)
            return id
        }
        // Actors.
        var actorSTIX: [String: String] = [:]
        var techniqueSTIX: [String: String] = [:]
        func technique(_ t: String) -> String {
            if let id = techniqueSTIX[t] { return id }
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
            let id = b.add("attack-pattern", key: t, props)
            techniqueSTIX[t] = id
            refs.append(id)
            return id
        }
        for p in d.actors.indices where view.selection.actorMask[p] {
            let a = d.actors[p]
            var props: [(String, JSONValue)] = [("name", .string(a.name))]
            if !a.aliases.isEmpty { props.append(("aliases", .array(a.aliases.map { .string($0) }))) }
            if let desc = a.descriptions.first { props.append(("description", .string(AttackMarkdown.render(desc, references: a.references).text))) }
            let motivations = a.motivations.map { m -> String in m == .financial ? "personal-gain" : m.rawValue }
            if let first = motivations.first { props.append(("primary_motivation", .string(first))) }
            if motivations.count > 1 { props.append(("secondary_motivations", .array(motivations.dropFirst().map { .string($0) }))) }
            if a.type == .state { props.append(("resource_level", .string("government"))) }
            let groupIDs = a.externalIDs.filter { $0.count == 5 && $0.hasPrefix("G") }
            if !groupIDs.isEmpty {
                props.append(
                    ("external_references", .array(groupIDs.map { .object([("source_name", .string("mitre-attack")), ("external_id", .string($0))]) })))
            }
            let id = b.add("intrusion-set", key: a.id, props, markings: a.tlp)
            actorSTIX[a.id] = id
            refs.append(id)
            switch a.nexus {
            case .country(let c): b.relate("originates-from", id, location(country: c))
            case .disputed: for claim in a.nexusClaims { if let c = claim.nexus.code { b.relate("originates-from", id, location(country: c)) } }
            case .unknown: break
            }
            for s in a.sectors { b.relate("targets", id, sector(s)) }
            for c in a.countries { b.relate("targets", id, location(country: c)) }
            for r in a.regions { b.relate("targets", id, location(region: r)) }
            for t in d.actorTechniques[p] { b.relate("uses", id, technique(t)) }
        }
        // Campaigns.
        for i in view.selection.campaignIndices {
            let c = d.campaigns[i]
            guard !c.id.hasSuffix("#activity") else { continue }
            var props: [(String, JSONValue)] = [("name", .string(c.name))]
            if let s = c.span {
                props.append(("first_seen", .string(s.start.description + "T00:00:00.000Z")))
                props.append(("last_seen", .string(s.end.description + "T00:00:00.000Z")))
            }
            if let desc = c.description { props.append(("description", .string(desc))) }
            let id = b.add("campaign", key: c.id, props)
            refs.append(id)
            for a in c.actorIDs { if let target = actorSTIX[a] { b.relate("attributed-to", id, target) } }
        }
        // Events, as sightings of their actors (or of an "unattributed" campaign).
        var unattributed: String?
        for i in view.selection.eventIndices {
            let e = d.events[i]
            var of = e.actorIDs.compactMap { actorSTIX[$0] }.first
            if of == nil {
                if unattributed == nil {
                    unattributed = b.add(
                        "campaign", key: "unattributed",
                        [
                            ("name", .string("Unattributed activity")),
                            ("description", .string("Events exported by ThreatDeck with no actor.")),
                            ("x_threatdeck_export", .bool(true)),
                        ])
                    refs.append(unattributed!)
                }
                of = unattributed
            }
            var whereSighted = e.sectors.map(sector)
            whereSighted += e.countries.map { location(country: $0) }
            whereSighted += e.regions.map { location(region: $0) }
            var props: [(String, JSONValue)] = [
                ("first_seen", .string(e.span.start.description + "T00:00:00.000Z")),
                ("last_seen", .string(e.span.end.description + "T23:59:59.000Z")),
                ("count", .int(max(1, min(999_999_999, e.count)))),
                ("sighting_of_ref", .string(of!)),
                ("description", .string(e.summary)),
            ]
            if !whereSighted.isEmpty { props.append(("where_sighted_refs", .array(whereSighted.map { .string($0) }))) }
            var ext: [(String, JSONValue)] = [
                ("extension_type", .string("property-extension")), ("kind", .string(e.kind.rawValue)),
                ("nexus", .string(e.nexus.description)),
            ]
            if e.actorIDs.count > 1 { ext.append(("actors", .array(e.actorIDs.compactMap { actorSTIX[$0] }.map { .string($0) }))) }
            if !e.techniques.isEmpty { ext.append(("techniques", .array(e.techniques.map { .string($0) }))) }
            props.append(("extensions", .object([(eventExtension, .object(ext))])))
            refs.append(b.add("sighting", key: e.id, props, markings: e.tlp))
        }
        // Findings, as notes with the finding extension.
        for f in d.findings {
            do {
                var ext: [(String, JSONValue)] = [
                    ("extension_type", .string("property-extension")), ("metric", .string(f.metric.rawValue)),
                    ("value", .number(f.value)), ("qualifier", .string(f.qualifier.rawValue)), ("population", .string(f.population)),
                ]
                if f.scope.basis == .stated {
                    if let t = f.scope.sponsorship { ext.append(("population_sponsor", .string(t.rawValue))) }
                    if let a = f.scope.activity { ext.append(("population_activity", .string(a.name))) }
                    if let c = f.scope.countedBy { ext.append(("population_counted_by", .string(c.rawValue))) }
                }
                if let n = f.subjectNexus?.code { ext.append(("subject_nexus", .string(n))) }
                if let sct = f.sector { ext.append(("sector", .string(sct))) }
                if let r = f.region { ext.append(("region", .string(r))) }
                if let p = f.period { ext += [("period_start", .string(p.start.description)), ("period_end", .string(p.end.description))] }
                if let basis = f.basis { ext.append(("basis", .string(basis))) }
                let cited = f.citedSources
                var props: [(String, JSONValue)] = [("content", .string(f.statement.isEmpty ? f.formatted() + " of " + f.population : f.statement))]
                let noteRefs = refs.prefix(1).isEmpty ? [authorID] : [String](refs.prefix(1))
                props.append(("object_refs", .array(noteRefs.map { .string($0) })))
                if !cited.isEmpty {
                    props.append(
                        (
                            "external_references",
                            .array(
                                cited.map { r in
                                    var m: [(String, JSONValue)] = [("source_name", .string(r.key)), ("description", .string(r.title ?? r.key))]
                                    if let url = r.url { m.append(("url", .string(url))) }
                                    return .object(m)
                                })
                        ))
                }
                props.append(("extensions", .object([(findingExtension, .object(ext))])))
                refs.append(b.add("note", key: f.id, props))
            }
        }
        // TLP 2.0 marking definitions used.
        let markings = Set(d.actors.compactMap(\.tlp) + d.events.compactMap(\.tlp))
        for m in TLP.allCases where markings.contains(m) {
            b.objects.append(
                .object([
                    ("type", .string("marking-definition")), ("spec_version", .string("2.1")), ("id", .string(m.stix2MarkingID)),
                    ("created", .string("2022-10-01T00:00:00.000Z")), ("name", .string(m.label)),
                    (
                        "extensions",
                        .object([
                            (
                                "extension-definition--60a3c5c5-0d10-413e-aab3-9e08dde9e88d",
                                .object([("extension_type", .string("property-extension")), ("tlp_2_0", .string(m.rawValue))])
                            )
                        ])
                    ),
                ]))
        }
        let title = d.reports.first(where: { !$0.synthetic })?.title ?? "ThreatDeck view"
        _ = b.add(
            "report", key: "report|" + title + "|" + view.filter.chips.map(\.label).joined(separator: " "),
            [
                ("name", .string("ThreatDeck view: " + title)),
                (
                    "description",
                    .string(
                        "Exported by ThreatDeck. Filter: " + (view.filter.isEmpty ? "none" : view.filter.chips.map(\.label).joined(separator: " "))
                            + ". Sources: " + d.files.map(\.path).joined(separator: ", "))
                ),
                ("report_types", .array([.string("threat-report")])),
                ("published", .string(created)),
                ("x_threatdeck_export", .bool(true)),
                ("object_refs", .array((refs.isEmpty ? [authorID] : refs).map { .string($0) })),
            ])
        return .object([
            ("type", .string("bundle")), ("id", .string("bundle--" + UUIDv5.make("bundle|" + created + "|" + title))), ("objects", .array(b.objects)),
        ])
    }
}
