import Foundation
import Synchronization
import Testing
import TestSupport
import ThreatModel
@testable import LiveSources
import Identity
import Loading

/// Pulling a real TAXII 2.1 server (OASIS medallion on loopback) through the one poller: full
/// pulls that match the file, paging, incremental pulls, credentials, outages with the last
/// good data kept and backoff, and the on-disk cache.
@Suite(.serialized)
struct TaxiiFeedTests {
    static let sampleBundle = TestPaths.sampleData + "/crowdstrike-2026-tech-intrusions.stix.json"
    static let examples = [TestPaths.sharedData + "/stix/apt1.json", TestPaths.sharedData + "/stix/poisonivy.json"]
    static let analyst = TaxiiCredentials.basic(user: Medallion.user, password: Medallion.password)

    /// Distinct object ids in bundles, counted with Foundation's parser, not ours.
    static func distinctIDs(_ paths: [String]) throws -> Set<String> {
        var ids = Set<String>()
        for path in paths {
            let data = try Data(contentsOf: URL(fileURLWithPath: path))
            let bundle = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
            for case let object as [String: Any] in bundle["objects"] as? [Any] ?? [] { ids.insert(object["id"] as! String) }
        }
        return ids
    }

    static func feed(
        _ server: Medallion, collection: String?, pageSize: Int = 1000, clock: ManualClock = ManualClock(),
        credentials: TaxiiCredentials = analyst, cache: String? = nil, poll: Double = 60,
        options: TaxiiClient.Options? = nil
    ) throws -> TaxiiFeed {
        let options = options ?? TaxiiClient.Options(timeoutSeconds: 600, pageSize: pageSize)
        return TaxiiFeed(
            .init(
                url: server.discovery, collection: collection, pollSeconds: poll, options: options,
                credentials: credentials, cacheDirectory: cache), clock: clock)
    }

    /// The feed's poller on the same clock, with the jitter fixed at its middle.
    static func poller(_ feed: TaxiiFeed, clock: ManualClock) -> LivePoller {
        LivePoller(feed, clock: clock, random: { 0.5 })
    }

    static func temporaryDirectory() throws -> String {
        let dir = NSTemporaryDirectory() + "td-taxii-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        return dir
    }

