import Testing
@testable import ThreatModel

/// The one pluralisation every count goes through.
@Suite struct NounTests {
    @Test func countsAgreeWithTheirNumber() {
        #expect(Noun.actor.count(1) == "1 actor")
        #expect(Noun.actor.count(0) == "0 actors")
        #expect(Noun.event.count(1_204) == "1,204 events")
        #expect(Noun.event.count(-1) == "-1 events")
        #expect(Noun.entity.count(2) == "2 entities")
        #expect(Noun.match.count(3) == "3 matches")
        #expect(Noun.alias.count(2) == "2 aliases")
        #expect(Noun.day.count(2) == "2 days", "a vowel before y keeps it")
        #expect(Noun("sub-technique").count(1) == "1 sub-technique")
        #expect(Noun("event in view", plural: "events in view").count(21) == "21 events in view")
    }

    @Test func everyNounHasADistinctPlural() {
        for noun in Noun.all { #expect(noun.plural != noun.singular, "\(noun.singular)") }
        #expect(Set(Noun.all.map(\.plural)).count == Noun.all.count)
    }
}
