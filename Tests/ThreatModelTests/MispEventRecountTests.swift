import Foundation
import Testing
import TestSupport
@testable import ThreatModel
@testable import Loading

/// The five real MISP events in ../shared/data/misp-events (CIRCL OSINT events from PyMISP's
/// tests), each recounted with Foundation's JSONSerialization: its date, actors, sectors,
/// techniques, marking and contents, compared with what ThreatDeck loads.
@Suite struct MispEventRecountTests {
    static let directory = TestPaths.sharedData + "/misp-events"
    static var files: [String] { ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []).filter { $0.hasSuffix(".json") }.sorted().map { directory + "/" + $0 } }

    struct Expected {
        var date = ""
        var info = ""
        var actors: Set<String> = []
        var techniques: Set<String> = []
        var sectors: Set<String> = []
        var tlp: String?
        var attributes = 0, objects = 0, objectAttributes = 0
    }

    static let actorGalaxies: Set<String> = ["threat-actor", "mitre-intrusion-set", "intrusion-set", "microsoft-activity-group"]

    /// `misp-galaxy:TYPE="VALUE"` or a Galaxy cluster, the recount's way.
    static func note(_ galaxy: String, _ value: String, into e: inout Expected) {
        let g = galaxy.lowercased()
        func stripID(_ v: String) -> (String, String?) {
            guard let r = v.range(of: " - ", options: .backwards) else { return (v, nil) }
            return (String(v[..<r.lowerBound]), String(v[r.upperBound...]))
        }
        if actorGalaxies.contains(g) {
            e.actors.insert(g == "mitre-intrusion-set" ? stripID(value).0 : value)
        } else if g.hasSuffix("attack-pattern"), let id = stripID(value).1, id.hasPrefix("T"), id.dropFirst().prefix(4).allSatisfy(\.isNumber) {
            e.techniques.insert(id)
        } else if g == "sector" {
            e.sectors.insert(value.lowercased())
        }
    }

    static func recount(_ path: String) throws -> Expected {
        let root = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path))) as! [String: Any]
        let ev = root["Event"] as! [String: Any]
        var e = Expected(date: ev["date"] as! String, info: ev["info"] as! String)
        let attrs = ev["Attribute"] as? [[String: Any]] ?? []
        let objs = ev["Object"] as? [[String: Any]] ?? []
        e.attributes = attrs.count
        e.objects = objs.count
        let objAttrs = objs.flatMap { $0["Attribute"] as? [[String: Any]] ?? [] }
        e.objectAttributes = objAttrs.count
        let ranks = ["clear": 0, "white": 0, "green": 1, "amber": 2, "amber+strict": 3, "red": 4]
        for holder in [ev] + attrs + objAttrs {
            for t in holder["Tag"] as? [[String: Any]] ?? [] {
                let name = t["name"] as! String
                if name.lowercased().hasPrefix("tlp:") {
                    let level = String(name.dropFirst(4)).lowercased()
                    if let r = ranks[level], r >= (e.tlp.flatMap { ranks[$0] } ?? -1) { e.tlp = level == "white" ? "clear" : level }
                } else if name.hasPrefix("misp-galaxy:"), let eq = name.firstIndex(of: "=") {
                    let galaxy = String(name[name.index(name.startIndex, offsetBy: 12)..<eq])
                    let value = String(name[name.index(after: eq)...]).trimmingCharacters(in: CharacterSet(charactersIn: "\""))
                    // Only well-formed galaxy names (japanese_test's are corrupted on purpose).
                    if galaxy.allSatisfy({ $0.isASCII }) { note(galaxy, value, into: &e) }
                }
            }
            for g in holder["Galaxy"] as? [[String: Any]] ?? [] {
                for c in g["GalaxyCluster"] as? [[String: Any]] ?? [] {
                    note((c["type"] as? String) ?? (g["type"] as? String ?? ""), c["value"] as! String, into: &e)
                }
            }
        }
        return e
    }

    @Test func fiveFiles() { #expect(Self.files.count == 5) }

    @Test(arguments: files)
    func eventEqualsTheRecount(path: String) throws {
        let expected = try Self.recount(path)
        var loader = DatasetLoader(paths: [path])
        let d = loader.load()
        #expect(d.problems.filter { $0.severity == .error }.isEmpty, "\(d.problems.prefix(3))")
        #expect(d.events.count == 1)
        let event = try #require(d.events.first)
        #expect(event.span.start.description == expected.date && event.span.end.description == expected.date)
        #expect(event.summary == expected.info)
        #expect(Set(event.actorIDs.compactMap { d.actor($0)?.name }) == expected.actors, "\(path)")
        #expect(Set(event.techniques) == expected.techniques, "\(path)")
        #expect(Set(event.sectors) == expected.sectors)
        #expect(event.tlp?.rawValue == expected.tlp, "\(path)")
        #expect(event.contents == "\(expected.attributes) attribute\(expected.attributes == 1 ? "" : "s"), \(expected.objects) object\(expected.objects == 1 ? "" : "s") (\(expected.objectAttributes) attribute\(expected.objectAttributes == 1 ? "" : "s") in objects)")
        // Unknown galaxies and tags are labels, never errors.
        if path.hasSuffix("galaxy_1.json") { #expect(event.labels.contains("guidelines=Leak of confidential information")) }
    }

    @Test func tagActorsJoinTheGalaxyByTheIdentityRules() throws {
        var loader = DatasetLoader(paths: [Self.directory + "/galaxy_1.json", Self.directory + "/image_event.json", TestPaths.sharedData + "/misp-galaxy/threat-actor.json"])
        let d = loader.load()
        // "APT1 - G0006" in the event and APT1 in the galaxy: one actor, both records behind it.
        let event = try #require(d.events.first { $0.summary.contains("PUBG") })
        let apt1 = try #require(event.actorIDs.compactMap { d.actor($0) }.first { $0.name == "APT1" })
        #expect(Set(apt1.provenance.map { ($0.file as NSString).lastPathComponent }) == ["galaxy_1.json", "threat-actor.json"])
        #expect(d.actors.filter { $0.name == "APT1" }.count == 1)
        #expect(apt1.nexus == .country("CN"))
        // STOLEN PENCIL is only "Operation Stolen Pencil", an alias, in today's galaxy: an
        // alias is not identity, so the tag's actor stays its own.
        let pencil = try #require(d.actors.first { $0.name == "STOLEN PENCIL" })
        #expect(pencil.provenance.count == 1)
    }

    @Test func theWholeDirectoryIsOneDatasetWithEveryEvent() throws {
        var loader = DatasetLoader(paths: [Self.directory])
        let d = loader.load()
        #expect(d.events.count == 5)
        #expect(d.highestMarking == .clear)
        // Three are TLP:WHITE (CLEAR), two unmarked: a CLEAR limit hides none (unmarked is
        // shown, as README says), and the header has nothing hidden to report.
        var limited = DatasetLoader(paths: [Self.directory])
        limited.maxTLP = .clear
        let shown = limited.load()
        #expect(shown.events.count == 5)
        #expect(shown.hidden.total == 0)
        #expect(d.events.filter { $0.tlp == .clear }.count == 3)
    }
}
