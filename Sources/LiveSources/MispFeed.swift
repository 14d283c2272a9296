import JSONCore
import Synchronization
import ThreatModel
import Readers
import Loading

/// A MISP feed (a URL or a directory with `manifest.json` and one `<uuid>.json` per event) as
/// a live source: each pull reads the manifest and fetches only the events whose `timestamp`
/// changed. An event that is listed but missing, truncated or answered with an error is
/// reported, and makes the pull fail (its last good version stays; the next pull asks again);
/// events fetched before a failure or the deadline are kept, so the next pull goes on from
/// there. What the feed holds together is capped (`PullLimits.maxTotalBytes`). Events are
/// cached privately and atomically, so a restart shows them at once.
public final class MispFeed: LiveSource {
    public struct Configuration: Sendable, Equatable {
        /// `https://…/feed-osint` or a directory.
        public var location: String
        public var pollSeconds: Double
        public var caFile: String?
        public var insecure: Bool
        public var cacheDirectory: String?
        public var limits: PullLimits

        public init(
            location: String, pollSeconds: Double = 3600, caFile: String? = nil, insecure: Bool = false, cacheDirectory: String? = nil,
            limits: PullLimits = PullLimits()
        ) {
            self.location = location
            self.pollSeconds = max(1, pollSeconds)
            self.caFile = caFile
            self.insecure = insecure
            self.cacheDirectory = cacheDirectory
            self.limits = limits
        }

        public var isRemote: Bool { location.hasPrefix("http://") || location.hasPrefix("https://") }
    }

    struct State {
        var store = MispEventStore()
        var cachedAt: Double?
        /// Event files fetched by the last pull (only changed ones are), and how many the manifest listed.
        var lastFetched = 0
        var listed = 0
        var fromCache = false
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
        // A directory is its own cache: only a server's events are kept on disk.
        cache =
            configuration.isRemote
            ? MispEventCache(root: configuration.cacheDirectory, prefix: "misp-feed-", key: configuration.location, fileSystem: fileSystem) : nil
        loadCache()
    }

    public var label: String { "misp-feed:" + configuration.location }
    public var format: Provenance.Format { .mispFeed }
    public var settings: LiveSettings { LiveSettings(pollSeconds: configuration.pollSeconds, limits: configuration.limits, insecure: configuration.insecure) }
    public var cachedAt: Double? { state.withLock { $0.cachedAt } }

    func path(_ name: String) -> String {
        (configuration.location.hasSuffix("/") ? configuration.location : configuration.location + "/") + name
    }

    /// One file of the feed by `deadline`, at most `maxBytes`; a missing one as status 404.
    func fetch(_ name: String, deadline: PullDeadline, maxBytes: Int) async throws(MispFetchFailure) -> [UInt8] {
        let url = path(name)
        guard configuration.isRemote else {
            do {
                return try fileSystem.read(url, limit: maxBytes)
            } catch {
                throw MispFetchFailure(PullError(url + ": " + error.message, transient: false), status: fileSystem.stamp(url) == nil ? 404 : nil)
            }
        }
        return try await MispFetchFailure.body(
            of: FetchRequest(url: url, headers: [("Accept", "application/json")]), http: http, deadline: deadline,
            maxBytes: maxBytes, now: clock.now())
    }

    // MARK: Pulling

    public func pull(by deadline: PullDeadline) async throws(PullError) {
        let manifest: MispFeedManifest
        do throws(MispFetchFailure) {
            let bytes = try await fetch("manifest.json", deadline: deadline, maxBytes: configuration.limits.maxResponseBytes)
            do {
                manifest = try MispFeedManifest(bytes: bytes)
            } catch {
                throw MispFetchFailure(PullError("\(path("manifest.json")) \(error.line):\(error.column): \(error.message)", transient: false), status: nil)
            }
        } catch {
            throw error.error
        }
        let listed = Set(manifest.entries.map(\.uuid))
        let (wanted, removed, held) = state.withLock { s in
            let removed = s.store.keepOnly(listed)
            let wanted = manifest.entries.filter { !s.store.isCurrent($0.uuid, timestamp: $0.timestamp) }
            // What stays held while the wanted events are fetched: the cap counts it.
            let held = s.store.bytes - wanted.reduce(0) { $0 + (s.store.events[$1.uuid]?.size ?? 0) }
            return (wanted, removed, held)
        }
        cache?.remove(removed)
        let batch = await download(wanted, deadline: deadline, budget: configuration.limits.maxTotalBytes - held)
        var problems = batch.problems
        state.withLock { s in
            for (entry, download) in batch.downloads {
                switch download {
                case .success(let fetched):
                    s.store.keep(entry.uuid, .init(timestamp: entry.timestamp, size: fetched.size, result: fetched.result))
                case .failure(let failure):
                    problems[entry.uuid] =
                        failure.status == 404 ? "the manifest lists \(entry.uuid) but \(entry.uuid).json is missing (404)" : failure.error.description
                }
            }
            for (uuid, p) in problems { s.store.problems[uuid] = p }
            s.lastFetched = batch.downloads.count
            s.listed = manifest.entries.count
            s.fromCache = false
        }
        if !batch.downloads.isEmpty || !removed.isEmpty { saveCache() }
        if let stop = batch.stop {
            throw PullError(
                stop.description + "; \(batch.downloads.count) of \(wanted.count) changed events fetched, the rest on the next pull",
                transient: stop.isTransient, retryAfter: stop.retryAfter)
        }
        try unreadable(problems, batch: batch, listed: manifest.entries.count)
    }

