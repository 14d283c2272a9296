// A loop to put under `perf record` or `valgrind --tool=callgrind`:
//   swift build -c release --product Profile && perf record -g .build/release/Profile frame 200x60
// Modes: frame WxH (compose frames), drill (Enter/Esc), ingest FILE, merge FILE [OTHER…], touch [edit] (reload of a touched or edited file),
// scale FILE (the 1,000,000-event targets: frame, key, filter and drill-down medians, one line per target),
// phases FILE (a cold open's parse, read, merge and first frame, apart), busy FILE (keys while FILE reloads),
// reloads (the reload targets over a directory of two files, one line per target).
import Dashboard
import Foundation
import JSONCore
import TerminalUI
import ThreatModel
#if canImport(Glibc)
import Glibc
import Analysis
import Identity
import Loading
import Readers
#endif

TerminalLocale.ensureUTF8()
let args = CommandLine.arguments
let mode = args.count > 1 ? args[1] : "frame"
var parts = #filePath.split(separator: "/", omittingEmptySubsequences: false)
parts.removeLast(3)
let inputs = parts.joined(separator: "/") + "/.inputs"
let file =
    args.count > 2 && (mode == "ingest" || mode == "merge" || mode == "scale" || mode == "phases" || mode == "memory" || mode == "busy")
    ? args[2]
    : ProcessInfo.processInfo.environment["PROFILE_FILE"] ?? inputs + "/large-dataset.json"
let bytes = try LocalFileSystem().read(file, limit: 1 << 30)

/// How long `body` takes, in milliseconds.
func ms(_ body: () -> Void) -> Double {
    var a = timespec(), b = timespec()
    clock_gettime(CLOCK_MONOTONIC, &a)
    body()
    clock_gettime(CLOCK_MONOTONIC, &b)
    return Double(b.tv_sec - a.tv_sec) * 1e3 + Double(b.tv_nsec - a.tv_nsec) / 1e6
}

/// The middle value of `times`.
func mid(_ times: [Double]) -> Double { times.sorted()[times.count / 2] }

/// The median of `rounds` timings of `body`, in milliseconds.
func median(_ rounds: Int, _ body: (Int) -> Void) -> Double { mid((0..<rounds).map { i in ms { body(i) } }) }

/// The input with one event's summary changed: a real edit, same size.
func editedBytes() -> [UInt8] {
    var edited = bytes
    if let k = edited.firstIndex(of: UInt8(ascii: "Z")) { edited[k] = UInt8(ascii: "Y") }
    return edited
}

