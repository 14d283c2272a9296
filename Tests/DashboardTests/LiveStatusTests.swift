import Dashboard
import Foundation
import Reports
import Testing
import TerminalUI
import TestSupport
import ThreatModel

/// One status model for live sources, worded the same way everywhere: the header, the
/// footer, `p`, the wall and `summary` all say connecting, fresh, retrying in N s, failed: why
/// and stale since T from the same `SourceStatus`, with ages and countdowns worded at draw time.
@Suite struct LiveStatusTests {
    static let now = Fixtures.now
    static let path = "taxii:https://cti.example/taxii2/ · Shared"

    static func dataset(_ status: SourceStatus) -> Dataset {
        var d = Fixtures.sample
        d.files.append(
            LoadedFile(
                path: path, format: .taxii, actors: 3, events: 0, bytes: 10, loaded: status.pulledAt != nil,
                staleSince: status.isStale ? ClockFormat.dateTime(status.pulledAt!) : nil, status: status))
        return d
    }

    static let retrying = SourceStatus(
        .retrying, pulledAt: now - 7200, since: now - 3, nextAttempt: now + 12,
        reason: "HTTP 503 from https://cti.example/api1/: server error", detail: "1,826 objects")

    @Test func theWordsOfEachState() {
        let t = Self.now
        #expect(SourceStatus(.connecting, since: t).text(now: t) == "connecting…")
        let fresh = SourceStatus(.fresh, pulledAt: t - 30, since: t - 30, detail: "12 objects")
        #expect(fresh.text(now: t) == "fresh · pulled \(ClockFormat.time(t - 30).prefix(5)) (<1m ago) · 12 objects")
        #expect(Self.retrying.word(now: t) == "retrying in 12s")
        // The countdown over, the attempt runs (up to its deadline): never "in 0s" all that time.
        #expect(Self.retrying.word(now: t + 11.5) == "retrying in 1s")
        #expect(Self.retrying.word(now: t + 12) == "retrying now" && Self.retrying.word(now: t + 20) == "retrying now")
        #expect(Self.retrying.text(now: t + 20).hasPrefix("retrying now: HTTP 503"))
        #expect(
            Self.retrying.text(now: t) == "retrying in 12s: HTTP 503 from https://cti.example/api1/: server error · stale since "
                + ClockFormat.time(t - 7200).prefix(5) + " (2h 0m) · 1,826 objects")
        let failed = SourceStatus(.failed, pulledAt: nil, since: t, nextAttempt: t + 60, reason: "HTTP 401 from https://x/: unauthorized")
        #expect(failed.text(now: t) == "failed: HTTP 401 from https://x/: unauthorized · next try \(ClockFormat.time(t + 60).prefix(5))")
        #expect(!failed.isStale && Self.retrying.isStale && !fresh.isStale)
        let cached = SourceStatus(.connecting, pulledAt: t - 90_000, fromCache: true, since: t, insecure: true)
        #expect(cached.text(now: t) == "connecting… · stale since \(ClockFormat.dateTime(t - 90_000)) (cache, 1d 1h) · TLS NOT VERIFIED")
    }

    /// The screen is redrawn when the words change by themselves, and not more often.
    @Test func countdownsAndAgesChangeOnTheirOwnSchedule() throws {
        let t = Self.now
        let r = SourceStatus(.retrying, pulledAt: t - 7230, since: t, nextAttempt: t + 11.5, reason: "x")
        // 12s now, 11s at t + 0.5; the age (2h 0m) changes at its next whole minute, later.
        #expect(r.nextChange(after: t) == t + 0.5)
        // The last second: redrawn when it is over, to say "retrying now".
        #expect(r.nextChange(after: t + 11) == t + 11.5)
        let fresh = SourceStatus(.fresh, pulledAt: t - 10, since: t - 10)
        #expect(fresh.nextChange(after: t) == t + 50)
        #expect(SourceStatus(.failed, since: t, reason: "x").nextChange(after: t) == nil)
        let s = AppState.start(Fixtures.options(120, 40, dataset: Self.dataset(r)))
        let runtime = Runtime(state: s, device: NullDevice(), source: nil, clock: ManualClock(t))
        #expect(try #require(runtime.timeout(now: t)) < 0.6)
    }

    @Test func headerFooterSourcesWallAndSummarySayTheSame() throws {
        let d = Self.dataset(Self.retrying)
        var s = Fixtures.state(160, 40, dataset: d)
        let screen = Screen.render(s).trimmedLines
        let stale = "stale since " + ClockFormat.time(Self.now - 7200).prefix(5)
        #expect(screen[0].contains("live: retrying in 12s · " + stale), "\(screen[0])")
        #expect(screen.last?.contains(Self.path + ": retrying in 12s · " + stale + " · p") == true, "\(screen.last ?? "")")
        Fixtures.press(&s, .character("p"))
        let overlay = Screen.render(s).text.replacingOccurrences(of: "┃", with: "").split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
            .joined(separator: " ")
        #expect(overlay.contains(Self.path + ": retrying in 12s: HTTP 503 from https://cti.example/api1/: server error · " + stale), "\(overlay)")
        // The wall's STALE banner.
        var o = Fixtures.options(200, 50, dataset: d)
        o.kiosk = KioskConfig(rotateSeconds: 20, staleAfterSeconds: 3600, shiftSeconds: 0)
        let wall = AppState.start(o)
        #expect(Screen.render(wall).trimmedLines[0].contains(Self.path + ": retrying in 12s: HTTP 503"), "\(Screen.render(wall).trimmedLines[0])")
        // summary, as text and JSON.
        let view = ReportView(dataset: d, filter: .none, generatedAt: Self.now)
        #expect(
            PlainSummary.render(view).contains("source: " + Self.path + " · retrying in 12s: HTTP 503 from https://cti.example/api1/: server error · " + stale))
        let json = JSONSummary.document(view).render()
        #expect(json.contains("\"state\": \"retrying\""))
    }

    /// The footer never says "loaded cleanly" while a live source is still connecting.
    @Test func theFooterNamesASourceThatIsNotFresh() {
        let d = Self.dataset(SourceStatus(.connecting, since: Self.now))
        let last = Screen.render(Fixtures.state(120, 40, dataset: d)).trimmedLines.last ?? ""
        #expect(last.contains(Self.path + ": connecting · p"), "\(last)")
        #expect(!last.contains("loaded cleanly"))
        let fresh = Self.dataset(SourceStatus(.fresh, pulledAt: Self.now, since: Self.now))
        let top = Screen.render(Fixtures.state(120, 40, dataset: fresh)).trimmedLines[0]
        #expect(top.contains("live: fresh"), "\(top)")
    }
}

/// A terminal that draws nowhere (for the run loop's timing).
final class NullDevice: TerminalDevice {
    var size: (width: Int, height: Int) { (120, 40) }
    func draw(_ buffer: Buffer, palette: Palette, full: Bool) {}
    func nextInput(timeout: Double?, wakeDescriptor: Int32?) -> Input { .hangup }
}
