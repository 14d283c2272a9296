import Testing
@testable import ThreatModel
@testable import Analysis

/// Aggregates over a small hand-built dataset whose right answers can be counted by eye.
@Suite struct AggregateTests {
    static func day(_ s: String) -> Day { Day(parsing: s)! }

    static let dataset: Dataset = {
        let actors = [
            Actor(id: "a", name: "Alpha Panda", nexus: .country("CN"), nexusBasis: .naming(word: "Panda", family: "crowdstrike"), type: .state,
                  motivations: [.espionage], sectors: ["ai-research", "cloud"], regions: ["northern-america"]),
            Actor(id: "b", name: "Beta Panda", nexus: .country("CN"), nexusBasis: .stated, type: .state,
                  motivations: [.espionage], sectors: ["technology", "government"], countries: ["VN"]),
            Actor(id: "c", name: "Gamma Bear", nexus: .country("RU"), nexusBasis: .stated, type: .state,
                  motivations: [.destruction], sectors: ["energy"], regions: ["europe"]),
            Actor(id: "d", name: "Cluster 9", type: .unknown, sectors: ["cloud"]),
            Actor(id: "e", name: "Quiet Kitten", nexus: .country("IR"), nexusBasis: .stated, type: .state),
        ]
        func event(_ id: String, _ date: String, _ actor: String, _ nexus: Nexus, sectors: [String] = []) -> Event {
            Event(id: id, span: DayRange(day(date)), kind: .intrusion, actorIDs: [actor], nexus: nexus, sectors: sectors, summary: id)
        }
        let events = [
            event("1", "2025-01-10", "a", .country("CN"), sectors: ["cloud"]),
            event("2", "2025-01-20", "a", .country("CN"), sectors: ["ai-research"]),
            event("3", "2025-02-05", "b", .country("CN"), sectors: ["government"]),
            event("4", "2025-04-01", "c", .country("RU"), sectors: ["energy"]),
            event("5", "2025-04-02", "d", .unknown),
            Event(id: "6", span: DayRange(start: day("2024-01-01"), end: day("2025-12-31")), kind: .insider, actorIDs: ["b"], nexus: .country("CN"), summary: "long"),
        ]
        let finding = Finding(id: "f", statement: "s", metric: .share, value: 58, qualifier: .moreThan, subjectNexus: .country("CN"),
                              population: "intrusions on tech", sector: "technology", period: DayRange(start: day("2025-04-01"), end: day("2026-03-31")))
        let weaker = Finding(id: "g", statement: "s", metric: .share, value: 50, qualifier: .moreThan, subjectNexus: .country("CN"), population: "intrusions on tech")
        return Dataset(reports: [ReportInfo(id: "r", title: "R", period: DayRange(start: day("2025-04-01"), end: day("2026-03-31")))],
                       actors: actors, events: events, findings: [weaker, finding])
    }()

    @Test func breakdownByEventsWithUnknownKept() {
        let b = ActorBreakdown.compute(Self.dataset, selection: Filter.none.apply(to: Self.dataset), measure: .events)
        #expect(b.total == 6)
        // Disputed and Unknown are always rows, after the countries, even at zero.
        #expect(b.rows.map(\.nexus) == [.country("CN"), .country("RU"), .disputed, .unknown])
        #expect(b.rows.map(\.count) == [4, 1, 0, 1])
        #expect(b.rows[0].share == 4.0 / 6.0)
        #expect(b.actorsByNexus[.country("CN")]?.map(\.name) == ["Alpha Panda", "Beta Panda"])
        #expect(b.actorsByNexus[.country("CN")]?.map(\.events) == [2, 2])
        #expect(b.actorsByNexus[.country("IR")]?.map(\.events) == [0])
    }

    @Test func breakdownByActorsAndMotivations() {
        let b = ActorBreakdown.compute(Self.dataset, selection: Filter.none.apply(to: Self.dataset), measure: .actors)
        #expect(b.total == 5)
        #expect(b.rows.map(\.nexus) == [.country("CN"), .country("IR"), .country("RU"), .disputed, .unknown])
        #expect(b.motivations.map(\.motivation) == [.espionage, .destruction, nil])
        #expect(b.motivations.map(\.count) == [2, 1, 2])
    }

    @Test func statedShareWinsAndKeepsItsQualifier() {
        let b = ActorBreakdown.compute(Self.dataset, selection: Filter.none.apply(to: Self.dataset))
        let stated = try! #require(b.stated.first)
        #expect(stated.finding.id == "f")
        #expect(stated.finding.formatted() == ">58%")
        #expect(stated.corroborating.map(\.id) == ["g"])
        #expect(stated.remainderValue == 42)
        #expect(stated.remainderQualifier == .lessThan)
        // A government filter is outside the finding's technology scope: no stated share then.
        let gov = ActorBreakdown.compute(Self.dataset, selection: Filter([.sector("government")]).apply(to: Self.dataset))
        #expect(gov.stated.isEmpty)
        // An AI-research filter sits inside technology: the finding still speaks for it.
        let ai = ActorBreakdown.compute(Self.dataset, selection: Filter([.sector("ai-research")]).apply(to: Self.dataset))
        #expect(ai.stated.first?.finding.id == "f")
        // A window before the dated finding's period leaves only the undated statement.
        let early = Filter([.window(DayRange(start: Self.day("2024-01-01"), end: Self.day("2024-12-31")))])
        #expect(ActorBreakdown.compute(Self.dataset, selection: early.apply(to: Self.dataset)).stated.map(\.finding.id) == ["g"])
    }

