import Testing
import TestSupport
@testable import Identity
@testable import Loading
@testable import Readers
@testable import ThreatModel

/// Issue 33: provenance that can be cited, names as the source meant them, and merges that say
/// which record's name or alias matched.
@Suite struct CitationTests {
    @Test func aBareURLTitleIsShownAsItsSiteAndPage() {
        let r = Reference(
            key: "k", title: "https://securelist.com/winnti-faq-more-than-just-a-game/57585/",
            url: "https://securelist.com/winnti-faq-more-than-just-a-game/57585/")
        #expect(r.displayTitle == "securelist.com: winnti-faq-more-than-just-a-game")
        #expect(r.citation == "“securelist.com: winnti-faq-more-than-just-a-game” — no date · https://securelist.com/winnti-faq-more-than-just-a-game/57585/")
        #expect(Reference(key: "k", title: "https://www.example.org/reports/index.html").displayTitle == "example.org: reports")
        #expect(Reference(key: "k", title: "http://example.org").displayTitle == "example.org")
        #expect(Reference(key: "k", title: "A titled report", published: Day(year: 2026, month: 6, day: 10)).shortCitation == "A titled report (2026-06-10)")
    }

    @Test func mispNamesLoseTheSpacesAroundThem() throws {
        let path = TestPaths.sharedData + "/misp-galaxy/threat-actor.json"
        let r = Ingest.read(bytes: try LocalFileSystem().read(path, limit: 1 << 26), file: path)
        #expect(r.actors.contains { $0.name == "Stealth Mango and Tangelo" })
        #expect(!r.actors.contains { $0.name.first == " " || $0.name.last == " " })
    }

    /// Grizzly Steppe is an alias of both APT28 and APT29 (an alias alone is no identity);
    /// when one record's name is another's alias, the explanation says whose is whose.
    @Test func overlapsSayWhoseNameOrAliasItIs() throws {
        let path = TestPaths.sharedData + "/misp-galaxy/threat-actor.json"
        let d = DatasetBuilder.build([Ingest.read(bytes: try LocalFileSystem().read(path, limit: 1 << 26), file: path)])
        let apt28 = try #require(d.actor(named: "APT28"))
        let steppe = try #require(apt28.identity.overlaps.first { $0.alias.lowercased() == "grizzly steppe" })
        #expect(steppe.how == "an alias of both")
        let named = d.actors.flatMap(\.identity.overlaps).filter { $0.how.hasPrefix("the name of ") }
        #expect(named.allSatisfy { $0.how.contains(" and an alias of ") && $0.how.hasSuffix("kept apart, since their catalogues say they are distinct") })
    }
}
