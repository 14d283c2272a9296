// Kiosk soak: the real run loop (Runtime, update, Screen, DatasetLoader on real files) driven
// by a fast clock for 10,000 rotations and 1,000 reloads (every tenth with garbage, then
// fixed), reporting resident memory and open descriptors before and after. Growth must be flat.
//
//   swift run -c release KioskSoak [rotations] [reloads]
import Dashboard
import TerminalUI
import ThreatModel
#if canImport(Glibc)
import Glibc
#endif

/// A wall clock that moves only when told: one kiosk second per input.
final class FastClock: Clock, @unchecked Sendable {
    var time: Double = 1_790_000_000
    func now() -> Double { time }
}

/// A terminal that accepts frames and answers every wait with a timeout, advancing the clock.
final class NullTerminal: TerminalDevice {
    let clock: FastClock
    var frames = 0
    var bytes = 0
    let size: (width: Int, height: Int) = (200, 60)
    init(clock: FastClock) { self.clock = clock }
    func draw(_ buffer: Buffer, palette: Palette) {
        frames += 1
        bytes += buffer.cells.count
    }
    func nextInput(timeout: Double?) -> Input {
        clock.time += timeout ?? 1
        return .timeout
    }
}

func residentKilobytes() -> Int {
    guard let f = fopen("/proc/self/statm", "r") else { return -1 }
    defer { fclose(f) }
    var size = 0, resident = 0
    withUnsafeMutablePointer(to: &size) { s in
        withUnsafeMutablePointer(to: &resident) { r in
            _ = withVaList([s, r]) { vfscanf(f, "%ld %ld", $0) }
        }
    }
    return resident * Int(sysconf(Int32(_SC_PAGESIZE))) / 1024
}

func openDescriptors() -> Int {
    guard let dir = opendir("/proc/self/fd") else { return -1 }
    defer { closedir(dir) }
    var n = 0
    while let entry = readdir(dir) {
        let name = withUnsafePointer(to: entry.pointee.d_name) { $0.withMemoryRebound(to: CChar.self, capacity: 256) { String(cString: $0) } }
        if name != "." && name != ".." { n += 1 }
    }
    return n - 1  // the directory stream itself
}

func write(_ text: String, to path: String) {
    guard let f = fopen(path, "wb") else { fatalError("cannot write \(path)") }
    let bytes = Array(text.utf8)
    _ = fwrite(bytes, 1, bytes.count, f)
    fclose(f)
}

TerminalLocale.ensureUTF8()
let arguments = CommandLine.arguments
let rotations = arguments.count > 1 ? Int(arguments[1]) ?? 10_000 : 10_000
let reloads = arguments.count > 2 ? Int(arguments[2]) ?? 1_000 : 1_000

var parts = #filePath.split(separator: "/", omittingEmptySubsequences: false)
parts.removeLast(4)  // …/Benchmarks/Sources/KioskSoak/main.swift → repository root
let repository = parts.joined(separator: "/")
let original = String(decoding: try LocalFileSystem().read(repository + "/sample-data/crowdstrike-2026-tech-intrusions.json", limit: 1 << 26), as: UTF8.self)
let feed = String(decoding: try LocalFileSystem().read(repository + "/sample-data/synthetic-activity-feed.json", limit: 1 << 26), as: UTF8.self)

let directory = "/tmp/threatdeck-kiosk-soak-\(getpid())"
mkdir(directory, 0o755)
let reportPath = directory + "/report.json"
write(original, to: reportPath)
write(feed, to: directory + "/feed.json")

let clock = FastClock()
let source = FileDataSource(loader: DatasetLoader(paths: [directory]))
var state = AppState(dataset: source.load(now: clock.time), width: 200, height: 60, themes: [Theme.fallback])
// One view per kiosk second: 10,000 rotations take 10,000 inputs.
Kiosk.start(&state, config: KioskConfig(rotateSeconds: 1, staleAfterSeconds: 60, watchSeconds: 1), now: clock.time)
let device = NullTerminal(clock: clock)
let runtime = Runtime(state: state, device: device, source: source, clock: clock, watchInterval: 1)
runtime.render()

var reloadsDone = 0
var step = 0
@MainActor func run(until rotationTarget: Int) {
    while (runtime.state.kiosk?.rotations ?? 0) < rotationTarget {
        step += 1
        // A file change every `rotations / reloads` rotations; every tenth one is garbage first.
        if reloadsDone < reloads && step % max(1, rotations / reloads) == 0 {
            reloadsDone += 1
            if reloadsDone % 10 == 0 {
                write("{\"schema\": \"threatdeck-report@1\", \"report\": {", to: reportPath)
            } else {
                write(original.replacingFirst("\"value\": 58", "\"value\": \(50 + reloadsDone % 9)"), to: reportPath)
            }
        }
        _ = runtime.step(device.nextInput(timeout: runtime.timeout(now: clock.time)))
        runtime.render()
    }
}

extension String {
    func replacingFirst(_ target: String, _ replacement: String) -> String {
        guard let r = firstRange(of: target) else { return self }
        return String(self[..<r.lowerBound]) + replacement + String(self[r.upperBound...])
    }
}

// Warm up (caches, lazily built tables), then measure.
run(until: 200)
let rssBefore = residentKilobytes(), fdsBefore = openDescriptors()
var start = timespec()
clock_gettime(CLOCK_MONOTONIC, &start)
run(until: rotations)
var end = timespec()
clock_gettime(CLOCK_MONOTONIC, &end)
let rssAfter = residentKilobytes(), fdsAfter = openDescriptors()
let seconds = Double(end.tv_sec - start.tv_sec) + Double(end.tv_nsec - start.tv_nsec) / 1e9
let staleNow = runtime.state.dataset.files.contains { $0.staleSince != nil }

print("kiosk soak: \(runtime.state.kiosk?.rotations ?? 0) rotations, \(reloadsDone) file changes (\(reloadsDone / 10) garbage), \(device.frames) frames in \((seconds * 10).rounded() / 10) s")
print("  resident memory: \(rssBefore) KiB after warm-up → \(rssAfter) KiB after the soak (\(rssAfter - rssBefore >= 0 ? "+" : "")\(rssAfter - rssBefore) KiB)")
print("  open descriptors: \(fdsBefore) → \(fdsAfter)")
print("  last data stale: \(staleNow)")
_ = system("rm -rf '\(directory)'")
if fdsAfter > fdsBefore || rssAfter - rssBefore > 8 * 1024 {
    print("GROWTH: memory or descriptors grew")
    exit(1)
}
