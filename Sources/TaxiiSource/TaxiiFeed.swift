import Dashboard
import Synchronization
import ThreatModel
#if canImport(Glibc)
import Glibc
#endif

/// One TAXII collection, polled: the objects pulled so far (latest version of each), where
/// the next incremental poll starts, and how the source is doing. A failed poll never
/// replaces data: the last good objects stay, the error is reported, the next try backs off.
/// The objects are cached on disk, so a restart shows the last pull at once.
public final class TaxiiFeed: Sendable {
    public struct Configuration: Sendable, Equatable {
        public var url: String
        public var collection: String?
        public var pollSeconds: Double
        public var options: TaxiiClient.Options
        public var credentials: TaxiiCredentials
        /// Where the cache file goes (nil: no cache).
        public var cacheDirectory: String?

        public init(url: String, collection: String? = nil, pollSeconds: Double = 60, options: TaxiiClient.Options = .init(),
                    credentials: TaxiiCredentials = .none, cacheDirectory: String? = nil) {
            self.url = url
            self.collection = collection
            self.pollSeconds = max(1, pollSeconds)
            self.options = options
            self.credentials = credentials
            self.cacheDirectory = cacheDirectory
        }
    }

    struct State {
        var objects: [String: (modified: String, bytes: [UInt8])] = [:]
        var order: [String] = []
        var apiRoot: String?
        var collection: TaxiiCollection?
        var addedAfter: String?
        var lastSuccess: Double?
        var lastError: String?
        var failures = 0
        var nextPoll: Double = 0
        var result: IngestResult?
        var changed = false
        var fromCache = false
        var polls = 0
        var lastPullObjects = 0
    }

    public let configuration: Configuration
    let client: TaxiiClient
    let clock: @Sendable () -> Double
    private let state = Mutex(State())
    private let task = Mutex<Task<Void, Never>?>(nil)

    public init(_ configuration: Configuration, clock: @escaping @Sendable () -> Double) {
        self.configuration = configuration
        self.clock = clock
        client = TaxiiClient(options: configuration.options, credentials: configuration.credentials)
        loadCache()
    }

    /// "taxii:https://host/api1/ · Enterprise ATT&CK" once resolved.
    public var label: String {
        let c = state.withLock { $0.collection }
        return "taxii:" + configuration.url + (c.map { " · " + $0.title } ?? configuration.collection.map { " · " + $0 } ?? "")
    }

    // MARK: Polling

    /// One poll: resolve the collection if needed, then fetch every page added since the
    /// last success. Returns the error, if any (the data is kept either way).
    @discardableResult
    public func poll() async -> TaxiiError? {
        let now = clock()
        do {
            var (apiRoot, collection, addedAfter) = state.withLock { ($0.apiRoot, $0.collection, $0.addedAfter) }
            if apiRoot == nil || collection == nil {
                let resolved = try await client.resolve(configuration.url, collection: configuration.collection)
                apiRoot = resolved.apiRoot
                collection = resolved.collection
                state.withLock {
                    $0.apiRoot = resolved.apiRoot
                    $0.collection = resolved.collection
                }
            }
            var next: String?
            var pages: [TaxiiPage] = []
            var latestAdded = addedAfter
            repeat {
                let page = try await client.objects(apiRoot!, collection: collection!.id, addedAfter: addedAfter, next: next)
                pages.append(page)
                if let last = page.dateAddedLast, latestAdded.map({ last > $0 }) ?? true { latestAdded = last }
                next = page.more ? page.next : nil
                if page.more && next == nil { break }
            } while next != nil && pages.count < 100_000
            let (finalAdded, label) = (latestAdded, self.label)
            state.withLock { s in
                var changed = false
                for page in pages {
                    for o in page.objects {
                        if let existing = s.objects[o.id] {
                            if o.modified >= existing.modified && o.bytes != existing.bytes {
                                s.objects[o.id] = (o.modified, o.bytes)
                                changed = true
                            }
                        } else {
                            s.objects[o.id] = (o.modified, o.bytes)
                            s.order.append(o.id)
                            changed = true
                        }
                    }
                }
                s.addedAfter = finalAdded
                s.lastSuccess = now
                s.lastError = nil
                s.failures = 0
                s.nextPoll = now + configuration.pollSeconds
                s.polls += 1
                s.lastPullObjects = pages.reduce(0) { $0 + $1.objects.count }
                s.fromCache = false
                if changed || s.result == nil { s.result = TaxiiFeed.ingest(s, label: label) }
                // Even with no new objects the status changed (last pull time): redraw.
                s.changed = true
            }
            if pages.contains(where: { !$0.objects.isEmpty }) { saveCache() }
            return nil
        } catch {
            state.withLock { s in
                s.lastError = error.description
                s.failures += 1
                // Back off: twice the interval per failure, at most ten minutes.
                let factor = Double(1 << min(s.failures, 6))
                s.nextPoll = now + min(600, configuration.pollSeconds * factor)
                s.changed = true
                s.polls += 1
            }
            return error
        }
    }

