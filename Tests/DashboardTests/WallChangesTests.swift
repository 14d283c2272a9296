@testable import Dashboard
import Loading
import Testing
import TestSupport
import TerminalUI
import ThreatModel
#if canImport(Glibc)
import Glibc
#endif

/// "What changed" keeps a history across reloads (newest first, each item with its clock
/// time), runs along the ticker of other views, ages out after `changes-max-age`, and the view
/// is skipped (and named in the footer) while there is nothing in it.
@Suite struct WallChangesTests {
    static let t0 = 1_790_000_000.0
    static let report = TestPaths.sampleData + "/crowdstrike-2026-tech-intrusions.json"
    static let feed = TestPaths.sampleData + "/synthetic-activity-feed.json"

    @Test func historyAcrossReloadsWithTimesAndSkipWhileEmpty() {
        setenv("TZ", "UTC", 1)
        tzset()
        var reportOnly = DatasetLoader(paths: [Self.report])
        var both = DatasetLoader(paths: [Self.report, Self.feed])
        var o = Fixtures.options(200, 60, dataset: reportOnly.load())
        o.now = Self.t0
        o.kiosk = KioskConfig(rotateSeconds: 20, views: [.changes, .pane(.actors)], shiftSeconds: 0)
        var s = AppState.start(o)
        // Nothing changed yet: the rotation starts on actors and the footer names the skip.
        #expect(s.kiosk?.view == .pane(.actors))
        #expect(Screen.render(s).lines[58].contains("skipped: What changed, no changes yet"))

        // The feed arrives: new events by nexus, new actors, share moves, each at 14:23:20.
        _ = App.update(&s, .tick(now: Self.t0 + 600))
        _ = App.update(&s, .loaded(both.load(), at: Self.t0 + 600, milliseconds: 1))
        let first = s.kiosk!.changes
        #expect(first.contains { $0.kind == .newEvents && $0.text.contains("new events · China ") }, "\(first.map(\.text))")
        #expect(first.allSatisfy { $0.at == Self.t0 + 600 })
        let ticker = Screen.render(s).lines[58]
        #expect(ticker.contains("changes: ▲ ") && ticker.contains("(14:23:20)"), "\(ticker)")
        #expect(!ticker.contains("skipped"))

        // An hour later the feed is gone again: the history keeps both reloads, newest first.
        _ = App.update(&s, .tick(now: Self.t0 + 4200))
        _ = App.update(&s, .loaded(reportOnly.load(), at: Self.t0 + 4200, milliseconds: 1))
        let history = s.kiosk!.changes
        #expect(history.count > first.count && history.first!.at == Self.t0 + 4200 && history.last!.at == Self.t0 + 600)
        #expect(history.contains { $0.kind == .share && $0.direction != 0 })

        // The changes view now has something and comes round; it lists each item with its time.
        for k in 1...4 { _ = App.update(&s, .tick(now: Self.t0 + 4200 + Double(k) * 20)) }
        #expect(s.kiosk?.view == .changes)
        let lines = Screen.render(s).lines
        #expect(lines[3].contains("15:23:20  ") && lines[3].contains(" ago"), "\(lines[3])")
        #expect(lines.contains { $0.contains("14:23:20  ▲ ") })

        // After 24 hours the first reload's items age out; the second's stay until theirs.
        _ = App.update(&s, .tick(now: Self.t0 + 600 + 86_401))
        #expect(s.kiosk!.changes.allSatisfy { $0.at == Self.t0 + 4200 })
        #expect(!s.kiosk!.changes.isEmpty)
    }
}
