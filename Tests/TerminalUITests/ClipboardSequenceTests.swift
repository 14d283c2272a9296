import Testing
@testable import TerminalUI

/// OSC 52: the text as base64 inside `ESC ] 52 ; c ; … BEL`, and under tmux also inside its
/// DCS passthrough with every ESC doubled; nothing over the cap, nothing empty.
@Suite struct ClipboardSequenceTests {
    @Test func base64IsRFC4648() {
        #expect(ClipboardSequence.base64(Array("".utf8)) == "")
        #expect(ClipboardSequence.base64(Array("f".utf8)) == "Zg==")
        #expect(ClipboardSequence.base64(Array("fo".utf8)) == "Zm8=")
        #expect(ClipboardSequence.base64(Array("foo".utf8)) == "Zm9v")
        #expect(ClipboardSequence.base64(Array("foobar".utf8)) == "Zm9vYmFy")
        #expect(ClipboardSequence.base64([0xFF, 0x00, 0x1B]) == "/wAb")
    }

    @Test func plainAndInsideTmux() {
        #expect(ClipboardSequence.make("evil.example", tmux: false) == "\u{1B}]52;c;ZXZpbC5leGFtcGxl\u{07}")
        let wrapped = ClipboardSequence.make("evil.example", tmux: true)
        #expect(wrapped == "\u{1B}]52;c;ZXZpbC5leGFtcGxl\u{07}" + "\u{1B}Ptmux;\u{1B}\u{1B}]52;c;ZXZpbC5leGFtcGxl\u{07}\u{1B}\\")
    }

    @Test func hostileTextCannotEscapeTheSequence() throws {
        let s = try #require(ClipboardSequence.make("\u{1B}]0;pwned\u{07}\n", tmux: false))
        // One ESC (the sequence's own), one BEL (its end): the text is base64.
        #expect(s.unicodeScalars.filter { $0 == "\u{1B}" }.count == 1)
        #expect(s.unicodeScalars.filter { $0 == "\u{07}" }.count == 1)
    }

    @Test func cappedAndNeverEmpty() {
        #expect(ClipboardSequence.make("", tmux: false) == nil)
        #expect(ClipboardSequence.make(String(repeating: "a", count: ClipboardSequence.limit), tmux: false) != nil)
        #expect(ClipboardSequence.make(String(repeating: "a", count: ClipboardSequence.limit + 1), tmux: false) == nil)
    }
}