switch mode {
case "scale":
    // One line per target, "label|value|limit", for compare.sh to print with the others.
    var loader = DatasetLoader(paths: [file])
    let dataset = loader.load()
    let label = "\(dataset.actors.count / 1000)k actors / \(dataset.events.count / 1000)k events"
    var state = AppState.start(StartOptions(dataset: dataset, width: 200, height: 60))
    _ = Screen.render(state)
    let frame = median(30) { _ in _ = Screen.render(state) }
    let down = median(40) { i in
        _ = App.update(&state, .key(i % 20 < 10 ? .down : .up))
        _ = Screen.render(state)
    }
    let drill = median(10) { _ in
        _ = App.update(&state, .key(.enter))
        _ = Screen.render(state)
        _ = App.update(&state, .key(.escape))
        _ = Screen.render(state)
    }
    let filter = Filter([.nexus(.country("CN")), .sector("technology"), .text("panda")])
    let filtered = median(10) { _ in
        let sel = filter.apply(to: dataset)
        _ = ActorBreakdown.compute(dataset, selection: sel)
        _ = SectorMatrix.compute(dataset, selection: sel)
        _ = TimelineSeries.compute(dataset, selection: sel, slots: 180)
    }
    _ = App.update(&state, .key(.character("3")))
    _ = Screen.render(state)
    let left = median(40) { i in
        _ = App.update(&state, .key(i % 20 < 10 ? .left : .right))
        _ = Screen.render(state)
    }
    print(String(format: "\(label): frame 200x60 (ms)|%.2f|4", frame))
    print(String(format: "\(label): key down to next frame (ms)|%.2f|16", down))
    print(String(format: "\(label): timeline key to next frame (ms)|%.2f|16", left))
    print(String(format: "\(label): nexus+sector+text filter, all panes (ms)|%.1f|100", filtered))
    print(String(format: "\(label): drill-down and back, two frames (ms)|%.1f|100", drill))
case "busy":
    // busy FILE: a key to its next frame while FILE is read again and again on other threads,
    // as the dashboard reloads a changed file beside its UI loop (both cores busy: the split
    // parse and the header pass). "label|value|limit" lines for compare.sh: the 95th
    // percentile of 100 keys, one every 20-40 ms so that they land in every phase of a reload.
    final class Reloads: @unchecked Sendable {
        let lock = NSLock()
        var stop = false, done = 0, running = false
        func with<T>(_ body: (Reloads) -> T) -> T { lock.lock(); defer { lock.unlock() }; return body(self) }
    }
    let reloads = Reloads()
    var loader = DatasetLoader(paths: [file])
    var state = AppState.start(StartOptions(dataset: loader.load(), width: 200, height: 60))
    _ = Screen.render(state)
    let path = file
    Thread.detachNewThread {
        while !reloads.with({ $0.stop }) {
            reloads.with { $0.running = true }
            var fresh = DatasetLoader(paths: [path])
            _ = fresh.load()
            reloads.with { $0.done += 1 }
        }
        reloads.with { $0.running = false }
    }
    while !reloads.with({ $0.running }) { usleep(1000) }
    var keys: [Double] = []
    for i in 0..<100 {
        usleep(useconds_t(20_000 + (i * 7_919) % 20_000))
        keys.append(
            ms {
                _ = App.update(&state, .key(i % 20 < 10 ? .down : .up))
                _ = Screen.render(state)
            })
    }
    reloads.with { $0.stop = true }
    while reloads.with({ $0.running }) { usleep(1000) }
    keys.sort()
    let mib = Double(bytes.count) / 1_048_576
    print(String(format: "key to next frame while a %.0f MB file reloads (ms, p95 of 100)|%.2f|16", mib, keys[94]))
    FileHandle.standardError.write(
        String(
            format: "   keys during %d reloads of %.0f MB: median %.2f ms, p95 %.2f ms, max %.2f ms\n",
            reloads.with { $0.done }, mib, keys[50], keys[94], keys[99]
        ).data(using: .utf8)!)
case "phases":
    // Where a cold open goes: parse, read, merge, first frame (medians of 5, milliseconds;
    // every round's result is kept, so no round pays for freeing the one before).
    var documents: [JSONDocument] = [], results: [IngestResult] = [], datasets: [Dataset] = []
    let source = SourceBytes(bytes)
    let digest = median(5) { _ in _ = source.digest() }
    let parse = median(5) { _ in documents.append(try! JSONDocument(parsing: source)) }
    let read = median(5) { _ in results.append(Ingest.read(document: documents[0], file: file)) }
    let merge = median(5) { _ in datasets.append(DatasetBuilder.build([results[0]])) }
    let first = median(5) { _ in _ = Screen.render(AppState.start(StartOptions(dataset: datasets[0], width: 200, height: 60))) }
    print(
        String(
            format: "digest %.1f ms (a reload's, skipped on a one-shot open), parse %.1f ms, read %.1f ms, merge %.1f ms, first frame %.1f ms", digest, parse,
            read, merge, first))
case "memory":
    // Resident memory after each phase of a cold open, in MiB, and the size of the model's
    // value types: where the peak of an open goes.
    func heap() -> Double {
        let statm = (try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8)) ?? ""
        let pages = statm.split(separator: " ").dropFirst().first.flatMap { Double($0) } ?? 0
        return pages * 4096 / 1_048_576
    }
    let before = heap()
    let document = try! JSONDocument(parsing: bytes)
    let parsed = heap()
    let result = Ingest.read(document: document, file: file)
    let read = heap()
    let dataset = DatasetBuilder.build([result])
    let merged = heap()
    print(
        String(
            format: "file %.1f MiB; parse +%.1f, read +%.1f, merge +%.1f MiB (RSS %.1f)", Double(bytes.count) / 1_048_576,
            parsed - before, read - parsed, merged - read, merged))
    let indexed = Dataset(actors: dataset.actors, events: dataset.events)
    print(String(format: "a second Dataset over the same events (index, positions): +%.1f MiB", heap() - merged))
    print(
        "Event \(MemoryLayout<Event>.stride) B, Provenance \(MemoryLayout<Provenance>.stride) B, Reference \(MemoryLayout<Reference>.stride) B, Actor \(MemoryLayout<Actor>.stride) B;",
        "\(dataset.events.count) events, \(dataset.actors.count) actors, \(withExtendedLifetime((document, result, indexed)) { 0 })")
