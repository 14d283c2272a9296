/// Loads a list of files and directories into a `Dataset`, and reloads it as files change.
///
/// A file whose new contents are unreadable or invalid never replaces data that loaded
/// cleanly before: the last good records stay, and a warning names the file and the problem.
/// Unchanged files (same size, mtime and inode) are not parsed again.
public struct DatasetLoader: Sendable {
    public var paths: [String]
    public let fileSystem: any FileSystem
    public var maxFileSize: Int

    private struct Cached: Sendable {
        var stamp: FileStamp
        var result: IngestResult
    }

    /// The last result accepted per file, and the stamp it was read at.
    private var accepted: [String: Cached] = [:]
    /// When a file's data went stale (its current contents were rejected), for the warning.
    private var staleSince: [String: String] = [:]
    /// Every input's stamp at the last load (nil: missing), to notice changes cheaply.
    private var lastStamps: [String: FileStamp?] = [:]

    public init(paths: [String], fileSystem: any FileSystem = LocalFileSystem(), maxFileSize: Int = 1 << 30) {
        self.paths = paths
        self.fileSystem = fileSystem
        self.maxFileSize = maxFileSize
    }

    /// Files named directly plus the `.json` files inside named directories, in order.
    public func expandedPaths() -> [String] {
        var out: [String] = []
        for path in paths {
            if fileSystem.stamp(path)?.isDirectory == true {
                for f in fileSystem.list(path) ?? [] where f.hasSuffix(".json") && !out.contains(f) { out.append(f) }
            } else if !out.contains(path) {
                out.append(path)
            }
        }
        return out
    }

    /// Reads what changed since the last call and rebuilds the dataset. `now` labels stale data.
    public mutating func load(now: String = "") -> Dataset {
        let (results, files, problems) = collect(now: now)
        var dataset = DatasetBuilder.build(results, files: files)
        // Problems of cached results are already in `results`; the stale warnings come first.
        dataset.problems = problems + dataset.problems
        return dataset
    }

    /// The per-file results behind `load`, for callers that merge other sources in: results,
    /// what each file contributed, and warnings about files whose last good data is shown.
    public mutating func collect(now: String = "") -> (results: [IngestResult], files: [LoadedFile], problems: [Problem]) {
        let files = expandedPaths()
        var results: [IngestResult] = []
        var loaded: [LoadedFile] = []
        var extraProblems: [Problem] = []
        let explicit = Set(paths)
        // Files that vanished from a watched directory are simply gone; named files are kept.
        for gone in accepted.keys where !files.contains(gone) {
            accepted[gone] = nil
            staleSince[gone] = nil
        }
        lastStamps = [:]
        for path in files {
            let stamp = fileSystem.stamp(path)
            lastStamps[path] = stamp
            if let stamp, let cached = accepted[path], cached.stamp == stamp {
                results.append(cached.result)
                loaded.append(LoadedFile(path: path, format: cached.result.format, actors: cached.result.actors.count,
                                         events: cached.result.events.count, bytes: cached.result.bytes, loaded: true, staleSince: staleSince[path]))
                continue
            }
            var fresh: IngestResult
            do {
                let bytes = try fileSystem.read(path, limit: maxFileSize)
                fresh = Ingest.read(bytes: bytes, file: path)
            } catch {
                fresh = IngestResult(file: path, format: .native)
                fresh.unparsed = true
                fresh.problems = [Problem(file: path, line: 1, column: 1, path: "$", message: "cannot read: \(error.message)")]
            }
            let rejected = fresh.unparsed || fresh.hasErrors
            if rejected, let previous = accepted[path], explicit.contains(path) || stamp != nil {
                // Keep the last good data; say which file is stale and why.
                if staleSince[path] == nil { staleSince[path] = now }
                results.append(previous.result)
                let first = fresh.problems.first.map { "\($0.line):\($0.column): \($0.message)" } ?? "unreadable"
                extraProblems.append(Problem(file: path, line: fresh.problems.first?.line ?? 1, column: fresh.problems.first?.column ?? 1,
                                             path: "$", message: "new contents rejected (\(first)); showing the last good load" + (staleSince[path]!.isEmpty ? "" : " from \(staleSince[path]!)"),
                                             severity: .warning))
                extraProblems.append(contentsOf: fresh.problems)
                loaded.append(LoadedFile(path: path, format: previous.result.format, actors: previous.result.actors.count,
                                         events: previous.result.events.count, bytes: previous.result.bytes, loaded: true, staleSince: staleSince[path]))
                continue
            }
            staleSince[path] = nil
            if let stamp, !fresh.unparsed { accepted[path] = Cached(stamp: stamp, result: fresh) }
            results.append(fresh)
            loaded.append(LoadedFile(path: path, format: fresh.unparsed ? nil : fresh.format, actors: fresh.actors.count,
                                     events: fresh.events.count, bytes: fresh.bytes, loaded: !fresh.unparsed))
        }
        return (results, loaded, extraProblems)
    }

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
