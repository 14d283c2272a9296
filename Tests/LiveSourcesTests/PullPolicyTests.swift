import Testing
import TestSupport
import ThreatModel
@testable import LiveSources

/// The rules every live source follows, apart from any server: when to try again, what a
/// server's Retry-After means, and how limits are worded.
@Suite struct PullPolicyTests {
    static let transient = PullError("HTTP 503 from https://x/: server error", transient: true)
    static let permanent = PullError("HTTP 404 from https://x/: not found", transient: false)

    @Test func transientFailuresBackOffExponentiallyWithJitterUpToThePollInterval() {
        let b = Backoff(pollSeconds: 60)
        // Half of each step is fixed, half random: 1–2 s, 2–4 s, 4–8 s … at most the poll interval.
        #expect((1...7).map { b.delay(after: $0, error: Self.transient, random: 0) } == [1, 2, 4, 8, 16, 30, 30])
        #expect((1...7).map { b.delay(after: $0, error: Self.transient, random: 0.999_999) }.map { ($0 * 1000).rounded() / 1000 } == [2, 4, 8, 16, 32, 60, 60])
        // Never more than ten minutes, however long the poll interval (an hour for MISP feeds).
        #expect(Backoff(pollSeconds: 3600).delay(after: 30, error: Self.transient, random: 1) == 600)
        // A server's Retry-After is a floor.
        let throttled = PullError("HTTP 429", transient: true, retryAfter: 45)
        #expect(b.delay(after: 1, error: throttled, random: 0.5) == 45)
    }

    @Test func otherFailuresWaitForTheNextPoll() {
        #expect(Backoff(pollSeconds: 60).delay(after: 1, error: Self.permanent, random: 0) == 60)
        #expect(Backoff(pollSeconds: 3600).delay(after: 1, error: Self.permanent, random: 0) == 600)
        #expect(PullError.isTransient(status: 503) && PullError.isTransient(status: 429) && PullError.isTransient(status: 408))
        #expect(!PullError.isTransient(status: 404) && !PullError.isTransient(status: 401) && !PullError.isTransient(status: 403))
    }

    @Test func retryAfterIsReadAsSecondsOrAnHTTPDate() {
        func reply(_ value: String) -> FetchReply { FetchReply(status: 429, headers: ["retry-after": value]) }
        #expect(reply("2").retryAfter(now: 0) == 2)
        #expect(reply(" 120 ").retryAfter(now: 0) == 120)
        // Sun, 06 Nov 1994 08:49:37 GMT is 784111777.
        #expect(reply("Sun, 06 Nov 1994 08:49:37 GMT").retryAfter(now: 784_111_777 - 30) == 30)
        #expect(reply("Sun, 06 Nov 1994 08:49:37 GMT").retryAfter(now: 784_111_777 + 30) == 0)
        #expect(reply("999999999").retryAfter(now: 0) == 86_400, "a day at most")
        #expect(reply("soon").retryAfter(now: 0) == nil && reply("-5").retryAfter(now: 0) == nil)
        #expect(FetchReply(status: 429).retryAfter(now: 0) == nil)
        let e = PullError(status: 429, url: "https://x/", meaning: "too many requests", reply: reply("7"), now: 0)
        #expect(e.isTransient && e.retryAfter == 7)
        #expect(e.description == "HTTP 429 from https://x/: too many requests; the server asks to wait 7 s")
    }

    @Test func limitsAreWordedAsPeopleSayThem() {
        #expect(PullLimits.describe(bytes: 256 << 20) == "256 MiB" && PullLimits.describe(bytes: 1 << 30) == "1 GiB")
        #expect(PullLimits.describe(bytes: 1536) == "1.5 KiB" && PullLimits.describe(bytes: 12) == "12 bytes" && PullLimits.describe(bytes: 1) == "1 byte")
        #expect(PullLimits.describe(seconds: 60) == "60 s" && PullLimits.describe(seconds: 2.5) == "2.5 s")
        #expect(FetchError.timedOut(url: "https://x/", seconds: 3, bytes: 12).description == "timed out after 3 s reading https://x/ (12 bytes received)")
        let defaults = PullLimits()
        #expect(defaults.deadlineSeconds == 60 && defaults.maxResponseBytes == 256 << 20 && defaults.maxTotalBytes == 1 << 30)
    }

    /// The one poller: a success makes a source fresh and schedules the next pull, failures
    /// keep the records and say why, a one-off pull gives up at its deadline.
    @Test func thePollerKeepsOneStatus() async {
        final class Scripted: LiveSource, @unchecked Sendable {
            var outcomes: [PullError?]
            var held = false
            init(_ outcomes: [PullError?]) { self.outcomes = outcomes }
            var label: String { "test:source" }
            var format: Provenance.Format { .taxii }
            var settings: LiveSettings { LiveSettings(pollSeconds: 60, limits: PullLimits(deadlineSeconds: 5)) }
            var cachedAt: Double? { nil }
            func pull(by deadline: PullDeadline) async throws(PullError) {
                let next = outcomes.removeFirst()
                if let next { throw next }
                held = true
            }
            func contents() -> LiveContents { LiveContents(detail: held ? "1 object" : "0 objects", hasRecords: held) }
        }
        let clock = ManualClock(1000)
        let poller = LivePoller(Scripted([nil, Self.transient, Self.permanent]), clock: clock, random: { 0 })
        #expect(poller.status.state == .connecting && poller.status.since == 1000)
        #expect(await poller.pull() == nil)
        #expect(poller.status.state == .fresh && poller.status.pulledAt == 1000 && poller.retryAt == 1060)
        clock.advance(60)
        #expect(await poller.pull() == Self.transient)
        #expect(poller.status.state == .retrying && poller.status.isStale && poller.retryAt == 1061)
        #expect(poller.snapshot().file.loaded && poller.snapshot().file.staleSince == ClockFormat.dateTime(1000))
        clock.advance(1)
        #expect(await poller.pull() == Self.permanent)
        #expect(poller.status.state == .failed && poller.status.reason == Self.permanent.description && poller.retryAt == 1121)
        #expect(poller.failures == 2 && poller.takeChanged() && !poller.takeChanged())
    }
}
