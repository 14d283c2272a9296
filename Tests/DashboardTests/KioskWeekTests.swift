import Dashboard
import Foundation
import Testing
import TerminalUI
import TestSupport
import ThreatModel
#if canImport(Glibc)
import Glibc
import Loading
#endif

/// A week on the wall with an injected clock: per-view durations that never drift or stop,
/// quiet hours that follow local time through a daylight-saving change, the frame's
/// screen-care shift drawn as a plain move with no full repaint, and the changes view
/// counting from when the wall started.
@Suite(.serialized) struct KioskWeekTests {
    static let week = 7 * 86_400.0

    /// TZ for one test: quiet hours are local time.
    static func withTimeZone<T>(_ zone: String, _ body: () throws -> T) rethrows -> T {
        let before = getenv("TZ").map { String(cString: $0) }
        setenv("TZ", zone, 1)
        tzset()
        defer {
            if let before { setenv("TZ", before, 1) } else { unsetenv("TZ") }
            tzset()
        }
        return try body()
    }

    static func wall(_ config: KioskConfig, now: Double, dataset: Dataset = Fixtures.sample) -> AppState {
        var o = Fixtures.options(160, 48, dataset: dataset)
        o.now = now
        o.kiosk = config
        return AppState.start(o)
    }

    @Test func aWeekOfRotationWithPerViewDurations() {
        let t0 = 1_790_000_000.0
        let entries = [
            KioskEntry(.headline, seconds: 30), KioskEntry(.overview), KioskEntry(.changes, seconds: 40),
            KioskEntry(.grid([[.actors, .sectors], [.timeline, .techniques]])),
        ]
        // (The report alone: 22,000 rotations re-aggregate the view each time.)
        var loader = DatasetLoader(paths: [TestPaths.sampleData + "/crowdstrike-2026-tech-intrusions.json"])
        var s = Self.wall(KioskConfig(rotateSeconds: 20, entries: entries, shiftSeconds: 0), now: t0, dataset: loader.load())
        var shown: [String: Double] = [:]
        var last = (view: s.kiosk!.view.description, since: t0)
        var longest = 0.0
        var t = t0
        while t < t0 + Self.week {
            t += 5
            _ = App.update(&s, .tick(now: t))
            let v = s.kiosk!.view.description
            if v != last.view {
                shown[last.view, default: 0] += t - last.since
                longest = max(longest, t - last.since)
                last = (v, t)
            }
        }
        // The file never changes, so "What changed" has nothing and is skipped: 70 s per cycle,
        // 8,640 whole cycles in a week.
        let cycles = (Self.week / 70).rounded(.down)
        #expect(s.kiosk!.rotations == Int(cycles) * 3, "the rotation drifted or stopped")
        #expect(longest == 30, "no view stays longer than its duration")
        #expect(shown["headline"] == cycles * 30 && shown["changes"] == nil && shown["overview"] == cycles * 20, "\(shown)")
    }

    @Test func quietHoursFollowLocalTimeAcrossADaylightSavingChange() {
        Self.withTimeZone("Europe/Berlin") {
            // 2026-03-26 12:00 UTC, a week spanning the change to summer time (29 March).
            let t0 = 1_774_526_400.0
            var loader = DatasetLoader(paths: [TestPaths.sampleData + "/crowdstrike-2026-tech-intrusions.json"])
            var s = Self.wall(
                KioskConfig(entries: [KioskEntry(.headline)], night: QuietHours(parsing: "22:00-06:00"), shiftSeconds: 0), now: t0, dataset: loader.load())
            let day = s.theme.name
            #expect(day != "wall-night")
            var switches: [(at: Double, night: Bool)] = []
            var t = t0
            while t < t0 + Self.week {
                t += 60
                let before = s.kiosk!.isNight
                let effects = App.update(&s, .tick(now: t))
                if s.kiosk!.isNight != before {
                    switches.append((t, s.kiosk!.isNight))
                    #expect(effects.contains(.repaint), "a theme change repaints every cell")
                    #expect(s.theme.name == (s.kiosk!.isNight ? "wall-night" : day))
                }
            }
            #expect(switches.count == 14, "seven nights on and off: \(switches.count)")
            // Every switch at 22:00 or 06:00 local time, whatever the UTC offset that day.
            for sw in switches { #expect(ClockFormat.minuteOfDay(sw.at) == (sw.night ? 22 * 60 : 6 * 60)) }
            // Before the change the night began at 21:00 UTC, after it at 20:00 UTC.
            let starts = switches.filter(\.night).map { Int($0.at) % 86_400 / 3600 }
            #expect(starts.first == 21 && starts.last == 20, "\(starts)")
        }
    }

    @Test func theShiftMovesTheFrameByOneCellWithoutAFullRepaint() {
        let t0 = 1_790_001_600.0  // a multiple of 4 × 600: the frame starts unshifted
        let clock = ManualClock(t0)
        let config = KioskConfig(entries: [KioskEntry(.pane(.actors))], shiftSeconds: 600)
        let device = ScriptedTerminal(width: 160, height: 48, inputs: [.timeout, .timeout])
        let runtime = Runtime(state: Self.wall(config, now: t0), device: device, source: nil, clock: clock)
        runtime.render()
        let before = device.frames.last!
        #expect(runtime.state.kiosk!.shift(now: t0) == (0, 0))
        clock.set(t0 + 600)
        runtime.step(.timeout)
        runtime.render()
        let after = device.frames.last!
        #expect(runtime.state.kiosk!.shift(now: t0 + 600) == (1, 0))
        #expect(device.fullRepaints.last == false, "a shift must not clear the screen (a flash on a wall)")
        // The frame moved one column right: every cell equals its left neighbour before,
        // but for the clock line, which changed with the time.
        var same = 0, differ = 0
        for y in 2..<48 {
            for x in 1..<160 {
                if after[x, y] == before[x - 1, y] { same += 1 } else { differ += 1 }
            }
        }
        #expect(differ == 0, "\(differ) cells differ from a one-cell move")
        #expect(same > 0)
        // The next shifts go down, left, up: back home after four.
        let offsets = (0..<5).map { runtime.state.kiosk!.shift(now: t0 + Double($0) * 600) }
        #expect(offsets.map { [$0.dx, $0.dy] } == [[0, 0], [1, 0], [1, 1], [0, 1], [0, 0]])
    }

    @Test func changesCountFromWhenTheWallStarted() {
        let t0 = 1_790_000_000.0
        var s = Self.wall(KioskConfig(rotateSeconds: 20, entries: [KioskEntry(.changes)], shiftSeconds: 0), now: t0)
        _ = App.update(&s, .tick(now: t0 + 3 * 3600 + 5))
        // The view rotated many times since; "since the wall started" still counts from t0.
        let text = Screen.render(s).text
        #expect(text.contains("since the wall started 3h 0m ago"), "\(text.split(separator: "\n").dropFirst(2).prefix(6).joined(separator: "\n"))")
        #expect(s.kiosk!.startedAt == t0)
    }
}
