import Foundation
import Testing
import TestSupport
@testable import Analysis
@testable import Dashboard
@testable import Loading
@testable import ThreatModel

/// MISP pivots over the five real events in ../shared/data/misp-events: `tag:`, `galaxy:`,
/// `org:`, `type:` and `ioc:` chips narrow events, actors and indicators alike; `!` negates
/// each; `:` completes each from the loaded values; what is typed defanged is refanged.
@Suite struct PivotChipTests {
    static let directory = TestPaths.sharedData + "/misp-events"

    static let dataset: Dataset = {
        var loader = DatasetLoader(paths: [directory])
        return loader.load()
    }()

    static var files: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []).filter { $0.hasSuffix(".json") }.sorted().map { directory + "/" + $0 }
    }

    /// The events' JSON, read with Foundation (not ThreatDeck's reader), keyed by ThreatDeck's id.
    static var raw: [String: [String: Any]] {
        var out: [String: [String: Any]] = [:]
        for path in files {
            let root = try! JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path))) as! [String: Any]
            let e = root["Event"] as! [String: Any]
            out["misp-event--" + (e["uuid"] as! String).lowercased()] = e
        }
        return out
    }

    /// The ids of the events in view under `specs`.
    static func events(_ specs: [String]) throws -> Set<String> {
        let d = dataset
        return Set(try FilterSpec.parse(specs, dataset: d).apply(to: d).eventIndices.map { d.events[$0].id })
    }

    /// Ids of the raw events `test` holds for.
    static func expected(_ test: ([String: Any]) -> Bool) -> Set<String> { Set(raw.filter { test($0.value) }.keys) }

    static func tagNames(_ e: [String: Any]) -> [String] {
        let attributes =
            (e["Attribute"] as? [[String: Any]] ?? []) + (e["Object"] as? [[String: Any]] ?? []).flatMap { $0["Attribute"] as? [[String: Any]] ?? [] }
        return ([e] + attributes).flatMap { ($0["Tag"] as? [[String: Any]] ?? []).compactMap { $0["name"] as? String } }
    }

    static func attributes(_ e: [String: Any]) -> [[String: Any]] {
        (e["Attribute"] as? [[String: Any]] ?? []) + (e["Object"] as? [[String: Any]] ?? []).flatMap { $0["Attribute"] as? [[String: Any]] ?? [] }
    }

    @Test func tagChipsAndTheirNegation() throws {
        let white = Self.expected { Self.tagNames($0).contains("tlp:white") }
        #expect(white.count == 3)
        #expect(try Self.events(["tag:tlp:white"]) == white)
        #expect(try Self.events(["tag:TLP:WHITE"]) == white)
        // A namespace holds for every tag in it.
        #expect(try Self.events(["tag:tlp"]) == Self.expected { Self.tagNames($0).contains { $0.hasPrefix("tlp:") } })
        let rest = try Self.events(["!tag:tlp:white"])
        #expect(rest.isDisjoint(with: white) && rest.union(white) == Set(Self.raw.keys))
        // A galaxy tag, typed without its quotes; an attribute's tag counts for its event.
        let pencil = Self.expected { Self.tagNames($0).contains("misp-galaxy:threat-actor=\"STOLEN PENCIL\"") }
        #expect(pencil.count == 1)
        #expect(try Self.events(["tag:\"misp-galaxy:threat-actor=STOLEN PENCIL\""]) == pencil)
        let blog = Self.expected { e in
            Self.attributes(e).contains { a in (a["Tag"] as? [[String: Any]] ?? []).contains { $0["name"] as? String == "osint:source-type=\"blog-post\"" } }
        }
        #expect(!blog.isEmpty)
        #expect(try Self.events(["tag:osint:source-type=blog-post"]) == blog)
        #expect(try Self.events(["tag:no-such-tag"]).isEmpty)
    }

    @Test func galaxyAndOrgChips() throws {
        let gozi = Self.expected { e in
            (e["Galaxy"] as? [[String: Any]] ?? []).contains { g in (g["GalaxyCluster"] as? [[String: Any]] ?? []).contains { $0["value"] as? String == "Gozi" }
            }
        }
        #expect(gozi.count == 1)
        for spec in ["galaxy:banker=Gozi", "galaxy:banker", "galaxy:gozi", "galaxy:\"banker=Gozi\""] { #expect(try Self.events([spec]) == gozi, "\(spec)") }
        let circl = Self.expected { ($0["Orgc"] as? [String: Any])?["name"] as? String == "CIRCL" }
        #expect(circl.count == 3)
        #expect(try Self.events(["org:CIRCL"]) == circl)
        #expect(try Self.events(["org:circl"]) == circl)
        #expect(try Self.events(["!org:CIRCL"]) == Set(Self.raw.keys).subtracting(circl))
        // The actors in view are those with an event in view.
        let d = Self.dataset
        let s = try FilterSpec.parse(["tag:\"misp-galaxy:threat-actor=STOLEN PENCIL\""], dataset: d).apply(to: d)
        #expect(Set(s.actorIDs.compactMap { d.actor($0)?.name }) == ["STOLEN PENCIL"])
    }

    @Test func typeChipsNarrowEventsAndIndicators() throws {
        let d = Self.dataset
        let withDomain = Self.expected { Self.attributes($0).contains { $0["type"] as? String == "domain" } }
        #expect(try Self.events(["type:domain"]) == withDomain)
        let view = try FilterSpec.parse(["type:domain"], dataset: d).apply(to: d)
        let shown = IndicatorsInView.positions(d, view).map { d.indicators[$0] }
        let domains = Self.raw.values.flatMap(Self.attributes).filter { $0["type"] as? String == "domain" }
        #expect(shown.count == domains.count && shown.allSatisfy { $0.type == "domain" })
        // Negated: events with no link at all, and no link among their indicators.
        let noLink = try FilterSpec.parse(["!type:link"], dataset: d).apply(to: d)
        #expect(Set(noLink.eventIndices.map { d.events[$0].id }) == Self.expected { !Self.attributes($0).contains { $0["type"] as? String == "link" } })
        #expect(IndicatorsInView.positions(d, noLink).allSatisfy { d.indicators[$0].type != "link" })
        // `type:state` is still the sponsor chip it was.
        #expect(try FilterSpec.parse(["type:state"], dataset: d).chips == [.sponsor(.state)])
        #expect(try FilterSpec.parse(["type:sha256"], dataset: d).chips == [.pivot(.type("sha256"))])
    }

    @Test func iocChipsTakeDefangedValues() throws {
        let d = Self.dataset
        let url = "https://tdalpacafarm.com/files/kr/contents/Vkggy0.hta"
        let holding = Self.expected { Self.attributes($0).contains { $0["value"] as? String == url } }
        #expect(holding.count == 1)
        let typed = "ioc:hxxps://tdalpacafarm[.]com/files/kr/contents/Vkggy0[.]hta"
        let filter = try FilterSpec.parse([typed], dataset: d)
        #expect(filter.chips == [.pivot(.ioc(url))])
        // Shown defanged on the chip, as everywhere on screen.
        #expect(filter.chips[0].label == typed)
        #expect(try Self.events([typed]) == holding)
        #expect(try Self.events(["ioc:" + url]) == holding)
        // The pivot shows every indicator of the events that hold the value.
        let view = filter.apply(to: d)
        let raw = try #require(Self.raw[holding.first!])
        #expect(IndicatorsInView.positions(d, view).count == Self.attributes(raw).count)
        // A part of a composite value finds it too; negation leaves the rest.
        #expect(try Self.events(["!" + typed]) == Set(Self.raw.keys).subtracting(holding))
    }

    @Test func everyPivotCompletesFromTheLoadedValues() {
        let context = CompletionContext(dataset: Self.dataset)
        func words(_ typed: String) -> [String] { FilterCompletion.candidates(typed, context).map(\.word) }
        #expect(words("tag:tlp:wh") == ["tag:tlp:white"])
        // A namespace of several tags is offered too.
        #expect(words("tag:misp-galaxy:mitre-intrusion-s").contains("tag:misp-galaxy:mitre-intrusion-set"))
        #expect(words("!tag:tlp:wh") == ["!tag:tlp:white"])
        #expect(words("galaxy:bank").contains("galaxy:banker=Gozi"))
        #expect(words("org:CI") == ["org:CIRCL"])
        #expect(words("!org:Syn") == ["!org:\"Synovus Financial\""])
        #expect(words("type:dom") == ["type:domain"])
        #expect(words("ioc:ooiasjdn") == ["ioc:ooiasjdnqjwbeasdasd.com"])
        // Typed defanged, completed to the value.
        #expect(words("ioc:ooiasjdnqjwbeasdasd[.]c") == ["ioc:ooiasjdnqjwbeasdasd.com"])
        #expect(FilterCompletion.complete("org:CI", context) == "org:CIRCL ")
        #expect(FilterCompletion.complete("!typ", context) == "!type:")
    }
}
