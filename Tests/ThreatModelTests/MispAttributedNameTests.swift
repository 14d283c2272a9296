import Testing

@testable import Readers

/// `MispIngest.attributedName` on bytes gives what splitting by Character gives.
@Suite struct MispAttributedNameTests {
    static func reference(_ s: String) -> String { String(s.split(separator: ":", maxSplits: 1).first ?? "") }

    @Test func edgeCases() {
        for s in [
            "", ":", "::", ":x", ":x:y", "x:", "x::y", "APT1: Mandiant", "no colon", " : ", "a:b:c", "\r\n:x", "x\r\n:y", "中国:x", "e\u{301}:x", ":\u{301}x",
        ] {
            #expect(MispIngest.attributedName(s) == Self.reference(s), "\(s.debugDescription)")
        }
    }

    @Test func randomStrings() {
        let alphabet: [String] = [":", ":", "a", "B", " ", "\r", "\n", "-", "é", "\u{301}", "中"]
        var seed: UInt64 = 0x9E37_79B9_7F4A_7C15
        for _ in 0..<5_000 {
            var s = ""
            seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            var n = Int(seed >> 60)
            while n > 0 {
                seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                s += alphabet[Int(seed >> 33) % alphabet.count]
                n -= 1
            }
            #expect(MispIngest.attributedName(s) == Self.reference(s), "\(s.debugDescription)")
        }
    }
}
