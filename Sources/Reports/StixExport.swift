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

    public static func bundle(_ view: ReportView) -> JSONValue {
        let seconds = view.generatedAt > 0 ? Int64(view.generatedAt) : 0
        let created = Timestamp(seconds: seconds, nanoseconds: 0).description.replacingOccurrences("Z", ".000Z")
        var b = StixBundleBuilder(created: created, author: "identity--" + UUIDv5.make("identity|threatdeck-export"))
        addPreamble(view, &b)
        addActors(view, &b)
        addCampaigns(view, &b)
        addEvents(view, &b)
        addFindings(view.dataset, &b)
        addMarkings(view.dataset, &b)
        let title = view.dataset.reports.first(where: { !$0.synthetic })?.title ?? "ThreatDeck view"
        addReport(view, title: title, &b)
        return .object([
            ("type", .string("bundle")), ("id", .string("bundle--" + UUIDv5.make("bundle|" + created + "|" + title))), ("objects", .array(b.objects)),
        ])
    }

    /// The exporting system's identity and the two extension definitions.
    static func addPreamble(_ view: ReportView, _ b: inout StixBundleBuilder) {
        _ = b.add(
            "identity", key: "threatdeck-export",
            [
                ("name", .string("ThreatDeck export")), ("identity_class", .string("system")),
                ("description", .string("A view exported by ThreatDeck. Filter: " + view.filterText)),
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
    }

    /// Actors in view as intrusion sets, with their nexus, targets and techniques as relationships.
    static func addActors(_ view: ReportView, _ b: inout StixBundleBuilder) {
        let d = view.dataset
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
            b.actorIDs[a.id] = id
            b.refs.append(id)
            let origins: [String]
            switch a.nexus {
            case .country(let c): origins = [c]
            case .disputed: origins = a.nexusClaims.compactMap(\.nexus.code)
            case .unknown: origins = []
            }
            for c in origins {
                let place = b.location(country: c)
                b.relate("originates-from", id, place)
            }
            for s in a.sectors {
                let target = b.sector(s)
                b.relate("targets", id, target)
            }
            for c in a.countries {
                let target = b.location(country: c)
                b.relate("targets", id, target)
            }
            for r in a.regions {
                let target = b.location(region: r)
                b.relate("targets", id, target)
            }
            for t in d.actorTechniques[p] {
                let target = b.technique(t, in: d)
                b.relate("uses", id, target)
            }
        }
    }

    /// Campaigns in view (not the per-actor activity ranges ThreatDeck makes), attributed to their actors.
    static func addCampaigns(_ view: ReportView, _ b: inout StixBundleBuilder) {
        for i in view.selection.campaignIndices {
            let c = view.dataset.campaigns[i]
            guard !c.id.hasSuffix("#activity") else { continue }
            var props: [(String, JSONValue)] = [("name", .string(c.name))]
            if let s = c.span {
                props.append(("first_seen", .string(s.start.description + "T00:00:00.000Z")))
                props.append(("last_seen", .string(s.end.description + "T00:00:00.000Z")))
            }
            if let desc = c.description { props.append(("description", .string(desc))) }
            let id = b.add("campaign", key: c.id, props)
            b.refs.append(id)
            for a in c.actorIDs { if let target = b.actorIDs[a] { b.relate("attributed-to", id, target) } }
        }
    }

    /// Events, as sightings of their actors (or of an "unattributed" campaign).
    static func addEvents(_ view: ReportView, _ b: inout StixBundleBuilder) {
        var unattributed: String?
        for i in view.selection.eventIndices {
            let e = view.dataset.events[i]
            var of = e.actorIDs.compactMap { b.actorIDs[$0] }.first
            if of == nil {
                if unattributed == nil {
                    let id = b.add(
                        "campaign", key: "unattributed",
                        [
                            ("name", .string("Unattributed activity")),
                            ("description", .string("Events exported by ThreatDeck with no actor.")),
                            ("x_threatdeck_export", .bool(true)),
                        ])
                    b.refs.append(id)
                    unattributed = id
                }
                of = unattributed
            }
            let props = sighting(e, of: of ?? "", &b)
            let id = b.add("sighting", key: e.id, props, markings: e.tlp)
            b.refs.append(id)
        }
    }

    static func sighting(_ e: Event, of: String, _ b: inout StixBundleBuilder) -> [(String, JSONValue)] {
        var whereSighted: [String] = []
        for s in e.sectors { whereSighted.append(b.sector(s)) }
        for c in e.countries { whereSighted.append(b.location(country: c)) }
        for r in e.regions { whereSighted.append(b.location(region: r)) }
        var props: [(String, JSONValue)] = [
            ("first_seen", .string(e.span.start.description + "T00:00:00.000Z")),
            ("last_seen", .string(e.span.end.description + "T23:59:59.000Z")),
            ("count", .int(max(1, min(999_999_999, e.count)))),
            ("sighting_of_ref", .string(of)),
            ("description", .string(e.summary)),
        ]
        if !whereSighted.isEmpty { props.append(("where_sighted_refs", .array(whereSighted.map { .string($0) }))) }
        var ext: [(String, JSONValue)] = [
            ("extension_type", .string("property-extension")), ("kind", .string(e.kind.rawValue)),
            ("nexus", .string(e.nexus.description)),
        ]
        if e.actorIDs.count > 1 { ext.append(("actors", .array(e.actorIDs.compactMap { b.actorIDs[$0] }.map { .string($0) }))) }
        if !e.techniques.isEmpty { ext.append(("techniques", .array(e.techniques.map { .string($0) }))) }
        props.append(("extensions", .object([(eventExtension, .object(ext))])))
        return props
    }

    /// Findings, as notes with the finding extension, each on the first object of the report.
    static func addFindings(_ d: Dataset, _ b: inout StixBundleBuilder) {
        for f in d.findings {
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
            let noteRefs = b.refs.prefix(1).isEmpty ? [b.author] : [String](b.refs.prefix(1))
            props.append(("object_refs", .array(noteRefs.map { .string($0) })))
            if !cited.isEmpty {
                let references: [JSONValue] = cited.map { r in
                    var m: [(String, JSONValue)] = [("source_name", .string(r.key)), ("description", .string(r.title ?? r.key))]
                    if let url = r.url { m.append(("url", .string(url))) }
                    return .object(m)
                }
                props.append(("external_references", .array(references)))
            }
            props.append(("extensions", .object([(findingExtension, .object(ext))])))
            let id = b.add("note", key: f.id, props)
            b.refs.append(id)
        }
    }

    /// The TLP 2.0 marking definitions that actors or events use.
    static func addMarkings(_ d: Dataset, _ b: inout StixBundleBuilder) {
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
    }

    /// The report that names every exported object.
    static func addReport(_ view: ReportView, title: String, _ b: inout StixBundleBuilder) {
        let refs = (b.refs.isEmpty ? [b.author] : b.refs).map { JSONValue.string($0) }
        _ = b.add(
            "report", key: "report|" + title + "|" + view.filter.chips.map(\.label).joined(separator: " "),
            [
                ("name", .string("ThreatDeck view: " + title)),
                (
                    "description",
                    .string("Exported by ThreatDeck. Filter: " + view.filterText + ". Sources: " + view.dataset.files.map(\.path).joined(separator: ", "))
                ),
                ("report_types", .array([.string("threat-report")])),
                ("published", .string(b.created)),
                ("x_threatdeck_export", .bool(true)),
                ("object_refs", .array(refs)),
            ])
    }
}
