import Foundation
import LiveSources
import Testing
import TestSupport
import ThreatModel
import Identity
import Loading
import Readers

/// A MISP feed of the real events, served on loopback over HTTP and HTTPS: the same numbers
/// as the files, only changed events fetched again, and a missing event, a truncated file, a
/// 404 and a server that goes away each reported (failing the pull) while the last good data stays.
@Suite(.serialized) struct MispFeedTests {
    static let events = TestPaths.sharedData + "/misp-events"
    /// Not a test of deadlines: ten minutes, whatever else the machine runs.
    static let long = PullLimits(deadlineSeconds: 600)

    static func cache() -> String {
        let dir = NSTemporaryDirectory() + "td-feedcache-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        try? FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        return dir
    }

    static func dataset(_ feed: MispFeed) -> Dataset {
        let (results, file, problems) = LivePoller(feed).snapshot()
        var d = DatasetBuilder.build(results, files: [file])
        d.problems += problems
        return d
    }

    /// What a dataset says, in a form two datasets can be compared by.
    static func numbers(_ d: Dataset) -> [String] {
        d.events.map { e in
            "\(e.span) \(e.summary) actors=\(e.actorIDs.compactMap { d.actor($0)?.name }.sorted()) techniques=\(e.techniques.sorted()) tlp=\(e.tlp?.rawValue ?? "-") \(e.contents ?? "")"
        }.sorted()
    }

    @Test(arguments: [false, true])
    func aFeedGivesTheSameNumbersAsTheFiles(tls: Bool) async throws {
        let server = try FeedServer(tls: tls)
        let clock = ManualClock(1_800_000_000)
        let feed = MispFeed(.init(location: server.url, caFile: tls ? server.caFile : nil, cacheDirectory: Self.cache(), limits: Self.long), clock: clock)
        let poller = LivePoller(feed, clock: clock)
        let error = await poller.pull()
        #expect(error == nil, "\(error.map(\.description) ?? "")")
        var loader = DatasetLoader(paths: [Self.events])
        let files = loader.load()
        let fromFeed = Self.dataset(feed)
        #expect(fromFeed.events.count == 5)
        #expect(Self.numbers(fromFeed) == Self.numbers(files))
        #expect(fromFeed.actors.map(\.name).sorted() == files.actors.map(\.name).sorted())
        #expect(fromFeed.events.allSatisfy { $0.provenance.first?.format == .mispFeed })
        #expect(feed.lastFetched == 5)
        // Nothing changed: the next poll reads the manifest only.
        let before = server.requests.count
        clock.advance(3600)
        #expect(await poller.pull() == nil)
        #expect(feed.lastFetched == 0)
        #expect(server.requests.count == before + 1 && server.requests.last == "/feed/manifest.json", "\(server.requests.suffix(3))")
        // One event's timestamp moves on: that one is fetched again, and only that one.
        try server.touch(server.events[2].uuid)
        #expect(await poller.pull() == nil)
        #expect(feed.lastFetched == 1)
        #expect(server.requests.suffix(2) == ["/feed/manifest.json", "/feed/" + server.events[2].uuid + ".json"])
    }

    @Test func httpsWithoutTheCAIsRefused() async throws {
        let server = try FeedServer(tls: true)
        let feed = MispFeed(.init(location: server.url, cacheDirectory: Self.cache(), limits: Self.long), clock: ManualClock(1_800_000_000))
        let error = try #require(await LivePoller(feed).pull())
        #expect(error.description.lowercased().contains("certificate"), "\(error)")
        #expect(!error.isTransient, "a certificate will not change by itself")
        #expect(feed.eventCount == 0)
    }