    /// Events that could not be read, or were left out by the cap, make the pull fail however
    /// many others arrived: a summary must not exit 0 on a partial feed. Transient when any
    /// cause was.
    private func unreadable(_ problems: [String: String], batch: MispDownloads, listed: Int) throws(PullError) {
        let over = Set(batch.overCap.map(\.uuid))
        var parts: [String] = []
        let bad = problems.filter { !over.contains($0.key) }.sorted { $0.key < $1.key }
        if let first = bad.first { parts.append("\(bad.count) of \(listed) listed events unreadable (\(first.value))") }
        if !over.isEmpty {
            parts.append(
                "\(over.count) of \(listed) listed events not fetched: the feed would pass its "
                    + PullLimits.describe(bytes: configuration.limits.maxTotalBytes) + " limit for one source (max-source-bytes)")
        }
        guard !parts.isEmpty else { return }
        throw PullError(parts.joined(separator: "; "), transient: batch.transient)
    }

    /// Fetches and reads `wanted` by `deadline`, within `budget` bytes for all of them: one
    /// after another from a server (each read and cached as it arrives, so no two events'
    /// bytes are held at once), on every core from a directory.
    func download(_ wanted: [MispFeedManifest.Entry], deadline: PullDeadline, budget: Int) async -> MispDownloads {
        var batch = MispDownloads()
        var left = budget
        let perResponse = configuration.limits.maxResponseBytes
        if configuration.isRemote {
            for entry in wanted {
                guard left > 0 else { batch.skip(entry, limit: configuration.limits.maxTotalBytes); continue }
                do throws(MispFetchFailure) {
                    let bytes = try await fetch(entry.uuid + ".json", deadline: deadline, maxBytes: min(perResponse, left))
                    left -= bytes.count
                    let read = MispFeed.read(bytes, entry: entry, label: label)
                    if case .success = read { cache?.write(entry.uuid, bytes) }
                    batch.downloads.append((entry, read))
                } catch {
                    if deadline.hasPassed { batch.stop = error.error; break }
                    if error.overBudget && left < perResponse { batch.skip(entry, limit: configuration.limits.maxTotalBytes); continue }
                    batch.transient = batch.transient || error.error.isTransient
                    batch.downloads.append((entry, .failure(error)))
                }
            }
            return batch
        }
        let (fileSystem, label, paths) = (self.fileSystem, self.label, wanted.map { path($0.uuid + ".json") })
        let read = ParallelMap.map(paths.count) { k -> Result<MispDownloads.Fetched, MispFetchFailure> in
            do throws(FileError) { return MispFeed.read(try fileSystem.read(paths[k], limit: perResponse), entry: wanted[k], label: label) } catch {
                return .failure(
                    MispFetchFailure(PullError(paths[k] + ": " + error.message, transient: false), status: fileSystem.stamp(paths[k]) == nil ? 404 : nil))
            }
        }
        for (k, entry) in wanted.enumerated() {
            if case .success(let fetched) = read[k] {
                guard fetched.size <= left else { batch.skip(entry, limit: configuration.limits.maxTotalBytes); continue }
                left -= fetched.size
            }
            batch.downloads.append((entry, read[k]))
        }
        return batch
    }

    /// One event file read: its records, or why it holds none (file line:column: message).
    static func read(_ bytes: [UInt8], entry: MispFeedManifest.Entry, label: String) -> Result<MispDownloads.Fetched, MispFetchFailure> {
        let result = Ingest.read(bytes: bytes, file: label + "/" + entry.uuid + ".json", format: .mispFeed)
        guard result.unparsed || result.events.isEmpty else { return .success((bytes.count, result)) }
        let why = result.problems.first.map { "\(entry.uuid).json \($0.line):\($0.column): \($0.message)" } ?? "\(entry.uuid).json holds no event"
        return .failure(MispFetchFailure(PullError(why, transient: false), status: nil))
    }

    // MARK: What the poller reads

    public func contents() -> LiveContents {
        state.withLock { s in
            s.store.contents(label: label, detail: (s.fromCache ? "" : "fetched \(s.lastFetched) of \(s.listed) listed · ") + s.store.summary)
        }
    }

    public var eventCount: Int { state.withLock { $0.store.events.count } }
    public var lastFetched: Int { state.withLock { $0.lastFetched } }
    public var isFromCache: Bool { state.withLock { $0.fromCache } }
    /// Bytes of the events held (what the cap bounds).
    public var heldBytes: Int { state.withLock { $0.store.bytes } }

    // MARK: Cache

    /// The index of the private cache this feed restores from and saves to (nil without a cache directory).
    public var cacheFile: String? { cache?.index }

    func saveCache() {
        let store = state.withLock { $0.store }
        cache?.writeIndex(store, location: configuration.location, fetched: clock.now(), extra: "")
    }

    func loadCache() {
        guard let cached = cache?.load(label: label, format: .mispFeed, limit: configuration.limits.maxResponseBytes) else { return }
        state.withLock { s in
            s.store = cached.store
            s.cachedAt = cached.store.events.isEmpty ? nil : cached.fetched
            s.fromCache = !cached.store.events.isEmpty
        }
    }
}
