import Loading
import Synchronization
import ThreatModel

/// Pulls one live source on its schedule and keeps its status: the one poller for TAXII
/// collections, MISP feeds and MISP searches. A good pull makes the source fresh and sets the
/// next poll; a transient failure retries with backoff and jitter (a server's Retry-After is
/// a floor), any other failure waits for the next poll; the records already held stay either
/// way. Clock and jitter are injected: tests run a week of polls without sleeping.
public final class LivePoller: Sendable {
    public let source: any LiveSource
    let clock: any Clock
    let random: @Sendable () -> Double
    private let state: Mutex<PollState>
    private let task = Mutex<Task<Void, Never>?>(nil)

    struct PollState {
        var status: SourceStatus
        /// Failures in a row (0 after a good pull).
        var failures = 0
        /// When the schedule pulls next.
        var nextPoll: Double = 0
        var lastError: PullError?
        /// News for the app since it last looked (a pull ended).
        var changed = true
        var attempts = 0
    }

    public init(_ source: any LiveSource, clock: any Clock = SystemClock(), random: @escaping @Sendable () -> Double = { Double.random(in: 0..<1) }) {
        self.source = source
        self.clock = clock
        self.random = random
        let cached = source.cachedAt
        state = Mutex(
            PollState(
                status: SourceStatus(
                    .connecting, pulledAt: cached, fromCache: cached != nil, since: clock.now(),
                    insecure: source.settings.insecure)))
    }

    public var label: String { source.label }
    public var backoff: Backoff { Backoff(pollSeconds: source.settings.pollSeconds) }

    // MARK: Pulling

    /// One attempt now, by `deadline` (default: the source's own, from now). The status
    /// follows: fresh, or retrying/failed with why and when next.
    @discardableResult
    public func pull(by deadline: PullDeadline? = nil) async -> PullError? {
        let deadline = deadline ?? PullDeadline(seconds: source.settings.limits.deadlineSeconds)
        state.withLock { $0.attempts += 1 }
        defer { ReleaseMemory.afterPull() }
        do throws(PullError) {
            try await source.pull(by: deadline)
            let now = clock.now()
            let settings = source.settings
            state.withLock { s in
                s.failures = 0
                s.lastError = nil
                s.status = SourceStatus(.fresh, pulledAt: now, since: now, insecure: settings.insecure)
                s.nextPoll = now + settings.pollSeconds
                s.changed = true
            }
            return nil
        } catch {
            failed(error)
            return error
        }
    }

    private func failed(_ error: PullError) {
        let now = clock.now()
        let (backoff, jitter) = (self.backoff, random())
        state.withLock { s in
            s.failures += 1
            s.lastError = error
            s.nextPoll = now + backoff.delay(after: s.failures, error: error, random: jitter)
            var status = s.status
            status.state = error.isTransient ? .retrying : .failed
            status.since = now
            status.nextAttempt = s.nextPoll
            status.reason = error.description
            s.status = status
            s.changed = true
        }
    }

    /// Pulls until it succeeds, fails for good, or the next retry would pass the deadline
    /// (`summary`, `snapshot` and `export`): transient failures are retried after their
    /// backoff, a Retry-After is waited for, and everything ends within one deadline.
    @discardableResult
    public func pullUntilDone(by deadline: PullDeadline? = nil) async -> PullError? {
        let deadline = deadline ?? PullDeadline(seconds: source.settings.limits.deadlineSeconds)
        while true {
            guard let error = await pull(by: deadline) else { return nil }
            let wait = max(0, retryAt - clock.now())
            guard error.isTransient, wait < deadline.remaining else {
                var final = error
                if error.isTransient && !deadline.hasPassed {
                    final.description +=
                        " (not retried: the next try, in \(PullLimits.describe(seconds: wait.rounded(.up))), would pass the \(PullLimits.describe(seconds: deadline.seconds)) deadline)"
                }
                giveUp(final)
                return final
            }
            await clock.sleep(seconds: wait)
        }
    }

    /// A one-off pull that gave up: it failed, and nothing will try again.
    private func giveUp(_ error: PullError) {
        state.withLock { s in
            s.lastError = error
            s.status.state = .failed
            s.status.reason = error.description
            s.status.nextAttempt = nil
        }
    }

    // MARK: Schedule

    /// Pulls on the schedule until `stop`, calling `notify` when each pull ends (news or status).
    public func start(notify: @escaping @Sendable () -> Void = {}) {
        task.withLock { current in
            guard current == nil else { return }
            current = Task.detached { [self] in
                while !Task.isCancelled {
                    let wait = state.withLock { $0.nextPoll } - clock.now()
                    if wait > 0 {
                        await clock.sleep(seconds: min(wait, 3600))
                        continue
                    }
                    await pull()
                    notify()
                }
            }
        }
    }

    public func stop() {
        let t = task.withLock { current -> Task<Void, Never>? in
            defer { current = nil }
            return current
        }
        t?.cancel()
    }

    // MARK: What the app reads

    /// True once after each pull (new records or a new status).
    public func takeChanged() -> Bool {
        state.withLock { s in
            defer { s.changed = false }
            return s.changed
        }
    }

    public var hasChanges: Bool { state.withLock { $0.changed } }
    public var lastError: PullError? { state.withLock { $0.lastError } }
    /// When the next pull is due.
    public var retryAt: Double { state.withLock { $0.nextPoll } }
    public var attempts: Int { state.withLock { $0.attempts } }
    public var failures: Int { state.withLock { $0.failures } }

    /// The status now, with what the source holds.
    public var status: SourceStatus {
        var s = state.withLock { $0.status }
        s.detail = source.contents().detail
        return s
    }

    /// The source's records, its line in the source list, and its problems.
    public func snapshot() -> (results: [IngestResult], file: LoadedFile, problems: [Problem]) {
        let contents = source.contents()
        var (status, error) = state.withLock { ($0.status, $0.lastError) }
        status.detail = contents.detail
        let file = LoadedFile(
            path: label, format: source.format, actors: contents.results.reduce(0) { $0 + $1.actors.count },
            events: contents.results.reduce(0) { $0 + $1.events.count }, bytes: contents.bytes, loaded: contents.hasRecords,
            staleSince: status.isStale ? status.pulledAt.map(ClockFormat.dateTime) : nil, status: status)
        var problems = contents.problems
        if let error {
            problems.insert(
                Problem(
                    file: label, line: 1, column: 1, path: "$",
                    message: error.description + (contents.hasRecords ? "; the last good records stay on screen" : ""),
                    severity: contents.hasRecords ? .warning : .error), at: 0)
        }
        return (contents.results, file, problems)
    }
}
