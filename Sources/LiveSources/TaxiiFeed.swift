import JSONCore
import Synchronization
import ThreatModel
import Loading
import Readers

/// One TAXII collection as a live source: the objects pulled so far (latest version of each,
/// by parsed `modified`) and where the next pull starts (`added_after`). Pages received before
/// a failure are kept, and the next pull resumes just before the last complete page (objects
/// are keyed by id, so what is fetched twice counts once, and objects sharing a `date_added`
/// are never skipped). The objects are cached on disk, so a restart shows the last pull at
/// once. Scheduling, retries and status are `LivePoller`'s.
public final class TaxiiFeed: LiveSource {
    public struct Configuration: Sendable, Equatable {
        public var url: String
        public var collection: String?
        public var pollSeconds: Double
        public var options: TaxiiClient.Options
        public var credentials: TaxiiCredentials
        /// Where the cache file goes (nil: no cache).
        public var cacheDirectory: String?

        public init(
            url: String, collection: String? = nil, pollSeconds: Double = 60, options: TaxiiClient.Options = .init(),
            credentials: TaxiiCredentials = .none, cacheDirectory: String? = nil
        ) {
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
        var bytes = 0
        var apiRoot: String?
        var collection: TaxiiCollection?
        /// Where the next pull starts (`added_after`).
        var addedAfter: String?
        /// Set after a pull broke off: the next pull starts here instead, just before the
        /// last complete page, and finishes the pull.
        var resumeAfter: String?
        var result: IngestResult?
        /// When the cached objects were pulled (nil: none restored).
        var cachedAt: Double?
        var fromCache = false
        var pulls = 0
        var lastPullObjects = 0
    }

    public let configuration: Configuration
    let client: TaxiiClient
    let clock: any Clock
    let fileSystem: any FileSystem
    private let state = Mutex(State())

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

    public var format: Provenance.Format { .taxii }

    public var settings: LiveSettings {
        LiveSettings(pollSeconds: configuration.pollSeconds, limits: configuration.options.limits, insecure: configuration.options.insecure)
    }

    public var cachedAt: Double? { state.withLock { $0.cachedAt } }

    // MARK: Pulling

    public func pull(by deadline: PullDeadline) async throws(PullError) {
        do {
            try await pullPages(by: deadline)
        } catch {
            throw error.pullError
        }
    }

    /// Resolves the collection if needed, then fetches every page added since the last
    /// complete pull (or since the break of an interrupted one). Complete pages are kept when
    /// a later one fails.
    func pullPages(by deadline: PullDeadline) async throws(TaxiiError) {
        var received = 0
        var changedAny = false
        defer {
            if changedAny {
                let label = self.label
                state.withLock { $0.result = TaxiiFeed.ingest($0, label: label) }
                saveCache()
            }
        }
        var (apiRoot, collection, start) = state.withLock { ($0.apiRoot, $0.collection, $0.resumeAfter ?? $0.addedAfter) }
        if apiRoot == nil || collection == nil {
            let resolved = try await client.resolve(configuration.url, collection: configuration.collection, deadline: deadline)
            (apiRoot, collection) = (resolved.apiRoot, resolved.collection)
            state.withLock {
                $0.apiRoot = resolved.apiRoot
                $0.collection = resolved.collection
            }
        }
        guard let apiRoot, let collection else { return }
        var next: String?
        var pages = 0
        var latestAdded = start
        repeat {
            let page = try await client.objects(apiRoot, collection: collection.id, addedAfter: start, next: next, deadline: deadline)
            pages += 1
            received += page.objects.count
            // Each complete page is kept at once; a break later loses nothing before it.
            if try merge(page.objects, url: apiRoot) { changedAny = true }
            if let last = page.dateAddedLast, latestAdded.map({ Self.later(last, than: $0) }) ?? true { latestAdded = last }
            if let first = page.dateAddedFirst ?? page.dateAddedLast {
                let resume = Self.justBefore(first)
                state.withLock { $0.resumeAfter = resume }
            }
            next = page.more ? page.next : nil
        } while next != nil && pages < 100_000
        let (finalAdded, label) = (latestAdded, self.label)
        let first = state.withLock { s in
            s.addedAfter = finalAdded
            s.resumeAfter = nil
            s.pulls += 1
            s.lastPullObjects = received
            s.fromCache = false
            return s.result == nil
        }
        // A first pull of an empty collection still has a (empty) result: the source is loaded.
        if first && !changedAny { state.withLock { $0.result = TaxiiFeed.ingest($0, label: label) } }
    }

