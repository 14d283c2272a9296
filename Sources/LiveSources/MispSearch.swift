import JSONCore
import Loading
import Readers
import Synchronization
import ThreatModel

/// A MISP instance's REST search (`POST /events/restSearch`) as a live source: the events
/// modified since the last complete pull (`timestamp`), page by page (`limit`, `page`),
/// authenticated by an API key from the environment or a private file. Pages received before
/// a failure are kept and the next pull resumes at the page that broke; events are keyed by
/// uuid (a newer `timestamp` replaces), capped together like a feed's, and cached privately.
public final class MispSearch: LiveSource {
    public struct Configuration: Sendable, Equatable {
        /// The MISP base URL, `https://misp.example/`.
        public var url: String
        /// The API key, or why there is none (every pull then fails saying so).
        public var key: Result<MispKey, PullError>
        public var pollSeconds: Double
        public var caFile: String?
        public var insecure: Bool
        public var cacheDirectory: String?
        public var limits: PullLimits
        /// Events per page (`limit`).
        public var pageSize: Int

        public init(
            url: String, key: Result<MispKey, PullError>, pollSeconds: Double = 300, caFile: String? = nil, insecure: Bool = false,
            cacheDirectory: String? = nil, limits: PullLimits = PullLimits(), pageSize: Int = 100
        ) {
            self.url = url
            self.key = key
            self.pollSeconds = max(1, pollSeconds)
            self.caFile = caFile
            self.insecure = insecure
            self.cacheDirectory = cacheDirectory
            self.limits = limits
            self.pageSize = max(1, pageSize)
        }

        /// `…/events/restSearch` under the base URL.
        public var endpoint: String { (url.hasSuffix("/") ? url : url + "/") + "events/restSearch" }
    }

    struct State {
        var store = MispEventStore()
        /// The newest event `timestamp` of the last complete pull: the next asks for events since.
        var since: Int64?
        /// The page a broken pull resumes at (same `since`).
        var resumePage: Int?
        var cachedAt: Double?
        var lastPullEvents = 0
    }

    public let configuration: Configuration
    let clock: any Clock
    let fileSystem: any FileSystem
    let http: HTTPFetcher
    let cache: MispEventCache?
    private let state = Mutex(State())

    public init(_ configuration: Configuration, clock: any Clock = SystemClock(), fileSystem: any FileSystem = LocalFileSystem()) {
        self.configuration = configuration
        self.clock = clock
        self.fileSystem = fileSystem
        http = HTTPFetcher(caFile: configuration.caFile, insecure: configuration.insecure)
        cache = MispEventCache(root: configuration.cacheDirectory, prefix: "misp-search-", key: configuration.url, fileSystem: fileSystem)
        loadCache()
    }

    public var label: String { "misp-search:" + configuration.url }
    public var format: Provenance.Format { .mispEvent }
    public var settings: LiveSettings { LiveSettings(pollSeconds: configuration.pollSeconds, limits: configuration.limits, insecure: configuration.insecure) }
    public var cachedAt: Double? { state.withLock { $0.cachedAt } }

    // MARK: Pulling

    public func pull(by deadline: PullDeadline) async throws(PullError) {
        let key = try configuration.key.get()
        let (since, first) = state.withLock { ($0.since, $0.resumePage ?? 1) }
        var page = first
        var newest = since
        var received = 0
        var unreadable: [String: String] = [:]
        defer { if received > 0 { saveCache() } }
        while true {
            let (events, problems) = try await fetchPage(page, since: since, key: key, deadline: deadline)
            received += events.count + problems.count
            unreadable.merge(problems) { a, _ in a }
            let limit = configuration.limits.maxTotalBytes
            let kept = try state.withLock { s throws(PullError) -> [(String, [UInt8])] in
                var kept: [(String, [UInt8])] = []
                for e in events where !s.store.isCurrent(e.uuid, timestamp: e.timestamp) {
                    guard s.store.bytes + e.bytes.count - (s.store.events[e.uuid]?.size ?? 0) <= limit else {
                        throw PullError(
                            "\(configuration.endpoint): the search passed the \(PullLimits.describe(bytes: limit)) limit for one source "
                                + "(max-source-bytes); \(s.store.events.count) events kept", transient: false)
                    }
                    s.store.keep(e.uuid, .init(timestamp: e.timestamp, size: e.bytes.count, result: e.result))
                    kept.append((e.uuid, e.bytes))
                }
                for (uuid, problem) in problems { s.store.problems[uuid] = problem }
                // This page is whole: a break later resumes after it.
                s.resumePage = page + 1
                return kept
            }
            for (uuid, bytes) in kept { cache?.write(uuid, bytes) }
            for e in events { newest = max(newest ?? e.timestamp, e.timestamp) }
            if events.count + problems.count < configuration.pageSize { break }
            page += 1
        }
        state.withLock { s in
            s.since = newest
            s.resumePage = nil
            s.lastPullEvents = received
        }
        if let first = unreadable.sorted(by: { $0.key < $1.key }).first {
            throw PullError("\(unreadable.count) of \(received) events from \(configuration.endpoint) unreadable (\(first.value))", transient: false)
        }
    }

