import Analysis
import ThreatModel

/// The view as data: `"schema": "threatdeck-summary@1"`, every aggregate with its filter and
/// provenance, documented by `sample-data/schema/threatdeck-summary-1.schema.json`. `summary --json`
/// and `export --format json` print this same document.
public enum JSONSummary {
    public static let schemaID = "threatdeck-summary@1"

    public static func document(_ view: ReportView) -> JSONValue {
        let d = view.dataset
        let references = view.references
        func refIndex(_ r: Reference) -> JSONValue {
            references.firstIndex { $0.key == r.key && $0.title == r.title }.map { .int($0 + 1) } ?? .null
        }
        var members: [(String, JSONValue)] = [("schema", .string(schemaID))]
        members.append(("generated", view.generatedAt > 0 ? .string(Timestamp(seconds: Int64(view.generatedAt)).description) : .null))
        members.append(("filter", .array(view.filter.chips.map { .string($0.label) })))
        members.append(("sources", .array(d.files.map { source($0, now: view.generatedAt) })))
        members.append(("reports", reports(d)))
        members.append(("scope", scope(view)))
        members.append(("findings", findings(view, reference: refIndex, range: range, share: share)))
        members.append(("nexus", nexus(view)))
        members.append(("actors", actors(view)))
        members.append(("sectors", sectors(view.matrix)))
        members.append(("timeline", timeline(view)))
        members.append(("techniques", techniques(view)))
        members.append(("indicators", indicators(view)))
        members.append(("comparison", comparison(view)))
        members.append(("references", referenceList(references)))
        return .object(members)
    }

    /// A share rounded to four places (a non-finite one as 0).
    static func share(_ x: Double) -> JSONValue { .number(x.isFinite ? (x * 10_000).rounded() / 10_000 : 0) }

    static func range(_ r: DayRange?) -> JSONValue {
        guard let r else { return .null }
        return .object([("start", .string(r.start.description)), ("end", .string(r.end.description))])
    }

    static func reports(_ d: Dataset) -> JSONValue {
        return .array(
            d.reports.map { r in
                .object([
                    ("id", .string(r.id)), ("title", .string(r.title)), ("publisher", .optional(r.publisher)),
                    ("published", .optional(r.published?.description)), ("period", range(r.period)), ("synthetic", .bool(r.synthetic)),
                    ("tlp", .optional(r.tlp?.rawValue)),
                ])
            })
    }

    static func scope(_ view: ReportView) -> JSONValue {
        let d = view.dataset
        return .object([
            ("actors", .int(view.selection.actorIDs.count)), ("actors_total", .int(d.actors.count)),
            ("events", .int(view.selection.eventIndices.count)), ("events_total", .int(d.events.count)),
            ("campaigns", .int(view.selection.campaignIndices.count)), ("period", range(view.timeline.window)),
            ("report_period", range(d.reportPeriod)), ("highest_tlp", .optional(d.highestMarking?.rawValue)),
            ("hidden", .object([("limit", .optional(d.hidden.limit?.rawValue)), ("records", .int(d.hidden.total))])),
        ])
    }

    /// The nexus breakdown, with the baseline's figures beside each row when comparing.
    static func nexus(_ view: ReportView) -> JSONValue {
        let b = view.breakdown
        let baseline = view.comparison?.baselineBreakdown
        return .object([
            ("measure", .string(b.measure.rawValue)), ("total", .int(b.total)),
            (
                "rows",
                .array(
                    b.folded(countries: ReportView.shownCountries).map { r in
                        var row: [(String, JSONValue)] = [("label", .string(ReportView.label(r.key)))]
                        switch r.key {
                        case .nexus(let n): row.append(("nexus", .string(n.description)))
                        case .other(let list):
                            row.append(("nexus", .string("other"))); row.append(("countries", .array(list.compactMap { $0.code }.map { .string($0) })))
                        }
                        row += [("count", .int(r.count)), ("share", share(r.share))]
                        if let baseline {
                            let base = baseline.row(for: r.key)
                            row += [
                                ("baseline_count", .int(base?.count ?? 0)), ("baseline_share", share(base?.share ?? 0)),
                                ("change", .int(r.count - (base?.count ?? 0))), ("change_points", share(r.share - (base?.share ?? 0))),
                            ]
                        }
                        return .object(row)
                    })
            ),
        ])
    }

