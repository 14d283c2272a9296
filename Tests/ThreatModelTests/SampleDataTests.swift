import Foundation
import SampleData
import Testing
import TestSupport
@testable import ThreatModel
@testable import Analysis
@testable import Identity
@testable import Loading
@testable import Readers

@Suite struct SampleDataTests {
    static func file(_ name: String) throws -> [UInt8] { try LocalFileSystem().read(TestPaths.sampleData + "/" + name, limit: 1 << 26) }

    @Test func embeddedCopiesAreTheFilesOnDisk() throws {
        #expect(Array(SampleData.report.text.utf8) == (try Self.file("crowdstrike-2026-tech-intrusions.json")))
        #expect(Array(SampleData.syntheticFeed.text.utf8) == (try Self.file("synthetic-activity-feed.json")))
    }

    @Test func sampleLoadsCleanlyWithTheReportsFigure() throws {
        let d = SampleData.dataset()
        #expect(d.problems.isEmpty, "\(d.problems)")
        let f = try #require(d.findings.first { $0.subjectNexus == .country("CN") && $0.value == 58 })
        #expect(f.qualifier == .moreThan)
        #expect(f.period?.description == "2025-04-01 → 2026-03-31")
        #expect(d.hasSynthetic)
        #expect(d.reports.filter(\.synthetic).count == 1)
        #expect(d.events.count > 300)
        let years = Set(d.events.map { $0.span.start.year })
        #expect(years.count >= 3)
    }

    @Test func everySampleFactCitesASeedFile() throws {
        let r = Ingest.read(bytes: try Self.file("crowdstrike-2026-tech-intrusions.json"), file: "sample")
        let sources = try #require(r.reports.first?.sources)
        #expect(!sources.isEmpty)
        for s in sources {
            let file = try #require(s.file, "\(s.id) names no file")
            #expect(FileManager.default.fileExists(atPath: TestPaths.shared + "/" + file), "\(file)")
        }
        // Every statement cites one of those sources by what one would cite: its title.
        let cited = r.actors.flatMap(\.provenance) + r.findings.flatMap(\.provenance) + r.events.flatMap(\.provenance)
        let titles = Set(sources.map(\.title))
        #expect(!cited.isEmpty)
        #expect(cited.allSatisfy { p in p.reference.map { titles.contains($0.title ?? "") } ?? false })
    }

    @Test func stixSampleCarriesTheSameFinding() throws {
        let native = Ingest.read(bytes: try Self.file("crowdstrike-2026-tech-intrusions.json"), file: "n")
        let stix = Ingest.read(bytes: try Self.file("crowdstrike-2026-tech-intrusions.stix.json"), file: "s")
        #expect(stix.format == .stix)
        #expect(stix.problems.filter { $0.severity == .error }.isEmpty, "\(stix.problems)")
        let a = native.findings.map { "\($0.formatted()) \($0.subjectNexus?.code ?? "-") \($0.period?.description ?? "-")" }.sorted()
        let b = stix.findings.map { "\($0.formatted()) \($0.subjectNexus?.code ?? "-") \($0.period?.description ?? "-")" }.sorted()
        #expect(a == b)
        let merged = DatasetBuilder.build([native, stix])
        #expect(merged.actors.count == native.actors.count)
        #expect(Set(merged.actors.map(\.name)) == Set(native.actors.map(\.name)))
    }

    /// sample-data/ holds the report twice (native, and its STIX conversion made by another
    /// author that names the publisher in its references): loading the folder counts it once.
    @Test func theReportAndItsStixTwinCountOnce() throws {
        var both = DatasetLoader(paths: [TestPaths.sampleData])
        let folder = both.load()
        let d = SampleData.dataset()
        #expect(folder.files.count == 3)
        #expect(folder.findings.count == d.findings.count && d.findings.count == 3)
        #expect(folder.events.count == d.events.count && d.events.count == 473)
        #expect(folder.campaigns.count == d.campaigns.count)
        #expect(folder.actors.count == d.actors.count)
        #expect(folder.reports.filter { !$0.synthetic }.count == 1)
        let report = try #require(folder.reports.first { !$0.synthetic })
        #expect(report.publisher == "CrowdStrike" && report.twinIDs.count == 1)
        // The same numbers on every aggregate.
        let a = ActorBreakdown.compute(folder, selection: Filter().apply(to: folder), measure: nil)
        let b = ActorBreakdown.compute(d, selection: Filter().apply(to: d), measure: nil)
        #expect(a.rows.map(\.count) == b.rows.map(\.count))
        let ta = TechniqueUsage.compute(folder, selection: Filter().apply(to: folder)).ranked.map { "\($0.techniqueID) \($0.name) \($0.count)" }
        let tb = TechniqueUsage.compute(d, selection: Filter().apply(to: d)).ranked.map { "\($0.techniqueID) \($0.name) \($0.count)" }
        #expect(ta == tb)
    }

    /// The schema file and the reader agree on every enumerated value.
    @Test func schemaEnumsMatchTheReader() throws {
        let schema = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: TestPaths.sampleData + "/schema/threatdeck-report-1.schema.json"))) as! [String: Any]
        let defs = schema["$defs"] as! [String: Any]
        func enumValues(_ path: [String]) -> Set<String> {
            var node: Any = defs
            for p in path { node = (node as! [String: Any])[p]! }
            return Set((node as! [String: Any])["enum"] as! [String])
        }
        #expect(enumValues(["sector"]) == Set(Vocabulary.sectors.map(\.id)))
        #expect(enumValues(["region"]) == Set(Vocabulary.regions.map(\.id)))
        let actor = (defs["actor"] as! [String: Any])["properties"] as! [String: Any]
        #expect(Set((actor["type"] as! [String: Any])["enum"] as! [String]) == Set(ActorType.allCases.map(\.rawValue)))
        let motivations = ((actor["motivations"] as! [String: Any])["items"] as! [String: Any])["enum"] as! [String]
        #expect(Set(motivations) == Set(Motivation.allCases.map(\.rawValue)))
        let event = (defs["event"] as! [String: Any])["properties"] as! [String: Any]
        let kinds = Set((event["kind"] as! [String: Any])["enum"] as! [String])
        #expect(kinds == Set(Event.Kind.allCases.map(\.rawValue)).subtracting(["sighting"]))
        let finding = (defs["finding"] as! [String: Any])["properties"] as! [String: Any]
        #expect(Set((finding["qualifier"] as! [String: Any])["enum"] as! [String]) == Set(Finding.Qualifier.allCases.map(\.rawValue)))
    }
}
