import Foundation
import Identity
import Loading
import Testing
import TestSupport
import ThreatModel
@testable import LiveSources

/// Live sources against a hostile but ordinary server on loopback (Tests/Tools/hostile_server.py),
/// with deadlines of a few seconds: every pull ends by its deadline with a message naming the
/// URL and the limit, caps hold whatever the body does, transient failures are retried with
/// backoff (and 429's Retry-After honoured), a pull broken off resumes where it stopped, and
/// what was already held is never lost. Times are the server's: when it saw each request and
/// when the client closed a connection it held open (the test process may wait for a thread
/// while other suites run; the server and the client's event loop do not). Tests not about
/// deadlines give them ten minutes.
@Suite(.serialized) struct HostileServerTests {
    static func taxii(_ url: String, limits: PullLimits, pageSize: Int = 1000) -> TaxiiFeed {
        TaxiiFeed(.init(url: url, options: TaxiiClient.Options(pageSize: pageSize, limits: limits)))
    }

    static let long = PullLimits(deadlineSeconds: 600)

    static func distinctIDs(_ path: String) throws -> Set<String> {
        let bundle = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path))) as! [String: Any]
        return Set((bundle["objects"] as! [[String: Any]]).map { $0["id"] as! String })
    }

    // MARK: Deadlines

    /// Headers, then a byte a second: the read timeout of an HTTP client restarts with every
    /// byte; the deadline does not.
    @Test func aSlowBodyEndsAtTheDeadline() async throws {
        let server = try HostileServer()
        let url = server.taxii("slow-body")
        let poller = LivePoller(Self.taxii(url, limits: PullLimits(deadlineSeconds: 3)))
        let e = try #require(await poller.pullUntilDone())
        let held = try #require(server.heldOpen("/slow-body/taxii2/"), "the connection was never closed")
        #expect(held >= 2.9 && held < 5, "held open \(held) s, deadline 3 s")
        #expect(e.description.hasPrefix("timed out after 3 s reading \(url) ("), "\(e)")
        // A few bytes arrived (one a second) before the deadline.
        #expect(["(2 bytes", "(3 bytes", "(4 bytes"].contains { e.description.contains($0 + " received)") }, "\(e)")
        #expect(poller.snapshot().file.status?.state == .failed)
    }

    @Test func aStallAfterTheHeadAndASilentServerEndAtTheDeadline() async throws {
        let server = try HostileServer()
        for behaviour in ["stall-after-head", "never-answer"] {
            let url = server.feed(behaviour)
            let feed = MispFeed(.init(location: url, limits: PullLimits(deadlineSeconds: 2)))
            let error = await LivePoller(feed).pullUntilDone()
            let held = try #require(server.heldOpen("/\(behaviour)/feed/manifest.json"), "\(behaviour): never closed")
            #expect(held >= 1.9 && held < 4, "\(behaviour): held open \(held) s, deadline 2 s")
            #expect(
                error?.description == "timed out after 2 s reading \(url)manifest.json (0 bytes received)", "\(behaviour): \(error.map(\.description) ?? "")")
        }
    }

    // MARK: Caps

    @Test func anEndlessChunkedBodyStopsAtTheCapPerResponse() async throws {
        let server = try HostileServer()
        let url = server.feed("endless")
        let feed = MispFeed(.init(location: url, limits: PullLimits(deadlineSeconds: 600, maxResponseBytes: 4 << 20)))
        let e = try #require(await LivePoller(feed).pullUntilDone())
        let held = try #require(server.heldOpen("/endless/feed/manifest.json"))
        #expect(held < 10, "stopped by the cap, not the deadline: \(held) s")
        #expect(e.description.hasPrefix("\(url)manifest.json sent more than the 4 MiB limit per response (stopped after "), "\(e)")
        #expect(!e.isTransient, "a body over its cap is not retried soon")
    }

    /// A 1 GiB body with its Content-Length: refused from the head, nothing read; and without
    /// a length the same cap holds at the default of 256 MiB.
    @Test func aOneGiBBodyIsRefusedByItsLength() async throws {
        let server = try HostileServer()
        let url = server.taxii("huge")
        let error = await LivePoller(Self.taxii(url, limits: Self.long)).pullUntilDone()
        let held = try #require(server.heldOpen("/huge/taxii2/"))
        #expect(held < 3, "closed at the head: \(held) s")
        #expect(error?.description == "\(url) announces 1 GiB, over the 256 MiB limit per response: not read", "\(error.map(\.description) ?? "")")
    }

    @Test func aGzipBombIsNamedAndNeverInflated() async throws {
        let server = try HostileServer()
        let url = server.feed("gzip-bomb")
        let error = await LivePoller(MispFeed(.init(location: url, limits: Self.long))).pullUntilDone()
        #expect(
            error?.description == "\(url)manifest.json sent a gzip-compressed body it was not asked for: not inflated (a guard against gzip bombs)",
            "\(error.map(\.description) ?? "")")
    }

    /// MISP feed events over the cap for a whole source are not fetched: the pull says so,
    /// and what the feed holds stays under it.
    @Test func aFeedStaysWithinItsCapForAWholeSource() async throws {
        let server = try HostileServer()
        let sizes = try FileManager.default.contentsOfDirectory(atPath: HostileServer.events).filter { $0.hasSuffix(".json") }
            .map { try Data(contentsOf: URL(fileURLWithPath: HostileServer.events + "/" + $0)).count }.sorted()
        let cap = sizes[0] + sizes[1] + sizes[2] / 2
        let feed = MispFeed(.init(location: server.feed("ok"), limits: PullLimits(deadlineSeconds: 600, maxTotalBytes: cap)))
        let error = try #require(await LivePoller(feed).pullUntilDone())
        #expect(error.description.contains("limit for one source (max-source-bytes)"), "\(error)")
        #expect(feed.heldBytes <= cap && feed.eventCount >= 1 && feed.eventCount < 5, "\(feed.heldBytes) of \(cap), \(feed.eventCount) events")
    }

    // MARK: Bad answers

    @Test func wrongContentTypesRedirectsAndCutBodiesEachSayWhat() async throws {
        let server = try HostileServer()
        let deadline = Self.long
        let html = await LivePoller(MispFeed(.init(location: server.feed("html"), limits: deadline))).pullUntilDone()
        #expect(html?.description.contains("an HTML page (Content-Type: text/html) where JSON was expected") == true, "\(html.map(\.description) ?? "")")
        let htmlTaxii = await LivePoller(Self.taxii(server.taxii("html"), limits: deadline)).pullUntilDone()
        #expect(htmlTaxii?.description.contains("(Content-Type: text/html): an HTML page") == true, "\(htmlTaxii.map(\.description) ?? "")")
        let redirect = await LivePoller(Self.taxii(server.taxii("redirect"), limits: deadline)).pullUntilDone()
        #expect(
            redirect?.description
                == "HTTP 302 from \(server.taxii("redirect")): redirected to http://127.0.0.1:9/elsewhere; use that URL (redirects are not followed)",
            "\(redirect.map(\.description) ?? "")")
        let url = server.feed("truncated")
        let cut = try #require(await LivePoller(MispFeed(.init(location: url, limits: deadline)), random: { 0 }).pull())
        #expect(cut.description.hasPrefix("\(url)manifest.json closed the connection after "), "\(cut)")
        #expect(cut.description.hasSuffix(": the body is cut short"))
        #expect(cut.isTransient)
        // A 404 is not retried: one request, one answer.
        let before = server.requests.count
        let missing = await LivePoller(Self.taxii(server.base + "/ok/nothing/", limits: deadline)).pullUntilDone()
        #expect(missing?.description.hasPrefix("HTTP 404 from \(server.base)/ok/nothing/") == true, "\(missing.map(\.description) ?? "")")
        #expect(server.requests.count == before + 1)
    }

    // MARK: Retries

    @Test func a503IsRetriedWithBackoffUntilItSucceeds() async throws {
        let server = try HostileServer()
        let feed = Self.taxii(server.taxii("503x2"), limits: Self.long)
        let poller = LivePoller(feed, random: { 0 })
        let error = await poller.pullUntilDone()
        #expect(error == nil, "\(error.map(\.description) ?? "")")
        #expect(poller.attempts == 3)
        #expect(feed.objectCount == (try Self.distinctIDs(HostileServer.bundle)).count)
        // Backoff with the jitter at 0: 1 s, then 2 s.
        let discovery = server.requests.filter { $0.path.hasSuffix("/taxii2/") }.map(\.time)
        #expect(discovery.count == 3)
        #expect(discovery[1] - discovery[0] >= 0.95 && discovery[2] - discovery[1] >= 1.95, "\(discovery)")
        #expect(poller.snapshot().file.status?.state == .fresh)
    }

    @Test func a429IsRetriedNoSoonerThanItsRetryAfter() async throws {
        let server = try HostileServer()
        let feed = MispFeed(.init(location: server.feed("429"), limits: Self.long))
        let poller = LivePoller(feed, random: { 0 })
        let error = await poller.pullUntilDone()
        #expect(error == nil, "\(error.map(\.description) ?? "")")
        #expect(poller.attempts == 2)
        let manifest = server.requests.filter { $0.path.hasSuffix("manifest.json") }.map(\.time)
        #expect(manifest.count == 2 && manifest[1] - manifest[0] >= 1.95, "Retry-After: 2 was honoured: \(manifest)")
        #expect(feed.eventCount == 5)
    }

    /// A Retry-After past the deadline is not waited for: the command ends, saying so.
    @Test func aRetryAfterPastTheDeadlineEndsThePull() async throws {
        let server = try HostileServer()
        let poller = LivePoller(MispFeed(.init(location: server.feed("429"), limits: PullLimits(deadlineSeconds: 1.5))))
        let error = await poller.pullUntilDone()
        #expect(server.requests.count == 1 && poller.attempts == 1, "no second try")
        #expect(
            error?.description.hasSuffix("the server asks to wait 2 s (not retried: the next try, in 2 s, would pass the 1.5 s deadline)") == true,
            "\(error.map(\.description) ?? "")")
        #expect(poller.status.state == .failed)
    }

    // MARK: Resuming

    /// The third page is cut off: the next try keeps the two complete pages and starts again
    /// just before the second (TAXII `added_after`), not from the beginning.
    @Test func aTaxiiPullBrokenOffResumesWhereItStopped() async throws {
        let server = try HostileServer()
        let feed = Self.taxii(server.taxii("cut-once"), limits: Self.long, pageSize: 10)
        let poller = LivePoller(feed, random: { 0 })
        let error = await poller.pullUntilDone()
        #expect(error == nil, "\(error.map(\.description) ?? "")")
        #expect(poller.attempts == 2)
        #expect(feed.objectCount == (try Self.distinctIDs(HostileServer.bundle)).count)
        let pages = server.requests.filter { $0.path.hasSuffix("/objects/") }
        // Attempt 1: pages from 0, 10, 20 (cut). Attempt 2: from just before the second page.
        #expect(pages.prefix(3).map { $0.query["next"] ?? "0" } == ["0", "10", "20"])
        #expect(pages[3].query["next"] == nil)
        #expect(pages[3].query["added_after"] == "2023-11-14T22:13:20.009999Z", "\(pages[3].query)")
    }

    // MARK: MISP REST search

    @Test func aMispSearchGivesTheEventsOfTheFilesPageByPage() async throws {
        let server = try HostileServer()
        let search = MispSearch(.init(url: server.misp("ok"), key: .success(MispKey(HostileServer.apiKey)), limits: Self.long, pageSize: 2))
        let poller = LivePoller(search)
        #expect(await poller.pullUntilDone() == nil)
        #expect(search.eventCount == 5)
        var loader = DatasetLoader(paths: [HostileServer.events])
        let files = loader.load()
        let viaSearch = DatasetBuilder.build(poller.snapshot().results)
        #expect(viaSearch.events.map(\.summary).sorted() == files.events.map(\.summary).sorted())
        #expect(viaSearch.actors.map(\.name).sorted() == files.actors.map(\.name).sorted())
        let searches = server.requests.filter { $0.path.hasSuffix("/events/restSearch") }
        #expect(searches.map { $0.query["page"] } == ["1", "2", "3"])
        #expect(searches.allSatisfy { $0.method == "POST" && $0.authorization == HostileServer.apiKey && $0.query["timestamp"] == nil })
        // The next pull asks only for what changed since the newest event.
        #expect(await poller.pull() == nil)
        let since = try #require(search.since)
        #expect(server.requests.last?.query["timestamp"] == String(since))
        #expect(search.lastPullEvents == 1)
        // The key is never part of a message or the status.
        let statusText = poller.snapshot().file.status?.text(now: 0) ?? ""
        #expect(!statusText.isEmpty && !statusText.contains(HostileServer.apiKey))
    }

    @Test func aMispSearchWithAWrongKeyFailsForGoodAndABrokenPageResumes() async throws {
        let server = try HostileServer()
        let wrong = LivePoller(MispSearch(.init(url: server.misp("ok"), key: .success(MispKey("nope")))))
        let denied = try #require(await wrong.pullUntilDone())
        #expect(denied.description.hasPrefix("HTTP 403 from \(server.misp("ok"))events/restSearch: forbidden"), "\(denied)")
        #expect(!denied.description.contains("nope") && wrong.attempts == 1)

        let search = MispSearch(.init(url: server.misp("cut-once"), key: .success(MispKey(HostileServer.apiKey)), limits: Self.long, pageSize: 2))
        let poller = LivePoller(search, random: { 0 })
        #expect(await poller.pullUntilDone() == nil)
        #expect(search.eventCount == 5 && poller.attempts == 2)
        let pages = server.requests.filter { $0.path.hasPrefix("/cut-once/") }.map { $0.query["page"] ?? "" }
        #expect(pages == ["1", "2", "2", "3"], "the broken page is asked for again, not the first: \(pages)")
    }

    @Test func aMispKeyComesFromTheEnvironmentOrAPrivateFile() throws {
        #expect(try MispKey.resolve(environment: ["THREATDECK_MISP_KEY": " k1 "], file: nil).get() == MispKey("k1"))
        let dir = NSTemporaryDirectory() + "td-key-\(getpid())"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let file = dir + "/misp.key"
        try "k2\n".write(toFile: file, atomically: true, encoding: .utf8)
        chmod(file, 0o644)
        guard case .failure(let open) = MispKey.resolve(environment: [:], file: file) else { Issue.record("a readable key file was used"); return }
        #expect(open.description.contains("readable by others") && open.description.contains("chmod 600 \(file)"), "\(open)")
        chmod(file, 0o600)
        #expect(try MispKey.resolve(environment: [:], file: file).get() == MispKey("k2"))
        #expect(try MispKey.resolve(environment: ["THREATDECK_MISP_KEY": "k1"], file: file).get() == MispKey("k1"), "the environment wins")
        guard case .failure(let none) = MispKey.resolve(environment: [:], file: nil) else { Issue.record("a key from nowhere"); return }
        #expect(none.description.contains("THREATDECK_MISP_KEY"))
        #expect(!MispKey("secret").description.contains("secret"))
    }
}