    static func actors(_ view: ReportView) -> JSONValue {
        let d = view.dataset
        let b = view.breakdown
        return .array(
            d.actors.indices.filter { view.selection.actorMask[$0] }.map { p in
                let a = d.actors[p]
                return .object([
                    ("id", .string(a.id)), ("name", .string(a.name)), ("aliases", .array(a.aliases.map { .string($0) })),
                    ("nexus", .string(a.nexus.description)), ("nexus_basis", .string(NexusText.basis(a))),
                    (
                        "nexus_claims",
                        .array(a.nexusClaims.map { .object([("nexus", .string($0.nexus.description)), ("source", .string($0.source))]) })
                    ),
                    ("type", .string(a.type.rawValue)), ("motivations", .array(a.motivations.map { .string($0.rawValue) })),
                    ("events_in_view", .int(b.eventsPerActor[a.id] ?? 0)), ("sectors", .array(a.sectors.map { .string($0) })),
                    ("techniques", .array(d.actorTechniques[p].map { .string($0) })),
                    ("technique_counts", techniqueCounts(ActorTechniques(d, position: p))),
                    ("umbrella_of", .array(a.identity.umbrellaOf.map { .string($0) })),
                    ("merged_because", .array(a.identity.reasons.map { .string($0) })), ("tlp", .optional(a.tlp?.rawValue)),
                    (
                        "provenance",
                        .array(
                            a.provenance.map { p in
                                .object([("file", .string(p.file)), ("format", .string(p.format.rawValue)), ("object", .optional(p.objectID))])
                            })
                    ),
                ])
            })
    }

    static func sectors(_ m: SectorMatrix) -> JSONValue {
        return .object([
            ("measure", .string(m.measure.rawValue)), ("columns", .array(m.columns.map { .string($0.label) })),
            (
                "rows",
                .array(
                    m.rows.map { r in
                        .object([
                            ("sector", .string(r.sector)), ("label", .string(r.label)), ("depth", .int(r.depth)),
                            ("cells", .array(r.cells.map { .int($0) })), ("total", .int(r.total)),
                        ])
                    })
            ),
            ("column_totals", .array(m.columnTotals.map { .int($0) })), ("total", .int(m.grandTotal)), ("without_sector", .int(m.withoutSector)),
            ("regions", .array(m.regions.map { .object([("region", .string($0.region)), ("count", .int($0.count))]) })),
        ])
    }

    static func timeline(_ view: ReportView) -> JSONValue {
        let baseTimeline = view.baselineTimeline
        return .object([
            ("granularity", .string(view.timeline.granularity.rawValue)), ("window", range(view.timeline.window)),
            ("membership", .string("overlap: an event counts in every bucket its date or span overlaps")),
            (
                "buckets",
                .array(
                    view.timeline.buckets.enumerated().map { k, bucket in
                        var row: [(String, JSONValue)] = [
                            ("label", .string(view.timeline.granularity.label(bucket.range))),
                            ("start", .string(bucket.range.start.description)), ("end", .string(bucket.range.end.description)),
                            ("events", .int(bucket.count)),
                        ]
                        if let baseTimeline {
                            row.append(("baseline", baseTimeline.buckets.indices.contains(k) ? .int(baseTimeline.buckets[k].count) : .null))
                        }
                        return .object(row)
                    })
            ),
        ])
    }

    static func techniques(_ view: ReportView) -> JSONValue {
        let d = view.dataset
        return .array(
            view.techniques.ranked.map { r in
                .object([
                    ("id", .string(r.techniqueID)), ("name", .string(r.name)), ("tactics", .array(r.tactics.map { .string($0) })),
                    ("actors", .int(r.count)), ("actor_ids", .array(r.actorPositions.map { .string(d.actors[$0].id) })),
                    (
                        "subtechniques",
                        .array(
                            r.subtechniques.map { s in .object([("id", .string(s.techniqueID)), ("name", .string(s.name)), ("actors", .int(s.count))]) }
                        )
                    ),
                ])
            })
    }

    static func referenceList(_ references: [Reference]) -> JSONValue {
        return .array(
            references.enumerated().map { k, r in
                .object([
                    ("n", .int(k + 1)), ("title", .optional(r.title)), ("publisher", .optional(r.publisher)),
                    ("published", .optional(r.published?.description)), ("url", .optional(r.url)),
                ])
            })
    }