    /// Polls in the background on its schedule until `stop`.
    public func start() {
        task.withLock { current in
            guard current == nil else { return }
            current = Task.detached { [self] in
                while !Task.isCancelled {
                    let due = state.withLock { $0.nextPoll }
                    let wait = due - clock()
                    if wait > 0 {
                        try? await Task.sleep(nanoseconds: UInt64(min(wait, 3600) * 1e9))
                        continue
                    }
                    await poll()
                }
            }
        }
    }

    public func stop() async {
        let t = task.withLock { current -> Task<Void, Never>? in
            defer { current = nil }
            return current
        }
        t?.cancel()

    }

    // MARK: What the dashboard reads

    /// True once after new data or a status change (the run loop then reloads).
    public func takeChanged() -> Bool {
        state.withLock { s in
            defer { s.changed = false }
            return s.changed
        }
    }

    public var hasChanges: Bool { state.withLock { $0.changed } }

    /// The feed's records (if any pull or cache succeeded), its line in the source list, and
    /// a problem describing the current error.
    public func snapshot(now: Double) -> (result: IngestResult?, file: LoadedFile, problem: Problem?) {
        let label = self.label
        return state.withLock { s in
            var status: String
            if let error = s.lastError {
                let retry = max(0, s.nextPoll - now)
                status = "error: \(error) · retry in \(ClockFormat.duration(retry))"
                if let last = s.lastSuccess { status += " · showing the pull of \(ClockFormat.dateTime(last))" }
            } else if let last = s.lastSuccess {
                status = (s.fromCache ? "from cache, pulled \(ClockFormat.dateTime(last)) (\(ClockFormat.duration(now - last)) ago)" : "last pull \(ClockFormat.time(last))")
                    + " · \(s.objects.count) objects"
            } else {
                status = "connecting…"
            }
            if configuration.options.insecure { status += " · TLS NOT VERIFIED" }
            let stale: String? = s.lastError != nil && s.result != nil ? s.lastSuccess.map { ClockFormat.dateTime($0) } ?? "" : (s.fromCache ? "cache" : nil)
            let file = LoadedFile(path: label, format: .taxii, actors: s.result?.actors.count ?? 0, events: s.result?.events.count ?? 0,
                                  bytes: s.objects.values.reduce(0) { $0 + $1.bytes.count }, loaded: s.result != nil, staleSince: stale, status: status)
            let problem = s.lastError.map {
                Problem(file: label, line: 1, column: 1, path: "$", message: $0 + (s.result != nil ? "; the last good pull stays on screen" : ""),
                        severity: s.result != nil ? .warning : .error)
            }
            return (s.result, file, problem)
        }
    }

    public var objectCount: Int { state.withLock { $0.objects.count } }
    public var lastError: String? { state.withLock { $0.lastError } }
    public var pollCount: Int { state.withLock { $0.polls } }
    /// Objects the last successful poll received (an incremental poll gets only new ones).
    public var lastPullObjects: Int { state.withLock { $0.lastPullObjects } }
    public var isFromCache: Bool { state.withLock { $0.fromCache } }
    public var retryAt: Double { state.withLock { $0.nextPoll } }

