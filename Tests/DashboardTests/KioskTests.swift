import Dashboard
import Testing
import TerminalUI
import ThreatModel

/// Rotation and freshness with an injected clock: no test sleeps.
@Suite struct KioskTests {
    static let t0 = 1_790_000_000.0

    func kiosk(views: [KioskView] = [.headline, .pane(.sectors), .nexus(rank: 1)], rotate: Double = 20, staleAfter: Double = 600) -> AppState {
        var o = Fixtures.options(120, 40)
        o.now = Self.t0
        o.kiosk = KioskConfig(rotateSeconds: rotate, views: views, staleAfterSeconds: staleAfter, shiftSeconds: 0)
        return AppState.start(o)
    }

    @Test func rotatesOnTheClock() {
        var s = kiosk()
        #expect(s.kiosk?.view == .headline)
        _ = App.update(&s, .tick(now: Self.t0 + 19.9))
        #expect(s.kiosk?.view == .headline)
        _ = App.update(&s, .tick(now: Self.t0 + 20))
        #expect(s.kiosk?.view == .pane(.sectors))
        #expect(Array(FrameLayout.compute(s).panes.keys) == [.sectors])
        _ = App.update(&s, .tick(now: Self.t0 + 40.5))
        #expect(s.kiosk?.view == .nexus(rank: 1))
        #expect(s.filter.chips == [.nexus(.country("CN"))])
        _ = App.update(&s, .tick(now: Self.t0 + 60))
        #expect(s.kiosk?.view == .headline)
        #expect(s.filter.isEmpty)
        #expect(s.kiosk?.rotations == 3)
    }

    @Test func clockJumpsDoNotCauseARotationBurst() {
        var s = kiosk()
        _ = App.update(&s, .tick(now: Self.t0 + 3600))
        #expect(s.kiosk?.rotations == 1)
        #expect(s.kiosk?.lastRotation == Self.t0 + 3600)
        _ = App.update(&s, .tick(now: Self.t0 + 3610))
        #expect(s.kiosk?.rotations == 1)
    }

    @Test func progressMarkAndClockAreOnScreen() {
        var s = kiosk(views: [.overview, .pane(.timeline)])
        _ = App.update(&s, .tick(now: Self.t0 + 10))
        let line = Screen.render(s).trimmedLines[1]
        #expect(line.contains("data as of"))
        #expect(line.contains("(10s ago)"))
        #expect(line.contains("view 1/2 overview ▰▰▰▰▱▱▱▱ · locked"))
    }

    @Test func keysAreLockedExceptTheUnlockWord() {
        var s = kiosk()
        for key in [Key.character("q"), .escape, .enter, .tab, .control("c"), .character("z"), .character("/"), .character("r")] {
            #expect(App.update(&s, .key(key)).isEmpty)
        }
        #expect(s.kiosk != nil)
        #expect(s.overlay == .none)
        #expect(App.update(&s, .mouse(MouseEvent(.press, x: 5, y: 5))).isEmpty)
        Fixtures.type(&s, "unlocx")
        #expect(s.kiosk != nil)
        Fixtures.type(&s, "unlock")
        #expect(s.kiosk == nil)
        #expect(App.update(&s, .key(.character("q"))) == [.quit])
    }

    @Test func headlineShowsTheStatedFigureInBlockDigits() {
        let s = kiosk()
        let text = Screen.render(s).text
        #expect(text.contains("████"))
        #expect(text.contains("China-nexus share of"))
        #expect(text.contains("source: "))
    }

    @Test func staleAfterTheConfiguredAge() {
        var s = kiosk(staleAfter: 600)
        _ = App.update(&s, .tick(now: Self.t0 + 599))
        #expect(!Screen.render(s).trimmedLines[0].hasPrefix(" STALE"))
        _ = App.update(&s, .tick(now: Self.t0 + 601))
        let banner = Screen.render(s).trimmedLines[0]
        #expect(banner.hasPrefix(" STALE · data as of"))
        #expect(banner.contains("no good load for 10m"))
        // A successful reload makes it fresh again.
        _ = App.update(&s, .loaded(Fixtures.sample, at: Self.t0 + 602, milliseconds: 3))
        #expect(!Screen.render(s).trimmedLines[0].hasPrefix(" STALE"))
    }

    @Test func rejectedReloadKeepsDataAndSaysSoWithoutStale() {
        var s = kiosk()
        _ = App.update(&s, .resize(width: 200, height: 50))
        var stale = Fixtures.sample
        stale.files[0].staleSince = "now"
        stale.problems.insert(Problem(file: stale.files[0].path, line: 1, column: 9, path: "$", message: "unexpected end of file"), at: 0)
        _ = App.update(&s, .loaded(stale, at: Self.t0 + 30, milliseconds: 2))
        #expect(s.kiosk?.dataAsOf == Self.t0)
        let banner = Screen.render(s).trimmedLines[0]
        #expect(banner.contains("reload rejected " + ClockFormat.time(Self.t0 + 30) + " (" + stale.files[0].path + ":1:9)"), "\(banner)")
        #expect(!banner.contains("STALE"))
    }

    /// A TAXII feed that stops answering: the wall keeps its numbers and says which server
    /// fails, why, and when it retries.
    @Test func failingFeedKeepsDataAndSaysWhy() {
        var s = kiosk()
        _ = App.update(&s, .resize(width: 200, height: 50))
        var data = Fixtures.sample
        data.files.append(
            LoadedFile(
                path: "taxii:https://cti.example/taxii2/ · Shared", format: .taxii, actors: 3, events: 0, bytes: 10, loaded: true,
                staleSince: "2026-11-21 09:00",
                status: SourceStatus(
                    .retrying, pulledAt: Self.t0 - 3600, since: Self.t0 + 30, nextAttempt: Self.t0 + 30 + 240,
                    reason: "HTTP 503 from https://cti.example/api1/: server error")))
        _ = App.update(&s, .loaded(data, at: Self.t0 + 30, milliseconds: 2))
        #expect(s.kiosk?.dataAsOf == Self.t0)
        let screen = Screen.render(s).trimmedLines
        #expect(screen[0].contains("taxii:https://cti.example/taxii2/ · Shared: retrying in "), "\(screen[0])")
        #expect(screen[0].contains(": HTTP 503 from https://cti.example/api1/: server error · stale since "), "\(screen[0])")
        #expect(screen.joined().contains("source: "))
    }

    @Test func viewNamesParse() {
        #expect(KioskView(name: "nexus:2") == .nexus(rank: 2))
        #expect(KioskView(name: "timeline") == .pane(.timeline))
        #expect(KioskView(name: "sideways") == nil)
        #expect(KioskView(name: "nexus:0") == nil)
    }
}
