import Foundation
import Synchronization
import Testing
import JSONCore
@testable import ThreatModel
@testable import Loading
@testable import Readers

/// An in-memory file system whose files the test rewrites between loads.
final class MemoryFileSystem: FileSystem, @unchecked Sendable {
    private let state = Mutex<(files: [String: (bytes: [UInt8], version: Int)], reads: Int, clock: Int)>(([:], 0, 0))

    func put(_ path: String, _ text: String) {
        state.withLock { s in
            s.clock += 1
            s.files[path] = (Array(text.utf8), s.clock)
        }
    }

    func remove(_ path: String) { state.withLock { _ = $0.files.removeValue(forKey: path) } }
    var reads: Int { state.withLock { $0.reads } }

    func read(_ path: String, limit: Int) throws(FileError) -> [UInt8] {
        let file: [UInt8]? = state.withLock { s in
            s.reads += 1
            return s.files[path]?.bytes
        }
        guard let file else { throw FileError("No such file or directory") }
        return file
    }

    func stamp(_ path: String) -> FileStamp? {
        state.withLock { s in
            if let f = s.files[path] { return FileStamp(size: f.bytes.count, modified: Int64(f.version), inode: 1, isDirectory: false) }
            if s.files.keys.contains(where: { $0.hasPrefix(path + "/") }) { return FileStamp(size: 0, modified: 0, inode: 2, isDirectory: true) }
            return nil
        }
    }

    func list(_ directory: String) -> [String]? {
        state.withLock { s in s.files.keys.filter { $0.hasPrefix(directory + "/") }.sorted() }
    }
}

@Suite struct LoaderTests {
    static func report(actor: String, value: Int = 58) -> String {
        """
        {"schema": "threatdeck-report@1", "report": {"id": "r", "title": "T"}, "sources": [{"id": "s", "title": "S"}],
         "actors": [{"id": "a", "name": "\(actor)", "type": "state", "sources": ["s"]}],
         "findings": [{"id": "f", "statement": "x", "metric": "share", "value": \(value), "qualifier": "more-than",
                       "subject": {"nexus": "CN"}, "population": "p", "sources": ["s"]}]}
        """
    }

    @Test func badNewContentsNeverReplaceGoodData() {
        let fs = MemoryFileSystem()
        fs.put("/d/r.json", Self.report(actor: "Murky Panda"))
        var loader = DatasetLoader(paths: ["/d/r.json"], fileSystem: fs)
        let first = loader.load(now: "10:00")
        #expect(first.actors.map(\.name) == ["Murky Panda"])
        #expect(first.problems.isEmpty)

        // Half-written: the old data stays, with a warning that names the file and the problem.
        let halfWritten = String(Self.report(actor: "New Panda").prefix(60))
        fs.put("/d/r.json", halfWritten)
        let why = Ingest.read(bytes: Array(halfWritten.utf8), file: "/d/r.json").problems[0]
        #expect(loader.hasChanges())
        let second = loader.load(now: "10:05")
        #expect(second.actors.map(\.name) == ["Murky Panda"])
        #expect(second.files.first?.staleSince == "10:05")
        let warning = second.problems.first
        #expect(warning?.severity == .warning)
        #expect(warning?.file == "/d/r.json")
        #expect(warning?.message.contains("\(why.line):\(why.column): \(why.message)") == true, "\(String(describing: warning))")
        #expect(second.problems.contains(why))
        #expect(warning?.message.contains("showing the last good load from 10:05") == true)

        // Still broken later: stale since the first failure, not the latest.
        fs.put("/d/r.json", "{garbage")
        let third = loader.load(now: "10:10")
        #expect(third.files.first?.staleSince == "10:05")
        #expect(third.actors.map(\.name) == ["Murky Panda"])

        // Fixed: the new data shows, the warning is gone.
        fs.put("/d/r.json", Self.report(actor: "New Panda", value: 61))
        let fourth = loader.load(now: "10:15")
        #expect(fourth.actors.map(\.name) == ["New Panda"])
        #expect(fourth.findings.first?.value == 61)
        #expect(fourth.problems.isEmpty)
        #expect(fourth.files.first?.staleSince == nil)
    }

