import Testing
@testable import ThreatModel

/// Indicators are defanged for the screen and Markdown, and what is typed is refanged, so a
/// value copied in either form finds the indicator.
@Suite struct DefangTests {
    @Test func networkValuesLoseTheirSchemeAndDots() {
        #expect(Defang.value("http://evil.example/a.php", type: "url") == "hxxp://evil[.]example/a[.]php")
        #expect(Defang.value("HTTPS://evil.example", type: "link") == "hxxps://evil[.]example")
        #expect(Defang.value("ftp://files.example", type: "url") == "fxp://files[.]example")
        #expect(Defang.value("evil.example", type: "domain") == "evil[.]example")
        #expect(Defang.value("203.0.113.5", type: "ip-dst") == "203[.]0[.]113[.]5")
        #expect(Defang.value("evil.example|203.0.113.5", type: "domain|ip") == "evil[.]example|203[.]0[.]113[.]5")
        #expect(Defang.value("bob@evil.example", type: "email-src") == "bob@evil[.]example")
    }

    @Test func otherValuesKeepTheirDotsButNotALiveScheme() {
        #expect(Defang.value("invoice.pdf.exe", type: "filename") == "invoice.pdf.exe")
        #expect(Defang.value("d41d8cd98f00b204e9800998ecf8427e", type: "md5") == "d41d8cd98f00b204e9800998ecf8427e")
        #expect(Defang.value("see http://evil.example", type: "text") == "see hxxp://evil.example")
    }

    @Test func refangUndoesEveryCommonSpelling() {
        #expect(Defang.refang("hxxp://evil[.]example/a[.]php") == "http://evil.example/a.php")
        #expect(Defang.refang("hXXps://evil(.)example") == "https://evil.example")
        #expect(Defang.refang("evil[dot]example") == "evil.example")
        #expect(Defang.refang("203[.]0[.]113[.]5") == "203.0.113.5")
        #expect(Defang.refang("bob[@]evil{.}example") == "bob@evil.example")
        #expect(Defang.refang("hxxp[:]//evil[.]example") == "http://evil.example")
        #expect(Defang.refang("fxp://files[.]example") == "ftp://files.example")
        #expect(Defang.refang(" plain.example ") == "plain.example")
    }

    @Test(arguments: [
        ("http://evil.example/x?y=1", "url"), ("evil.example", "domain"), ("198.51.100.7", "ip-src"), ("a@b.example", "email"),
        ("https://a.b.c/d.e", "link"),
    ])
    func defangedValuesRefangToThemselves(value: String, type: String) {
        #expect(Defang.refang(Defang.value(value, type: type)) == value)
    }
}
