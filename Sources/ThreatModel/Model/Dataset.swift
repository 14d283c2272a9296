import JSONCore
/// Everything loaded from one or more files, merged and normalised: what the panes show.
public struct Dataset: Sendable {
    public var reports: [ReportInfo]
    public private(set) var actors: [Actor]
    public private(set) var events: [Event]
    public var campaigns: [Campaign]
    public var findings: [Finding]
    public var problems: [Problem]
    public var files: [LoadedFile]
    private var actorPositions: StringPositions
    /// Integer columns over events and actors for the aggregates' hot loops.
    public private(set) var index: DatasetIndex
    /// ATT&CK techniques the data describes or names, by id.
    public private(set) var techniqueCatalog: [TechniqueInfo]
    private var techniquePosition: [String: Int]
    /// Matrix columns in kill-chain order, from the data's tactic and matrix objects (else enterprise's).
    public private(set) var tactics: [TacticInfo]
    /// Per actor position: the technique ids it uses (directly, through campaigns, tags), sorted.
    public private(set) var actorTechniques: [[String]]
    /// Per actor position: of those, the ones it uses only through campaigns attributed to it.
    public private(set) var campaignOnlyTechniques: [[String]]
    /// The same rolled up to parents, for filters.
    private var actorTechniqueRoots: [Set<String>]
    private var proceduresByTechnique: [String: [Procedure]]
    private var eventPositions: EventPositions
    /// MISP attributes and what events can be pivoted on (tags, galaxies, org); empty without MISP events.
    public private(set) var indicatorTable: IndicatorTable
    /// What a TLP limit hid (zero without a limit).
    public var hidden: HiddenCount
    /// The highest marking of the actors and events, found once (the header asks every frame;
    /// actors and events change only here, in `init`).
    private var recordMarking: TLP?
    /// Set by `DatasetLoader`: equal and non-zero when two loads read the same bytes from the
    /// same files with the same problems, so a reload of touched files changes nothing.
    public var fingerprint: UInt64 = 0

