import Foundation
import Testing
import TestSupport

/// Navigator layers of chosen actors (issue 32): one layer scored by how many of them use
/// each technique, or one layer per actor; both valid for mitreattack-python, the scores
/// recounted here from the raw ATT&CK bundle with JSONSerialization.
@Suite struct ActorLayerTests {
    static let attack = TestPaths.sharedData + "/stix/enterprise-attack-17.1.json"

    /// Per group name: technique ids used directly or through a campaign attributed to it.
    static func rawTechniques(_ names: [String]) throws -> [String: Set<String>] {
        let root = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: attack))) as? [String: Any])
        let live = (root["objects"] as! [[String: Any]]).filter { ($0["revoked"] as? Bool) != true && ($0["x_mitre_deprecated"] as? Bool) != true }
        let byID = Dictionary(live.map { ($0["id"] as! String, $0) }, uniquingKeysWith: { a, _ in a })
        let relationships = live.filter { $0["type"] as? String == "relationship" }
        func uses(_ source: String) -> Set<String> {
            Set(
                relationships.filter { $0["relationship_type"] as? String == "uses" && $0["source_ref"] as? String == source }
                    .compactMap { byID[$0["target_ref"] as! String] }.filter { $0["type"] as? String == "attack-pattern" }
                    .compactMap {
                        ($0["external_references"] as? [[String: Any]] ?? []).first { $0["source_name"] as? String == "mitre-attack" }?["external_id"]
                            as? String
                    })
        }
        var out: [String: Set<String>] = [:]
        for name in names {
            let group = try #require(live.first { $0["type"] as? String == "intrusion-set" && $0["name"] as? String == name })
            let id = group["id"] as! String
            let campaigns = relationships.filter { $0["relationship_type"] as? String == "attributed-to" && $0["target_ref"] as? String == id }.map {
                $0["source_ref"] as! String
            }
            out[name] = campaigns.reduce(into: uses(id)) { $0.formUnion(uses($1)) }
        }
        return out
    }

    @Test func oneLayerScoresHowManyOfTheActorsUseEachTechnique() throws {
        let cli = CLI("actor-layer")
        defer { cli.remove() }
        let names = ["APT41", "APT3", "Threat Group-3390"]
        let file = cli.home + "/three.json"
        let r = cli.run(["export", "--format", "navigator", "--actor", "APT41", "--actor", "APT3", "--actor", "Threat Group-3390", "-o", file, Self.attack])
        #expect(r.status == 0, "\(r.stderr)")
        let check = try PythonTools.run("check_layer.py", [file, "--warnings-as-errors"])
        #expect(check.status == 0, "\(check.stderr)")
        let layer = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: file))) as? [String: Any])
        let raw = try Self.rawTechniques(names)
        var expected: [String: Int] = [:]
        for set in raw.values { for t in set { expected[t, default: 0] += 1 } }
        var scores: [String: Int] = [:]
        for t in layer["techniques"] as! [[String: Any]] { scores[t["techniqueID"] as! String] = t["score"] as? Int }
        #expect(scores == expected)
        #expect((layer["legendItems"] as! [[String: Any]]).count == 3)
        #expect((layer["description"] as! String).contains("\(expected.values.filter { $0 == 3 }.count) used by all"))
    }

    @Test func oneLayerPerActorGoesNextToTheOutput() throws {
        let cli = CLI("actor-layers")
        defer { cli.remove() }
        let r = cli.run([
            "export", "--format", "navigator", "--actor", "APT41", "--actor", "APT3", "--layer-per-actor", "-o", cli.home + "/case.json", Self.attack,
        ])
        #expect(r.status == 0, "\(r.stderr)")
        let raw = try Self.rawTechniques(["APT41", "APT3"])
        for (name, file) in [("APT41", "/case-APT41.json"), ("APT3", "/case-APT3.json")] {
            let path = cli.home + file
            #expect(try PythonTools.run("check_layer.py", [path, "--warnings-as-errors"]).status == 0)
            let layer = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path))) as? [String: Any])
            #expect(Set((layer["techniques"] as! [[String: Any]]).map { $0["techniqueID"] as! String }) == raw[name])
        }
        let unknown = cli.run(["export", "--format", "navigator", "--actor", "Nobody Panda", Self.attack])
        #expect(unknown.status == 2 && unknown.stderr.contains("--actor Nobody Panda: no actor"))
        let wrongFormat = cli.run(["export", "--format", "md", "--actor", "APT41", Self.attack])
        #expect(wrongFormat.status != 0 && wrongFormat.stderr.contains("--actor applies to --format navigator only"))
    }
}