    @Test func aRewriteRejectedHalfWayThatEndsAsTheSameFileIsNotStale() {
        // `cp` over a watched file: a reload may read it half-written (rejected, stale), and
        // the next one finds the bytes the last good load had: current again, no warning.
        let fs = MemoryFileSystem()
        fs.put("/r.json", Self.report(actor: "Murky Panda"))
        var loader = DatasetLoader(paths: ["/r.json"], fileSystem: fs)
        _ = loader.load(now: "10:00")
        fs.put("/r.json", String(Self.report(actor: "Murky Panda").prefix(60)))
        #expect(loader.load(now: "10:05").files.first?.staleSince == "10:05")
        fs.put("/r.json", Self.report(actor: "Murky Panda"))
        let d = loader.load(now: "10:10")
        #expect(d.actors.map(\.name) == ["Murky Panda"])
        #expect(d.files.first?.staleSince == nil)
        #expect(d.problems.isEmpty, "\(d.problems)")
    }

    @Test func invalidButParseableContentsAlsoKeepTheLastGoodData() {
        let fs = MemoryFileSystem()
        fs.put("/r.json", Self.report(actor: "Murky Panda"))
        var loader = DatasetLoader(paths: ["/r.json"], fileSystem: fs)
        _ = loader.load()
        fs.put("/r.json", Self.report(actor: "Murky Panda", value: 158))
        let d = loader.load()
        #expect(d.findings.first?.value == 58)
        #expect(d.problems.contains { $0.message.contains("share 158% is outside 0…100%") })
    }

    @Test func firstLoadOfABadFileShowsWhatIsValid() {
        let fs = MemoryFileSystem()
        fs.put("/r.json", Self.report(actor: "Murky Panda", value: 158))
        var loader = DatasetLoader(paths: ["/r.json"], fileSystem: fs)
        let d = loader.load()
        #expect(d.actors.count == 1)
        #expect(d.findings.isEmpty)
        #expect(d.errorCount == 1)
    }

    @Test func directoriesPickUpNewAndRemovedFiles() {
        let fs = MemoryFileSystem()
        fs.put("/feeds/a.json", Self.report(actor: "Alpha Panda"))
        fs.put("/feeds/notes.txt", "ignored")
        var loader = DatasetLoader(paths: ["/feeds"], fileSystem: fs)
        #expect(loader.load().actors.map(\.name) == ["Alpha Panda"])
        #expect(!loader.hasChanges())
        fs.put("/feeds/b.json", Self.report(actor: "Beta Bear"))
        #expect(loader.hasChanges())
        #expect(loader.load().actors.map(\.name) == ["Alpha Panda", "Beta Bear"])
        fs.remove("/feeds/a.json")
        #expect(loader.hasChanges())
        #expect(loader.load().actors.map(\.name) == ["Beta Bear"])
    }

    /// A one-shot load skips the first read's hash: a load after it cannot tell a touched file
    /// from a changed one, so it parses the file again (same records, and a new fingerprint);
    /// that read hashes, so a touch after it is recognised.
    @Test func aLoadWithoutFirstHashesParsesATouchedFileOnce() {
        let fs = MemoryFileSystem()
        fs.put("/a.json", Self.report(actor: "Alpha Panda"))
        var loader = DatasetLoader(paths: ["/a.json"], fileSystem: fs)
        loader.hashesFirstReads = false
        let first = loader.load()
        fs.put("/a.json", Self.report(actor: "Alpha Panda"))  // same bytes, new stamp
        let second = loader.load()
        #expect(second.fingerprint != first.fingerprint)
        #expect(second.actors.map(\.name) == first.actors.map(\.name))
        fs.put("/a.json", Self.report(actor: "Alpha Panda"))
        #expect(loader.load().fingerprint == second.fingerprint)
        fs.put("/a.json", Self.report(actor: "Alpha Panda", value: 60))
        #expect(loader.load().fingerprint != second.fingerprint)
    }

