import Foundation
import Testing
import TestSupport
@testable import ThreatModel
@testable import Identity
@testable import Loading
@testable import Readers

/// The real public files in ../shared/data, checked against counts computed independently
/// with Foundation's JSONSerialization (a different parser and different code).
@Suite struct RealDataTests {
    static let stixDirectory = TestPaths.sharedData + "/stix"
    static let misp = TestPaths.sharedData + "/misp-galaxy/threat-actor.json"

    static func load(_ path: String) throws -> IngestResult {
        Ingest.read(bytes: try LocalFileSystem().read(path, limit: 1 << 30), file: path)
    }

    static func foundationJSON(_ path: String) throws -> Any {
        try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path)))
    }

    static var stixFiles: [String] { (LocalFileSystem().list(stixDirectory) ?? []).filter { $0.hasSuffix(".json") } }

    @Test func everyStixFileLoadsWithoutErrors() throws {
        let files = Self.stixFiles
        // The files PROVENANCE.md lists: a file added or gone there is a decision to make here.
        let names = Set(files.map { String($0.split(separator: "/").last ?? "") })
        #expect(names == [
            "apt1.json", "poisonivy.json", "defining-campaigns-threat-actors-intrusion-sets.json",
            "identifying-a-threat-actor-profile.json", "threat-actor-leveraging-attack-patterns-and-malware.json",
            "sighting-of-an-indicator.json", "ics-attack-18.1.json", "enterprise-attack-17.1.json",
        ])
        for path in files {
            let r = try Self.load(path)
            #expect(!r.unparsed, "\(path)")
            #expect(r.format == .stix)
            #expect(r.problems.filter { $0.severity == .error }.isEmpty, "\(path): \(r.problems.prefix(3))")
        }
    }

    @Test func stixActorAndCampaignCountsMatchAnIndependentCount() throws {
        for path in Self.stixFiles {
            let objects = (try Self.foundationJSON(path) as! [String: Any])["objects"] as! [[String: Any]]
            let live = objects.filter { ($0["revoked"] as? Bool) != true && ($0["x_mitre_deprecated"] as? Bool) != true }
            let actors = live.filter { ["intrusion-set", "threat-actor"].contains($0["type"] as! String) }
            let campaigns = live.filter { $0["type"] as? String == "campaign" }
            let activity = actors.filter { $0["first_seen"] != nil || $0["last_seen"] != nil }
            let sightings = live.filter { $0["type"] as? String == "sighting" }
            // A report is activity only where it references an actor (or a campaign of one).
            let actorIDs = Set(actors.map { $0["id"] as! String })
            let attributed = Set(live.filter { $0["type"] as? String == "relationship" && $0["relationship_type"] as? String == "attributed-to"
                && actorIDs.contains($0["target_ref"] as? String ?? "") }.map { $0["source_ref"] as! String })
            let published = live.filter { o in
                o["type"] as? String == "report" && o["published"] != nil
                    && (o["object_refs"] as? [String] ?? []).contains { actorIDs.contains($0) || attributed.contains($0) }
            }
            let r = try Self.load(path)
            #expect(r.actors.count == actors.count, "\(path)")
            #expect(r.campaigns.count == campaigns.count + activity.count, "\(path)")
            #expect(r.events.count == sightings.count + published.count, "\(path)")
        }
    }

    @Test func icsAttackIntrusionSetsKeepTheirAliasesAndTechniques() throws {
        let r = try Self.load(Self.stixDirectory + "/ics-attack-18.1.json")
        let lazarus = try #require(r.actors.first { $0.name == "Lazarus Group" })
        #expect(lazarus.aliases.contains("Labyrinth Chollima"))
        #expect(lazarus.externalIDs.contains("G0032"))
        // Independent: the number of distinct attack patterns Lazarus `uses`.
        let objects = (try Self.foundationJSON(Self.stixDirectory + "/ics-attack-18.1.json") as! [String: Any])["objects"] as! [[String: Any]]
        let byID = Dictionary(objects.map { ($0["id"] as! String, $0) }, uniquingKeysWith: { a, _ in a })
        let lazarusID = objects.first { $0["name"] as? String == "Lazarus Group" }!["id"] as! String
        let used = Set(objects.filter {
            $0["type"] as? String == "relationship" && $0["relationship_type"] as? String == "uses" && $0["source_ref"] as? String == lazarusID
                && (byID[$0["target_ref"] as! String]?["type"] as? String) == "attack-pattern"
        }.map { $0["target_ref"] as! String })
        let d = DatasetBuilder.build([r])
        let techniques = d.techniqueIDs(ofActor: try #require(d.actors.first { $0.name == "Lazarus Group" }).id)
        #expect(techniques.count == used.count)
        #expect(techniques.allSatisfy { $0.hasPrefix("T") })
        // Campaigns carry first_seen/last_seen spans.
        let ukraine = try #require(r.campaigns.first { $0.name == "2015 Ukraine Electric Power Attack" })
        #expect(ukraine.span?.description == "2015-12-01 → 2016-01-01")
    }

    /// Older ATT&CK releases (STIX 2.0 style) carry no `spec_version`: the same objects load.
    @Test func objectsWithoutSpecVersionLoadTheSame() throws {
        let path = Self.stixDirectory + "/ics-attack-18.1.json"
        var object = try Self.foundationJSON(path) as! [String: Any]
        object["objects"] = (object["objects"] as! [[String: Any]]).map { o in
            var copy = o
            copy.removeValue(forKey: "spec_version")
            return copy
        }
        let stripped = Array(try JSONSerialization.data(withJSONObject: object))
        let mentionsSpecVersion = String(decoding: stripped, as: UTF8.self).contains("\"spec_version\"")
        #expect(!mentionsSpecVersion)
        let a = try Self.load(path), b = Ingest.read(bytes: stripped, file: "stripped.json")
        #expect(b.problems.filter { $0.severity == .error }.isEmpty)
        #expect(a.actors.map(\.name).sorted() == b.actors.map(\.name).sorted())
        #expect(a.campaigns.count == b.campaigns.count)
        let techniquesA: Int = a.actors.reduce(0) { $0 + $1.techniques.count }
        let techniquesB: Int = b.actors.reduce(0) { $0 + $1.techniques.count }
        #expect(techniquesA == techniquesB)
    }

    @Test func mispCountryCountsMatchAnIndependentCount() throws {
        let values = (try Self.foundationJSON(Self.misp) as! [String: Any])["values"] as! [[String: Any]]
        let r = try Self.load(Self.misp)
        #expect(r.actors.count == values.count)
        #expect(values.count == 1041)
        // Independent: actors whose meta.country is CN.
        let cnByCountry = values.filter { (($0["meta"] as? [String: Any])?["country"] as? String) == "CN" }.count
        #expect(cnByCountry == 216)
        // Ours: records whose first stated nexus is CN, and which state it through meta.country.
        let ours = r.actors.filter { $0.nexus == .country("CN") }
        let sponsorOnly = values.filter { v in
            let meta = v["meta"] as? [String: Any] ?? [:]
            let country = (meta["country"] as? String) ?? ""
            let sponsor = (meta["cfr-suspected-state-sponsor"] as? String) ?? ""
            return country.isEmpty && ["China", "People's Republic of China"].contains(sponsor)
        }.count
        #expect(ours.count == cnByCountry + sponsorOnly)
        #expect(r.problems.filter { $0.severity == .error }.isEmpty, "\(r.problems.prefix(3))")
    }

    @Test func mispSectorSpellingsFoldOntoTheVocabulary() throws {
        let r = try Self.load(Self.misp)
        let all = r.actors.flatMap(\.sectors)
        #expect(all.allSatisfy { Vocabulary.sector($0) != nil })
        #expect(all.contains("financial-services"))
        // "Finance" and "Financial" both land on financial-services; nothing unmapped is dropped.
        let values = (try Self.foundationJSON(Self.misp) as! [String: Any])["values"] as! [[String: Any]]
        var spellings = Set<String>()
        for v in values {
            let meta = v["meta"] as? [String: Any] ?? [:]
            for key in ["targeted-sector", "cfr-target-category"] { for s in meta[key] as? [String] ?? [] { spellings.insert(s) } }
        }
        let unmapped = spellings.filter { Vocabulary.sectorID(matching: $0) == nil }
        #expect(Set(r.actors.flatMap(\.unmappedSectors)) == unmapped)
        #expect(Vocabulary.sectorID(matching: "Finance") == "financial-services")
        #expect(Vocabulary.sectorID(matching: "Financial") == "financial-services")
    }

    @Test func murkyPandaMergesWithHafniumAcrossFiles() throws {
        let sample = try Self.load(TestPaths.sampleData + "/crowdstrike-2026-tech-intrusions.json")
        let misp = try Self.load(Self.misp)
        let d = DatasetBuilder.build([sample, misp])
        let murky = try #require(d.actors.first { $0.name == "Murky Panda" })
        #expect(murky.aliases.contains("HAFNIUM"))
        #expect(murky.aliases.contains("Silk Typhoon"))
        #expect(murky.nexus == .country("CN"))
        #expect(murky.nexusBasis == .stated)
        #expect(Set(murky.provenance.map(\.format)) == [.native, .misp])
        #expect(d.actors.filter { $0.allNames.contains("HAFNIUM") }.count == 1)
    }

    @Test func attackAndMispMergeOnCatalogueIDs() throws {
        let ics = try Self.load(Self.stixDirectory + "/ics-attack-18.1.json")
        let misp = try Self.load(Self.misp)
        let d = DatasetBuilder.build([ics, misp])
        let sandworm = try #require(d.actors.first { $0.externalIDs.contains("G0034") })
        #expect(Set(sandworm.provenance.map(\.format)) == [.stix, .misp])
        #expect(sandworm.nexus == .country("RU"))
    }

    @Test func apt1ReportBecomesAPublicationEvent() throws {
        let r = try Self.load(Self.stixDirectory + "/apt1.json")
        let d = DatasetBuilder.build([r])
        let published = try #require(d.events.first { $0.kind == .publication })
        #expect(published.span.start.description == "2013-02-19")
        #expect(!published.actorIDs.isEmpty)
        #expect(d.reports.first?.published?.description == "2013-02-19")
    }
}
