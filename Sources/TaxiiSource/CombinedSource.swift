import Dashboard
import ThreatModel

/// Files and TAXII collections as one data source: every object keeps its source in its
/// provenance, and each live source has a line in the source list with its status.
public final class CombinedSource: DataSource {
    var loader: DatasetLoader?
    public let feeds: [TaxiiFeed]
    let clock: @Sendable () -> Double

    public init(paths: [String], feeds: [TaxiiFeed], clock: @escaping @Sendable () -> Double) {
        loader = paths.isEmpty ? nil : DatasetLoader(paths: paths)
        self.feeds = feeds
        self.clock = clock
    }

    public func load(now: Double) -> Dataset {
        var results: [IngestResult] = []
        var files: [LoadedFile] = []
        var problems: [Problem] = []
        if var loader {
            let collected = loader.collect(now: now > 0 ? ClockFormat.dateTime(now) : "")
            self.loader = loader
            results += collected.results
            files += collected.files
            problems += collected.problems
        }
        for feed in feeds {
            _ = feed.takeChanged()
            let snapshot = feed.snapshot(now: now)
            if let r = snapshot.result { results.append(r) }
            files.append(snapshot.file)
            if let p = snapshot.problem { problems.append(p) }
        }
        var dataset = DatasetBuilder.build(results, files: files)
        dataset.problems = problems + dataset.problems
        return dataset
    }

    public func hasChanges() -> Bool {
        (loader?.hasChanges() ?? false) || feeds.contains { $0.hasChanges }
    }

    /// Starts every feed's background polling.
    public func start() { for f in feeds { f.start() } }

    public func stop() async { for f in feeds { await f.stop() } }
}
