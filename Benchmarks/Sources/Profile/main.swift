// A loop to put under `perf record` or `valgrind --tool=callgrind`:
//   swift build -c release --product Profile && perf record -g .build/release/Profile frame 200x60
// Modes: frame WxH (compose frames), drill (Enter/Esc), ingest FILE, merge FILE.
import Dashboard
import TerminalUI
import ThreatModel
#if canImport(Glibc)
import Glibc
#endif

TerminalLocale.ensureUTF8()
let args = CommandLine.arguments
let mode = args.count > 1 ? args[1] : "frame"
var parts = #filePath.split(separator: "/", omittingEmptySubsequences: false)
parts.removeLast(3)
let inputs = parts.joined(separator: "/") + "/.inputs"
let file = args.count > 2 && (mode == "ingest" || mode == "merge") ? args[2] : inputs + "/large-dataset.json"
let bytes = try LocalFileSystem().read(file, limit: 1 << 30)

switch mode {
case "ingest":
    for _ in 0..<5 { _ = Ingest.read(bytes: bytes, file: file) }
case "merge":
    let r = Ingest.read(bytes: bytes, file: file)
    for _ in 0..<5 { _ = DatasetBuilder.build([r]) }
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
    var st = AppState(dataset: dataset, width: 200, height: 60)
    time("refresh") { st.refresh() }
default:
    let dataset = DatasetBuilder.build([Ingest.read(bytes: bytes, file: file)])
    let size = (args.count > 2 ? args[2] : "200x60").split(separator: "x").compactMap { Int($0) }
    var state = AppState(dataset: dataset, width: size.first ?? 200, height: size.last ?? 60)
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
