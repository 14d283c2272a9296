import ThreatModel
import Dispatch
import JSONCore
import Identity
import Readers
/// Loads a list of files and directories into a `Dataset`, and reloads it as files change.
///
/// A file whose new contents are unreadable or invalid never replaces data that loaded
/// cleanly before: the last good records stay, and a warning names the file and the problem.
/// Unchanged files (same size, mtime and inode) are not parsed again.
public struct DatasetLoader: Sendable {
    public var paths: [String]
    public let fileSystem: any FileSystem
    public var maxFileSize: Int
    /// Records marked above this TLP level are hidden from everything (and counted).
    public var maxTLP: TLP?
    /// Whether a file's first read hashes its bytes, so that a later load can tell it touched
    /// (mtime alone) from changed without parsing it again. A load that is never followed by
    /// another (snapshot, summary, export) skips it: a pass over every byte before the parse
    /// (7 ms of ATT&CK's 31 MB, nothing on the screen for it). Reads after the first always hash.
    public var hashesFirstReads = true

    private struct Cached: Sendable {
        package var stamp: FileStamp
        /// A hash of the bytes: a file touched but unchanged (mtime alone) is not parsed again.
        /// Nil when its first read skipped it (`hashesFirstReads`): the next read parses.
        package var digest: UInt64?
        package var result: IngestResult
    }

    /// The last result accepted per file, and the stamp it was read at.
    private var accepted: [String: Cached] = [:]
    /// When a file's data went stale (its current contents were rejected), for the warning.
    private var staleSince: [String: String] = [:]
    /// Every input's stamp at the last load (nil: missing), to notice changes cheaply.
    private var lastStamps: [String: FileStamp?] = [:]
    /// What the last `collect` read (files, their digests and staleness, problems), and the
    /// dataset the last `load` built from it: a load that reads the same again returns that
    /// dataset instead of merging 100,000 events anew.
    private var lastCollectFingerprint: UInt64 = 0
    private var lastBuilt: (fingerprint: UInt64, dataset: Dataset)?
    /// Feed manifests by path, as last parsed.
    private var manifests: [String: ParsedManifest] = [:]

    public init(paths: [String], fileSystem: any FileSystem = LocalFileSystem(), maxFileSize: Int = 1 << 30, maxTLP: TLP? = nil) {
        self.paths = paths
        self.fileSystem = fileSystem
        self.maxFileSize = maxFileSize
        self.maxTLP = maxTLP
    }

    /// Files named directly plus the `.json` files inside named directories, in order. A
    /// directory with a `manifest.json` is a MISP feed: its events, not the manifest itself.
    public func expandedPaths() -> [String] { expandedPaths(listing()) }

    /// Each named path with the files in it when it is a directory: one listing per load,
    /// shared by the expansion, the empty-directory check and the feed manifests.
    private func listing() -> [(path: String, files: [String]?)] {
        paths.map { p in (p, fileSystem.stamp(p)?.isDirectory == true ? fileSystem.list(p) ?? [] : nil) }
    }

    private func expandedPaths(_ listing: [(path: String, files: [String]?)]) -> [String] {
        var out: [String] = []
        var seen: Set<String> = []
        for (path, files) in listing {
            if let files {
                let feed = files.contains { $0.hasSuffix("/manifest.json") }
                for f in files where ReaderRegistry.isDataFile(f) && !(feed && f.hasSuffix("/manifest.json")) && seen.insert(f).inserted { out.append(f) }
            } else if seen.insert(path).inserted {
                out.append(path)
            }
        }
        return out
    }

    /// Paths given that do not exist (a missing file is an error, as in cat and jq).
    public func missingPaths() -> [String] { paths.filter { fileSystem.stamp($0) == nil } }

    /// Named directories with no file any reader reads (`.json`, `.jsonl`) in them.
    public func emptyDirectories() -> [String] { emptyDirectories(listing()) }

    private func emptyDirectories(_ listing: [(path: String, files: [String]?)]) -> [String] {
        listing.compactMap { p, files in files.map { $0.contains(where: ReaderRegistry.isDataFile) } == false ? p : nil }
    }

    /// For MISP feed directories: events the manifest lists whose files are missing.
    public func feedManifestProblems() -> [Problem] { Self.feedProblems(listing(), fileSystem: fileSystem, limit: maxFileSize, cache: [:]).problems }

