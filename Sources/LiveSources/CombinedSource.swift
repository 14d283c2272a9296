import Synchronization
import ThreatModel
import Identity
import Loading

/// Files and live sources (TAXII collections, MISP feeds, MISP searches) as one data source:
/// every object keeps its source in its provenance, each live source has a line in the
/// source list with its status, and each tells the app when it has news (no polling by the UI).
public final class CombinedSource: DataSource, @unchecked Sendable {
    private let loader: Mutex<DatasetLoader?>
    public let pollers: [LivePoller]
    private let watch: Bool
    private let watcher = Mutex<(any FileWatch)?>(nil)
    public let maxTLP: TLP?

    public init(paths: [String], live: [LivePoller], watch: Bool = false, maxTLP: TLP? = nil, fileSystem: any FileSystem = LocalFileSystem()) {
        loader = Mutex(paths.isEmpty ? nil : DatasetLoader(paths: paths, fileSystem: fileSystem, maxTLP: maxTLP))
        pollers = live
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
        for poller in pollers {
            _ = poller.takeChanged()
            let snapshot = poller.snapshot()
            results += snapshot.results
            files.append(snapshot.file)
            problems += snapshot.problems
        }
        var dataset = DatasetBuilder.build(results, files: files, maxTLP: maxTLP)
        dataset.problems = problems + dataset.problems
        return dataset
    }

    public func hasChanges() -> Bool {
        (loader.withLock { $0?.hasChanges() } ?? false) || pollers.contains { $0.hasChanges }
    }

    /// Starts every source's polling (and the file watch), each calling `notify`.
    public func start(notify: @escaping @Sendable () -> Void) {
        for p in pollers { p.start(notify: notify) }
        if watch, let (fs, paths) = loader.withLock({ l in l.map { ($0.fileSystem, $0.paths) } }) {
            watcher.withLock { w in if w == nil { w = fs.watch(paths, onChange: notify) } }
        }
    }

    public func stop() {
        for p in pollers { p.stop() }
        watcher.withLock { w in
            w?.cancel()
            w = nil
        }
    }

    /// Pulls every source once, retrying within its deadline (summary, snapshot, export pull
    /// before they print), all at once: one slow server does not delay the others' deadlines.
    public func pullAll() async {
        await withTaskGroup(of: Void.self) { group in
            for p in pollers { group.addTask { await p.pullUntilDone() } }
        }
    }
}
