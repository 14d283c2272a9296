// Kiosk soak: a simulated week on the wall. The real run loop (Runtime, update, Screen) on
// real files and a MISP feed, driven by an injected clock through 7 days: rotation every
// 20 s, the report rewritten every 10 minutes (every tenth write garbage, fixed by the next),
// the MISP feed gone for an hour every day and back, quiet hours switching the theme at
// 22:00 and 06:00 local time across a daylight-saving change (TZ=Europe/Berlin, from
// 2026-03-26). Reports resident memory, open descriptors and threads at the start and after
// each day (they must stay flat), rotations, reloads, outages, frames and cells written per hour.
//
//   swift run -c release KioskSoak [days]
import Dashboard
import Dispatch
import Foundation
import LiveSources
import Settings
import Synchronization
import TerminalUI
import ThreatModel
#if canImport(Glibc)
import Glibc
import Loading
#endif

/// A wall clock that moves only when told.
final class SoakClock: ThreatModel.Clock, @unchecked Sendable {
    var time: Double
    init(_ t: Double) { time = t }
    func now() -> Double { time }
    func sleep(seconds: Double) async {}
}

/// A terminal that counts the cells each frame changes and answers every wait with a timeout,
/// moving the clock on by that timeout (as the real loop would sleep).
final class NullTerminal: TerminalDevice {
    let clock: SoakClock
    var frames = 0
    var cellsWritten = 0
    var fullRepaints = 0
    var previous: Buffer?
    let size: (width: Int, height: Int) = (200, 60)
    init(clock: SoakClock) { self.clock = clock }
    func draw(_ buffer: Buffer, palette: Palette, full: Bool) {
        frames += 1
        if full { fullRepaints += 1 }
        if full || previous == nil || previous!.width != buffer.width || previous!.height != buffer.height {
            cellsWritten += buffer.width * buffer.height
        } else {
            for y in 0..<buffer.height { for x in 0..<buffer.width where buffer[x, y] != previous![x, y] { cellsWritten += 1 } }
        }
        previous = buffer
    }
    func nextInput(timeout: Double?, wakeDescriptor: Int32?) -> Input {
        clock.time += min(timeout ?? 1, 1)
        return .timeout
    }
}

func proc(_ path: String) -> Int {
    guard let dir = opendir(path) else { return -1 }
    defer { closedir(dir) }
    var n = 0
    while let entry = readdir(dir) {
        let name = withUnsafePointer(to: entry.pointee.d_name) { $0.withMemoryRebound(to: CChar.self, capacity: 256) { String(cString: $0) } }
        if name != "." && name != ".." { n += 1 }
    }
    return n
}

func residentKilobytes() -> Int {
    guard let text = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8) else { return -1 }
    let fields = text.split(separator: " ")
    return (fields.count > 1 ? Int(fields[1]) ?? 0 : 0) * Int(sysconf(Int32(_SC_PAGESIZE))) / 1024
}

/// Waits for async work from this synchronous loop.
func blocking(_ body: @escaping @Sendable () async -> Void) {
    let done = DispatchSemaphore(value: 0)
    Task.detached {
        await body()
        done.signal()
    }
    done.wait()
}

setenv("TZ", "Europe/Berlin", 1)
tzset()
_ = TerminalLocale.ensureUTF8()
let days = CommandLine.arguments.count > 1 ? Int(CommandLine.arguments[1]) ?? 7 : 7

var parts = #filePath.split(separator: "/", omittingEmptySubsequences: false)
parts.removeLast(4)  // …/Benchmarks/Sources/KioskSoak/main.swift → repository root
let repository = parts.joined(separator: "/")
let shared = repository + "/../shared/data"
let fs = LocalFileSystem()
let original = try fs.read(repository + "/sample-data/crowdstrike-2026-tech-intrusions.json", limit: 1 << 26)
let synthetic = try fs.read(repository + "/sample-data/synthetic-activity-feed.json", limit: 1 << 26)

let directory = "/tmp/threatdeck-kiosk-soak-\(getpid())"
let feedDirectory = directory + "-feed"
try fs.makeDirectories(directory, mode: 0o755)
try fs.makeDirectories(feedDirectory, mode: 0o755)
let reportPath = directory + "/report.json"
try fs.writeAtomically(reportPath, original, mode: 0o644)
try fs.writeAtomically(directory + "/feed.json", synthetic, mode: 0o644)
// The MISP feed: the real CIRCL events and a manifest.
var manifest: [String] = []
for name in (fs.list(shared + "/misp-events") ?? []).sorted() where name.hasSuffix(".json") {
    let bytes = try fs.read(name, limit: 1 << 26)
    let text = String(decoding: bytes, as: UTF8.self)
    guard let u = text.firstRange(of: "\"uuid\": \"") ?? text.firstRange(of: "\"uuid\":\"") else { continue }
    let uuid = String(text[u.upperBound...].prefix(36))
    try fs.writeAtomically(feedDirectory + "/" + uuid + ".json", bytes, mode: 0o644)
    manifest.append("\"\(uuid)\": {\"info\": \"event\", \"timestamp\": \"1700000000\", \"date\": \"2023-11-14\", \"Orgc\": {\"name\": \"CIRCL\"}}")
}
try fs.writeAtomically(feedDirectory + "/manifest.json", Array(("{" + manifest.joined(separator: ",") + "}").utf8), mode: 0o644)