    /// What a feed's manifest said (its uuids, or why it could not be read), kept by the
    /// manifest's stamp: a 10,000-event manifest is 7 MB, and a kiosk reload mostly finds it unchanged.
    struct ParsedManifest: Sendable {
        package var stamp: FileStamp
        var uuids: [String]
        package var error: Problem?
    }

    static func feedProblems(
        _ listing: [(path: String, files: [String]?)], fileSystem: any FileSystem, limit: Int,
        cache: [String: ParsedManifest]
    ) -> (problems: [Problem], cache: [String: ParsedManifest]) {
        var out: [Problem] = []
        var kept: [String: ParsedManifest] = [:]
        for (dir, list) in listing {
            guard let list else { continue }
            let prefix = dir.hasSuffix("/") ? dir : dir + "/"
            let manifestPath = prefix + "manifest.json"
            guard list.contains(manifestPath), let stamp = fileSystem.stamp(manifestPath) else { continue }
            var parsed: ParsedManifest
            if let known = cache[manifestPath], known.stamp == stamp {
                parsed = known
            } else {
                guard let bytes = try? fileSystem.read(manifestPath, limit: limit) else { continue }
                parsed = ParsedManifest(stamp: stamp, uuids: [])
                do {
                    parsed.uuids = try MispFeedManifest(bytes: bytes).entries.map(\.uuid)
                } catch {
                    parsed.error = Problem(file: manifestPath, line: error.line, column: error.column, path: "$", message: error.message)
                }
            }
            kept[manifestPath] = parsed
            if let problem = parsed.error {
                out.append(problem)
                continue
            }
            let files = Set(list)
            for uuid in parsed.uuids where !files.contains(prefix + uuid + ".json") {
                out.append(
                    Problem(
                        file: manifestPath, line: 1, column: 1, path: "$[\"\(uuid)\"]",
                        message: "the manifest lists event \(uuid) but \(uuid).json is not in the feed", severity: .warning))
            }
        }
        return (out, kept)
    }

    /// Reads what changed since the last call and rebuilds the dataset. `now` labels stale data.
    public mutating func load(now: String = "") -> Dataset {
        let (results, files, problems) = collect(now: now)
        if let last = lastBuilt, last.fingerprint == lastCollectFingerprint { return last.dataset }
        var dataset = DatasetBuilder.build(results, files: files, maxTLP: maxTLP)
        // Problems of cached results are already in `results`; the stale warnings come first.
        dataset.problems = problems + dataset.problems
        dataset.fingerprint = lastCollectFingerprint
        let old = lastBuilt
        lastBuilt = (lastCollectFingerprint, dataset)
        if let old { DeferredRelease.release(old.dataset) }
        // What the readers and the merge freed goes back before the first frame allocates.
        FreedMemory.returnToSystem()
        return dataset
    }

    /// The per-file results behind `load`, for callers that merge other sources in: results,
    /// what each file contributed, and warnings about files whose last good data is shown.
    public mutating func collect(now: String = "") -> (results: [IngestResult], files: [LoadedFile], problems: [Problem]) {
        let listing = listing()
        let files = expandedPaths(listing)
        var results: [IngestResult] = []
        var loaded: [LoadedFile] = []
        results.reserveCapacity(files.count)
        loaded.reserveCapacity(files.count)
        // Feed manifests are read beside the files, on another thread.
        let (fileSystem, limit, manifestCache) = (self.fileSystem, maxFileSize, self.manifests)
        let manifests: (problems: [Problem], cache: [String: ParsedManifest])
        let read: [(stamp: FileStamp?, read: Prefetched?)]
        if listing.contains(where: { $0.files != nil }) {
            (manifests, read) = ParallelMap.pair(
                { DatasetLoader.feedProblems(listing, fileSystem: fileSystem, limit: limit, cache: manifestCache) },
                { prefetch(files) })
        } else {
            (manifests, read) = (([], [:]), prefetch(files))
        }
        self.manifests = manifests.cache
        var extraProblems: [Problem] = manifests.problems
        for empty in emptyDirectories(listing) {
            extraProblems.append(Problem(file: empty, line: 1, column: 1, path: "$", message: "no .json files in this directory", severity: .warning))
        }
        // Files that vanished from a watched directory are simply gone; named files are kept.
        let present = Set(files)
        for gone in accepted.keys where !present.contains(gone) {
            accepted[gone] = nil
            staleSince[gone] = nil
        }
        lastStamps = Dictionary(minimumCapacity: files.count)
        var fingerprint = Hasher()
        fingerprint.combine(files.count)
        for (position, path) in files.enumerated() {
            let stamp = read[position].stamp
            lastStamps[path] = stamp
            fingerprint.combine(path)
            let outcome = settle(path, stamp: stamp, read: read[position].read, now: now)
            fingerprint.combine(outcome.digest)
            results.append(outcome.result)
            loaded.append(outcome.file)
            extraProblems.append(contentsOf: outcome.problems)
        }
        for p in extraProblems {
            fingerprint.combine(p.file)
            fingerprint.combine(p.line)
            fingerprint.combine(p.message)
        }
        // Never 0, which means "not from a loader".
        lastCollectFingerprint = UInt64(truncatingIfNeeded: fingerprint.finalize()) | 1
        return (results, loaded, extraProblems)
    }

