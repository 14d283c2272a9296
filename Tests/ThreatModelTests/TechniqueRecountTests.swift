import Foundation
import Testing
import TestSupport
@testable import ThreatModel
@testable import Analysis
@testable import Loading

/// Ranked techniques on ATT&CK ICS v18.1, recounted from the relationships with Foundation's
/// JSONSerialization: an intrusion set uses a technique when a live `uses` relationship says
/// so, or a campaign attributed to it uses it; revoked and deprecated objects and
/// relationships never count; sub-techniques roll up into their parent.
@Suite struct TechniqueRecountTests {
    static let ics = TestPaths.sharedData + "/stix/ics-attack-18.1.json"

    static func recount(_ path: String) throws -> (perRoot: [String: Set<String>], perTechnique: [String: Set<String>], tactics: [String]) {
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path))) as! [String: Any]
        let objects = json["objects"] as! [[String: Any]]
        func live(_ o: [String: Any]) -> Bool { o["revoked"] as? Bool != true && o["x_mitre_deprecated"] as? Bool != true }
        var byID: [String: [String: Any]] = [:]
        for o in objects where live(o) { byID[o["id"] as! String] = o }
        func attackID(_ o: [String: Any]) -> String? {
            (o["external_references"] as? [[String: Any]] ?? []).first { ($0["source_name"] as? String ?? "").hasPrefix("mitre") }?["external_id"] as? String
        }
        let relationships = objects.filter { $0["type"] as? String == "relationship" && live($0) }
        var campaignActors: [String: Set<String>] = [:]
        for r in relationships where r["relationship_type"] as? String == "attributed-to" {
            let s = r["source_ref"] as! String, t = r["target_ref"] as! String
            if s.hasPrefix("campaign--"), t.hasPrefix("intrusion-set--"), byID[s] != nil, byID[t] != nil { campaignActors[s, default: []].insert(t) }
        }
        var perRoot: [String: Set<String>] = [:]
        var perTechnique: [String: Set<String>] = [:]
        for r in relationships where r["relationship_type"] as? String == "uses" {
            let s = r["source_ref"] as! String, t = r["target_ref"] as! String
            guard t.hasPrefix("attack-pattern--"), let pattern = byID[t], let id = attackID(pattern), byID[s] != nil else { continue }
            let actors: Set<String> = s.hasPrefix("intrusion-set--") ? [s] : s.hasPrefix("campaign--") ? (campaignActors[s] ?? []) : []
            let root = String(id.split(separator: ".").first!)
            perRoot[root, default: []].formUnion(actors)
            perTechnique[id, default: []].formUnion(actors)
        }
        perRoot = perRoot.filter { !$0.value.isEmpty }
        // Matrix columns: the x-mitre-matrix's tactic_refs, in order.
        let matrix = objects.first { $0["type"] as? String == "x-mitre-matrix" && live($0) }
        let tactics = (matrix?["tactic_refs"] as? [String] ?? []).compactMap { byID[$0]?["x_mitre_shortname"] as? String }
        return (perRoot, perTechnique, tactics)
    }

    @Test func rankedTechniquesEqualTheRecount() throws {
        let (perRoot, perTechnique, tactics) = try Self.recount(Self.ics)
        var loader = DatasetLoader(paths: [Self.ics])
        let d = loader.load()
        let selection = Filter().apply(to: d)
        let usage = TechniqueUsage.compute(d, selection: selection)
        // Every technique with its number of actors, and nothing else.
        var shown: [String: Int] = [:]
        for r in usage.ranked { shown[r.techniqueID] = r.count }
        #expect(shown == perRoot.mapValues(\.count))
        // Ranked: most actors first, ties by id.
        let expectedOrder = perRoot.map { ($0.key, $0.value.count) }.sorted { ($0.1, $1.0) > ($1.1, $0.0) }.map(\.0)
        #expect(usage.ranked.map(\.techniqueID) == expectedOrder)
        // Actor by actor: the STIX ids behind each count.
        for r in usage.ranked {
            let ids = Set(r.actorPositions.flatMap { d.actors[$0].provenance.compactMap(\.objectID) })
            #expect(ids == perRoot[r.techniqueID], "\(r.techniqueID)")
        }
        // Sub-techniques listed under their parent with their own counts (ICS has none today).
        for r in usage.ranked { for s in r.subtechniques { #expect(s.count == perTechnique[s.techniqueID]?.count, "\(s.techniqueID)") } }
        // Columns in the data's own kill-chain order (ICS differs from enterprise).
        let columns = usage.matrix.map(\.tactic.shortName)
        #expect(columns == tactics.filter { columns.contains($0) })
        #expect(columns.first == "initial-access" || tactics.first == columns.first)
        #expect(!tactics.isEmpty && tactics.contains("inhibit-response-function"))
    }

    @Test func aTechniqueFilterShowsItsActorsEverywhere() throws {
        let (perRoot, _, _) = try Self.recount(Self.ics)
        var loader = DatasetLoader(paths: [Self.ics])
        let d = loader.load()
        let top = try #require(perRoot.max { ($0.value.count, $1.key) < ($1.value.count, $0.key) })
        let selection = Filter([.technique(top.key)]).apply(to: d)
        let ids = Set(d.actors.indices.filter { selection.actorMask[$0] }.flatMap { d.actors[$0].provenance.compactMap(\.objectID) })
        #expect(ids == top.value)
    }
}
