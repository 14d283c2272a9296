import Testing
@testable import TerminalUI

@Suite struct TerminalTextTests {
    init() { TerminalLocale.ensureUTF8() }

    func clean(_ s: String, ascii: Bool = false) -> String { TerminalText.sanitize(s, ascii: ascii) }

    @Test func escapeSequencesBecomeVisible() {
        #expect(clean("\u{1B}[31mred\u{1B}[0m") == "^[[31mred^[[0m")
        #expect(clean("\u{1B}]0;owned\u{07}") == "^[]0;owned^G")
        #expect(clean("\u{1B}]52;c;Y3VybCBldmls\u{1B}\\") == "^[]52;c;Y3VybCBldmls^[\\")
        #expect(clean("\u{1B}]8;;http://x\u{1B}\\link\u{1B}]8;;\u{1B}\\") == "^[]8;;http://x^[\\link^[]8;;^[\\")
        #expect(clean("bell\u{07}del\u{7F}nul\u{00}") == "bell^Gdel^?nul^@")
        #expect(clean("\u{9B}31m c1 csi") == "<U+009B>31m c1 csi")
        #expect(clean("\u{90}dcs\u{9C}") == "<U+0090>dcs<U+009C>")
    }

    @Test func trojanSourceAndInvisiblesAreNeutralised() {
        #expect(clean("admin\u{202E}nimda") == "admin<U+202E>nimda")
        #expect(clean("a\u{2066}b\u{2069}c") == "a<U+2066>b<U+2069>c")
        #expect(clean("zero\u{200B}width\u{200D}join\u{FEFF}") == "zero<U+200B>width<U+200D>join<U+FEFF>")
        #expect(clean("\u{3164}") == "<U+3164>")
        #expect(clean("tag\u{E0041}") == "tag<U+E0041>")
    }

    @Test func layoutCharactersBecomeSpaces() {
        #expect(clean("two\nlines\tand\r\u{2028}more") == "two lines and  more")
    }

    @Test func printableUnicodeIsKept() {
        #expect(clean("Café 中国 Ωmega") == "Café 中国 Ωmega")
        #expect(clean("e\u{301}") == "e\u{301}")
    }

    @Test func loneCombiningMarksAndZalgoAreBounded() {
        #expect(clean("\u{301}x") == "<U+0301>x")
        let zalgo = "Z" + String(repeating: "\u{301}", count: 40)
        let g = TerminalText.graphemes(zalgo)
        // A cell holds eight UTF-8 bytes: "Z" and three two-byte marks; the other 37 are counted.
        #expect(g.first?.text == "Z" + String(repeating: "\u{301}", count: 3))
        #expect(TerminalText.sanitize(zalgo).hasSuffix("<+37>"))
    }

    @Test func asciiModeEscapesEverythingElse() {
        #expect(clean("Café → 中", ascii: true) == "Caf<U+00E9> -> <U+4E2D>")
        #expect(clean("a · b … c", ascii: true) == "a | b ... c")
        #expect(clean("\u{1B}[2J", ascii: true) == "^[[2J")
        #expect(TerminalText.graphemes("中文", ascii: true).allSatisfy { $0.width == 1 && $0.text.utf8.count == 1 })
    }

    @Test func absurdlyLongTextIsCut() {
        let g = TerminalText.graphemes(String(repeating: "x", count: 1_000_000))
        #expect(g.count == TerminalText.defaultLimit + 1)
        #expect(g.last?.text == "…")
    }

    @Test func widthsComeFromTheCLibrary() {
        #expect(TextWidth.width(of: "abc") == 3)
        #expect(TextWidth.width(of: "中国") == 4)
        #expect(TextWidth.width(of: "한국어") == 6)
        #expect(TextWidth.width(of: "e\u{301}") == 1)
        #expect(TextWidth.width(of: "\u{1B}") == 2)
    }

    /// No output of the sanitiser contains a byte that starts a terminal control sequence.
    @Test func outputNeverContainsControlBytes() {
        var generator: UInt64 = 0x1234_5678
        for _ in 0..<2_000 {
            var scalars = String.UnicodeScalarView()
            for _ in 0..<16 {
                generator = generator &* 6364136223846793005 &+ 1442695040888963407
                let pick = Int(generator >> 33) % 6
                let v: UInt32
                switch pick {
                case 0: v = UInt32(generator >> 40) % 0x20
                case 1: v = 0x7F + UInt32(generator >> 40) % 0x21
                case 2: v = [0x202A, 0x202E, 0x2066, 0x2069, 0x200B, 0x200D, 0xFEFF, 0x061C][Int(generator >> 40) % 8]
                case 3: v = 0x300 + UInt32(generator >> 40) % 0x70
                default: v = 0x20 + UInt32(generator >> 40) % 0x5F
                }
                if let s = Unicode.Scalar(v) { scalars.append(s) }
            }
            let out = TerminalText.sanitize(String(scalars))
            for s in out.unicodeScalars {
                #expect(!(s.value < 0x20 || (s.value >= 0x7F && s.value <= 0x9F)), "control U+\(String(s.value, radix: 16)) in \(out.debugDescription)")
                #expect(s.properties.generalCategory != .format, "format char in \(out.debugDescription)")
            }
        }
    }
}
