import Dashboard
import Foundation
import Loading
import Testing
import TerminalUI
import ThreatModel
#if canImport(Glibc)
import Glibc
#endif

/// STALE as the README says: a garbage write to a watched file keeps the last good data, the
/// wall says "reload rejected HH:MM:SS (file:line:col)" at once, and STALE appears only after
/// `stale-after` seconds without a good load.
@Suite(.serialized) struct WallFreshnessTests {
    static let t0 = 1_790_000_000.0

    static func wall(_ dataset: Dataset, staleAfter: Double) -> AppState {
        setenv("TZ", "UTC", 1)
        tzset()
        var o = Fixtures.options(160, 48, dataset: dataset)
        o.now = t0
        o.kiosk = KioskConfig(rotateSeconds: 30, views: [.pane(.actors)], staleAfterSeconds: staleAfter, shiftSeconds: 0)
        return AppState.start(o)
    }

    @Test func aGarbageWriteKeepsTheDataAndIsNotStaleBeforeStaleAfter() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("wall-freshness-\(getpid())").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let path = dir + "/report.json"
        let good = """
            {"schema": "threatdeck-report@1", "report": {"id": "r", "title": "T"}, "sources": [{"id": "s", "title": "S"}],
             "actors": [{"id": "a1", "name": "Alpha Panda", "type": "state", "nexus": "CN", "sources": ["s"]},
                        {"id": "a2", "name": "Beta Bear", "type": "state", "nexus": "RU", "sources": ["s"]}]}
            """
        try good.write(toFile: path, atomically: true, encoding: .utf8)
        var loader = DatasetLoader(paths: [path])
        let first = loader.load(now: "12:00")
        #expect(first.actors.count == 2, "\(first.problems)")
        var s = Self.wall(first, staleAfter: 600)
        let before = Screen.render(s).text
        #expect(before.contains("Alpha Panda") || before.contains("2 actors"))

        // The writer is cut off half-way: garbage on disk, reloaded 30 s later.
        try #"{"schema": "threatdeck-report@1", "actors": [{"id": "#.write(toFile: path, atomically: true, encoding: .utf8)
        let rejected = loader.load(now: "12:00:30")
        #expect(rejected.files.first?.staleSince != nil)
        _ = App.update(&s, .loaded(rejected, at: Self.t0 + 30, milliseconds: 1))
        #expect(s.dataset.actors.count == 2)
        #expect(s.selection.actorIDs.count == 2)
        let notice = Screen.render(s).trimmedLines[0]
        #expect(!notice.contains("STALE"), "\(notice)")
        let problem = try #require(rejected.problems.first { $0.file == path && $0.severity == .error })
        #expect(notice.contains("reload rejected 14:13:50 (" + path + ":\(problem.line):\(problem.column))"), "\(notice)")

        // Still not STALE just before stale-after (counted from the last good load) ...
        _ = App.update(&s, .tick(now: Self.t0 + 599))
        #expect(!Screen.render(s).trimmedLines[0].contains("STALE"))
        // ... and STALE just after, still naming the rejected reload.
        _ = App.update(&s, .tick(now: Self.t0 + 601))
        let stale = Screen.render(s).trimmedLines[0]
        #expect(stale.hasPrefix(" STALE · data as of"), "\(stale)")
        #expect(stale.contains("no good load for 10m"), "\(stale)")
        #expect(stale.contains("reload rejected 14:13:50"), "\(stale)")
        #expect(s.dataset.actors.count == 2)

        // A good write clears both.
        try good.write(toFile: path, atomically: true, encoding: .utf8)
        _ = App.update(&s, .loaded(loader.load(now: "12:10:05"), at: Self.t0 + 605, milliseconds: 1))
        let fresh = Screen.render(s).trimmedLines[0]
        #expect(!fresh.contains("STALE") && !fresh.contains("reload rejected"), "\(fresh)")
    }
}