    @Test func sectorMatrixCountsDistinctActorsWithParents() {
        let m = SectorMatrix.compute(Self.dataset, selection: Filter.none.apply(to: Self.dataset), measure: .actors)
        #expect(m.columns == [.nexus(.country("CN")), .nexus(.country("RU")), .nexus(.unknown)])
        let rows = Dictionary(uniqueKeysWithValues: m.rows.map { ($0.sector, $0) })
        // Alpha (AI research + cloud) counts once in technology; Beta (technology) once; Cluster 9 (cloud) in unknown.
        #expect(rows["technology"]?.cells == [2, 0, 1])
        #expect(rows["cloud"]?.cells == [1, 0, 1])
        #expect(rows["ai-research"]?.cells == [1, 0, 0])
        #expect(rows["energy"]?.cells == [0, 1, 0])
        #expect(m.columnTotals == [2, 1, 1])
        #expect(m.grandTotal == 4)
        #expect(m.withoutSector == 1)
        #expect(m.rows.first?.sector == "technology")
        #expect(m.rows.map(\.depth).prefix(3) == [0, 1, 1])
        #expect(Set(m.regions.map(\.region)) == ["northern-america", "south-eastern-asia", "europe"])
    }

    @Test func sectorMatrixFoldsExtraNexusesIntoOther() {
        let m = SectorMatrix.compute(Self.dataset, selection: Filter.none.apply(to: Self.dataset), measure: .actors, maxColumns: 2)
        #expect(m.columns == [.other([.country("CN"), .country("RU")]), .nexus(.unknown)])
        #expect(m.columnTotals == [3, 1])
    }

    @Test func timelineBucketsByMonthWithGapsAndSpans() {
        let t = TimelineSeries.compute(Self.dataset, selection: Filter.none.apply(to: Self.dataset), granularity: .month,
                                       window: DayRange(start: Self.day("2025-01-01"), end: Self.day("2025-04-30")))
        #expect(t.buckets.map { $0.range.start.description } == ["2025-01-01", "2025-02-01", "2025-03-01", "2025-04-01"])
        // One membership rule: an event counts in every bucket its span overlaps, so the
        // 2024–2025 insider event "6" counts in all four months (and is drawn as a span).
        #expect(t.buckets.map(\.count) == [3, 2, 1, 3])
        #expect(t.buckets[3].byNexus == [.country("CN"): 1, .country("RU"): 1, .unknown: 1])
        #expect(t.spans.map(\.id) == ["6"])
        #expect(t.reportPeriod?.start.description == "2025-04-01")
        // Distinct events overlapping the window: 1, 2, 3, 4, 5 and 6.
        #expect(t.total == 6)
        // Each bucket's count is what a window filter on that bucket selects.
        for b in t.buckets {
            #expect(Filter([.window(b.range)]).apply(to: Self.dataset).eventIndices.count == b.count, "\(b.range)")
        }
    }

    @Test(arguments: TimelineSeries.Granularity.allCases)
    func bucketsTileTheWindowWithoutGapsOrOverlaps(granularity: TimelineSeries.Granularity) {
        let window = DayRange(start: Self.day("2023-12-30"), end: Self.day("2025-03-02"))
        let t = TimelineSeries.compute(Self.dataset, selection: Filter.none.apply(to: Self.dataset), granularity: granularity, window: window)
        for (a, b) in zip(t.buckets, t.buckets.dropFirst()) { #expect(a.range.end.adding(days: 1) == b.range.start) }
        #expect(t.buckets.first!.range.contains(window.start))
        #expect(t.buckets.last!.range.contains(window.end))
        #expect(t.buckets.count == TimelineSeries.bucketCount(granularity, window))
    }

    @Test func autoGranularityFitsTheWidth() {
        let window = DayRange(start: Self.day("2023-01-01"), end: Self.day("2026-06-30"))
        #expect(TimelineSeries.autoGranularity(for: window, slots: 60) == .month)
        #expect(TimelineSeries.autoGranularity(for: window, slots: 200) == .week)
        #expect(TimelineSeries.autoGranularity(for: window, slots: 20) == .quarter)
        #expect(TimelineSeries.autoGranularity(for: window, slots: 3) == .year)
    }

    @Test func filtersNarrowEveryAggregateTogether() {
        let f = Filter([.nexus(.country("CN")), .sector("cloud")])
        let s = f.apply(to: Self.dataset)
        #expect(s.actorIDs == ["a"])
        #expect(s.eventIndices == [0])
        let text = Filter([.text("panda")]).apply(to: Self.dataset)
        #expect(text.actorIDs == ["a", "b"])
        let window = Filter([.window(DayRange(start: Self.day("2025-04-01"), end: Self.day("2025-04-30")))]).apply(to: Self.dataset)
        #expect(window.eventIndices == [3, 4, 5])
        #expect(window.actorIDs == ["b", "c", "d"])
        let region = Filter([.region("asia")]).apply(to: Self.dataset)
        #expect(region.actorIDs == ["b"])
        let motive = Filter([.motivation(.destruction)]).apply(to: Self.dataset)
        #expect(motive.actorIDs == ["c"] && motive.eventIndices == [3])
        #expect(Filter([.nexus(.country("CN"))]).pushing(.sector("cloud")).popping() == Filter([.nexus(.country("CN"))]))
    }

    @Test func emptyDatasetGivesEmptyAggregates() {
        let s = Filter.none.apply(to: .empty)
        #expect(ActorBreakdown.compute(.empty, selection: s).total == 0)
        #expect(SectorMatrix.compute(.empty, selection: s).rows.isEmpty)
        #expect(TimelineSeries.compute(.empty, selection: s).total == 0)
    }
}
