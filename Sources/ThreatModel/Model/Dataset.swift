/// Everything loaded from one or more files, merged and normalised: what the panes show.
public struct Dataset: Sendable {
    public var reports: [ReportInfo]
    public private(set) var actors: [Actor]
    public private(set) var events: [Event]
    public var campaigns: [Campaign]
    public var findings: [Finding]
    public var problems: [Problem]
    public var files: [LoadedFile]
    private var actorIndex: [String: Int]
    /// Actor id → indices of its events (ascending, so by start date).
    public private(set) var eventsByActor: [String: [Int]]
    /// Integer columns over events and actors for the aggregates' hot loops.
    public private(set) var index: DatasetIndex

    public init(reports: [ReportInfo] = [], actors: [Actor] = [], events: [Event] = [], campaigns: [Campaign] = [],
                findings: [Finding] = [], problems: [Problem] = [], files: [LoadedFile] = []) {
        self.reports = reports
        self.actors = actors
        self.events = events
        self.campaigns = campaigns
        self.findings = findings
        self.problems = problems
        self.files = files
        self.actorIndex = Dictionary(actors.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        self.index = DatasetIndex(actors: actors, events: events, actorPosition: actorIndex)
        var byActor: [String: [Int]] = [:]
        for (i, e) in events.enumerated() { for a in e.actorIDs { byActor[a, default: []].append(i) } }
        self.eventsByActor = byActor
    }

    public static let empty = Dataset()

    public func actor(_ id: String) -> Actor? { actorIndex[id].map { actors[$0] } }

    /// The position of an actor in `actors`.
    public func actorPosition(_ id: String) -> Int? { actorIndex[id] }

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
    public var status: String?

    public init(path: String, format: Provenance.Format?, actors: Int, events: Int, bytes: Int, loaded: Bool, staleSince: String? = nil,
                status: String? = nil) {
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
