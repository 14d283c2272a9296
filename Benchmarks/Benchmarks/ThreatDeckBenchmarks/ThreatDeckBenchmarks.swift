import Benchmark
import Dashboard
import Foundation
import TerminalUI
import ThreatModel
import Analysis
import Identity
import Loading
import Readers

/// Inputs: the generated ATT&CK-size bundle and 1,000-actor/100,000-event dataset
/// (`python3 generate-large-inputs.py .inputs`), the real ICS ATT&CK bundle and MISP galaxy
/// from ../shared/data, and the bundled sample report.
enum Inputs {
    static let benchmarks: String = {
        var parts = #filePath.split(separator: "/", omittingEmptySubsequences: false)
        parts.removeLast(3)  // …/Benchmarks/Benchmarks/ThreatDeckBenchmarks/ThreatDeckBenchmarks.swift
        return parts.joined(separator: "/")
    }()

    static let repository = benchmarks + "/.."
    static let shared = repository + "/../shared/data"

    static func path(_ name: String) -> String {
        switch name {
        case "attack": return benchmarks + "/.inputs/attack-like-enterprise.json"
        case "large": return benchmarks + "/.inputs/large-dataset.json"
        case "ics": return shared + "/stix/ics-attack-18.1.json"
        case "misp": return shared + "/misp-galaxy/threat-actor.json"
        case "sample": return repository + "/sample-data/crowdstrike-2026-tech-intrusions.json"
        case "feed": return repository + "/sample-data/synthetic-activity-feed.json"
        default: fatalError("unknown input \(name)")
        }
    }

    static func bytes(_ name: String) -> [UInt8] {
        do {
            return try LocalFileSystem().read(path(name), limit: 1 << 30)
        } catch {
            fatalError("cannot read \(path(name)): \(error). Run: python3 generate-large-inputs.py .inputs")
        }
    }

    static let attack = bytes("attack")
    static let large = bytes("large")
    static let ics = bytes("ics")
    static let misp = bytes("misp")
    static let sample = bytes("sample")
    static let feed = bytes("feed")

    static let largeDataset: Dataset = DatasetBuilder.build([Ingest.read(bytes: large, file: "large.json")])

    /// The full ATT&CK enterprise bundle (mitre/cti, 45 MB; /work/bench-data or ENTERPRISE).
    static let enterprisePath = ProcessInfo.processInfo.environment["ENTERPRISE"] ?? "/work/bench-data/enterprise-attack.json"
    static let enterpriseAndEvents: Dataset = {
        let e = (try? LocalFileSystem().read(enterprisePath, limit: 1 << 30)).map { Ingest.read(bytes: $0, file: "enterprise.json") }
        return DatasetBuilder.build((e.map { [$0] } ?? []) + [Ingest.read(bytes: large, file: "large.json")])
    }()

    static func state(_ width: Int, _ height: Int, dataset: Dataset = largeDataset) -> AppState {
        var o = StartOptions(dataset: dataset, width: width, height: height)
        o.tier = .color256
        o.now = 1_790_000_000
        return AppState.start(o)
    }
}

/// A file system whose one file changes stamp on every read, to time a kiosk reload: with
/// `alternate`, its contents change too (two versions in turn); without, only its mtime.
final class ChangingFile: FileSystem, @unchecked Sendable {
    let bytes: [UInt8]
    let other: [UInt8]?
    var version: Int64 = 0
    init(_ bytes: [UInt8], alternate: Bool = false) {
        self.bytes = bytes
        // The same file with one event's summary changed: a real edit, same size.
        if alternate, let k = bytes.firstIndex(of: UInt8(ascii: "Z")) { var b = bytes; b[k] = UInt8(ascii: "Y"); other = b } else { other = nil }
    }
    var reads = 0
    func read(_ path: String, limit: Int) throws(FileError) -> [UInt8] {
        // Per read, not per stamp (a load asks for the stamp more than once).
        reads += 1
        return other != nil && reads % 2 == 0 ? other! : bytes
    }
    func stamp(_ path: String) -> FileStamp? {
        version += 1
        return FileStamp(size: bytes.count, modified: version, inode: 1, isDirectory: false)
    }
    func list(_ directory: String) -> [String]? { nil }
    func watch(_ paths: [String], onChange: @escaping @Sendable () -> Void) -> (any FileWatch)? { nil }
}