    @Test func fullPullOverManyPagesMatchesTheFile() async throws {
        let server = try Medallion()
        let ics = TestPaths.sharedData + "/stix/ics-attack-18.1.json"
        try server.post(ics, collection: Medallion.examplesCollection)
        let expected = try Self.distinctIDs([ics])

        // 1,826 objects, 100 per page: 19 pages, the last one short. (medallion needs
        // seconds for the first page of a collection this size.)
        let feed = try Self.feed(
            server, collection: "Public STIX examples", pageSize: 100,
            options: TaxiiClient.Options(timeoutSeconds: 600, pageSize: 100))
        let poller = Self.poller(feed, clock: ManualClock())
        let error = await poller.pull()
        #expect(error == nil, "\(error.map(\.description) ?? "")")
        #expect(feed.objectCount == expected.count)
        #expect(feed.lastPullObjects == expected.count)

        // The records equal those read from the same objects as a file.
        var loader = DatasetLoader(paths: [ics])
        let fromFile = loader.load()
        let (results, file, problems) = poller.snapshot()
        let fromTaxii = DatasetBuilder.build([try #require(results.first)], files: [file])
        #expect(problems.isEmpty)
        #expect(fromTaxii.actors.count == 14 && fromFile.actors.count == 14)
        #expect(fromTaxii.actors.map(\.name).sorted() == fromFile.actors.map(\.name).sorted())
        let techniques: (Dataset) -> Int = { d in d.actors.reduce(0) { $0 + d.techniqueIDs(ofActor: $1.id).count } }
        #expect(techniques(fromTaxii) == techniques(fromFile) && techniques(fromFile) > 0)
        #expect(fromTaxii.campaigns.count == fromFile.campaigns.count)
        #expect(fromTaxii.actors.allSatisfy { $0.provenance.allSatisfy { $0.format == .taxii && $0.file.hasPrefix("taxii:") } })
        #expect(file.format == .taxii && file.loaded && file.actors == fromFile.files[0].actors)
        #expect(file.path == "taxii:\(server.discovery) · Public STIX examples")
        let status = try #require(file.status)
        #expect(status.state == .fresh && status.text(now: status.since).hasPrefix("fresh · pulled "), "\(status.text(now: 0))")
        #expect(status.text(now: status.since).contains("\(expected.count) objects"), "\(status.text(now: 0))")
    }

    /// The ICS pull cut off half-way through every page after the first, once each (the
    /// harness's --cut-new-pages): each poll keeps the complete pages it got and the next
    /// resumes from the last complete page, so objects that share a date_added at a boundary
    /// are neither lost nor counted twice.
    @Test func aPullCutAtEveryPageBoundaryResumesWithoutLossOrDuplicates() async throws {
        let server = try Medallion(arguments: ["--page-size", "200", "--cut-new-pages"])
        let ics = TestPaths.sharedData + "/stix/ics-attack-18.1.json"
        try server.post(ics, collection: Medallion.examplesCollection)
        let expected = try Self.distinctIDs([ics])
        let pages = (expected.count + 199) / 200
        let feed = try Self.feed(
            server, collection: "Public STIX examples", pageSize: 200,
            options: TaxiiClient.Options(timeoutSeconds: 600, pageSize: 200))
        let poller = Self.poller(feed, clock: ManualClock())
        var polls = 0
        var errors: [String] = []
        var counts: [Int] = []
        while polls < 3 * pages {
            polls += 1
            let error = await poller.pull()
            counts.append(feed.objectCount)
            guard let error else { break }
            errors.append(error.description)
            #expect(feed.resumePoint != nil, "a broken pull must say where to resume")
        }
        // One cut per page boundary, one poll per page, every poll keeping more.
        #expect(errors.count == pages - 1, "\(errors.count) cuts for \(pages) pages: \(errors.prefix(2))")
        #expect(polls == pages)
        #expect(counts == counts.sorted() && Set(counts).count == counts.count, "no poll lost objects: \(counts)")
        #expect(errors.allSatisfy { $0.contains(":") }, "each cut is reported where the JSON broke")
        #expect(feed.objectCount == expected.count)
        #expect(feed.resumePoint == nil)
        var loader = DatasetLoader(paths: [ics])
        let fromFile = loader.load()
        let fromTaxii = DatasetBuilder.build(poller.snapshot().results)
        #expect(fromTaxii.actors.map(\.name).sorted() == fromFile.actors.map(\.name).sorted())
        #expect(fromTaxii.campaigns.count == fromFile.campaigns.count)
        #expect(fromTaxii.techniqueCatalog.count == fromFile.techniqueCatalog.count)
    }

    @Test func smallPagesOfTheSampleBundle() async throws {
        let server = try Medallion()
        try server.post(Self.sampleBundle, collection: Medallion.sampleCollection)
        let expected = try Self.distinctIDs([Self.sampleBundle])
        // One object per page: every page boundary is crossed.
        let feed = try Self.feed(server, collection: Medallion.sampleCollection, pageSize: 1)
        let poller = Self.poller(feed, clock: ManualClock())
        #expect(await poller.pull() == nil)
        #expect(feed.objectCount == expected.count)
        var loader = DatasetLoader(paths: [Self.sampleBundle])
        let fromFile = loader.load()
        let fromTaxii = DatasetBuilder.build(poller.snapshot().results)
        #expect(fromTaxii.actors.map(\.name).sorted() == fromFile.actors.map(\.name).sorted())
        #expect(fromTaxii.findings.map(\.value) == fromFile.findings.map(\.value))
        #expect(fromTaxii.findings.contains { $0.value == 58 })
    }

    @Test func incrementalPollFetchesOnlyWhatWasAdded() async throws {
        let server = try Medallion()
        try server.post(Self.sampleBundle, collection: Medallion.sampleCollection)
        let sampleIDs = try Self.distinctIDs([Self.sampleBundle])
        let clock = ManualClock()
        let feed = try Self.feed(server, collection: Medallion.sampleCollection, pageSize: 10, clock: clock)
        let poller = Self.poller(feed, clock: clock)
        #expect(await poller.pull() == nil)
        #expect(feed.lastPullObjects == sampleIDs.count)

        // Nothing new: an empty incremental poll, the data unchanged.
        clock.advance(60)
        #expect(await poller.pull() == nil)
        #expect(feed.lastPullObjects == 0)
        #expect(feed.objectCount == sampleIDs.count)

        // A new intrusion set, and a newer version of an existing actor (renamed).
        let dir = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let data = try Data(contentsOf: URL(fileURLWithPath: Self.sampleBundle))
        let bundle = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let objects = try #require(bundle["objects"] as? [[String: Any]])
        var murky = try #require(objects.first { ($0["name"] as? String) == "Murky Panda" })
        murky["modified"] = "2030-01-01T00:00:00.000Z"  // newer than the sample's own version
        murky["name"] = "Murky Panda (renamed in test)"
        let newActor: [String: Any] = [
            "type": "intrusion-set", "spec_version": "2.1", "id": "intrusion-set--0f6a3a1e-6c1b-4e0e-9d7a-2b1f2a1c9e01",
            "created": "2026-11-01T00:00:00.000Z", "modified": "2026-11-01T00:00:00.000Z", "name": "Test Added Actor",
        ]
        let update = ["type": "bundle", "id": "bundle--5d0a3c6e-1f7e-4a55-9a53-8c3e6f1d2b10", "objects": [murky, newActor]] as [String: Any]
        let updatePath = dir + "/update.json"
        try JSONSerialization.data(withJSONObject: update).write(to: URL(fileURLWithPath: updatePath))
        try server.post(updatePath, collection: Medallion.sampleCollection)

        clock.advance(60)
        #expect(await poller.pull() == nil)
        #expect(feed.lastPullObjects == 2)
        #expect(feed.objectCount == sampleIDs.count + 1)
        let result = try #require(poller.snapshot().results.first)
        let names = Set(result.actors.map(\.name))
        #expect(names.contains("Murky Panda (renamed in test)") && names.contains("Test Added Actor"))
        #expect(!names.contains("Murky Panda"))
    }

    @Test func wrongPasswordIsReportedAndNothingIsShown() async throws {
        let server = try Medallion()
        try server.post(Self.sampleBundle, collection: Medallion.sampleCollection)
        let feed = try Self.feed(server, collection: Medallion.sampleCollection, credentials: .basic(user: Medallion.user, password: "wrong"))
        let clock = ManualClock()
        let poller = Self.poller(feed, clock: clock)
        let error = try #require(await poller.pull())
        #expect(error.description.hasPrefix("HTTP 401 from "), "\(error)")
        #expect(error.description.contains("THREATDECK_TAXII_PASSWORD"))
        // A 4xx is not retried soon: the next try is the next poll.
        #expect(!error.isTransient && poller.retryAt == clock.current + 60)
        let (results, file, problems) = poller.snapshot()
        #expect(results.isEmpty)
        #expect(!file.loaded)
        #expect(file.status?.state == .failed)
        #expect(problems.first?.severity == .error)
        // The password is never echoed back anywhere.
        let text = file.status?.text(now: clock.current) ?? ""
        #expect(text.hasPrefix("failed: HTTP 401"), "\(text)")
        #expect(!text.contains("wrong") && !(problems.first?.message ?? "").contains("wrong"))
    }

    @Test func outageKeepsTheLastGoodPullAndBacksOff() async throws {
        let server = try Medallion()
        try server.post(Self.sampleBundle, collection: Medallion.sampleCollection)
        let clock = ManualClock()
        let feed = try Self.feed(server, collection: Medallion.sampleCollection, clock: clock, poll: 30)
        let poller = Self.poller(feed, clock: clock)
        #expect(await poller.pull() == nil)
        let good = try #require(poller.snapshot().results.first)
        let pulledAt = clock.current
        #expect(poller.retryAt == pulledAt + 30)

        server.stop()
        clock.advance(30)
        let first = try #require(await poller.pull())
        #expect(first.description.contains("connection refused") && first.isTransient, "\(first)")
        // Backoff with jitter (fixed at 0.5 here): ¾ of 2 s, 4 s, 8 s, … up to the poll interval.
        #expect(poller.retryAt == clock.current + 1.5)
        var (results, file, problems) = poller.snapshot()
        #expect(results.first?.actors.map(\.name) == good.actors.map(\.name))
        #expect(file.loaded)
        #expect(file.staleSince == ClockFormat.dateTime(pulledAt))
        #expect(problems.first?.severity == .warning)
        #expect(problems.first?.message.contains("the last good records stay on screen") == true)
        let status = try #require(file.status)
        #expect(status.state == .retrying)
        #expect(status.text(now: clock.current).hasPrefix("retrying in 2s: cannot reach "), "\(status.text(now: clock.current))")
        #expect(status.text(now: clock.current).contains("· stale since " + String(ClockFormat.time(pulledAt).prefix(5)) + " (<1m)"))

        var delays: [Double] = []
        for _ in 0..<8 {
            clock.set(poller.retryAt)
            let before = clock.current
            #expect(await poller.pull() != nil)
            delays.append(poller.retryAt - before)
        }
        #expect(delays == [3, 6, 12, 22.5, 22.5, 22.5, 22.5, 22.5], "\(delays)")
        (results, file, problems) = poller.snapshot()
        #expect(results.first?.actors.count == good.actors.count)
    }

    @Test func cacheShowsTheLastPullAtStartAndResumesIncrementally() async throws {
        let cache = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: cache) }
        let server = try Medallion()
        try server.post(Self.sampleBundle, collection: Medallion.sampleCollection)
        let count = try Self.distinctIDs([Self.sampleBundle]).count
        let clock = ManualClock()
        let first = try Self.feed(server, collection: "Sample report", clock: clock, cache: cache)
        #expect(await Self.poller(first, clock: clock).pull() == nil)
        let firstActors = try #require(Self.poller(first, clock: clock).snapshot().results.first).actors.map(\.name).sorted()

        // The cache file is private, complete JSON.
        let files = try FileManager.default.contentsOfDirectory(atPath: cache)
        #expect(files.count == 1 && files[0].hasPrefix("taxii-") && files[0].hasSuffix(".json"))
        let attributes = try FileManager.default.attributesOfItem(atPath: cache + "/" + files[0])
        #expect((attributes[.posixPermissions] as? Int ?? 0) & 0o077 == 0)

        // A restart: the data is there before any poll, marked as cached.
        clock.advance(3600)
        let second = try Self.feed(server, collection: "Sample report", clock: clock, cache: cache)
        let secondPoller = Self.poller(second, clock: clock)
        #expect(second.isFromCache)
        #expect(second.objectCount == count)
        let (cached, file, _) = secondPoller.snapshot()
        #expect(try #require(cached.first).actors.map(\.name).sorted() == firstActors)
        let text = file.status?.text(now: clock.current) ?? ""
        #expect(text.hasPrefix("connecting… · stale since ") && text.contains("(cache, 1h 0m)"), "\(text)")
        #expect(file.path.hasSuffix("· Sample report"))

        // Its first pull asks only for what was added since, and gets nothing.
        #expect(await secondPoller.pull() == nil)
        #expect(second.lastPullObjects == 0)
        #expect(second.objectCount == count)
        #expect(!second.isFromCache)

        // A cache that is garbage is ignored, not fatal.
        try "{\"objects\": [".write(toFile: cache + "/" + files[0], atomically: true, encoding: .utf8)
        let third = try Self.feed(server, collection: "Sample report", clock: clock, cache: cache)
        #expect(third.objectCount == 0 && !third.isFromCache)
        #expect(await Self.poller(third, clock: clock).pull() == nil)
        #expect(third.objectCount == count)
    }

