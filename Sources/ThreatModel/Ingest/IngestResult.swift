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
    public var problems: [Problem] = []
    public var bytes: Int = 0
    /// True when nothing could be read: not JSON, or no format ThreatDeck knows.
    public var unparsed = false

    public init(file: String, format: Provenance.Format) {
        self.file = file
        self.format = format
    }

    public var hasErrors: Bool { problems.contains { $0.severity == .error } }
}
