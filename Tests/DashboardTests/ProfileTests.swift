import Analysis
import Dashboard
import Foundation
import Loading
import Reports
import Testing
import TestSupport
import ThreatModel

/// The actor profile (issue 32): APT41 on ATT&CK 17.1 plus the MISP threat-actor galaxy, in
/// the detail pane and as the Markdown dossier, against counts made here from the raw bundle.
@Suite struct ProfileTests {
    static let attack = TestPaths.sharedData + "/stix/enterprise-attack-17.1.json"

    static func state(_ chips: [String], width: Int = 200, height: Int = 60) throws -> AppState {
        let d = LayoutFitTests.attackAndGalaxy
        var o = Fixtures.options(width, height, dataset: d)
        o.filter = try FilterSpec.parse(chips, dataset: d)
        return AppState.start(o)
    }

    @Test func apt41sProfileHasItsTechniquesCampaignsIdsAndSources() throws {
        let s = try Self.state(["actor:APT41"])
        let text = DetailPane.lines(s).map(\.text).joined(separator: "\n")
        let expected = try #require(try OneNumberTests.independentTechniques(Self.attack)["APT41"])
        let all = expected.direct.union(expected.viaCampaigns)
        let campaignOnly = expected.viaCampaigns.subtracting(expected.direct)
        #expect(
            text.contains("techniques: \(all.count) techniques (\(all.count - campaignOnly.count) direct, \(campaignOnly.count) only through campaigns"),
            "\(text)")
        // Every parent technique appears under a tactic, once per tactic it belongs to.
        for root in Set(all.map { String($0.split(separator: ".")[0]) }) { #expect(text.contains(root), "\(root)") }
        #expect(text.contains("C0017") && text.contains("APT41 DUST"))
        #expect(text.contains("G0096 https://attack.mitre.org/groups/G0096/"))
        #expect(text.contains("sources ("))
        #expect(text.contains("names by source:") && text.contains("Wicked Panda"))
        #expect(text.contains("similar actors (Jaccard over technique ids):"))
    }

    @Test func similarActorsAreTheJaccardOfTheRawTechniqueSets() throws {
        let d = LayoutFitTests.attackAndGalaxy
        let raw = try OneNumberTests.independentTechniques(Self.attack)
        let p = try #require(d.actors.firstIndex { $0.name == "APT41" })
        let nearest = SimilarActor.nearest(d, to: p, limit: 5)
        #expect(nearest.count == 5)
        #expect(zip(nearest, nearest.dropFirst()).allSatisfy { $0.jaccard >= $1.jaccard })
        let mine = raw["APT41"]!.direct.union(raw["APT41"]!.viaCampaigns)
        for s in nearest {
            let theirs = Set(s.shared + s.onlyThis)
            #expect(Set(s.shared + s.onlyProfiled) == mine)
            #expect(abs(s.jaccard - Double(mine.intersection(theirs).count) / Double(mine.union(theirs).count)) < 1e-12)
            // Where the raw recount knows the other group too, its set is the same.
            if let other = raw[s.name] { #expect(theirs == other.direct.union(other.viaCampaigns), "\(s.name)") }
        }
    }

    @Test func tacticStripRollsSubTechniquesUpAndMarksCampaignOnes() throws {
        let d = LayoutFitTests.attackAndGalaxy
        let p = try #require(d.actors.firstIndex { $0.name == "APT41" })
        let strip = TacticStrip(d, position: p)
        let figures = ActorTechniques(d, position: p)
        let entries = strip.columns.flatMap(\.entries)
        #expect(Set(entries.map(\.id)) == figures.parents)
        let listed = Set(entries.flatMap { [$0.id] + $0.subTechniques })
        #expect(listed.isSuperset(of: Set(figures.ids.filter { $0.contains(".") })))
        for e in entries where e.onlyThroughCampaigns {
            #expect(([e.id] + e.subTechniques).allSatisfy { figures.campaignOnly.contains($0) || !figures.ids.contains($0) })
        }
        #expect(strip.columns.first?.tactic == "Reconnaissance")
    }

    @Test func markdownExportOfOneActorIsItsDossier() throws {
        let d = LayoutFitTests.attackAndGalaxy
        let view = ReportView(dataset: d, filter: try FilterSpec.parse(["actor:APT41"], dataset: d))
        let md = MarkdownBrief.render(view)
        #expect(md.hasPrefix("# APT41: actor dossier"))
        for heading in ["## Campaigns (2 campaigns)", "## Techniques by tactic", "## Similar actors by technique", "## Events (0 events)", "## Sources"] {
            #expect(md.contains(heading), "\(heading)")
        }
        #expect(md.contains(ActorTechniques(d, position: d.actorPosition(view.selection.actorIDs.first!)!).summary))
        #expect(md.contains("<https://attack.mitre.org/groups/G0096/>"))
        // Two actors: the brief, not a dossier.
        let two = ReportView(dataset: d, filter: try FilterSpec.parse(["nexus:CN"], dataset: d))
        #expect(!MarkdownBrief.render(two).contains("actor dossier"))
    }
}