    /// What one file contributes to a load: its records, its line in the file list, warnings,
    /// and the digest of the bytes they came from (for the load's fingerprint).
    struct FileOutcome {
        var result: IngestResult
        var file: LoadedFile
        var problems: [Problem] = []
        var digest: UInt64?
    }

    /// One file's records for this load: the accepted parse when its stamp or bytes are
    /// unchanged, the new parse when it reads cleanly, else the last good parse (stale, with
    /// the reason) or, when there is none, the new one with its problems.
    mutating func settle(_ path: String, stamp: FileStamp?, read: Prefetched?, now: String) -> FileOutcome {
        func kept(_ cached: Cached) -> FileOutcome {
            FileOutcome(
                result: cached.result,
                file: LoadedFile(
                    path: path, format: cached.result.format, actors: cached.result.actors.count,
                    events: cached.result.events.count, bytes: cached.result.bytes, loaded: true,
                    staleSince: staleSince[path]), digest: cached.digest)
        }
        if let stamp, let cached = accepted[path], cached.stamp == stamp { return kept(cached) }
        var fresh: IngestResult
        var digest: UInt64?
        switch read {
        case .touched?:
            // Touched, not changed: keep the parse. Its bytes are the accepted ones again,
            // so it is no longer stale (a rewrite that was rejected half-way, then finished
            // as the same file).
            if let stamp { accepted[path]?.stamp = stamp }
            staleSince[path] = nil
            if let cached = accepted[path] { return kept(cached) }
            fresh = DatasetLoader.unreadable(path, "not read")
        case .parsed(let d, let result)?:
            digest = d
            fresh = result
        case .failed(let message)?:
            fresh = DatasetLoader.unreadable(path, message)
        case nil:
            // Not reached: prefetch reads every file the stamp check above does not answer.
            fresh = DatasetLoader.unreadable(path, "not read")
        }
        let rejected = fresh.unparsed || fresh.hasErrors
        if rejected, let previous = accepted[path], paths.contains(path) || stamp != nil {
            // Keep the last good data; say which file is stale and why.
            let since = staleSince[path] ?? now
            staleSince[path] = since
            let first = fresh.problems.first.map { "\($0.line):\($0.column): \($0.message)" } ?? "unreadable"
            var outcome = kept(previous)
            outcome.problems =
                [
                    Problem(
                        file: path, line: fresh.problems.first?.line ?? 1, column: fresh.problems.first?.column ?? 1,
                        path: "$", message: "new contents rejected (\(first)); showing the last good load" + (since.isEmpty ? "" : " from \(since)"),
                        severity: .warning)
                ] + fresh.problems
            return outcome
        }
        staleSince[path] = nil
        if let stamp, !fresh.unparsed {
            if let old = accepted.updateValue(Cached(stamp: stamp, digest: digest, result: fresh), forKey: path) { DeferredRelease.release(old) }
        }
        return FileOutcome(
            result: fresh,
            file: LoadedFile(
                path: path, format: fresh.unparsed ? nil : fresh.format, actors: fresh.actors.count,
                events: fresh.events.count, bytes: fresh.bytes, loaded: !fresh.unparsed), digest: digest)
    }

