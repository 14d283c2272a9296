import Testing
@testable import TerminalUI

@Suite struct ColorTests {
    @Test func tierFromTerminfoAndEnvironment() {
        #expect(ColorTier.detect(colors: 256, directColor: false, environment: [:]) == .color256)
        #expect(ColorTier.detect(colors: 16777216, directColor: true, environment: [:]) == .truecolor)
        #expect(ColorTier.detect(colors: 8, directColor: false, environment: [:]) == .color8)
        #expect(ColorTier.detect(colors: 16, directColor: false, environment: [:]) == .color16)
        #expect(ColorTier.detect(colors: -1, directColor: false, environment: [:]) == .monochrome)
        #expect(ColorTier.detect(colors: 256, directColor: true, environment: ["NO_COLOR": "1"]) == .monochrome)
        // An empty NO_COLOR does not count (no-color.org).
        #expect(ColorTier.detect(colors: 256, directColor: false, environment: ["NO_COLOR": ""]) == .color256)
        #expect(ColorTier.wantsTruecolor(["COLORTERM": "truecolor"]))
    }

    @Test func mapsDownToTheNearestColour() {
        #expect(ColorMapping.nearest256(RGB(255, 0, 0)) == 196)
        #expect(ColorMapping.nearest256(RGB(128, 128, 128)) == 244)
        #expect(ColorMapping.nearest256(RGB(0, 0, 0)) == 16)
        #expect(ColorMapping.map(RGB(205, 0, 0), to: .color16) == .index(1))
        #expect(ColorMapping.map(RGB(255, 80, 80), to: .color16) == .index(9))
        #expect(ColorMapping.map(RGB(250, 250, 250), to: .color8) == .index(7))
        #expect(ColorMapping.map(RGB(1, 2, 3), to: .truecolor) == .rgb(RGB(1, 2, 3)))
        // Every palette colour maps back to itself (or to an index of the identical colour).
        for i in 16..<256 {
            let rgb = ColorMapping.rgb(ofIndex: i)
            #expect(ColorMapping.rgb(ofIndex: ColorMapping.nearest256(rgb)) == rgb, "\(i)")
        }
    }

    @Test func contrastMatchesWCAG() {
        #expect(abs(RGB(0, 0, 0).contrast(with: RGB(255, 255, 255)) - 21) < 0.01)
        #expect(abs(RGB(hex: "#777777")!.contrast(with: RGB(255, 255, 255)) - 4.48) < 0.01)
        #expect(RGB(hex: "#abc") == RGB(0xAA, 0xBB, 0xCC))
        #expect(RGB(hex: "nope") == nil)
    }

    @Test func monochromeKeepsDistinctionsWithAttributes() {
        let p = Palette(theme: Theme.fallback, tier: .monochrome)
        #expect(p.resolve(Style(.borderFocused)).attributes.contains(.bold))
        #expect(p.resolve(Style(.text, background: .selection)).attributes.contains(.reverse))
        #expect(p.resolve(Style(.error)).attributes == [.bold, .underline])
        #expect(p.resolve(Style(.stale)).attributes == [.bold, .reverse])
        #expect(p.resolve(Style(.text)).foreground == .default)
    }

    @Test func ansiRendererEmitsOnlySGR() {
        var b = Buffer(width: 6, height: 1)
        b.put("\u{1B}[2Jx", x: 0, y: 0, style: Style(.error, attributes: .bold))
        let out = AnsiRenderer.render(b, palette: Palette(theme: Theme.fallback, tier: .color256))
        // Every ESC in the output starts an SGR sequence ("ESC [ … m"), nothing else.
        let parts = out.split(separator: "\u{1B}", omittingEmptySubsequences: true).dropFirst(out.hasPrefix("\u{1B}") ? 0 : 1)
        for p in parts {
            #expect(p.hasPrefix("["))
            let body = p.dropFirst().prefix { $0 != "m" }
            #expect(body.allSatisfy { $0.isNumber || $0 == ";" }, "\(p)")
        }
        #expect(out.contains("^[[2Jx"))
        #expect(out.contains("38;5;"))
    }
}
