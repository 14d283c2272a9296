import JSONCore
import Synchronization
import ThreatModel
import Loading
import Readers

/// One TAXII collection, polled: the objects pulled so far (latest version of each, by
/// parsed `modified`), where the next incremental poll starts, and how the source is doing.
/// A failed poll never replaces data: the last good objects stay, the error is reported, the
/// next try backs off. Pages received before a failure are kept, and the next poll resumes
/// just before the last complete page (objects are keyed by id, so what is fetched twice
/// counts once, and objects sharing a `date_added` are never skipped). The objects are
/// cached on disk, so a restart shows the last pull at once. Clock and file system are
/// injected: tests run a week of polls without sleeping.
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

    struct Stored {
        var modified: Timestamp?
        var bytes: [UInt8]
    }

    struct State {
        var objects: [String: Stored] = [:]
        var order: [String] = []
        var apiRoot: String?
        var collection: TaxiiCollection?
        /// Where the next poll starts (`added_after`).
        var addedAfter: String?
        /// Set after a pull broke off: the next poll starts here instead, just before the
        /// last complete page, and finishes the pull.
        var resumeAfter: String?
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
    let clock: any Clock
    let fileSystem: any FileSystem
    private let state = Mutex(State())
    private let task = Mutex<Task<Void, Never>?>(nil)

    public init(_ configuration: Configuration, clock: any Clock = SystemClock(), fileSystem: any FileSystem = LocalFileSystem()) {
        self.configuration = configuration
        self.clock = clock
        self.fileSystem = fileSystem
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
    /// last success (or since the break of an interrupted pull). Returns the error, if any;
    /// the data is kept either way, and complete pages of a broken pull are kept too.
    @discardableResult
    public func poll() async -> TaxiiError? {
        let now = clock.now()
        var received = 0
        var changedAny = false
        do {
            var (apiRoot, collection, start) = state.withLock { ($0.apiRoot, $0.collection, $0.resumeAfter ?? $0.addedAfter) }
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
            var pages = 0
            var latestAdded = start
            repeat {
                let page = try await client.objects(apiRoot!, collection: collection!.id, addedAfter: start, next: next)
                pages += 1
                received += page.objects.count
                // Each complete page is kept at once; a break later loses nothing before it.
                if merge(page.objects) { changedAny = true }
                if let last = page.dateAddedLast, latestAdded.map({ Self.later(last, than: $0) }) ?? true { latestAdded = last }
                if let first = page.dateAddedFirst ?? page.dateAddedLast {
                    let resume = Self.justBefore(first)
                    state.withLock { $0.resumeAfter = resume }
                }
                next = page.more ? page.next : nil
                if page.more && next == nil { break }
            } while next != nil && pages < 100_000
            let (finalAdded, label) = (latestAdded, self.label)
            state.withLock { s in
                s.addedAfter = finalAdded
                s.resumeAfter = nil
                s.lastSuccess = now
                s.lastError = nil
                s.failures = 0
                s.nextPoll = now + configuration.pollSeconds
                s.polls += 1
                s.lastPullObjects = received
                s.fromCache = false
                if changedAny || s.result == nil { s.result = TaxiiFeed.ingest(s, label: label) }
                // Even with no new objects the status changed (last pull time): redraw.
                s.changed = true
            }
            if changedAny { saveCache() }
            return nil
        } catch {
            let label = self.label
            state.withLock { s in
                s.lastError = error.description
                s.failures += 1
                // Back off: twice the interval per failure, at most ten minutes.
                let factor = Double(1 << min(s.failures, 6))
                s.nextPoll = now + min(600, configuration.pollSeconds * factor)
                s.changed = true
                s.polls += 1
                if changedAny { s.result = TaxiiFeed.ingest(s, label: label) }
            }
            if changedAny { saveCache() }
            return error
        }
    }

    /// Adds or replaces objects (a newer `modified`, by parsed time, replaces); true when any changed.
    func merge(_ objects: [(id: String, modified: String, bytes: [UInt8])]) -> Bool {
        state.withLock { s in
            var changed = false
            for o in objects {
                let version = Timestamp(parsing: o.modified)
                if let existing = s.objects[o.id] {
                    let newer = switch (version, existing.modified) {
                    case (let v?, let e?): v >= e
                    case (_?, nil): true
                    case (nil, _): existing.modified == nil
                    }
                    if newer && o.bytes != existing.bytes {
                        s.objects[o.id] = Stored(modified: version, bytes: o.bytes)
                        changed = true
                    }
                } else {
                    s.objects[o.id] = Stored(modified: version, bytes: o.bytes)
                    s.order.append(o.id)
                    changed = true
                }
            }
            return changed
        }
    }

    /// Whether TAXII timestamp `a` is later than `b` (by time; text as a fallback).
    static func later(_ a: String, than b: String) -> Bool {
        if let x = Timestamp(parsing: a), let y = Timestamp(parsing: b) { return x > y }
        return a > b
    }

    /// One microsecond before `timestamp` (TAXII's precision), so `added_after` takes it in again.
    static func justBefore(_ timestamp: String) -> String {
        guard let t = Timestamp(parsing: timestamp) else { return timestamp }
        var seconds = t.seconds
        var micros = Int64(t.nanoseconds) / 1000 - 1
        if micros < 0 { micros += 1_000_000; seconds -= 1 }
        let base = Timestamp(seconds: seconds).description.dropLast()
        let m = String(micros)
        return base + "." + String(repeating: "0", count: 6 - m.count) + m + "Z"
    }

    /// Polls on its schedule until `stop`, calling `notify` after each poll (news or status).
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

    // MARK: What the dashboard reads

    /// True once after new data or a status change.
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
            var status: SourceStatus
            if let error = s.lastError {
                let retry = max(0, s.nextPoll - now)
                var text = "error: \(error) · retry in \(ClockFormat.duration(retry))"
                if let last = s.lastSuccess { text += " · showing the pull of \(ClockFormat.dateTime(last))" }
                if s.resumeAfter != nil { text += " · pull broke off: complete pages kept, resuming" }
                status = SourceStatus(.failing, text)
            } else if let last = s.lastSuccess {
                status = s.fromCache
                    ? SourceStatus(.cached, "from cache, pulled \(ClockFormat.dateTime(last)) (\(ClockFormat.duration(now - last)) ago) · \(s.objects.count) objects")
                    : SourceStatus(.ok, "last pull \(ClockFormat.time(last)) · \(s.objects.count) objects")
            } else {
                status = SourceStatus(.connecting, "connecting…")
            }
            if configuration.options.insecure { status.text += " · TLS NOT VERIFIED" }
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
    public var objectIDs: Set<String> { state.withLock { Set($0.objects.keys) } }
    public var lastError: String? { state.withLock { $0.lastError } }
    public var pollCount: Int { state.withLock { $0.polls } }
    /// Objects the last successful poll received (an incremental poll gets only new ones).
    public var lastPullObjects: Int { state.withLock { $0.lastPullObjects } }
    public var isFromCache: Bool { state.withLock { $0.fromCache } }
    public var retryAt: Double { state.withLock { $0.nextPoll } }
    /// Where an interrupted pull resumes (nil when the last pull completed).
    public var resumePoint: String? { state.withLock { $0.resumeAfter } }

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
        let snapshot = state.withLock { ($0.order, $0.objects, $0.addedAfter, $0.lastSuccess, $0.apiRoot, $0.collection, $0.resumeAfter) }
        var out = Array("{\"url\":".utf8) + Array(JSONDocument.quote(configuration.url).utf8)
        out += Array(",\"collection\":".utf8) + Array(JSONDocument.quote(configuration.collection ?? "").utf8)
        out += Array(",\"api_root\":".utf8) + Array(JSONDocument.quote(snapshot.4 ?? "").utf8)
        out += Array(",\"collection_id\":".utf8) + Array(JSONDocument.quote(snapshot.5?.id ?? "").utf8)
        out += Array(",\"collection_title\":".utf8) + Array(JSONDocument.quote(snapshot.5?.title ?? "").utf8)
        out += Array(",\"added_after\":".utf8) + Array(JSONDocument.quote(snapshot.2 ?? "").utf8)
        out += Array(",\"resume_after\":".utf8) + Array(JSONDocument.quote(snapshot.6 ?? "").utf8)
        out += Array(",\"fetched\":\(snapshot.3 ?? 0),\"objects\":[".utf8)
        for (k, id) in snapshot.0.enumerated() {
            if k > 0 { out.append(UInt8(ascii: ",")) }
            out += snapshot.1[id]!.bytes
        }
        out += Array("]}\n".utf8)
        // Private (0600 in a 0700 directory): the objects may be licensed or sensitive.
        // Written beside and renamed: a crash never leaves a half-written cache.
        try? fileSystem.makeDirectories(dir, mode: 0o700)
        try? fileSystem.writeAtomically(path, out, mode: 0o600)
    }

    func loadCache() {
        guard let path = cachePath, let bytes = try? fileSystem.read(path, limit: 1 << 30),
              let d = try? JSONDocument(parsing: bytes), let objects = d.member(d.root, "objects") else { return }
        let label = self.label
        state.withLock { s in
            d.forEachElement(objects) { _, o in
                guard let id = d.member(o, "id").flatMap(d.string) else { return }
                let modified = d.member(o, "modified").flatMap(d.string).flatMap(Timestamp.init(parsing:))
                if s.objects[id] == nil { s.order.append(id) }
                s.objects[id] = Stored(modified: modified, bytes: d.bytes.copy(d.byteRange(of: o)))
            }
            let addedAfter = d.member(d.root, "added_after").flatMap(d.string) ?? ""
            s.addedAfter = addedAfter.isEmpty ? nil : addedAfter
            let resume = d.member(d.root, "resume_after").flatMap(d.string) ?? ""
            s.resumeAfter = resume.isEmpty ? nil : resume
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
}