    @Test func unchangedFilesAreNotReadAgain() {
        let fs = MemoryFileSystem()
        fs.put("/a.json", Self.report(actor: "Alpha Panda"))
        fs.put("/b.json", Self.report(actor: "Beta Bear"))
        var loader = DatasetLoader(paths: ["/a.json", "/b.json"], fileSystem: fs)
        _ = loader.load()
        #expect(fs.reads == 2)
        fs.put("/b.json", Self.report(actor: "Beta Bear", value: 60))
        _ = loader.load()
        #expect(fs.reads == 3)
    }

    /// A touched file (new mtime, same bytes) gives back the same dataset, fingerprint and
    /// all, so the app need not aggregate again; any changed byte, file or problem does not.
    @Test func touchedFilesGiveTheSameDatasetBack() {
        let fs = MemoryFileSystem()
        fs.put("/a.json", Self.report(actor: "Alpha Panda"))
        fs.put("/b.json", Self.report(actor: "Beta Bear"))
        var loader = DatasetLoader(paths: ["/a.json", "/b.json"], fileSystem: fs)
        let first = loader.load()
        #expect(first.fingerprint != 0)
        fs.put("/b.json", Self.report(actor: "Beta Bear"))  // same bytes, new stamp
        #expect(loader.hasChanges())
        let touched = loader.load()
        #expect(touched.fingerprint == first.fingerprint)
        #expect(touched.actors.map(\.name) == first.actors.map(\.name))
        fs.put("/b.json", Self.report(actor: "Beta Bear", value: 60))
        let edited = loader.load()
        #expect(edited.fingerprint != first.fingerprint)
        #expect(edited.findings.map(\.value) != first.findings.map(\.value))
        fs.put("/b.json", "{")  // rejected: the last good data stays, but the problems differ
        let broken = loader.load()
        #expect(broken.fingerprint != edited.fingerprint)
        #expect(!broken.problems.isEmpty)
        fs.remove("/b.json")
        #expect(loader.load().fingerprint != broken.fingerprint)
    }

    /// Many changed files are read and parsed on every core; what comes out is in file order,
    /// each file read once, the same as one at a time.
    @Test func manyFilesLoadInOrderWhenParsedInParallel() {
        let fs = MemoryFileSystem()
        let names = (0..<60).map { String(format: "/feed/%02d.json", $0) }
        for (k, n) in names.enumerated() { fs.put(n, Self.report(actor: "Actor \(k) Panda")) }
        fs.put("/feed/07.json", "{ broken")
        var loader = DatasetLoader(paths: ["/feed"], fileSystem: fs)
        let d = loader.load()
        #expect(fs.reads == 60)
        #expect(d.files.map(\.path) == names)
        #expect(d.files.filter { !$0.loaded }.map(\.path) == ["/feed/07.json"])
        #expect(Set(d.actors.map(\.name)) == Set((0..<60).filter { $0 != 7 }.map { "Actor \($0) Panda" }))
        #expect(d.problems.contains { $0.file == "/feed/07.json" })
        fs.put("/feed/07.json", Self.report(actor: "Actor 7 Panda"))
        #expect(loader.load().actors.count == 60)
        #expect(fs.reads == 61)
    }

    @Test func missingFileIsAProblemNotACrash() {
        let fs = MemoryFileSystem()
        var loader = DatasetLoader(paths: ["/nope.json"], fileSystem: fs)
        let d = loader.load()
        #expect(d.problems.map(\.description) == ["/nope.json:1:1: $: cannot read: No such file or directory"])
        #expect(d.files.first?.loaded == false)
    }

