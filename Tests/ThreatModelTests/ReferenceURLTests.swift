import Testing
@testable import ThreatModel

/// Links from data files: http(s) with a host, and no byte that breaks out of a terminal
/// hyperlink, a quoted attribute or markup.
@Suite struct ReferenceURLTests {
    /// Every byte value in the middle of a good URL: refused exactly when it is a control,
    /// space, DEL or one of `"<>\``, counted here from the characters themselves.
    @Test func everyByteValueInAURL() {
        let breaking: Set<UInt8> = Set((0...0x20).map(UInt8.init)).union([0x7F, 0x22, 0x3C, 0x3E, 0x5C, 0x60])
        for b in 0...255 {
            let byte = UInt8(b)
            #expect(Reference.breaksLink(byte) == breaking.contains(byte), "byte \(b)")
            guard byte < 0x80 else { continue }
            let url = "https://example.com/a" + String(UnicodeScalar(byte)) + "b"
            #expect((Reference.validURL(url) == nil) == breaking.contains(byte), "byte \(b) in \(url.debugDescription)")
        }
    }

    @Test func schemesHostsAndC1Controls() {
        #expect(Reference.validURL("HTTPS://attack.mitre.org/groups/G0096") != nil)
        #expect(Reference.validURL("http://example.com") != nil)
        #expect(Reference.validURL("https://example.com/caf\u{E9}") != nil)
        for bad in [
            "ftp://example.com", "https:///path", "https://", "javascript:alert(1)", "https://exa mple.com", "https://a.b/\u{85}x", "https://a.b/\u{9B}31m",
        ] {
            #expect(Reference.validURL(bad) == nil, "\(bad.debugDescription)")
        }
        #expect(Reference.validURL("https://example.com/" + String(repeating: "a", count: 2_100)) == nil)
    }
}