    /// The collection's objects as one bundle, read like a file.
    static func ingest(_ s: State, label: String) -> IngestResult {
        var bytes = Array(#"{"type":"bundle","id":"bundle--00000000-0000-4000-8000-000000000000","objects":["#.utf8)
        for (k, id) in s.order.enumerated() {
            if k > 0 { bytes.append(UInt8(ascii: ",")) }
            bytes.append(contentsOf: s.objects[id]!.bytes)
        }
        bytes.append(contentsOf: Array("]}".utf8))
        let document: JSONDocument
        do {
            document = try JSONDocument(parsing: bytes)
        } catch {
            var r = IngestResult(file: label, format: .taxii)
            r.problems = [Problem(file: label, line: error.line, column: error.column, path: JSONDocument.render(error.path), message: error.message)]
            return r
        }
        return StixIngest.run(document, file: label, format: .taxii)
    }

    // MARK: Cache

    var cachePath: String? {
        guard let dir = configuration.cacheDirectory else { return nil }
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in (configuration.url + "\n" + (configuration.collection ?? "")).utf8 { h = (h ^ UInt64(b)) &* 0x0000_0100_0000_01B3 }
        return dir + "/taxii-" + String(h, radix: 16) + ".json"
    }

    func saveCache() {
        guard let path = cachePath, let dir = configuration.cacheDirectory else { return }
        let snapshot = state.withLock { ($0.order, $0.objects, $0.addedAfter, $0.lastSuccess, $0.apiRoot, $0.collection) }
        var out = Array("{\"url\":".utf8) + Array(JSONDocument.quote(configuration.url).utf8)
        out += Array(",\"collection\":".utf8) + Array(JSONDocument.quote(configuration.collection ?? "").utf8)
        out += Array(",\"api_root\":".utf8) + Array(JSONDocument.quote(snapshot.4 ?? "").utf8)
        out += Array(",\"collection_id\":".utf8) + Array(JSONDocument.quote(snapshot.5?.id ?? "").utf8)
        out += Array(",\"collection_title\":".utf8) + Array(JSONDocument.quote(snapshot.5?.title ?? "").utf8)
        out += Array(",\"added_after\":".utf8) + Array(JSONDocument.quote(snapshot.2 ?? "").utf8)
        out += Array(",\"fetched\":\(snapshot.3 ?? 0),\"objects\":[".utf8)
        for (k, id) in snapshot.0.enumerated() {
            if k > 0 { out.append(UInt8(ascii: ",")) }
            out += snapshot.1[id]!.bytes
        }
        out += Array("]}\n".utf8)
        TaxiiFeed.makeDirectory(dir)
        // Write beside, then rename: a crash never leaves a half-written cache.
        let temporary = path + ".tmp-\(getpid())"
        // Private (0600) whatever the umask: the objects may be licensed or sensitive.
        let fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        guard fd >= 0 else { return }
        var offset = 0
        while offset < out.count {
            let n = out.withUnsafeBytes { write(fd, $0.baseAddress! + offset, $0.count - offset) }
            if n <= 0 { break }
            offset += n
        }
        close(fd)
        if offset == out.count { rename(temporary, path) } else { unlink(temporary) }
    }

    func loadCache() {
        guard let path = cachePath, let bytes = try? LocalFileSystem().read(path, limit: 1 << 30),
              let d = try? JSONDocument(parsing: bytes), let objects = d.member(d.root, "objects") else { return }
        let label = self.label
        state.withLock { s in
            d.forEachElement(objects) { _, o in
                guard let id = d.member(o, "id").flatMap(d.string) else { return }
                let modified = d.member(o, "modified").flatMap(d.string) ?? ""
                if s.objects[id] == nil { s.order.append(id) }
                s.objects[id] = (modified, Array(d.bytes[d.byteRange(of: o)]))
            }
            let addedAfter = d.member(d.root, "added_after").flatMap(d.string) ?? ""
            s.addedAfter = addedAfter.isEmpty ? nil : addedAfter
            s.lastSuccess = d.member(d.root, "fetched").flatMap(d.double).flatMap { $0 > 0 ? $0 : nil }
            if let root = d.member(d.root, "api_root").flatMap(d.string), !root.isEmpty,
               let id = d.member(d.root, "collection_id").flatMap(d.string), !id.isEmpty {
                s.apiRoot = root
                s.collection = TaxiiCollection(id: id, title: d.member(d.root, "collection_title").flatMap(d.string) ?? id, canRead: true, mediaTypes: [])
            }
            s.fromCache = true
            s.result = TaxiiFeed.ingest(s, label: label)
            s.changed = true
        }
    }

    static func makeDirectory(_ path: String) {
        var partial = path.hasPrefix("/") ? "" : "."
        for component in path.split(separator: "/") {
            partial += "/" + component
            mkdir(partial, 0o700)
        }
    }
}