// 2026-03-26 12:00 UTC: the week spans the change to summer time on 29 March.
let clock = SoakClock(1_774_526_400)
let feed = LivePoller(MispFeed(.init(location: feedDirectory, pollSeconds: 1800, cacheDirectory: directory + "-cache"), clock: clock), clock: clock)
blocking { await feed.pull() }
let source = CombinedSource(paths: [directory], live: [feed], watch: false, maxTLP: nil)
let themeFiles = (fs.list(repository + "/Themes") ?? []).sorted().compactMap { path -> (name: String, text: String)? in
    guard let b = try? fs.read(path, limit: 1 << 20) else { return nil }
    return (String(path.split(separator: "/").last!.dropLast(5)), String(decoding: b, as: UTF8.self))
}
var options = StartOptions(dataset: source.load(now: clock.time), width: 200, height: 60)
options.themes = ThemeLoader.load(bundled: themeFiles, user: []).themes
options.themeName = "wall"
options.now = clock.time
options.kiosk = KioskConfig(
    rotateSeconds: 20, staleAfterSeconds: 3 * 3600,
    entries: [
        KioskEntry(.headline, seconds: 30), KioskEntry(.overview), KioskEntry(.changes),
        KioskEntry(.grid([[.actors, .sectors], [.timeline, .techniques]])), KioskEntry(.nexus(rank: 1)),
    ],
    night: QuietHours(parsing: "22:00-06:00"), shiftSeconds: 600)
let device = NullTerminal(clock: clock)
let runtime = Runtime(state: AppState.start(options), device: device, source: source, clock: clock)
runtime.render()

let start = clock.time
var writes = 0, garbage = 0, outages = 0, feedPolls = 0, nightSwitches = 0
var lastNight = runtime.state.kiosk!.isNight
var nextWrite = start + 600
var nextPoll = start + 1800
print("kiosk soak: \(days) simulated days from \(ClockFormat.dateTime(start)) (Europe/Berlin), 200x60")
print("  day  rotations  reloads  garbage  outages  night-switches  frames  cells/hour  RSS KiB  fds  threads  stale")
@MainActor func report(_ day: Int) {
    let hours = max(1, (clock.time - start) / 3600)
    let stale = runtime.state.kiosk!.staleReason(now: clock.time, dataset: runtime.state.dataset) != nil
    print(
        String(
            format: "  %3d  %9d  %7d  %7d  %7d  %14d  %6d  %10d  %7d  %3d  %7d  %@", day, runtime.state.kiosk!.rotations, writes, garbage, outages,
            nightSwitches, device.frames, Int(Double(device.cellsWritten) / hours), residentKilobytes(), proc("/proc/self/fd"), proc("/proc/self/task"),
            stale ? "yes" : "no"))
}
report(0)
var baseline = (rss: 0, fds: 0, threads: 0)
var peak = baseline
for day in 1...days {
    let end = start + Double(day) * 86_400
    while clock.time < end {
        // File churn: the report rewritten every 10 minutes; every tenth write is garbage
        // (cut short), and the write after it repairs it.
        if clock.time >= nextWrite {
            nextWrite += 600
            writes += 1
            if writes % 10 == 0 {
                garbage += 1
                try fs.writeAtomically(reportPath, Array(original.prefix(original.count / 3)), mode: 0o644)
            } else {
                var text = String(decoding: original, as: UTF8.self)
                if let r = text.firstRange(of: "\"value\": 58") { text.replaceSubrange(r, with: "\"value\": \(50 + writes % 9)") }
                try fs.writeAtomically(reportPath, Array(text.utf8), mode: 0o644)
            }
            runtime.reload()
        }
        // The MISP feed polled every 30 minutes; gone from 03:00 to 04:00 UTC every day.
        if clock.time >= nextPoll {
            nextPoll += 1800
            let hour = Int(clock.time) % 86_400 / 3600
            if hour == 3 && fs.stamp(feedDirectory) != nil {
                rename(feedDirectory, feedDirectory + ".off")
                outages += 1
            } else if hour != 3 && fs.stamp(feedDirectory + ".off") != nil {
                rename(feedDirectory + ".off", feedDirectory)
            }
            blocking { await feed.pull() }
            feedPolls += 1
            runtime.reload()
        }
        _ = runtime.step(device.nextInput(timeout: runtime.timeout(now: clock.time), wakeDescriptor: nil))
        runtime.render()
        if runtime.state.kiosk!.isNight != lastNight {
            lastNight.toggle()
            nightSwitches += 1
        }
    }
    report(day)
    // Day 1 warms caches and lazily built tables: growth is measured from its end.
    if day == 1 { baseline = (residentKilobytes(), proc("/proc/self/fd"), proc("/proc/self/task")) }
    peak = (max(peak.rss, residentKilobytes()), max(peak.fds, proc("/proc/self/fd")), max(peak.threads, proc("/proc/self/task")))
}
_ = system("rm -rf '\(directory)' '\(directory)-cache' '\(feedDirectory)' '\(feedDirectory).off'")
let expectedRotations = Int(Double(days) * 86_400 / 110) * 5
print("  rotations \(runtime.state.kiosk!.rotations) (schedule: about \(expectedRotations)), feed polls \(feedPolls), full repaints \(device.fullRepaints)")
print(
    "  after day 1 → end: RSS \(baseline.rss) → \(residentKilobytes()) KiB (peak \(peak.rss)), fds \(baseline.fds) → \(proc("/proc/self/fd")), threads \(baseline.threads) → \(proc("/proc/self/task"))"
)
if residentKilobytes() - baseline.rss > 16 * 1024 || proc("/proc/self/fd") > baseline.fds || nightSwitches != 2 * days {
    print("SOAK FAILED: growth, or quiet hours did not switch twice a day")
    exit(1)
}
