import ThreatModel
/// Where data comes from: files, feeds or both. `load` gives the current dataset; a source
/// with background work (a feed's timer, a file watch) calls `notify` when it has news, and
/// the app answers with a reload: changes arrive as messages, nothing is polled by the UI.
public protocol DataSource: AnyObject {
    /// May run on a worker thread (the dashboard reloads off its loop), never two at once.
    func load(now: Double) -> Dataset
    /// True when something changed since the last `load` (cheap: stat calls, flags).
    func hasChanges() -> Bool
    /// Starts background work; `notify` may be called from any thread.
    func start(notify: @escaping @Sendable () -> Void)
    func stop()
}

extension DataSource {
    public func start(notify: @escaping @Sendable () -> Void) {}
    public func stop() {}
}