    static func comparison(_ view: ReportView) -> JSONValue {
        guard let c = view.comparison else { return .null }
        let (new, gone) = c.actorChanges(current: view.selection)
        return .object([
            ("spec", .string(c.spec.description)), ("current", range(c.currentWindow)), ("baseline", range(c.baselineWindow)),
            ("baseline_events", .int(c.baseline.eventIndices.count)), ("baseline_actors", .int(c.baseline.actorIDs.count)),
            ("new_actors", .array(new.map { .string($0) })), ("gone_actors", .array(gone.map { .string($0) })),
        ])
    }

    /// A loaded file or live source, with a live source's status words, state and since when
    /// its records are stale.
    static func source(_ f: LoadedFile, now: Double) -> JSONValue {
        let status = f.status
        return .object([
            ("path", .string(f.path)), ("format", .optional(f.format?.rawValue)), ("loaded", .bool(f.loaded)),
            ("actors", .int(f.actors)), ("events", .int(f.events)),
            ("status", .optional(status.map { $0.text(now: now > 0 ? now : $0.since) })), ("state", .optional(status?.state.rawValue)),
            ("stale_since", .optional(status.flatMap { $0.isStale ? $0.pulledAt : nil }.map { Timestamp(seconds: Int64($0)).description })),
        ])
    }

    /// Every finding, with its population's parts and, for a share of a nexus, the recount
    /// over that population beside it.
    static func findings(_ view: ReportView, reference: (Reference) -> JSONValue, range: (DayRange?) -> JSONValue, share: (Double) -> JSONValue) -> JSONValue {
        let b = view.breakdown
        let shownAsShare = Set(b.stated.flatMap { [$0.finding.id] + $0.corroborating.map(\.id) })
        let recounts = Dictionary(b.stated.compactMap { s in s.recount.map { (s.finding.id, $0) } }, uniquingKeysWith: { a, _ in a })
        return .array(
            (b.stated.flatMap { s in [s.finding] + s.corroborating } + view.otherFindings).map { f in
                let scope = f.scope
                var members: [(String, JSONValue)] = [
                    ("id", .string(f.id)), ("statement", .string(f.statement)), ("metric", .string(f.metric.rawValue)),
                    ("value", .number(f.value)), ("qualifier", .string(f.qualifier.rawValue)), ("formatted", .string(f.formatted())),
                    ("subject_nexus", .optional(f.subjectNexus?.code)), ("population", .string(f.population)),
                    (
                        "population_parts",
                        .object([
                            ("basis", .string(scope.basis.rawValue)), ("sponsor", .optional(scope.sponsorship?.rawValue)),
                            ("activity", .optional(scope.activity?.name)), ("counted_by", .optional(scope.countedBy?.rawValue)),
                            ("sector", .optional(f.sector)), ("region", .optional(f.region)),
                        ])
                    ),
                    ("period", range(f.period)), ("references", .array(f.citedSources.map(reference))), ("in_breakdown", .bool(shownAsShare.contains(f.id))),
                ]
                members.append(
                    (
                        "recount",
                        recounts[f.id].map { r in
                            .object([
                                ("population", .string(r.populationText)), ("filter", .array(r.filter.chips.map { .string($0.label) })),
                                ("unit", .string(r.noun.plural)), ("total", .int(r.total)), ("subject", .int(r.subject)),
                                ("share", r.share.map(share) ?? .null), ("missing", .array(r.missing.map { .string($0) })),
                                ("not_stated", .array(r.unstated.map { .string($0) })),
                            ])
                        } ?? .null
                    ))
                return .object(members)
            })
    }

    /// An actor's technique figures and their parts (see `ActorTechniques`).
    static func techniqueCounts(_ t: ActorTechniques) -> JSONValue {
        .object([
            ("techniques", .int(t.count)), ("direct", .int(t.direct)), ("only_through_campaigns", .int(t.campaignOnly.count)),
            ("parent_techniques", .int(t.parents.count)), ("sub_techniques", .int(t.subTechniques)),
        ])
    }

    /// MISP indicators in view, counted per attribute type (most first).
    static func indicators(_ view: ReportView) -> JSONValue {
        .object([
            ("in_view", .int(view.indicators.count)), ("total", .int(view.dataset.indicators.count)),
            ("by_type", .array(view.indicatorTypes.map { .object([("type", .string($0.type)), ("count", .int($0.count))]) })),
        ])
    }
}