    public init(
        reports: [ReportInfo] = [], actors: [Actor] = [], events: [Event] = [], campaigns: [Campaign] = [],
        findings: [Finding] = [], problems: [Problem] = [], files: [LoadedFile] = [], techniques: [TechniqueInfo] = [],
        tactics: [TacticInfo] = [], actorTechniques: [[String]] = [], campaignOnlyTechniques: [[String]] = [], procedures: [Procedure] = [],
        hidden: HiddenCount = HiddenCount(), indicators: [Indicator] = [], pivots: [EventPivot] = []
    ) {
        self.reports = reports
        self.actors = actors
        self.events = events
        // Read in place: a key path over the events would copy each of them.
        let eventMarking = events.withUnsafeView { events in TLP.highest(events.indices.lazy.map { events[$0].tlp }) }
        recordMarking = TLP.highest([TLP.highest(actors.lazy.map(\.tlp)), eventMarking])
        self.campaigns = campaigns
        self.findings = findings
        self.problems = problems
        self.files = files
        self.hidden = hidden
        let catalog = techniques.sorted { $0.id < $1.id }
        techniqueCatalog = catalog
        techniquePosition = Dictionary(catalog.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        self.tactics = tactics.isEmpty ? TacticInfo.enterprise : tactics
        var used = actorTechniques
        if used.count < actors.count { used += Array(repeating: [], count: actors.count - used.count) }
        self.actorTechniques = used
        var campaignOnly = campaignOnlyTechniques
        if campaignOnly.count < actors.count { campaignOnly += Array(repeating: [], count: actors.count - campaignOnly.count) }
        self.campaignOnlyTechniques = campaignOnly
        actorTechniqueRoots = used.map { Set($0.map(TechniqueInfo.root)) }
        var byTechnique: [String: [Procedure]] = [:]
        for p in procedures { byTechnique[p.techniqueID, default: []].append(p) }
        proceduresByTechnique = byTechnique
        // Actors by id: for lookups and for the index's rows of every event's actors.
        let actorPositions = StringPositions(actors.map(\.id))
        self.actorPositions = actorPositions
        @Sendable func positions() -> EventPositions { events.withUnsafeView { EventPositions($0) } }
        if events.count >= ParallelMap.manyEvents {
            // Two independent tables over every event, built at once.
            (eventPositions, self.index) = ParallelMap.pair(positions) { DatasetIndex(actors: actors, events: events, actorPositions: actorPositions) }
        } else {
            (eventPositions, self.index) = (positions(), DatasetIndex(actors: actors, events: events, actorPositions: actorPositions))
        }
        if indicators.isEmpty && pivots.isEmpty {
            indicatorTable = .empty
        } else {
            let table = eventPositions
            indicatorTable = IndicatorTable(indicators: indicators, pivots: pivots) { table.position(of: $0, in: events) }
        }
    }

    public static let empty = Dataset()

    public func actor(_ id: String) -> Actor? { actorPositions.position(of: id).map { actors[$0] } }

    /// The campaigns attributed to actor `id`, oldest first (undated last, then by name).
    public func campaigns(ofActor id: String) -> [Campaign] {
        campaigns.filter { $0.actorIDs.contains(id) }.sorted { ($0.span?.start.ordinal ?? .max, $0.name) < ($1.span?.start.ordinal ?? .max, $1.name) }
    }

    /// Indices of the events of actor `id` (ascending, so by start date).
    public func events(ofActor id: String) -> [Int] {
        guard let p = actorPositions.position(of: id) else { return [] }
        return index.events(ofActor: p).map { Int($0) }
    }

    /// The actor a user means by `text`: its id, else the one with that name (case, spacing
    /// and punctuation folded), else one with that alias. A name beats an alias: in a galaxy
    /// where Aardvark lists "Zeta Group" as an alias and Zeta Group is an actor of its own,
    /// "Zeta Group" is Zeta Group.
    public func actor(named text: String) -> Actor? {
        if let a = actor(text) { return a }
        let folded = Vocabulary.fold(text)
        return actors.first { Vocabulary.fold($0.name) == folded } ?? actors.first { $0.aliases.contains { Vocabulary.fold($0) == folded } }
    }

    /// The position of an actor in `actors`.
    public func actorPosition(_ id: String) -> Int? { actorPositions.position(of: id) }

    /// True when any loaded report is generated data rather than intelligence.
    public var hasSynthetic: Bool { reports.contains { $0.synthetic } }

    /// The period the loaded reports' findings cover: the union of the periods of real
    /// reports (a synthetic feed's span is not a report period), else of all reports.
    public var reportPeriod: DayRange? {
        let real = reports.filter { !$0.synthetic }.compactMap(\.period)
        let periods = real.isEmpty ? reports.compactMap(\.period) : real
        return periods.reduce(nil as DayRange?) { acc, p in acc.map { $0.union(p) } ?? p }
    }

    /// First and last day of any event, campaign or report period.
    public var extent: DayRange? {
        var range: DayRange?
        func add(_ r: DayRange) { range = range.map { $0.union(r) } ?? r }
        for e in events { add(e.span) }
        for c in campaigns { if let s = c.span { add(s) } }
        for r in reports { if let p = r.period { add(p) } }
        return range
    }

    public var errorCount: Int { problems.filter { $0.severity == .error }.count }

    public func event(_ id: String) -> Event? { eventPositions.position(of: id, in: events).map { events[$0] } }

    /// The position in `events` of the event with id `id`.
    public func eventPosition(_ id: String) -> Int? { eventPositions.position(of: id, in: events) }

    /// True when no two events share an id (files may repeat one; the first is the one found).
    public var eventIDsAreDistinct: Bool { eventPositions.repeats == 0 }

    /// The MISP attributes of the loaded events (see `indicatorTable`).
    public var indicators: [Indicator] { indicatorTable.indicators }

    public func technique(_ id: String) -> TechniqueInfo? { techniquePosition[id].map { techniqueCatalog[$0] } }

    /// Where technique `id` is in `techniqueCatalog`: for a reader of one or two of its
    /// fields, which a copy of the whole entry (texts, references) would retain each.
    public func techniqueIndex(_ id: String) -> Int? { techniquePosition[id] }

    public var techniqueCount: Int { techniqueCatalog.count }

    /// A tactic's display name ("Initial Access" for "initial-access").
    public func tacticName(_ shortName: String) -> String {
        tactics.first { $0.shortName == shortName }?.name ?? TacticInfo.enterprise.first { $0.shortName == shortName }?.name ?? shortName
    }

    /// Whether the actor at `position` uses technique `t` (a parent id covers its sub-techniques).
    public func actorUses(_ position: Int, technique t: String) -> Bool {
        guard actorTechniques.indices.contains(position) else { return false }
        return t.contains(".") ? actorTechniques[position].contains(t) : actorTechniqueRoots[position].contains(t)
    }

    public func techniqueIDs(ofActor id: String) -> [String] {
        actorPosition(id).map { actorTechniques[$0] } ?? []
    }

    /// Procedure descriptions for a technique and, for a parent, its sub-techniques.
    public func procedures(technique t: String) -> [Procedure] {
        if t.contains(".") { return proceduresByTechnique[t] ?? [] }
        return proceduresByTechnique.filter { $0.key == t || $0.key.hasPrefix(t + ".") }.sorted { $0.key < $1.key }.flatMap(\.value)
    }

    /// The most restrictive TLP marking of anything loaded (shown in the header).
    public var highestMarking: TLP? {
        TLP.highest([recordMarking] + reports.map(\.tlp) + findings.flatMap { $0.provenance.map(\.tlp) })
    }
}

/// A file that went into a dataset, with what came out of it.
public struct LoadedFile: Hashable, Sendable {
    public var path: String
    public var format: Provenance.Format?
    public var actors: Int
    public var events: Int
    public var bytes: Int
    /// False when the file could not be read or parsed; then `problems` says why.
    public var loaded: Bool
    /// Set when this file's current contents are bad and its last good load is shown instead.
    public var staleSince: String?
    /// How a live source is doing (last pull, objects, error, next retry), for the status list.
    public var status: SourceStatus?

    public init(
        path: String, format: Provenance.Format?, actors: Int, events: Int, bytes: Int, loaded: Bool, staleSince: String? = nil,
        status: SourceStatus? = nil
    ) {
        self.path = path
        self.format = format
        self.actors = actors
        self.events = events
        self.bytes = bytes
        self.loaded = loaded
        self.staleSince = staleSince
        self.status = status
    }
}
