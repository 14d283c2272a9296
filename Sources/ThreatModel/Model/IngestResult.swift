/// What one file yields before merging: records keyed by file-local ids, and its problems.
public struct IngestResult: Sendable {
    public var file: String
    public var format: Provenance.Format
    public var reports: [ReportInfo] = []
    /// Actor records; `id` is file-local. `nexusBasis == .stated` marks a stated nexus
    /// (including a stated "unknown"); `.unknown` means the file does not say.
    public var actors: [Actor] = []
    /// Events whose `actorIDs` are file-local actor ids.
    public var events: [Event] = []
    public var campaigns: [Campaign] = []
    public var findings: [Finding] = []
    /// ATT&CK techniques the file describes (attack-pattern objects) or names (tags, ids).
    public var techniques: [TechniqueInfo] = []
    /// The file's tactics in kill-chain order (x-mitre-tactic ordered by x-mitre-matrix).
    public var tactics: [TacticInfo] = []
    /// Who uses which technique, with the source's procedure description.
    public var uses: [TechniqueUse] = []
    /// STIX id → `modified` of each object read, so the same object in two files counts once
    /// (the later version wins).
    public var versions: [String: Timestamp] = [:]
    public var problems: [Problem] = []
    /// MISP attributes of the file's events, grouped by event, and what each event can be pivoted on.
    public var indicators: [Indicator] = []
    public var pivots: [EventPivot] = []
    public var bytes: Int = 0
    /// True when nothing could be read: not JSON, or no format ThreatDeck knows.
    public var unparsed = false

    public init(file: String, format: Provenance.Format) {
        self.file = file
        self.format = format
    }

    public var hasErrors: Bool { problems.contains { $0.severity == .error } }
}

/// One "actor uses technique" statement from a file, with its procedure text.
public struct TechniqueUse: Hashable, Sendable {
    /// File-local actor id.
    public var actorID: String
    public var techniqueID: String
    public var description: String
    public var references: [Reference]
    public var source: String
    /// The campaign it was stated for, when it reached the actor through attribution.
    public var via: String?

    public init(actorID: String, techniqueID: String, description: String = "", references: [Reference] = [], source: String, via: String? = nil) {
        self.actorID = actorID
        self.techniqueID = techniqueID
        self.description = description
        self.references = references
        self.source = source
        self.via = via
    }
}