    /// Adds or replaces objects (a newer `modified`, by parsed time, replaces); true when any changed.
    func merge(_ objects: [(id: String, modified: String, bytes: [UInt8])], url: String) throws(TaxiiError) -> Bool {
        let limit = configuration.options.limits.maxTotalBytes
        let incoming = objects.reduce(0) { $0 + $1.bytes.count }
        if state.withLock({ $0.bytes }) + incoming > limit { throw .tooMuch(url: url, limit: limit) }
        return state.withLock { s in
            var changed = false
            for o in objects {
                let version = Timestamp(parsing: o.modified)
                if let existing = s.objects[o.id] {
                    let newer =
                        switch (version, existing.modified) {
                        case (let v?, let e?): v >= e
                        case (_?, nil): true
                        case (nil, _): existing.modified == nil
                        }
                    if newer && o.bytes != existing.bytes {
                        s.bytes += o.bytes.count - existing.bytes.count
                        s.objects[o.id] = Stored(modified: version, bytes: o.bytes)
                        changed = true
                    }
                } else {
                    s.bytes += o.bytes.count
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

    // MARK: What the poller reads

    public func contents() -> LiveContents {
        state.withLock { s in
            var detail = "\(s.objects.count) objects"
            if s.resumeAfter != nil { detail += " · pull broke off: complete pages kept, resuming" }
            return LiveContents(results: s.result.map { [$0] } ?? [], bytes: s.bytes, detail: detail, hasRecords: s.result != nil)
        }
    }

    public var objectCount: Int { state.withLock { $0.objects.count } }
    public var objectIDs: Set<String> { state.withLock { Set($0.objects.keys) } }
    public var pullCount: Int { state.withLock { $0.pulls } }
    /// Objects the last successful poll received (an incremental poll gets only new ones).
    public var lastPullObjects: Int { state.withLock { $0.lastPullObjects } }
    public var isFromCache: Bool { state.withLock { $0.fromCache } }
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
        let now = clock.now()
        let snapshot = state.withLock { ($0.order, $0.objects, $0.addedAfter, now, $0.apiRoot, $0.collection, $0.resumeAfter) }
        var out = Array("{\"url\":".utf8) + Array(JSONDocument.quote(configuration.url).utf8)
        out += Array(",\"collection\":".utf8) + Array(JSONDocument.quote(configuration.collection ?? "").utf8)
        out += Array(",\"api_root\":".utf8) + Array(JSONDocument.quote(snapshot.4 ?? "").utf8)
        out += Array(",\"collection_id\":".utf8) + Array(JSONDocument.quote(snapshot.5?.id ?? "").utf8)
        out += Array(",\"collection_title\":".utf8) + Array(JSONDocument.quote(snapshot.5?.title ?? "").utf8)
        out += Array(",\"added_after\":".utf8) + Array(JSONDocument.quote(snapshot.2 ?? "").utf8)
        out += Array(",\"resume_after\":".utf8) + Array(JSONDocument.quote(snapshot.6 ?? "").utf8)
        out += Array(",\"fetched\":\(snapshot.3),\"objects\":[".utf8)
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
            let d = try? JSONDocument(parsing: bytes), let objects = d.member(d.root, "objects")
        else { return }
        let label = self.label
        state.withLock { s in
            d.forEachElement(objects) { _, o in
                guard let id = d.member(o, "id").flatMap(d.string) else { return }
                let modified = d.member(o, "modified").flatMap(d.string).flatMap(Timestamp.init(parsing:))
                let bytes = d.bytes.copy(d.byteRange(of: o))
                if let old = s.objects[id] { s.bytes -= old.bytes.count } else { s.order.append(id) }
                s.bytes += bytes.count
                s.objects[id] = Stored(modified: modified, bytes: bytes)
            }
            let addedAfter = d.member(d.root, "added_after").flatMap(d.string) ?? ""
            s.addedAfter = addedAfter.isEmpty ? nil : addedAfter
            let resume = d.member(d.root, "resume_after").flatMap(d.string) ?? ""
            s.resumeAfter = resume.isEmpty ? nil : resume
            s.cachedAt = d.member(d.root, "fetched").flatMap(d.double).flatMap { $0 > 0 && $0.isFinite ? $0 : nil } ?? 0
            if let root = d.member(d.root, "api_root").flatMap(d.string), !root.isEmpty,
                let id = d.member(d.root, "collection_id").flatMap(d.string), !id.isEmpty
            {
                s.apiRoot = root
                s.collection = TaxiiCollection(id: id, title: d.member(d.root, "collection_title").flatMap(d.string) ?? id, canRead: true, mediaTypes: [])
            }
            s.fromCache = true
            s.result = TaxiiFeed.ingest(s, label: label)
        }
    }
}
