import Foundation
import Testing
import TestSupport
import TerminalUI
import SampleData
@testable import Analysis
@testable import Dashboard
@testable import Identity
@testable import Loading
@testable import Readers
@testable import Reports
@testable import ThreatModel

/// Issue 33: a figure means one thing everywhere. Each expected figure is recounted here from
/// the raw files with Foundation's JSON parser and this test's own rules, never through the
/// readers, and compared with the dashboard, the summary and every export.
@Suite struct OneNumberTests {
    // MARK: The finding's population on the bundled sample

    /// CrowdStrike's animal names (PROVENANCE.md): the nexus an actor without a stated one gets.
    static let animals = ["Panda": "CN", "Bear": "RU", "Chollima": "KP", "Kitten": "IR", "Tiger": "IN", "Buffalo": "VN", "Leopard": "PK", "Crane": "KR"]
    static let technology: Set<String> = ["technology", "ai-research", "semiconductors", "cloud", "software", "it-services"]
    static let intrusionKinds: Set<String> = ["intrusion", "exploitation", "credential-attack", "phishing", "malware", "data-theft", "insider"]

    /// (events of the population, of them China's), counted from the two sample files.
    static func independentRecount() throws -> (total: Int, china: Int) {
        var actors: [String: (type: String, nexus: String?)] = [:]
        var events: [[String: Any]] = []
        for name in ["crowdstrike-2026-tech-intrusions.json", "synthetic-activity-feed.json"] {
            let data = try Data(contentsOf: URL(fileURLWithPath: TestPaths.sampleData + "/" + name))
            let root = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
            for a in root["actors"] as? [[String: Any]] ?? [] {
                let name = a["name"] as! String
                var nexus = a["nexus"] as? String
                if nexus == nil || nexus == "unknown" { nexus = animals.first { name.hasSuffix(" " + $0.key) }?.value }
                actors[a["id"] as! String] = (a["type"] as? String ?? "unknown", nexus)
            }
            events += root["events"] as? [[String: Any]] ?? []
        }
        var total = 0, china = 0
        for e in events {
            let start = (e["date"] ?? e["start"]) as! String, end = (e["date"] ?? e["end"]) as! String
            guard String(start.prefix(10)) <= "2026-03-31", String(end.prefix(10)) >= "2025-04-01" else { continue }
            guard intrusionKinds.contains(e["kind"] as! String) else { continue }
            guard (e["sectors"] as? [String] ?? []).contains(where: technology.contains) else { continue }
            let ids = e["actors"] as? [String] ?? []
            guard ids.contains(where: { actors[$0]?.type == "state" }) else { continue }
            total += 1
            // Stated, else what all its actors agree on.
            let theirs = Set(ids.map { actors[$0]?.nexus })
            let nexus = (e["nexus"] as? String) ?? (theirs.count == 1 ? theirs.first! : nil)
            if nexus == "CN" { china += 1 }
        }
        return (total, china)
    }

    @Test func theFindingsPopulationIsRecountedTheSameEverywhere() throws {
        TerminalLocale.ensureUTF8()
        let expected = try Self.independentRecount()
        #expect(expected.total > 20, "the sample holds a population worth recounting")
        let d = SampleData.dataset()
        let finding = try #require(d.findings.first { $0.id == "cn-share-tech-intrusions-58" })
        #expect(finding.scope == Finding.Population(sponsorship: .state, activity: .targetedIntrusions, countedBy: .events, basis: .stated))
        let recount = try #require(PopulationRecount.compute(finding, in: d))
        #expect(recount.missing.isEmpty && recount.total == expected.total && recount.subject == expected.china, "\(recount)")
        // The same chips typed by hand give the same figure.
        let byHand = try FilterSpec.parse(["sponsor:state", "kind:targeted-intrusion", "sector:technology", "window:2025-04-01..2026-03-31"], dataset: d)
        let view = ReportView(dataset: d, filter: byHand, measure: .events)
        #expect(view.breakdown.total == expected.total)
        #expect(view.breakdown.row(for: .nexus(.country("CN")))?.count == expected.china)
        // Summary, JSON and the brief say the same number with its population and unit.
        let all = ReportView(dataset: d, filter: .none)
        let share = Format.percent(Double(expected.china) / Double(expected.total))
        let line =
            "China \(share) of \(expected.total) targeted intrusions (state-sponsored · targeted intrusions · Technology sector · 2025-04-01 → 2026-03-31)"
        #expect(PlainSummary.render(all).contains("recount, same population: " + line))
        #expect(MarkdownBrief.render(all).contains("Recount, same population: " + line))
        let json = JSONSummary.document(all).render()
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let rc = try #require((object["findings"] as? [[String: Any]])?.first { $0["id"] as? String == finding.id }?["recount"] as? [String: Any])
        #expect(rc["total"] as? Int == expected.total && rc["subject"] as? Int == expected.china && rc["unit"] as? String == "targeted intrusions")
        // And the whole loaded data separately, named as such.
        #expect(PlainSummary.render(all).contains("all loaded data: events by nexus (\(Noun.event.count(d.events.count)), every kind, sector and date)"))
    }