    /// The records of a file that could not be read: none, and why.
    static func unreadable(_ path: String, _ message: String) -> IngestResult {
        var result = IngestResult(file: path, format: .native)
        result.unparsed = true
        result.problems = [Problem(file: path, line: 1, column: 1, path: "$", message: "cannot read: " + message)]
        return result
    }

    /// What reading one changed file gave: an error, the same bytes as the accepted parse
    /// (touched only), or a new parse.
    enum Prefetched: Sendable {
        case failed(String)
        case touched(digest: UInt64)
        case parsed(digest: UInt64?, IngestResult)
    }

    /// Stats, and reads, digests and parses the files whose stamp changed since they were
    /// accepted, on every core (files are independent until they are merged; a feed directory
    /// of 10,000 events is 10,000 files). `read` is nil for a file whose stamp is unchanged.
    /// The largest changed file (a kiosk's usual reload: the only one) is read on this thread:
    /// its parse and reader split their own work across the cores, which they cannot do from
    /// inside a map over files (a nested `concurrentPerform` gets no second core). The others
    /// are mapped meanwhile from another thread, where their map is not nested either.
    func prefetch(_ files: [String]) -> [(stamp: FileStamp?, read: Prefetched?)] {
        let (fileSystem, limit, known, hashesFirstReads) = (self.fileSystem, maxFileSize, self.accepted, self.hashesFirstReads)
        let stamps = ParallelMap.map(files.count) { fileSystem.stamp(files[$0]) }
        // Only for files whose stamp changed (`changed` below).
        @Sendable func fetch(_ k: Int) -> Prefetched {
            let stamp = stamps[k]
            let cached = known[files[k]]
            do throws(FileError) {
                let bytes = try fileSystem.contents(files[k], limit: limit)
                let digest = cached != nil || hashesFirstReads ? DatasetLoader.digest(bytes) : nil
                if let stamp, let cached, let digest, cached.stamp.size == stamp.size, cached.digest == digest {
                    return bytes.isIntact ? .touched(digest: digest) : .failed(DatasetLoader.cutShort)
                }
                var result = Ingest.read(source: bytes, file: files[k])
                // Kept for the next reload: shaped once as the merge would, while it is ours alone.
                DatasetBuilder.prepare(&result)
                // A mapped file cut short while it was read: its tail read as zeros, and
                // whatever came of it is not the file's.
                return bytes.isIntact ? .parsed(digest: digest, result) : .failed(DatasetLoader.cutShort)
            } catch {
                return .failed(error.message)
            }
        }
        let changed = files.indices.filter { stamps[$0] == nil || known[files[$0]]?.stamp != stamps[$0] }
        var read = [Prefetched?](repeating: nil, count: files.count)
        // ATT&CK (31 MB) beside the MISP galaxy (1.4 MB) in one map over both: every parallel
        // step of ATT&CK's reader ran on one core (perf: its resolve 60 ms instead of 30).
        if let largest = changed.max(by: { (stamps[$0]?.size ?? 0) < (stamps[$1]?.size ?? 0) }) {
            let others = changed.filter { $0 != largest }
            if others.isEmpty {
                read[largest] = fetch(largest)
            } else {
                let (rest, first) = ParallelMap.pair({ ParallelMap.map(others.count, minimum: 2) { fetch(others[$0]) } }, { fetch(largest) })
                read[largest] = first
                for (k, r) in zip(others, rest) { read[k] = r }
            }
        }
        return files.indices.map { (stamps[$0], read[$0]) }
    }

    static let cutShort = "the file was cut short while it was being read (it is being rewritten?); reading it again when it changes"

    /// A fast 64-bit hash of a file's bytes, to tell a touched file from a changed one.
    package static func digest(_ bytes: SourceBytes) -> UInt64 { bytes.digest() }

    /// True when a file appeared, vanished or changed since the last load (stat calls only).
    public func hasChanges() -> Bool {
        let files = expandedPaths()
        if files.count != lastStamps.count { return true }
        for path in files {
            guard let previous = lastStamps[path] else { return true }
            if fileSystem.stamp(path) != previous { return true }
        }
        return false
    }
}
