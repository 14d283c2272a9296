import ThreatModel
import Synchronization

/// Files and directories on disk as a `DataSource`. With `watch`, the file system's change
/// notification (inotify on Linux) wakes the app; nothing polls while files stay the same.
public final class FileDataSource: DataSource, @unchecked Sendable {
    private let loader: Mutex<DatasetLoader>
    private let watch: Bool
    private var watcher: (any FileWatch)?

    public init(loader: DatasetLoader, watch: Bool = false) {
        self.loader = Mutex(loader)
        self.watch = watch
    }

    public func load(now: Double) -> Dataset {
        loader.withLock { $0.load(now: now > 0 ? ClockFormat.dateTime(now) : "") }
    }

    public func hasChanges() -> Bool { loader.withLock { $0.hasChanges() } }

    public func start(notify: @escaping @Sendable () -> Void) {
        guard watch, watcher == nil else { return }
        let (fs, paths) = loader.withLock { ($0.fileSystem, $0.paths) }
        watcher = fs.watch(paths, onChange: notify)
    }

    public func stop() {
        watcher?.cancel()
        watcher = nil
    }
}