/// Kiosk reloads of the 26 MB native file, the file edited (two versions in turn) or only
/// touched: the wall already shows it (each sample runs its closure anew), so only the
/// reload to a new frame is measured, and not the freeing of the old dataset at the end.
func measureKioskReloads(_ b: Benchmark, edited: Bool) {
    var loader = DatasetLoader(paths: ["/large.json"], fileSystem: ChangingFile(Inputs.large, alternate: edited))
    var state = Inputs.state(200, 60)
    Kiosk.start(&state, config: KioskConfig(), now: state.now)
    _ = App.update(&state, .loaded(loader.load(), at: state.now, milliseconds: 0))
    b.startMeasurement()
    for _ in b.scaledIterations {
        let d = loader.load()
        _ = App.update(&state, .loaded(d, at: state.now, milliseconds: 0))
        blackHole(Screen.render(state))
    }
    b.stopMeasurement()
}

let benchmarks: @Sendable () -> Void = {
    // Widths come from the C library: draw as a UTF-8 terminal would.
    _ = TerminalLocale.ensureUTF8()
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .cpuTotal, .mallocCountTotal, .peakMemoryResident],
        warmupIterations: 1,
        maxDuration: .seconds(5),
        maxIterations: 30
    )

    // MARK: Ingest

    Benchmark("Ingest STIX ATT&CK-size bundle (35 MB)") { b in
        for _ in b.scaledIterations { blackHole(Ingest.read(bytes: Inputs.attack, file: "attack.json")) }
    }
    Benchmark("Ingest STIX ics-attack-18.1 (3.5 MB)") { b in
        for _ in b.scaledIterations { blackHole(Ingest.read(bytes: Inputs.ics, file: "ics.json")) }
    }
    Benchmark("Ingest native 1,000 actors / 100,000 events (26 MB)") { b in
        for _ in b.scaledIterations { blackHole(Ingest.read(bytes: Inputs.large, file: "large.json")) }
    }
    Benchmark("Ingest MISP threat-actor galaxy (1.4 MB)") { b in
        for _ in b.scaledIterations { blackHole(Ingest.read(bytes: Inputs.misp, file: "misp.json")) }
    }
    Benchmark("Merge and normalise 1,000 actors / 100,000 events") { b in
        let result = Ingest.read(bytes: Inputs.large, file: "large.json")
        b.startMeasurement()
        for _ in b.scaledIterations { blackHole(DatasetBuilder.build([result])) }
    }

    Benchmark("Ingest the five MISP events (CIRCL OSINT)") { b in
        let files = ((try? FileManager.default.contentsOfDirectory(atPath: Inputs.shared + "/misp-events")) ?? []).map { Inputs.shared + "/misp-events/" + $0 }
        let bytes = files.compactMap { try? LocalFileSystem().read($0, limit: 1 << 26) }
        b.startMeasurement()
        for _ in b.scaledIterations { for x in bytes { blackHole(Ingest.read(bytes: x, file: "e.json")) } }
    }

    // MARK: Aggregation

    Benchmark("Technique aggregates: ATT&CK enterprise + 100,000 events (target 20 ms)") { b in
        let d = Inputs.enterpriseAndEvents
        b.startMeasurement()
        for _ in b.scaledIterations { blackHole(TechniqueUsage.compute(d, selection: Filter.none.apply(to: d))) }
    }
    Benchmark("Compose the techniques matrix 200x60 (target 2 ms)", configuration: .init(maxIterations: 200)) { b in
        var state = Inputs.state(200, 60, dataset: Inputs.enterpriseAndEvents)
        _ = App.update(&state, .key(.character("5")))
        _ = App.update(&state, .key(.character("z")))
        _ = Screen.render(state)
        b.startMeasurement()
        for _ in b.scaledIterations { blackHole(Screen.render(state)) }
    }

    Benchmark("Aggregate all panes, no filter (100,000 events)") { b in
        let d = Inputs.largeDataset
        b.startMeasurement()
        for _ in b.scaledIterations {
            let s = Filter.none.apply(to: d)
            blackHole(ActorBreakdown.compute(d, selection: s))
            blackHole(SectorMatrix.compute(d, selection: s))
            blackHole(TimelineSeries.compute(d, selection: s, slots: 180))
        }
    }
    Benchmark("Aggregate all panes, nexus + sector + text filter (100,000 events)") { b in
        let d = Inputs.largeDataset
        let f = Filter([.nexus(.country("CN")), .sector("technology"), .text("panda")])
        b.startMeasurement()
        for _ in b.scaledIterations {
            let s = f.apply(to: d)
            blackHole(ActorBreakdown.compute(d, selection: s))
            blackHole(SectorMatrix.compute(d, selection: s))
            blackHole(TimelineSeries.compute(d, selection: s, slots: 180))
        }
    }

    // MARK: Frames

    for (w, h) in [(80, 24), (120, 40), (200, 60)] {
        Benchmark("Compose one frame \(w)x\(h) (1,000 actors / 100,000 events)", configuration: .init(maxIterations: 200)) { b in
            let state = Inputs.state(w, h)
            _ = Screen.render(state)
            b.startMeasurement()
            for _ in b.scaledIterations { blackHole(Screen.render(state)) }
        }
    }
    Benchmark("Key press to new frame: ↓ in actors, 200x60 (100,000 events)", configuration: .init(maxIterations: 200)) { b in
        var state = Inputs.state(200, 60)
        _ = Screen.render(state)
        b.startMeasurement()
        for i in b.scaledIterations {
            _ = App.update(&state, .key(i % 20 < 10 ? .down : .up))
            blackHole(Screen.render(state))
        }
    }
    Benchmark("Key press to new frame: Enter drill-down then Esc, 200x60 (100,000 events)", configuration: .init(maxIterations: 100)) { b in
        var state = Inputs.state(200, 60)
        _ = Screen.render(state)
        b.startMeasurement()
        for _ in b.scaledIterations {
            _ = App.update(&state, .key(.enter))
            blackHole(Screen.render(state))
            _ = App.update(&state, .key(.escape))
            blackHole(Screen.render(state))
        }
    }
    Benchmark("Key press to new frame: timeline ← at 200x60 (100,000 events)", configuration: .init(maxIterations: 200)) { b in
        var state = Inputs.state(200, 60)
        _ = App.update(&state, .key(.character("3")))
        _ = Screen.render(state)
        b.startMeasurement()
        for i in b.scaledIterations {
            _ = App.update(&state, .key(i % 20 < 10 ? .left : .right))
            blackHole(Screen.render(state))
        }
    }

    // MARK: End to end

    Benchmark("Open the 35 MB bundle to first frame (200x60)") { b in
        for _ in b.scaledIterations {
            let d = DatasetBuilder.build([Ingest.read(bytes: Inputs.attack, file: "attack.json")])
            blackHole(Screen.render(AppState.start(StartOptions(dataset: d, width: 200, height: 60))))
        }
    }
    Benchmark("Startup on the sample report to first frame (120x40)") { b in
        for _ in b.scaledIterations {
            let d = DatasetBuilder.build([Ingest.read(bytes: Inputs.sample, file: "s.json"), Ingest.read(bytes: Inputs.feed, file: "f.json")])
            blackHole(Screen.render(AppState.start(StartOptions(dataset: d, width: 120, height: 40))))
        }
    }
    Benchmark("Cold open of the 26 MB native file to first frame (reload baseline)") { b in
        // The datasets are freed after the measurement, as the reloads' old ones are.
        var kept: [AppState] = []
        for _ in b.scaledIterations {
            var loader = DatasetLoader(paths: ["/large.json"], fileSystem: ChangingFile(Inputs.large))
            let state = Inputs.state(200, 60, dataset: loader.load())
            blackHole(Screen.render(state))
            kept.append(state)
        }
        b.stopMeasurement()
        blackHole(kept.count)
    }
    Benchmark("Kiosk reload of an edited 26 MB file, to new frame (target 1.2x cold open)") { b in
        measureKioskReloads(b, edited: true)
    }
    Benchmark("Kiosk reload when only the mtime changed (26 MB), to new frame (target 50 ms)") { b in
        measureKioskReloads(b, edited: false)
    }
}
