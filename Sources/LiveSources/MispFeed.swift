import JSONCore
import Synchronization
import ThreatModel
import Readers
import Loading

/// A MISP feed (a URL or a directory with `manifest.json` and one `<uuid>.json` per event),
/// followed: each poll reads the manifest and fetches only the events whose `timestamp`
/// changed since the last poll. An event that is listed but missing, truncated or answered
/// with an error is reported (its last good version stays); a failed manifest keeps all the
/// last good data and backs off. Events are cached privately and atomically, so a restart
/// shows them at once. Clock and file system are injected.
public final class MispFeed: Sendable {
    public struct Configuration: Sendable, Equatable {
        /// `https://…/feed-osint` or a directory.
        public var location: String
        public var pollSeconds: Double
        public var caFile: String?
        public var insecure: Bool
        public var cacheDirectory: String?

        public init(location: String, pollSeconds: Double = 3600, caFile: String? = nil, insecure: Bool = false, cacheDirectory: String? = nil) {
            self.location = location
            self.pollSeconds = max(1, pollSeconds)
            self.caFile = caFile
            self.insecure = insecure
            self.cacheDirectory = cacheDirectory
        }

        public var isRemote: Bool { location.hasPrefix("http://") || location.hasPrefix("https://") }
    }

    struct Stored {
        var timestamp: Int64
        var bytes: [UInt8]
        var result: IngestResult
    }

    struct State {
        var events: [String: Stored] = [:]
        /// Per event uuid: why its current version could not be read (kept until it can).
        var eventProblems: [String: String] = [:]
        var lastSuccess: Double?
        var lastError: String?
        var failures = 0
        var nextPoll: Double = 0
        var changed = false
        var fromCache = false
        var polls = 0
        /// Event files fetched by the last poll (only changed ones are).
        var lastFetched = 0
        var listed = 0
    }

    public let configuration: Configuration
    let clock: any Clock
    let fileSystem: any FileSystem
    let http: HTTPFetcher
    private let state = Mutex(State())
    private let task = Mutex<Task<Void, Never>?>(nil)

    public init(_ configuration: Configuration, clock: any Clock = SystemClock(), fileSystem: any FileSystem = LocalFileSystem()) {
        self.configuration = configuration
        self.clock = clock
        self.fileSystem = fileSystem
        http = HTTPFetcher(caFile: configuration.caFile, insecure: configuration.insecure)
        loadCache()
    }

    public var label: String { "misp-feed:" + configuration.location }

    func path(_ name: String) -> String {
        (configuration.location.hasSuffix("/") ? configuration.location : configuration.location + "/") + name
    }

    func fetch(_ name: String) async throws(HTTPFetcher.Failure) -> [UInt8] {
        if configuration.isRemote { return try await http.get(path(name)) }
        do {
            return try fileSystem.read(path(name), limit: 1 << 30)
        } catch {
            throw HTTPFetcher.Failure(status: 404, description: path(name) + ": " + error.message)
        }
    }

