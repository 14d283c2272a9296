import ThreatModel

/// A file reload the loader rejected (it kept the last good data): when, which file and where
/// in it. Kept apart from feed status so the two merge cleanly; cleared by the next good load.
public struct ReloadRejection: Equatable, Sendable {
    public var at: Double
    public var file: String
    public var line: Int?
    public var column: Int?

    public init(at: Double, file: String, line: Int? = nil, column: Int? = nil) {
        self.at = at
        self.file = file
        self.line = line
        self.column = column
    }

    /// The rejection a load reports: its first file kept from an earlier load (a file, not a
    /// feed: feeds carry their own status), at the first error the reader found in it.
    static func of(_ dataset: Dataset, at: Double) -> ReloadRejection? {
        guard let f = dataset.files.first(where: { $0.staleSince != nil && $0.status == nil }) else { return nil }
        let problem = dataset.problems.first { $0.file == f.path && $0.severity == .error }
        return ReloadRejection(at: at, file: f.path, line: problem?.line, column: problem?.column)
    }

    /// "reload rejected 14:02:11 (feeds/r.json:1:9)": the wording of README, help and tests.
    /// The file name is drawn through `Buffer.put`, which sanitises it.
    public var text: String {
        var place = file
        if let line { place += ":\(line)" + (column.map { ":\($0)" } ?? "") }
        return "reload rejected " + ClockFormat.time(at) + " (" + place + ")"
    }
}