    @Test func aMissingEventATruncatedFileAndA404AreReportedAndGoodDataStays() async throws {
        let server = try FeedServer()
        let clock = ManualClock(1_800_000_000)
        let feed = MispFeed(.init(location: server.url, cacheDirectory: Self.cache(), limits: Self.long), clock: clock)
        let poller = LivePoller(feed, clock: clock, random: { 0.5 })
        #expect(await poller.pull() == nil)
        #expect(feed.eventCount == 5)
        // The manifest lists an event the feed does not hold, and one file is cut short.
        let ghost = "11111111-2222-4333-8444-555555555555"
        let victim = server.events[1]
        let path = server.feed + "/" + victim.uuid + ".json"
        let whole = try Data(contentsOf: URL(fileURLWithPath: path))
        try whole.prefix(whole.count / 2).write(to: URL(fileURLWithPath: path))
        try server.touch(victim.uuid)
        try server.writeManifest(extra: [ghost])
        clock.advance(3600)
        // Unreadable events fail the pull (a partial feed never passes for a whole one) …
        let partial = try #require(await poller.pull())
        #expect(partial.description.hasPrefix("2 of 6 listed events unreadable ("), "\(partial)")
        #expect(!partial.isTransient)
        let d = Self.dataset(feed)
        #expect(d.events.count == 5, "the truncated event's last good version stays")
        let problems = d.problems.map(\.message)
        #expect(problems.contains { $0.contains(ghost) && $0.contains("missing (404)") }, "\(problems)")
        #expect(problems.contains { $0.hasPrefix(victim.uuid + ".json ") && $0.contains(":") }, "file line:column: \(problems)")
        let status = try #require(poller.snapshot().file.status)
        #expect(status.state == .failed)
        #expect(status.text(now: clock.now()).contains("· 5 events · 2 unreadable"), "\(status.text(now: clock.now()))")
        // Repaired: read again on the next pull, the problem gone.
        try whole.write(to: URL(fileURLWithPath: path))
        try server.writeManifest()
        clock.advance(3600)
        #expect(await poller.pull() == nil)
        #expect(Self.dataset(feed).problems.isEmpty)
        #expect(poller.snapshot().file.status?.state == .fresh)
        // The whole feed 404s (a wrong path): an error, the last good data kept.
        let wrong = MispFeed(.init(location: server.url + "nope/", cacheDirectory: Self.cache(), limits: Self.long), clock: clock)
        let e404 = try #require(await LivePoller(wrong, clock: clock).pull())
        #expect(e404.description.contains("HTTP 404 from ") && e404.description.contains("manifest.json: not found"), "\(e404)")
        // The server goes away: the feed keeps its events, retries soon, and says since when.
        server.stop()
        clock.advance(3600)
        let down = try #require(await poller.pull())
        #expect(down.description.contains("refused") && down.isTransient, "\(down)")
        #expect(feed.eventCount == 5)
        let (_, file, later) = poller.snapshot()
        #expect(file.status?.state == .retrying)
        #expect(file.status?.text(now: clock.now()).contains("stale since ") == true)
        #expect(later.first?.severity == .warning && later.first?.message.contains("the last good records stay on screen") == true)
    }

    @Test func aRestartShowsTheCachedEventsAtOnce() async throws {
        let server = try FeedServer()
        let cache = Self.cache()
        let first = MispFeed(.init(location: server.url, cacheDirectory: cache, limits: Self.long), clock: ManualClock(1_800_000_000))
        #expect(await LivePoller(first).pull() == nil)
        server.stop()
        let second = MispFeed(.init(location: server.url, cacheDirectory: cache, limits: Self.long), clock: ManualClock(1_800_000_100))
        #expect(second.isFromCache)
        #expect(Self.numbers(Self.dataset(second)) == Self.numbers(Self.dataset(first)))
        // The cache is private: a 0700 directory of 0600 files, one per event and an index.
        func mode(_ path: String) throws -> Int { try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int ?? -1 }
        let index = try #require(second.cacheFile)
        let directory = (index as NSString).deletingLastPathComponent
        let files = try FileManager.default.contentsOfDirectory(atPath: directory)
        #expect(files.count == 6 && files.contains("index.json"), "\(files)")
        #expect(try mode(directory) == 0o700)
        #expect(try files.allSatisfy { try mode(directory + "/" + $0) == 0o600 })
    }

