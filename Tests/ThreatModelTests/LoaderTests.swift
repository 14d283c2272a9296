import Foundation
import Synchronization
import Testing
@testable import ThreatModel

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
        fs.put("/b.json", Self.report(actor: "Beta Bear"))   // same bytes, new stamp
        #expect(loader.hasChanges())
        let touched = loader.load()
        #expect(touched.fingerprint == first.fingerprint)
        #expect(touched.actors.map(\.name) == first.actors.map(\.name))
        fs.put("/b.json", Self.report(actor: "Beta Bear", value: 60))
        let edited = loader.load()
        #expect(edited.fingerprint != first.fingerprint)
        #expect(edited.findings.map(\.value) != first.findings.map(\.value))
        fs.put("/b.json", "{")   // rejected: the last good data stays, but the problems differ
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
        // Large reads go into buffers advised for huge pages: the bytes must be the file's,
        // to the last one, at sizes on and off page and huge-page boundaries.
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
        }
    }
}