    @Test func combinedSourceListsFilesAndFeedsWithTheirStatus() async throws {
        let server = try Medallion()
        try server.post(Self.examples[0], collection: Medallion.examplesCollection)
        let clock = ManualClock()
        let feed = try Self.feed(server, collection: Medallion.examplesCollection, clock: clock)
        let poller = Self.poller(feed, clock: clock)
        let source = CombinedSource(paths: [TestPaths.sampleData + "/crowdstrike-2026-tech-intrusions.json"], live: [poller])
        var dataset = source.load(now: clock.current)
        #expect(dataset.files.count == 2)
        #expect(dataset.files[1].status?.text(now: clock.current) == "connecting… · 0 objects")
        #expect(!dataset.actors.contains { $0.name == "APT1" })

        #expect(await poller.pull() == nil)
        #expect(source.hasChanges())
        dataset = source.load(now: clock.current)
        #expect(!source.hasChanges())
        #expect(dataset.actors.contains { $0.name == "APT1" && $0.provenance.contains { $0.format == .taxii } })
        #expect(dataset.actors.contains { $0.name == "Murky Panda" && $0.provenance.contains { $0.format == .native } })
        #expect(dataset.files.map(\.format) == [.native, .taxii])
        #expect(dataset.files[1].status?.text(now: clock.current).hasPrefix("fresh · pulled") == true)
    }
}
