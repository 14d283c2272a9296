import Testing
import TestSupport
@testable import Identity

/// A merged actor's id is the slug of its name: the bytes of an ASCII name give what the
/// scalars' Unicode properties give, and other names keep going through those properties.
@Suite struct SlugTests {
    @Test(arguments: [1, 2, 3])
    func asciiNamesSlugAsTheirScalarsDo(seed: UInt64) {
        var g = SplitMix(seed: seed)
        // Letters, digits, punctuation and controls, often in runs; some past 64 characters.
        let pieces = ["APT", "29", " ", "-", "_", ".", "Panda", "\t", "\u{0}", "\u{7F}", "~", "Group 123", "  --  ", "x"]
        for _ in 0..<2_000 {
            var name = ""
            for _ in 0..<g.below(30) {
                name += g.chance(0.2) ? String(UnicodeScalar(UInt8(g.below(128)))) : pieces[g.below(pieces.count)]
            }
            let lower = name.lowercased()
            #expect(DatasetBuilder.asciiSlug(lower) == DatasetBuilder.unicodeSlug(lower), "\(name.debugDescription)")
        }
    }

    @Test func otherNamesGoThroughUnicodeProperties() {
        #expect(DatasetBuilder.asciiSlug("café bear") == nil)
        #expect(DatasetBuilder.slug("Café Bear") == "café-bear")
        #expect(DatasetBuilder.slug("Murky Panda") == "murky-panda")
        #expect(DatasetBuilder.slug("  ---  ") == "actor")
        #expect(DatasetBuilder.slug(String(repeating: "a1 ", count: 40)).count == 64)
    }
}