case "ingest":
    for _ in 0..<5 { _ = Ingest.read(bytes: bytes, file: file) }
case "merge":
    // merge FILE [OTHER…]: the files' records merged 5 times (timed, median, on stderr).
    let rs = [Ingest.read(bytes: bytes, file: file)] + args.dropFirst(3).map { Ingest.read(bytes: try! LocalFileSystem().read($0, limit: 1 << 30), file: $0) }
    let t = median(5) { _ in _ = DatasetBuilder.build(rs) }
    FileHandle.standardError.write(String(format: "merge of %d results: %.1f ms\n", rs.count, t).data(using: .utf8)!)
case "parts":
    let dataset = DatasetBuilder.build([Ingest.read(bytes: bytes, file: file)])
    func time(_ label: String, _ body: () -> Void) {
        var a = timespec(), b = timespec()
        clock_gettime(CLOCK_MONOTONIC, &a)
        for _ in 0..<20 { body() }
        clock_gettime(CLOCK_MONOTONIC, &b)
        print(label, (Double(b.tv_sec - a.tv_sec) * 1e3 + Double(b.tv_nsec - a.tv_nsec) / 1e6) / 20, "ms")
    }
    let f = Filter([.nexus(.country("CN"))])
    let sel = f.apply(to: dataset)
    let all = Filter.none.apply(to: dataset)
    time("apply none") { _ = Filter.none.apply(to: dataset) }
    time("apply nexus") { _ = f.apply(to: dataset) }
    time("breakdown all") { _ = ActorBreakdown.compute(dataset, selection: all) }
    time("matrix all") { _ = SectorMatrix.compute(dataset, selection: all) }
    time("timeline all") { _ = TimelineSeries.compute(dataset, selection: all, slots: 180) }
    time("breakdown CN") { _ = ActorBreakdown.compute(dataset, selection: sel) }
    time("timeline CN") { _ = TimelineSeries.compute(dataset, selection: sel, slots: 180) }
    var st = AppState.start(StartOptions(dataset: dataset, width: 200, height: 60))
    time("refresh (a reload of the same dataset)") { _ = App.update(&st, .loaded(dataset, at: 0, milliseconds: 0)) }
case "touch":
    // A kiosk reload of a real file whose mtime alone changed: load, update and frame timed apart.
    let fs = LocalFileSystem()
    let path = "/tmp/threatdeck-profile-touch.json"
    try fs.writeAtomically(path, bytes, mode: 0o644)
    var loader = DatasetLoader(paths: [path])
    var state = AppState.start(StartOptions(dataset: loader.load(), width: 200, height: 60))
    Kiosk.start(&state, config: KioskConfig(), now: 0)
    let edited = editedBytes()
    let editing = args.count > 2 && args[2] == "edit"
    for round in 1...5 {
        if editing { try fs.writeAtomically(path, round % 2 == 1 ? edited : bytes, mode: 0o644) } else { utimes(path, nil) }
        var d: Dataset?
        let load = ms { d = loader.load() }
        let update = ms { _ = App.update(&state, .loaded(d!, at: Double(round), milliseconds: 0)) }
        let frame = ms { _ = Screen.render(state) }
        print(String(format: (editing ? "edit" : "touch") + " %d: load %.1f ms, update %.1f ms, frame %.1f ms", round, load, update, frame))
    }
