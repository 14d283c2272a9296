import Testing
import TerminalUI

/// Keys from raw bytes (linear mode reads the tty without curses).
@Suite struct KeyDecoderTests {
    static func keys(_ chunks: [[UInt8]], flush: Bool = true) -> [Key] {
        var d = KeyDecoder()
        var out: [Key] = []
        for c in chunks { out += d.feed(c) }
        if flush { out += d.flush() }
        return out
    }

    static func bytes(_ s: String) -> [UInt8] { Array(s.utf8) }

    @Test func sequencesAsTerminalsSendThem() {
        let cases: [(String, Key)] = [
            ("\u{1B}[A", .up), ("\u{1B}[B", .down), ("\u{1B}[C", .right), ("\u{1B}[D", .left),
            ("\u{1B}OA", .up), ("\u{1B}[H", .home), ("\u{1B}[F", .end), ("\u{1B}[1~", .home), ("\u{1B}[4~", .end),
            ("\u{1B}[5~", .pageUp), ("\u{1B}[6~", .pageDown), ("\u{1B}[3~", .delete), ("\u{1B}[Z", .backTab),
            ("\u{1B}OP", .function(1)), ("\u{1B}[15~", .function(5)), ("\u{1B}[24~", .function(12)),
            ("\t", .tab), ("\r", .enter), ("\n", .enter), ("\u{7F}", .backspace), ("\u{04}", .control("d")), ("\u{15}", .control("u")),
            ("é", .character("é")), ("n", .character("n")), ("N", .character("N")),
        ]
        for (input, key) in cases { #expect(Self.keys([Self.bytes(input)]) == [key], "\(input.debugDescription)") }
    }

    @Test func aLoneEscapeIsTheEscapeKeyOnlyAfterTheWait() {
        var d = KeyDecoder()
        #expect(d.feed([0x1B]).isEmpty)
        #expect(d.isWaiting)
        #expect(d.feed(Self.bytes("[B")) == [.down])  // the rest of a sequence arrived
        #expect(d.feed([0x1B]).isEmpty)
        #expect(d.flush() == [.escape])
        #expect(!d.isWaiting)
    }

    @Test func sequencesSplitAcrossReadsAndRunsOfKeys() {
        #expect(Self.keys([[0x1B, 0x5B], [0x41], Self.bytes("jk\u{1B}[6~q")]) == [.up, .character("j"), .character("k"), .pageDown, .character("q")])
        #expect(Self.keys([[0xC3], [0xA9]]) == [.character("é")])
        // Unknown sequences and stray bytes are dropped whole, never typed.
        #expect(Self.keys([Self.bytes("\u{1B}[200~x\u{1B}[99X")]) == [.character("x")])
        #expect(Self.keys([[0xFF, 0x80, 0x61]]) == [.character("a")])
    }
}