    @Test func aPopulationTheDataCannotFormSaysWhatIsMissing() throws {
        // ATT&CK ICS holds no events; a finding about intrusions cannot be recounted on it.
        let ics = Ingest.read(bytes: try LocalFileSystem().read(TestPaths.sharedData + "/stix/ics-attack-18.1.json", limit: 1 << 26), file: "ics.json")
        let d = DatasetBuilder.build([ics])
        let f = Finding(
            id: "f", statement: "", metric: .share, value: 50, qualifier: .moreThan, subjectNexus: .country("CN"),
            population: "State-sponsored intrusions against energy companies", sector: "energy")
        let r = try #require(PopulationRecount.compute(f, in: d))
        #expect(r.share == nil)
        #expect(r.missing.contains("the loaded data holds no events to count"), "\(r.missing)")
        #expect(PlainSummary.recountText(r).hasPrefix("recount, same population: not possible here: "))
        // Read from the wording, only where it is unambiguous.
        #expect(f.scope == Finding.Population(sponsorship: .state, activity: .targetedIntrusions, countedBy: .events, basis: .inferred))
        #expect(Finding.Population.inferred(from: "State-sponsored attacks on technology companies").activity == nil)
        #expect(Finding.Population.inferred(from: "Entities affected by Murky Panda").countedBy == .victims)
        #expect(Finding.Population.inferred(from: "Organisations in Europe").sponsorship == nil)
    }

    // MARK: Technique counts of ten ATT&CK groups

    static let groups = ["APT41", "APT29", "Lazarus Group", "FIN7", "APT28", "Turla", "Sandworm Team", "OilRig", "Kimsuky", "menuPass"]

    /// Per group: technique ids used directly and through attributed campaigns, from the raw
    /// bundle (revoked and deprecated objects never count).
    static func independentTechniques(_ path: String) throws -> [String: (direct: Set<String>, viaCampaigns: Set<String>)] {
        let root = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path))) as? [String: Any])
        let live = (root["objects"] as! [[String: Any]]).filter { ($0["revoked"] as? Bool) != true && ($0["x_mitre_deprecated"] as? Bool) != true }
        let byID = Dictionary(live.map { ($0["id"] as! String, $0) }, uniquingKeysWith: { a, _ in a })
        func attackID(_ o: [String: Any]) -> String? {
            (o["external_references"] as? [[String: Any]] ?? []).first { $0["source_name"] as? String == "mitre-attack" }?["external_id"] as? String
        }
        let relationships = live.filter { $0["type"] as? String == "relationship" }
        func uses(_ source: String) -> Set<String> {
            Set(
                relationships.filter { $0["relationship_type"] as? String == "uses" && $0["source_ref"] as? String == source }
                    .compactMap { byID[$0["target_ref"] as! String] }.filter { $0["type"] as? String == "attack-pattern" }.compactMap(attackID))
        }
        var out: [String: (Set<String>, Set<String>)] = [:]
        for name in groups {
            let group = try #require(live.first { $0["type"] as? String == "intrusion-set" && $0["name"] as? String == name })
            let id = group["id"] as! String
            let campaigns = relationships.filter { $0["relationship_type"] as? String == "attributed-to" && $0["target_ref"] as? String == id }
                .map { $0["source_ref"] as! String }.filter { byID[$0]?["type"] as? String == "campaign" }
            out[name] = (uses(id), campaigns.reduce(into: Set<String>()) { $0.formUnion(uses($1)) })
        }
        return out
    }

    @Test func tenAttackGroupsHaveTheSameTechniqueFiguresEverywhere() throws {
        TerminalLocale.ensureUTF8()
        let path = TestPaths.sharedData + "/stix/enterprise-attack-17.1.json"
        let expected = try Self.independentTechniques(path)
        let d = DatasetBuilder.build([Ingest.read(bytes: try LocalFileSystem().read(path, limit: 1 << 28), file: path)])
        for name in Self.groups {
            let (direct, via) = try #require(expected[name])
            let all = direct.union(via)
            let p = try #require(d.actors.firstIndex { $0.name == name })
            let t = ActorTechniques(d, position: p)
            #expect(t.count == all.count && t.campaignOnly.count == via.subtracting(direct).count, "\(name): \(t.summary)")
            #expect(t.parents.count == Set(all.map { String($0.prefix { $0 != "." }) }).count, "\(name)")
            #expect(t.subTechniques == all.filter { $0.contains(".") }.count, "\(name)")
            // One actor in view: every place gives the same figures.
            let view = ReportView(dataset: d, filter: Filter([.actor(d.actors[p].id)]))
            #expect(PlainSummary.render(view).contains("  \(name): " + t.summary), "\(name) summary")
            let csv = CSVExport.render(.actors, view).split(separator: "\r\n").map {
                $0.split(separator: ",", omittingEmptySubsequences: false).suffix(5).joined(separator: ",")
            }
            #expect(
                csv.last == [t.count, t.direct, t.campaignOnly.count, t.parents.count, t.subTechniques].map(String.init).joined(separator: ","), "\(name) csv")
            let json = try #require(try JSONSerialization.jsonObject(with: Data(JSONSummary.document(view).render().utf8)) as? [String: Any])
            let counts = (json["actors"] as? [[String: Any]])?.first?["technique_counts"] as? [String: Int]
            #expect(
                counts == [
                    "techniques": t.count, "direct": t.direct, "only_through_campaigns": t.campaignOnly.count,
                    "parent_techniques": t.parents.count, "sub_techniques": t.subTechniques,
                ], "\(name) json")
            #expect(NavigatorLayer.layer(view).render().contains(name + ": " + t.summary), "\(name) navigator")
            let state = AppState.start(StartOptions(dataset: d, width: 200, height: 60))
            let detail = DetailPane.actorLines(state, d.actors[p].id).map(\.text).joined(separator: "\n")
            #expect(detail.contains("techniques: " + t.summary), "\(name) detail")
        }
        // APT41 in ATT&CK 17.1, as the issue measured it.
        let apt41 = ActorTechniques(d, position: try #require(d.actors.firstIndex { $0.name == "APT41" }))
        #expect(apt41.summary == "104 techniques (82 direct, 22 only through campaigns · 80 parent techniques, 62 sub-techniques)")
    }
}