    /// One poll. Returns the error that stopped it, if any (event-level problems are kept
    /// per event and do not stop the poll).
    @discardableResult
    public func poll() async -> String? {
        let now = clock.now()
        let manifest: MispFeedManifest
        do throws(HTTPFetcher.Failure) {
            let bytes = try await fetch("manifest.json")
            do {
                manifest = try MispFeedManifest(bytes: bytes)
            } catch {
                throw HTTPFetcher.Failure(status: nil, description: "manifest.json \(error.line):\(error.column): \(error.message)")
            }
        } catch {
            state.withLock { s in
                s.lastError = error.description
                s.failures += 1
                s.nextPoll = now + min(3600, configuration.pollSeconds * Double(1 << min(s.failures, 6)))
                s.changed = true
                s.polls += 1
            }
            return error.description
        }
        let wanted = state.withLock { s in manifest.entries.filter { e in (s.events[e.uuid]?.timestamp ?? Int64.min) < e.timestamp || s.eventProblems[e.uuid] != nil } }
        // Fetched one after another from a server, read on every core from a directory;
        // parsed on every core either way (a first poll of a feed is 10,000 events).
        var downloads: [Result<[UInt8], HTTPFetcher.Failure>] = []
        if configuration.isRemote {
            for entry in wanted {
                do throws(HTTPFetcher.Failure) { downloads.append(.success(try await fetch(entry.uuid + ".json"))) } catch { downloads.append(.failure(error)) }
            }
        } else {
            let (fileSystem, paths) = (self.fileSystem, wanted.map { path($0.uuid + ".json") })
            downloads = ParallelMap.map(paths.count) { k in
                do throws(FileError) { return .success(try fileSystem.read(paths[k], limit: 1 << 30)) } catch {
                    return .failure(HTTPFetcher.Failure(status: 404, description: paths[k] + ": " + error.message))
                }
            }
        }
        let label = self.label
        let entries = wanted
        let loaded = downloads
        let results = ParallelMap.map(entries.count) { k -> IngestResult? in
            guard case .success(let bytes) = loaded[k] else { return nil }
            return MispFeed.ingest(bytes, file: label + "/" + entries[k].uuid + ".json")
        }
        var fetched: [(String, Stored)] = []
        var problems: [String: String] = [:]
        for (k, entry) in wanted.enumerated() {
            switch (downloads[k], results[k]) {
            case (.success(let bytes), let result?):
                if result.unparsed || result.events.isEmpty {
                    problems[entry.uuid] = result.problems.first.map { "\(entry.uuid).json \($0.line):\($0.column): \($0.message)" } ?? "\(entry.uuid).json holds no event"
                } else {
                    fetched.append((entry.uuid, Stored(timestamp: entry.timestamp, bytes: bytes, result: result)))
                }
            case (.failure(let error), _):
                problems[entry.uuid] = error.status == 404 ? "the manifest lists \(entry.uuid) but \(entry.uuid).json is missing (404)" : error.description
            case (.success, nil):
                problems[entry.uuid] = "\(entry.uuid).json was not read"
            }
        }
        let listed = Set(manifest.entries.map(\.uuid))
        let removedAny = state.withLock { s in s.events.keys.contains { !listed.contains($0) } }
        state.withLock { s in
            // An event the manifest no longer lists was withdrawn by the feed: it goes, and so
            // does any problem reading it.
            s.events = s.events.filter { listed.contains($0.key) }
            s.eventProblems = s.eventProblems.filter { listed.contains($0.key) }
            for (uuid, stored) in fetched { s.events[uuid] = stored; s.eventProblems[uuid] = nil }
            for (uuid, p) in problems { s.eventProblems[uuid] = p }
            s.lastSuccess = now
            s.lastError = nil
            s.failures = 0
            s.nextPoll = now + configuration.pollSeconds
            s.polls += 1
            s.lastFetched = wanted.count
            s.listed = manifest.entries.count
            s.fromCache = false
            s.changed = true
        }
        if !fetched.isEmpty || removedAny { saveCache() }
        return nil
    }

    static func ingest(_ bytes: [UInt8], file: String) -> IngestResult {
        Ingest.read(bytes: bytes, file: file, format: .mispFeed)
    }