    @Test func largeFilesReadWholeWhateverTheirSize() throws {
        // Large reads go into uninitialised buffers, in halves on two cores: the bytes must be
        // the file's, to the last one, at sizes on and off page and 2 MiB boundaries.
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("threatdeck-read-\(getpid())")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        var g: UInt64 = 0x9E37_79B9_7F4A_7C15
        for size in [4_095, 4 << 20, (4 << 20) + 1, (9 << 20) + 123] {
            let bytes = (0..<size).map { _ -> UInt8 in
                g = g &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                return UInt8(truncatingIfNeeded: g >> 56)
            }
            let path = dir.appendingPathComponent("f\(size)").path
            try Data(bytes).write(to: URL(fileURLWithPath: path))
            let read = try LocalFileSystem().read(path, limit: 64 << 20)
            #expect(read.count == size)
            #expect(read == bytes)
            // Files of a MiB and more are mapped rather than read: the same bytes.
            let mapped = try LocalFileSystem().contents(path, limit: 64 << 20)
            #expect(mapped.count == size)
            #expect(mapped.copy(0..<mapped.count) == bytes)
            #expect(mapped.isIntact)
        }
    }

    /// A report padded past the size from which files are mapped, with the padding before
    /// its records: a file cut anywhere in the padding has lost them.
    static func largeReport(actor: String) -> [UInt8] {
        let text = Self.report(actor: actor)
        return [UInt8(ascii: "{")] + [UInt8](repeating: UInt8(ascii: " "), count: 3 << 20) + Array(text.utf8.dropFirst())
    }

    @Test func aMappedFileCutShortUnderTheReaderIsDroppedNotACrash() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("threatdeck-cut-\(getpid())")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("r.json").path
        try Data(Self.largeReport(actor: "Murky Panda")).write(to: URL(fileURLWithPath: path))

        let whole = try LocalFileSystem().contents(path, limit: 64 << 20)
        #expect(Ingest.read(source: whole, file: path).actors.map(\.name) == ["Murky Panda"])
        #expect(whole.isIntact)

        // Cut while mapped: the lost pages read as zeros (no SIGBUS) and the bytes say so.
        let cut = try LocalFileSystem().contents(path, limit: 64 << 20)
        #expect(truncate(path, 1 << 20) == 0)
        let result = Ingest.read(source: cut, file: path)
        #expect(!cut.isIntact)
        #expect(result.actors.isEmpty)
        #expect(whole.isIntact, "another mapping of the file is still whole")

        // The loader keeps the last good data when the file is cut under it.
        try Data(Self.largeReport(actor: "Murky Panda")).write(to: URL(fileURLWithPath: path))
        let cutter = CuttingFileSystem()
        var loader = DatasetLoader(paths: [path], fileSystem: cutter)
        #expect(loader.load(now: "10:00").actors.map(\.name) == ["Murky Panda"])
        try Data(Self.largeReport(actor: "Vixen Panda")).write(to: URL(fileURLWithPath: path))
        cutter.cutNext.withLock { $0 = true }
        let d = loader.load(now: "10:05")
        #expect(d.actors.map(\.name) == ["Murky Panda"])
        #expect(
            d.problems.contains {
                $0.file == path && $0.message.contains("cut short while it was being read") && $0.message.contains("last good load from 10:05")
            })
        // Whole again: read, and the new contents shown.
        try Data(Self.largeReport(actor: "Vixen Panda")).write(to: URL(fileURLWithPath: path))
        #expect(loader.load(now: "10:10").actors.map(\.name) == ["Vixen Panda"])
    }
}

/// The real file system, except that it can cut a file short right after mapping it.
final class CuttingFileSystem: FileSystem, @unchecked Sendable {
    let cutNext = Mutex(false)
    private let real = LocalFileSystem()

    func read(_ path: String, limit: Int) throws(FileError) -> [UInt8] { try real.read(path, limit: limit) }
    func stamp(_ path: String) -> FileStamp? { real.stamp(path) }
    func list(_ directory: String) -> [String]? { real.list(directory) }
    func contents(_ path: String, limit: Int) throws(FileError) -> SourceBytes {
        let bytes = try real.contents(path, limit: limit)
        if cutNext.withLock({
            let c = $0; $0 = false; return c
        }) {
            _ = truncate(path, 1 << 20)
        }
        return bytes
    }
}