case "reloads":
    // The reload targets, one line each ("label|value|limit") for compare.sh: a directory of
    // two files (the 100k native file and ATT&CK-size STIX), reloaded to the next frame after
    // one file is edited or only touched; the other file must not be read again.
    final class CountingFileSystem: FileSystem, @unchecked Sendable {
        let base = LocalFileSystem()
        var reads: [String: Int] = [:]
        let lock = NSLock()
        func read(_ path: String, limit: Int) throws(FileError) -> [UInt8] {
            lock.lock()
            reads[path, default: 0] += 1
            lock.unlock()
            return try base.read(path, limit: limit)
        }
        /// As the dashboard reads: large files mapped (the cold open maps them too).
        func contents(_ path: String, limit: Int) throws(FileError) -> SourceBytes {
            lock.lock()
            reads[path, default: 0] += 1
            lock.unlock()
            return try base.contents(path, limit: limit)
        }
        func stamp(_ path: String) -> FileStamp? { base.stamp(path) }
        func list(_ directory: String) -> [String]? { base.list(directory) }
    }
    let fs = LocalFileSystem()
    let dir = "/tmp/threatdeck-profile-reloads"
    _ = try? fs.makeDirectories(dir, mode: 0o755)
    let changing = dir + "/a-native.json", other = dir + "/b-stix.json"
    try fs.writeAtomically(changing, bytes, mode: 0o644)
    try fs.writeAtomically(other, try fs.read(inputs + "/attack-like-enterprise.json", limit: 1 << 30), mode: 0o644)
    let edited = editedBytes()
    /// A dashboard on `paths` (a wall, as reloads matter most there) that reloads to its next
    /// frame, counting reads of the file that does not change.
    struct Watching {
        let counting = CountingFileSystem()
        var loader: DatasetLoader
        var state: AppState
        var loads: [Double] = [], updates: [Double] = [], frames: [Double] = []
        init(_ paths: [String]) {
            loader = DatasetLoader(paths: paths, fileSystem: counting)
            state = AppState.start(StartOptions(dataset: loader.load(), width: 200, height: 60))
            Kiosk.start(&state, config: KioskConfig(), now: 0)
            _ = Screen.render(state)
        }
        mutating func reload(_ round: Int) -> Double {
            var d: Dataset?
            let load = ms { d = loader.load() }
            let update = ms { _ = App.update(&state, .loaded(d!, at: Double(round), milliseconds: 0)) }
            let frame = ms { _ = Screen.render(state) }
            // The parts of edited reloads only (rounds 1 to 7).
            if round <= 7 {
                loads.append(load)
                updates.append(update)
                frames.append(frame)
            }
            return load + update + frame
        }
        /// Medians of the edited reloads' parts.
        var parts: String { String(format: "load %.0f + update %.0f + frame %.0f ms", mid(loads), mid(updates), mid(frames)) }
    }
    var alone = Watching([changing]), beside = Watching([dir])
    let otherReads = beside.counting.reads[other, default: 0]
    // Each timing starts from the same idle pause (an edit comes while the wall is idle, and the
    // last dataset's release on another thread has ended by then), and the cold opens are
    // interleaved with the reloads, so that both see the machine alike (run back to back, the
    // cold opens had a core kept busy and the reloads one just woken, and host drift between
    // the two blocks moved the ratio by up to 0.3).
    func idle() { usleep(600_000) }
    var cold: [Double] = [], aloneEdit: [Double] = [], besideEdit: [Double] = []
    var coldParts: [[Double]] = [[], [], []], directoryCold: [Double] = []
    for round in 1...7 {
        try fs.writeAtomically(changing, round % 2 == 1 ? edited : bytes, mode: 0o644)
        idle()
        var opened: AppState?
        // The cold open of the changed file alone, to its first frame (its dataset freed
        // after the timing, as a reload frees the old one on another thread).
        cold.append(
            ms {
                var l = DatasetLoader(paths: [changing])
                var d: Dataset?
                coldParts[0].append(ms { d = l.load() })
                coldParts[1].append(ms { opened = AppState.start(StartOptions(dataset: d!, width: 200, height: 60)) })
                coldParts[2].append(ms { _ = Screen.render(opened!) })
            })
        opened = nil
        idle()
        // For the reload beside the bundle, also the cold open of that directory (shown on
        // stderr; the target compares with the changed file's own cold open, the stricter).
        directoryCold.append(
            ms {
                var l = DatasetLoader(paths: [dir])
                opened = AppState.start(StartOptions(dataset: l.load(), width: 200, height: 60))
                _ = Screen.render(opened!)
            })
        opened = nil
        idle()
        aloneEdit.append(alone.reload(round))
        idle()
        besideEdit.append(beside.reload(round))
    }
    var touched: [Double] = []
    for round in 8...12 {
        utimes(changing, nil)
        idle()
        _ = alone.reload(round)
        touched.append(beside.reload(round))
    }
    let coldMid = mid(cold)
    print(String(format: "edited file reloaded alone to the next frame / its cold open|%.2f|1", mid(aloneEdit) / coldMid))
    print(String(format: "edited file reloaded beside a bundle / its cold open|%.2f|1", mid(besideEdit) / coldMid))
    print(String(format: "touched file (mtime only) reloaded to the next frame (ms)|%.1f|50", mid(touched)))
    print("reads of the unchanged file over 12 reloads|\(beside.counting.reads[other, default: 0] - otherReads)|0")
    FileHandle.standardError.write(
        ("   medians of 7 interleaved rounds: cold open of the 26 MB native file \(Int(coldMid)) ms "
            + String(format: "(load %.0f + start %.0f + frame %.0f ms)", mid(coldParts[0]), mid(coldParts[1]), mid(coldParts[2]))
            + "; reloaded after an edit, alone: \(Int(mid(aloneEdit))) ms "
            + String(
                format: "(%.2fx; %@), beside a 35 MB STIX bundle in one directory: %d ms (%.2fx; %@: every file's records are merged again); ",
                mid(aloneEdit) / coldMid, alone.parts, Int(mid(besideEdit)), mid(besideEdit) / coldMid, beside.parts)
            + String(format: "touched: %.1f ms in the directory\n", mid(touched))
            + String(
                format: "   the directory's own cold open: %.0f ms; the edited file's reload beside the bundle is %.2fx of it\n",
                mid(directoryCold), mid(besideEdit) / mid(directoryCold))).data(using: .utf8)!)
default:
    let dataset = DatasetBuilder.build([Ingest.read(bytes: bytes, file: file)])
    let size = (args.count > 2 ? args[2] : "200x60").split(separator: "x").compactMap { Int($0) }
    var state = AppState.start(StartOptions(dataset: dataset, width: size.first ?? 200, height: size.last ?? 60))
    let rounds = mode == "drill" ? 20 : 300
    var start = timespec(), end = timespec()
    clock_gettime(CLOCK_MONOTONIC, &start)
    for i in 0..<rounds {
        if mode == "drill" { _ = App.update(&state, .key(i % 2 == 0 ? .enter : .escape)) }
        _ = Screen.render(state)
    }
    clock_gettime(CLOCK_MONOTONIC, &end)
    let ms = (Double(end.tv_sec - start.tv_sec) * 1e3 + Double(end.tv_nsec - start.tv_nsec) / 1e6) / Double(rounds)
    print("\(mode) \(size): \((ms * 1000).rounded() / 1000) ms per round")
}
