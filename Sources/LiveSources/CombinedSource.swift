import Synchronization
import ThreatModel
import Identity
import Loading

/// Files, TAXII collections and MISP feeds as one data source: every object keeps its
/// source in its provenance, each live source has a line in the source list with its
/// status, and each tells the app when it has news (no polling by the UI).
public final class CombinedSource: DataSource, @unchecked Sendable {
    private let loader: Mutex<DatasetLoader?>
    public let feeds: [TaxiiFeed]
    public let mispFeeds: [MispFeed]
    private let watch: Bool
    private var watcher: (any FileWatch)?
    public var maxTLP: TLP?

    public init(paths: [String], feeds: [TaxiiFeed], mispFeeds: [MispFeed] = [], watch: Bool = false, maxTLP: TLP? = nil,
                fileSystem: any FileSystem = LocalFileSystem()) {
        loader = Mutex(paths.isEmpty ? nil : DatasetLoader(paths: paths, fileSystem: fileSystem, maxTLP: maxTLP))
        self.feeds = feeds
        self.mispFeeds = mispFeeds
        self.watch = watch
        self.maxTLP = maxTLP
    }

    public func load(now: Double) -> Dataset {
        var results: [IngestResult] = []
        var files: [LoadedFile] = []
        var problems: [Problem] = []
        if let collected = loader.withLock({ l -> (results: [IngestResult], files: [LoadedFile], problems: [Problem])? in
            guard var inner = l else { return nil }
            let c = inner.collect(now: now > 0 ? ClockFormat.dateTime(now) : "")
            l = inner
            return c
        }) {
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
        for feed in mispFeeds {
            _ = feed.takeChanged()
            let snapshot = feed.snapshot(now: now)
            results += snapshot.results
            files.append(snapshot.file)
            problems += snapshot.problems
        }
        var dataset = DatasetBuilder.build(results, files: files, maxTLP: maxTLP)
        dataset.problems = problems + dataset.problems
        return dataset
    }

    public func hasChanges() -> Bool {
        (loader.withLock { $0?.hasChanges() } ?? false) || feeds.contains { $0.hasChanges } || mispFeeds.contains { $0.hasChanges }
    }

    /// Starts every feed's background polling (and the file watch), each calling `notify`.
    public func start(notify: @escaping @Sendable () -> Void) {
        for f in feeds { f.start(notify: notify) }
        for f in mispFeeds { f.start(notify: notify) }
        if watch, watcher == nil, let (fs, paths) = loader.withLock({ l in l.map { ($0.fileSystem, $0.paths) } }) {
            watcher = fs.watch(paths, onChange: notify)
        }
    }

    public func stop() {
        for f in feeds { f.stop() }
        for f in mispFeeds { f.stop() }
        watcher?.cancel()
        watcher = nil
    }

    /// Polls every feed once (summary, snapshot, export pull before they print).
    public func pollAll() async {
        for f in feeds { await f.poll() }
        for f in mispFeeds { await f.poll() }
    }
}