    /// Polls on its schedule until `stop`, calling `notify` after each poll.
    public func start(notify: @escaping @Sendable () -> Void = {}) {
        task.withLock { current in
            guard current == nil else { return }
            current = Task.detached { [self] in
                while !Task.isCancelled {
                    let due = state.withLock { $0.nextPoll }
                    let wait = due - clock.now()
                    if wait > 0 {
                        await clock.sleep(seconds: min(wait, 3600))
                        continue
                    }
                    await poll()
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

    public func takeChanged() -> Bool {
        state.withLock { s in
            defer { s.changed = false }
            return s.changed
        }
    }

    public var hasChanges: Bool { state.withLock { $0.changed } }
    public var eventCount: Int { state.withLock { $0.events.count } }
    public var lastFetched: Int { state.withLock { $0.lastFetched } }
    public var lastError: String? { state.withLock { $0.lastError } }
    public var pollCount: Int { state.withLock { $0.polls } }
    public var isFromCache: Bool { state.withLock { $0.fromCache } }

    /// The feed's events, its line in the source list, and its problems.
    public func snapshot(now: Double) -> (results: [IngestResult], file: LoadedFile, problems: [Problem]) {
        let label = self.label
        return state.withLock { s in
            let ordered = s.events.keys.sorted()
            let results = ordered.map { s.events[$0]!.result }
            var status: SourceStatus
            if let error = s.lastError {
                var text = "error: \(error) · retry in \(ClockFormat.duration(max(0, s.nextPoll - now)))"
                if let last = s.lastSuccess { text += " · showing the pull of \(ClockFormat.dateTime(last))" }
                status = SourceStatus(.failing, text)
            } else if let last = s.lastSuccess {
                let tail = " · \(s.events.count) events" + (s.eventProblems.isEmpty ? "" : " · \(s.eventProblems.count) unreadable")
                status = s.fromCache
                    ? SourceStatus(.cached, "from cache, pulled \(ClockFormat.dateTime(last)) (\(ClockFormat.duration(now - last)) ago)" + tail)
                    : SourceStatus(.ok, "last poll \(ClockFormat.time(last)) · fetched \(s.lastFetched) of \(s.listed) listed" + tail)
            } else {
                status = SourceStatus(.connecting, "connecting…")
            }
            if configuration.insecure { status.text += " · TLS NOT VERIFIED" }
            let stale: String? = s.lastError != nil && !s.events.isEmpty ? s.lastSuccess.map { ClockFormat.dateTime($0) } ?? "" : (s.fromCache ? "cache" : nil)
            let file = LoadedFile(path: label, format: .mispFeed, actors: results.reduce(0) { $0 + $1.actors.count }, events: results.reduce(0) { $0 + $1.events.count },
                                  bytes: s.events.values.reduce(0) { $0 + $1.bytes.count }, loaded: !s.events.isEmpty || s.lastSuccess != nil,
                                  staleSince: stale, status: status)
            var problems: [Problem] = s.eventProblems.sorted { $0.key < $1.key }.map {
                Problem(file: label, line: 1, column: 1, path: "$[\"\($0.key)\"]", message: $0.value, severity: .warning)
            }
            if let error = s.lastError {
                problems.insert(Problem(file: label, line: 1, column: 1, path: "$", message: error + (s.events.isEmpty ? "" : "; the last good events stay on screen"),
                                        severity: s.events.isEmpty ? .error : .warning), at: 0)
            }
            return (results, file, problems)
        }
    }

    // MARK: Cache

    /// The private cache file this feed restores from and saves to (nil without a cache directory).
    public var cacheFile: String? { cachePath }

    var cachePath: String? {
        guard let dir = configuration.cacheDirectory else { return nil }
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in configuration.location.utf8 { h = (h ^ UInt64(b)) &* 0x0000_0100_0000_01B3 }
        return dir + "/misp-feed-" + String(h, radix: 16) + ".json"
    }

    func saveCache() {
        guard let path = cachePath, let dir = configuration.cacheDirectory else { return }
        let (events, last) = state.withLock { ($0.events, $0.lastSuccess) }
        var out = Array("{\"location\":".utf8) + Array(JSONDocument.quote(configuration.location).utf8)
        out += Array(",\"fetched\":\(last ?? 0),\"events\":[".utf8)
        for (k, uuid) in events.keys.sorted().enumerated() {
            if k > 0 { out.append(UInt8(ascii: ",")) }
            out += Array("{\"uuid\":".utf8) + Array(JSONDocument.quote(uuid).utf8) + Array(",\"timestamp\":\(events[uuid]!.timestamp),\"event\":".utf8)
            out += events[uuid]!.bytes
            out += Array("}".utf8)
        }
        out += Array("]}\n".utf8)
        try? fileSystem.makeDirectories(dir, mode: 0o700)
        try? fileSystem.writeAtomically(path, out, mode: 0o600)
    }

    func loadCache() {
        guard let path = cachePath, let bytes = try? fileSystem.read(path, limit: 1 << 30),
              let d = try? JSONDocument(parsing: bytes), let list = d.member(d.root, "events") else { return }
        let label = self.label
        var cached: [(uuid: String, timestamp: Int64, raw: [UInt8])] = []
        d.forEachElement(list) { _, e in
            guard let uuid = d.member(e, "uuid").flatMap(d.string), let ev = d.member(e, "event") else { return }
            let ts = d.member(e, "timestamp").flatMap(d.double).flatMap { $0.isFinite && abs($0) < 1e15 ? Int64($0) : nil } ?? 0
            cached.append((uuid, ts, d.bytes.copy(d.byteRange(of: ev))))
        }
        // Parsed on every core: a restart shows a 10,000-event cache at once.
        let events = cached
        let results = ParallelMap.map(events.count) { k in MispFeed.ingest(events[k].raw, file: label + "/" + events[k].uuid + ".json") }
        state.withLock { s in
            for (k, e) in events.enumerated() where !results[k].unparsed {
                s.events[e.uuid] = Stored(timestamp: e.timestamp, bytes: e.raw, result: results[k])
            }
            s.lastSuccess = d.member(d.root, "fetched").flatMap(d.double).flatMap { $0 > 0 ? $0 : nil }
            s.fromCache = !s.events.isEmpty
            s.changed = true
        }
    }
}
