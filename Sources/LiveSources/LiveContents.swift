import ThreatModel

/// What a live source gives the dataset at one moment.
public struct LiveContents: Sendable {
    public var results: [IngestResult]
    /// Problems with parts of the source (an unreadable event), shown in `p`.
    public var problems: [Problem]
    public var bytes: Int
    /// What the source holds, for the status line: "1,826 objects", "5 events · 1 unreadable".
    public var detail: String
    /// True once any records are held (from a pull or the cache).
    public var hasRecords: Bool

    public init(results: [IngestResult] = [], problems: [Problem] = [], bytes: Int = 0, detail: String = "", hasRecords: Bool = false) {
        self.results = results
        self.problems = problems
        self.bytes = bytes
        self.detail = detail
        self.hasRecords = hasRecords
    }
}