    @Test func aTamperedCacheWithImpossibleTimestampsLoadsWithoutTrapping() throws {
        // The cache is ours, but a disk or a person may have changed it: a timestamp no
        // Int64 holds (1e300, -1e300) once trapped on restart; a uuid that is a path is
        // never read; an event file that is gone is left out.
        let server = try FeedServer()
        let cache = Self.cache()
        let probe = MispFeed(.init(location: server.url, cacheDirectory: cache))
        server.stop()
        let index = try #require(probe.cacheFile)
        let directory = (index as NSString).deletingLastPathComponent
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let event = try String(contentsOfFile: Self.events + "/57c4445b-c548-4654-af0b-4be3950d210f.json", encoding: .utf8)
        for name in ["aa", "bb"] { try event.write(toFile: directory + "/" + name + ".json", atomically: true, encoding: .utf8) }
        try #"{"location": "x", "fetched": 1e300, "events": {"aa": 1e300, "bb": -1e300, "cc": 1, "../../etc/passwd": 1}}"#
            .write(toFile: index, atomically: true, encoding: .utf8)
        let restarted = MispFeed(.init(location: server.url, cacheDirectory: cache))
        #expect(restarted.isFromCache)
        #expect(restarted.eventCount == 2)
    }

    @Test func aDirectoryFeedGivesTheNumbersOfItsFiles() async throws {
        // A directory is read on every core; the numbers are those of the files read one by one.
        let dir = Self.cache()
        let files = try FileManager.default.contentsOfDirectory(atPath: Self.events).filter { $0.hasSuffix(".json") }.sorted()
        var manifest: [String] = []
        for (k, f) in files.enumerated() {
            let uuid = String(format: "%08x-0000-4000-8000-%012x", k + 1, k + 1)
            try FileManager.default.copyItem(atPath: Self.events + "/" + f, toPath: dir + "/" + uuid + ".json")
            manifest.append(#""\#(uuid)": {"info": "e\#(k)", "timestamp": "\#(1_700_000_000 + k)"}"#)
        }
        try ("{" + manifest.joined(separator: ",") + "}").write(toFile: dir + "/manifest.json", atomically: true, encoding: .utf8)
        let feed = MispFeed(.init(location: dir, cacheDirectory: Self.cache(), limits: Self.long), clock: ManualClock(1_800_000_000))
        #expect(await LivePoller(feed).pull() == nil)
        #expect(feed.lastFetched == files.count)
        let viaFiles = DatasetBuilder.build(files.map { Ingest.read(bytes: Array(FileManager.default.contents(atPath: Self.events + "/" + $0)!), file: $0) })
        let viaFeed = Self.dataset(feed)
        #expect(viaFeed.events.count == viaFiles.events.count && viaFeed.events.count >= files.count)
        #expect(Self.numbers(viaFeed) == Self.numbers(viaFiles))
    }

    @Test func summaryWithAFeedEqualsSummaryOfTheFiles() throws {
        let server = try FeedServer()
        let env = ["LANG": "C.UTF-8", "LC_ALL": "C.UTF-8", "PATH": "/usr/bin:/bin", "HOME": NSTemporaryDirectory(), "XDG_CACHE_HOME": Self.cache()]
        let viaFeed = Subprocess.capture([Subprocess.threatdeck, "summary", "--json", "--misp-feed", server.url], environment: env)
        #expect(viaFeed.status == 0, "\(viaFeed.stderr)")
        let viaFiles = Subprocess.capture([Subprocess.threatdeck, "summary", "--json", Self.events], environment: env)
        func strip(_ s: String) throws -> [String: Any] {
            var o = try JSONSerialization.jsonObject(with: Data(s.utf8)) as! [String: Any]
            for k in ["generated", "sources", "actors"] { o[k] = nil }
            return o
        }
        let a = try strip(viaFeed.stdout), b = try strip(viaFiles.stdout)
        #expect(NSDictionary(dictionary: a).isEqual(to: b), "\(viaFeed.stdout.prefix(600))")
    }
}
