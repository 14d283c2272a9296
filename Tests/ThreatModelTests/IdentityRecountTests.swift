import Foundation
import Testing
import TestSupport
@testable import ThreatModel
@testable import Loading

/// Actor identity on the real MISP galaxies and ATT&CK ICS, recounted independently: the
/// files read with Foundation's JSONSerialization and README's rules ("How actors are merged")
/// applied by plain, slow code written here, then compared actor by actor.
@Suite struct IdentityRecountTests {
    static let threatActor = TestPaths.sharedData + "/misp-galaxy/threat-actor.json"
    static let intrusionSet = TestPaths.sharedData + "/misp-galaxy/mitre-intrusion-set.json"
    static let ics = TestPaths.sharedData + "/stix/ics-attack-18.1.json"

    struct Rec {
        var file: String
        var id: String
        var name: String
        var aliases: [String]
        var groupIDs: [String]
        var uuid: String
    }

    static func fold(_ s: String) -> String {
        String(s.lowercased().unicodeScalars.filter { CharacterSet.alphanumerics.contains($0) && $0.isASCII }.map(Character.init))
    }

    static func isGroupID(_ s: String) -> Bool { s.count == 5 && s.hasPrefix("G") && s.dropFirst().allSatisfy(\.isNumber) }

    static func records(_ paths: [String]) throws -> [Rec] {
        var out: [Rec] = []
        for path in paths {
            let json = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path))) as! [String: Any]
            if let values = json["values"] as? [[String: Any]] {
                for v in values {
                    var name = v["value"] as! String
                    var ids: [String] = []
                    // ATT&CK's galaxy: "APT1 - G0006".
                    if let r = name.range(of: " - G", options: .backwards), isGroupID(String(name[name.index(after: name.index(after: r.lowerBound))...].dropFirst())) {
                        ids.append(String(name[name.index(r.lowerBound, offsetBy: 3)...]))
                        name = String(name[..<r.lowerBound])
                    }
                    let meta = v["meta"] as? [String: Any] ?? [:]
                    let names = (meta["synonyms"] as? [String] ?? []) + (meta["name-attribution"] as? [String] ?? []).map { String($0.split(separator: ":").first ?? "") }
                    ids += names.filter(isGroupID)
                    out.append(Rec(file: path, id: v["uuid"] as! String, name: name, aliases: names.filter { !isGroupID($0) },
                                   groupIDs: ids.reduce(into: []) { if !$0.contains($1) { $0.append($1) } }, uuid: (v["uuid"] as! String).lowercased()))
                }
            } else {
                for o in json["objects"] as! [[String: Any]] where ["intrusion-set", "threat-actor"].contains(o["type"] as! String) {
                    if o["revoked"] as? Bool == true || o["x_mitre_deprecated"] as? Bool == true { continue }
                    let refs = o["external_references"] as? [[String: Any]] ?? []
                    let ids = refs.filter { $0["source_name"] as? String == "mitre-attack" }.compactMap { $0["external_id"] as? String }
                    let name = o["name"] as! String
                    out.append(Rec(file: path, id: o["id"] as! String, name: name, aliases: (o["aliases"] as? [String] ?? []).filter { $0 != name },
                                   groupIDs: ids, uuid: String((o["id"] as! String).split(separator: "-", maxSplits: 2).last ?? "").lowercased()))
                }
            }
        }
        // Several group ids: only the one ATT&CK itself calls by the record's name is its own.
        for k in out.indices where out[k].groupIDs.count > 1 {
            out[k].groupIDs = out[k].groupIDs.filter { AttackVocabulary.groupNames($0).map { fold($0[0]) == fold(out[k].name) } ?? false }
        }
        return out
    }

    /// README's rules, the slow way. Returns groups of record indices and the umbrellas.
    static func recount(_ recs: [Rec]) -> (groups: [[Int]], umbrellas: Set<Int>) {
        var parent = Array(recs.indices)
        func find(_ x: Int) -> Int { var x = x; while parent[x] != x { x = parent[x] }; return x }
        func union(_ a: Int, _ b: Int) { let (ra, rb) = (find(a), find(b)); if ra != rb { parent[max(ra, rb)] = min(ra, rb) } }
        func members(_ root: Int) -> [Int] { recs.indices.filter { find($0) == root } }
        // Distinct: some catalogue (one file's objects, ATT&CK's groups) lists both, apart.
        func distinct(_ a: Int, _ b: Int) -> Bool {
            let (ma, mb) = (members(find(a)), members(find(b)))
            for x in ma { for y in mb {
                if recs[x].file == recs[y].file && recs[x].id != recs[y].id { return true }
            } }
            let ga = Set(ma.flatMap { recs[$0].groupIDs }), gb = Set(mb.flatMap { recs[$0].groupIDs })
            return !ga.isEmpty && !gb.isEmpty && ga.isDisjoint(with: gb)
        }
        // 1. The same catalogue id (ATT&CK group, cluster uuid) or the same name.
        var seen: [String: Int] = [:]
        for (i, r) in recs.enumerated() {
            let keys = r.groupIDs.map { "g:" + $0 } + ["u:" + r.uuid] + (fold(r.name).count >= 3 ? ["n:" + fold(r.name)] : [])
            for k in keys { if let j = seen[k] { union(j, i) } else { seen[k] = i } }
        }
        // 2. One's alias is the other's name: joined, unless that joins actors some catalogue
        //    keeps apart, or one of them is an umbrella (its names reach two distinct actors).
        var byName: [String: Int] = [:]
        for (i, r) in recs.enumerated() where byName[fold(r.name)] == nil { byName[fold(r.name)] = i }
        var edges: [(Int, Int)] = []
        for (i, r) in recs.enumerated() {
            for a in r.aliases {
                let k = fold(a)
                guard k.count >= 3, k != fold(r.name), let j = byName[k], find(j) != find(i) else { continue }
                edges.append((i, j))
            }
        }
        var neighbours: [Int: Set<Int>] = [:]
        for (a, b) in edges { neighbours[find(a), default: []].insert(find(b)); neighbours[find(b), default: []].insert(find(a)) }
        var umbrellas: Set<Int> = []
        for (g, ns) in neighbours {
            let list = ns.sorted()
            if list.indices.contains(where: { x in list.indices.contains { y in y > x && distinct(list[x], list[y]) } }) { umbrellas.insert(g) }
        }
        for (a, b) in edges {
            let (ra, rb) = (find(a), find(b))
            if ra == rb || umbrellas.contains(ra) || umbrellas.contains(rb) || distinct(ra, rb) { continue }
            union(b, a)
        }
        var groups: [Int: [Int]] = [:]
        for i in recs.indices { groups[find(i), default: []].append(i) }
        return (Array(groups.values), Set(umbrellas.map { find($0) }))
    }

    @Test(arguments: [[threatActor], [threatActor, intrusionSet], [threatActor, intrusionSet, ics]])
    func actorsEqualTheRecount(paths: [String]) throws {
        let recs = try Self.records(paths)
        let (groups, umbrellas) = Self.recount(recs)
        var loader = DatasetLoader(paths: paths)
        let d = loader.load()
        #expect(d.actors.count == groups.count, "\(paths.map { ($0 as NSString).lastPathComponent })")
        // Actor by actor: the same records behind each.
        let expected = Set(groups.map { g in Set(g.map { recs[$0].file + "#" + recs[$0].id }) })
        let actual = Set(d.actors.map { a in Set(a.provenance.compactMap { p in p.objectID.map { p.file + "#" + $0 } }) })
        #expect(expected == actual, "\(expected.subtracting(actual).prefix(5)) vs \(actual.subtracting(expected).prefix(5))")
        #expect(d.actors.filter(\.umbrella).count == umbrellas.count)
    }

    @Test func grizzlySteppeDoesNotMergeAPT28WithAPT29() throws {
        var loader = DatasetLoader(paths: [Self.threatActor, Self.intrusionSet, Self.ics])
        let d = loader.load()
        let apt28 = try #require(d.actors.first { $0.name == "APT28" })
        let apt29 = try #require(d.actors.first { $0.name == "APT29" })
        #expect(apt28.id != apt29.id)
        #expect(apt28.aliases.contains("Grizzly Steppe") && apt29.aliases.contains("Grizzly Steppe"))
        #expect(apt28.identity.overlaps.contains { $0.alias == "Grizzly Steppe" && $0.actorID == apt29.id })
        #expect(apt28.nexus == .country("RU") && apt29.nexus == .country("RU"))
        // Both galaxies' records of each, by the shared ATT&CK id and name, and nothing else.
        #expect(Set(apt28.provenance.map { ($0.file as NSString).lastPathComponent }) == ["threat-actor.json", "mitre-intrusion-set.json"])
        #expect(apt28.identity.reasons.contains { $0.contains("G0007") })
    }

    @Test func naikonAndAPT30StayTwoActors() throws {
        var loader = DatasetLoader(paths: [Self.threatActor, Self.intrusionSet])
        let d = loader.load()
        let naikon = try #require(d.actors.first { $0.name == "Naikon" })
        let apt30 = try #require(d.actors.first { $0.name == "APT30" })
        #expect(naikon.id != apt30.id)
        #expect(naikon.externalIDs.contains("G0019"))
    }

    @Test func chryseneIsAnUmbrellaOverOilRigAndGreenbug() throws {
        var loader = DatasetLoader(paths: [Self.threatActor])
        let d = loader.load()
        let chrysene = try #require(d.actors.first { $0.name == "CHRYSENE" })
        let names = chrysene.identity.umbrellaOf.compactMap { d.actor($0)?.name }.sorted()
        #expect(names == ["Greenbug", "OilRig"])
        let oilrig = try #require(d.actors.first { $0.name == "OilRig" })
        #expect(oilrig.identity.umbrellas == [chrysene.id])
    }
}
