import Testing
import TestSupport
@testable import ThreatModel

/// The lookups that replaced `[String: Int]` in indexing and merging must answer as the
/// dictionary did (the first of equal keys wins), for any key a file can hold.
@Suite struct StringPositionsTests {
    @Test func answersAsAFirstWinsDictionary() {
        var rng = SplitMix(seed: 41)
        let alphabet: [String] = ["a", "K", "-", "0", "é", "中", "🦊", " ", "\u{0}", "e\u{301}", "\u{212A}"]
        for round in 0..<200 {
            let count = rng.below(80)
            var keys: [String] = (0..<count).map { _ in (0..<rng.below(40)).map { _ in rng.pick(alphabet) }.joined() }
            if count > 3 { keys.append(keys[rng.below(count)]) }  // a repeat: the first stays
            let expected = Dictionary(keys.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
            let table = StringPositions(keys)
            for (key, position) in expected { #expect(table.position(of: key) == position, "round \(round): \(key.debugDescription)") }
            for _ in 0..<20 {
                let probe = (0..<rng.below(40)).map { _ in rng.pick(alphabet) }.joined()
                #expect(table.position(of: probe) == expected[probe], "round \(round): \(probe.debugDescription)")
            }
        }
    }

    @Test func countryCodesInAnyCase() {
        #expect(Vocabulary.country("CN")?.code == "CN")
        #expect(Vocabulary.country("cn")?.code == "CN")
        #expect(Vocabulary.country("Cn")?.code == "CN")
        #expect(Vocabulary.country("XX") == nil && Vocabulary.country("") == nil)
        // Every country's region as the country gives it, by any case of its code.
        for c in Vocabulary.countries {
            #expect(Vocabulary.region(ofCountry: c.code.lowercased()) == Vocabulary.country(c.code)?.region, "\(c.code)")
        }
        #expect(Vocabulary.region(ofCountry: "cn") != nil && Vocabulary.region(ofCountry: "XX") == nil)
    }
}
