import Foundation
import Testing
import TerminalUI

/// OSC 8 over a drawn frame: whole http(s) URLs become links, cut ones do not, and the
/// overlay rewrites exactly the text that is already there, between save and restore cursor.
@Suite struct HyperlinksTests {
    @Test func wholeURLsAreLinksAndCutOnesAreNot() {
        var b = Buffer(width: 60, height: 3)
        _ = b.put("reference: https://attack.mitre.org/techniques/T1566.", x: 0, y: 0)
        _ = b.put("see https://example.org/a/very/long/path/that/gets/cut/here/x", x: 0, y: 1, maxWidth: 40)
        _ = b.put("http:// alone, ftp://x.example, mailto:a@b", x: 0, y: 2)
        let spans = Hyperlinks.spans(in: b)
        #expect(spans == [Hyperlinks.Span(x: 11, y: 0, url: "https://attack.mitre.org/techniques/T1566")])
    }

    @Test func theOverlayRewritesTheSameTextInsideOSC8() {
        var b = Buffer(width: 40, height: 2)
        _ = b.put("ref https://a.example/x", x: 2, y: 1, style: Style(.accent))
        let spans = Hyperlinks.spans(in: b)
        let out = Hyperlinks.overlay(b, palette: Palette(theme: .fallback, tier: .color256), spans: spans)
        #expect(out.hasPrefix("\u{1B}7\u{1B}[2;7H"))
        #expect(out.contains("\u{1B}]8;;https://a.example/x\u{1B}\\"))
        #expect(out.hasSuffix("\u{1B}]8;;\u{1B}\\\u{1B}8"))
        // Between the link's open and close: SGR and exactly the URL's characters.
        let inner = out.components(separatedBy: "\u{1B}\\")[1].components(separatedBy: "\u{1B}]8;;")[0]
        let visible = inner.replacing(/\u{1B}\[[0-9;]*m/, with: "")
        #expect(visible == "https://a.example/x")
        #expect(Hyperlinks.overlay(b, palette: Palette(theme: .fallback, tier: .color256), spans: []) == "")
    }
}