    /// One page of the search, its events read each on its own (one bad event spoils nothing
    /// else: it comes back as a problem by uuid).
    func fetchPage(_ page: Int, since: Int64?, key: MispKey, deadline: PullDeadline) async throws(PullError) -> MispSearchPage {
        var query = "{\"returnFormat\":\"json\",\"limit\":\(configuration.pageSize),\"page\":\(page)"
        if let since { query += ",\"timestamp\":\(since)" }
        query += "}"
        let request = FetchRequest(
            url: configuration.endpoint, method: "POST",
            headers: [("Authorization", key.value), ("Accept", "application/json"), ("Content-Type", "application/json")],
            body: Array(query.utf8))
        let body: [UInt8]
        do throws(MispFetchFailure) {
            body = try await MispFetchFailure.body(
                of: request, http: http, deadline: deadline, maxBytes: configuration.limits.maxResponseBytes,
                now: clock.now(), meaning: MispSearch.meaning)
        } catch {
            throw error.error
        }
        return try MispSearch.events(in: body, url: configuration.endpoint, page: page, label: label)
    }

    static func meaning(_ status: Int) -> String {
        switch status {
        case 401: return "unauthorized: check THREATDECK_MISP_KEY (or the key file)"
        case 403: return "forbidden: this API key may not search events"
        case 404: return "not found: is this the MISP base URL?"
        default: return PullError.meaning(of: status)
        }
    }

    typealias MispSearchPage = (events: [(uuid: String, timestamp: Int64, bytes: [UInt8], result: IngestResult)], problems: [String: String])

    /// The events of a restSearch response (`{"response": [{"Event": …}, …]}`), each read alone.
    static func events(in body: [UInt8], url: String, page: Int, label: String) throws(PullError) -> MispSearchPage {
        let d: JSONDocument
        do {
            d = try JSONDocument(parsing: body)
        } catch {
            throw PullError("unreadable JSON from \(url) (page \(page)): \(error.description)", transient: false)
        }
        guard let list = d.member(d.root, "response"), d.kind(list) == .array else {
            throw PullError("unexpected response from \(url) (page \(page)): no \"response\" list", transient: false)
        }
        var raw: [(uuid: String, timestamp: Int64, bytes: [UInt8])] = []
        var bad: String?
        d.forEachElement(list) { k, element in
            guard let event = d.member(element, "Event"), let uuid = d.member(event, "uuid").flatMap(d.string) else {
                bad = bad ?? "$.response[\(k)] has no Event.uuid"
                return
            }
            let ts =
                d.member(event, "timestamp").flatMap {
                    d.string($0).flatMap { Int64($0) } ?? d.double($0).flatMap { $0.isFinite && abs($0) < 1e15 ? Int64($0) : nil }
                } ?? 0
            raw.append((uuid, ts, d.bytes.copy(d.byteRange(of: element))))
        }
        if let bad { throw PullError("unexpected response from \(url) (page \(page)): \(bad)", transient: false) }
        let items = raw
        let results = ParallelMap.map(items.count) { k in Ingest.read(bytes: items[k].bytes, file: label + "/" + items[k].uuid, format: .mispEvent) }
        var out = MispSearchPage([], [:])
        for (k, item) in items.enumerated() {
            if results[k].unparsed || results[k].events.isEmpty {
                out.problems[item.uuid] = "event \(item.uuid): " + (results[k].problems.first.map { "\($0.path): \($0.message)" } ?? "no event")
            } else {
                out.events.append((item.uuid, item.timestamp, item.bytes, results[k]))
            }
        }
        return out
    }

    // MARK: What the poller reads

    public func contents() -> LiveContents {
        state.withLock { s in
            s.store.contents(label: label, detail: s.store.summary + (s.resumePage.map { " · pull broke off at page \($0): resuming there" } ?? ""))
        }
    }

    public var eventCount: Int { state.withLock { $0.store.events.count } }
    public var lastPullEvents: Int { state.withLock { $0.lastPullEvents } }
    public var since: Int64? { state.withLock { $0.since } }

    // MARK: Cache

    /// The index of the private cache this search restores from and saves to.
    public var cacheFile: String? { cache?.index }

    func saveCache() {
        let (store, since, page) = state.withLock { ($0.store, $0.since, $0.resumePage) }
        let extra = "\"since\":\(since.map(String.init) ?? "null"),\"resume_page\":\(page.map(String.init) ?? "null")"
        cache?.writeIndex(store, location: configuration.url, fetched: clock.now(), extra: extra)
    }

    func loadCache() {
        guard let cached = cache?.load(label: label, format: .mispEvent, limit: configuration.limits.maxResponseBytes) else { return }
        let d = cached.document
        let number: (String) -> Int64? = { name in d.member(d.root, name).flatMap(d.double).flatMap { $0.isFinite && abs($0) < 1e15 ? Int64($0) : nil } }
        state.withLock { s in
            s.store = cached.store
            s.cachedAt = cached.store.events.isEmpty ? nil : cached.fetched
            s.since = number("since")
            s.resumePage = number("resume_page").map { Int(max(1, min($0, 1_000_000))) }
        }
    }
}
