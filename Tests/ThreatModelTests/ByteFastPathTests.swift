import Testing
import TestSupport
@testable import ThreatModel
@testable import Readers

/// The byte-level fast paths (ASCII folding, TLP and galaxy tags) against the plain
/// Character/scalar definitions they replace, over random text a seeded generator makes.
@Suite struct ByteFastPathTests {
    /// The definition of `fold`: lowercased scalars, alphanumeric runs joined by one space.
    func referenceFold(_ raw: String) -> String {
        var out = ""
        var pending = false
        for scalar in raw.lowercased().unicodeScalars {
            if scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) {
                if pending && !out.isEmpty { out += " " }
                pending = false
                out.unicodeScalars.append(scalar)
            } else {
                pending = true
            }
        }
        return out
    }

    func referenceTLP(_ tag: String) -> TLP? {
        var t = Substring(tag.lowercased())
        while t.first == " " { t.removeFirst() }
        while t.last == " " { t.removeLast() }
        if t.hasPrefix("tlp:") { t = t.dropFirst(4) } else if t.hasPrefix("tlp ") { t = t.dropFirst(4) }
        switch t {
        case "clear", "white": return .clear
        case "green": return .green
        case "amber": return .amber
        case "amber+strict", "amber strict": return .amberStrict
        case "red": return .red
        default: return nil
        }
    }

    func referenceGalaxyTag(_ tag: String) -> (String, String)? {
        guard tag.hasPrefix("misp-galaxy:"), let eq = tag.firstIndex(of: "=") else { return nil }
        let galaxy = String(tag[tag.index(tag.startIndex, offsetBy: 12)..<eq])
        var value = Substring(tag[tag.index(after: eq)...])
        if value.hasPrefix("\"") { value = value.dropFirst() }
        if value.hasSuffix("\"") { value = value.dropLast() }
        guard !galaxy.isEmpty, !value.isEmpty else { return nil }
        return (galaxy, String(value))
    }

    /// Random strings built from pieces that exercise every branch (case, digits,
    /// punctuation, spaces, the TLP words, quotes and `=`), some with non-ASCII letters.
    func samples(_ seed: UInt64, count: Int, ascii: Bool) -> [String] {
        var rng = SplitMix(seed: seed)
        let pieces = ["A", "z", "Q", "0", "9", " ", "  ", "-", "_", ".", "'", "+", ":", "=", "\"", "tlp", "TLP", ":amber", "+strict",
                      " strict", "white", "Clear", "green", "RED", "misp-galaxy:", "threat-actor", "APT 28", "\t", "~", "@"]
        let wide = ["é", "İ", "ß", "K", "ſ", "Ж", "中", "e\u{301}", "🦊"]
        return (0..<count).map { _ in
            var s = ""
            for _ in 0..<rng.below(9) {
                let all = ascii ? pieces : pieces + wide
                s += all[rng.below(all.count)]
            }
            return s
        }
    }

    @Test func asciiFoldingAgreesWithTheScalarDefinition() {
        for s in samples(11, count: 20_000, ascii: true) {
            #expect(Vocabulary.fold(s) == referenceFold(s), "fold(\(s.debugDescription))")
            #expect(Actor.nameKey(s) == String(referenceFold(s).filter { $0 != " " }), "nameKey(\(s.debugDescription))")
        }
        for s in samples(12, count: 5_000, ascii: false) { #expect(Vocabulary.fold(s) == referenceFold(s)) }
        #expect(Actor.nameKey("Fancy  Bear!") == "fancybear")
        #expect(Vocabulary.fold("  APT-28 / Fancy_Bear ") == "apt 28 fancy bear")
    }

    @Test func namingConventionsAgreeWithTheCharacterDefinition() {
        func reference(_ name: String) -> Vocabulary.NamingConvention? {
            let words = name.split(whereSeparator: { !$0.isLetter })
            guard words.count >= 2, let last = words.last else { return nil }
            return Vocabulary.namingConventions[last.lowercased()]
        }
        let animals = ["Panda", "bear", "KITTEN", "Chollima", "Spider", "Typhoon", "Blizzard", "Sleet", "Tempest", "Jackal", "Team"]
        var g = SplitMix(seed: 41)
        var named = 0
        for s in samples(42, count: 20_000, ascii: true) + samples(43, count: 3_000, ascii: false) {
            let name = g.chance(0.5) ? s + " " + g.pick(animals) + (g.chance(0.2) ? "-2" : "") : s
            #expect(Vocabulary.namingConvention(of: name)?.word == reference(name)?.word, "namingConvention(\(name.debugDescription))")
            if reference(name) != nil { named += 1 }
        }
        #expect(named > 1_000, "the samples reach the conventions")
        #expect(Vocabulary.namingConvention(of: "Murky Panda")?.meaning == .nexus("CN"))
        #expect(Vocabulary.namingConvention(of: "Panda") == nil)
    }

    @Test func tlpTagsAgreeWithTheStringDefinition() {
        for s in samples(21, count: 20_000, ascii: true) + samples(22, count: 5_000, ascii: false) {
            #expect(TLP(tag: s) == referenceTLP(s), "TLP(tag: \(s.debugDescription))")
        }
        #expect(TLP(tag: "  TLP:AMBER+STRICT ") == .amberStrict)
        #expect(TLP(tag: "tlp:amber strict") == .amberStrict)
        #expect(TLP(tag: "tlp:  green") == nil)
    }

    @Test func galaxyTagsAgreeWithTheStringDefinition() {
        let values = samples(31, count: 5_000, ascii: true) + samples(32, count: 5_000, ascii: false)
        for (k, v) in values.enumerated() {
            let tag = k % 3 == 0 ? v : "misp-galaxy:" + v
            let got = MispEventIngest.galaxyTag(tag), want = referenceGalaxyTag(tag)
            #expect(got?.0 == want?.0 && got?.1 == want?.1, "galaxyTag(\(tag.debugDescription))")
        }
        #expect(MispEventIngest.galaxyTag("misp-galaxy:threat-actor=\"APT1\"").map { [$0.0, $0.1] } == ["threat-actor", "APT1"])
        #expect(MispEventIngest.normalGalaxy("MITRE-Enterprise-Attack-Attack-Pattern") == "mitre-attack-pattern")
    }
}
