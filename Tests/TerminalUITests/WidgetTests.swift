import Testing
@testable import TerminalUI

/// Widgets drawn into small buffers, compared line by line with what the screen shows.
@Suite struct WidgetTests {
    init() { TerminalLocale.ensureUTF8() }

    func draw(_ w: Widget, width: Int, height: Int, ascii: Bool = false) -> [String] {
        var b = Buffer(width: width, height: height, ascii: ascii)
        w.render(into: &b, area: b.area)
        return b.lines
    }

    @Test func blockWithTitleAndNote() {
        let lines = draw(Block(title: "Actors", note: "by events", glyphs: .unicode), width: 30, height: 3)
        #expect(lines == [
            "┌ Actors ───────── by events ┐",
            "│                            │",
            "└────────────────────────────┘",
        ])
        // When space is short the note gives way (to at most half), never the title.
        #expect(draw(Block(title: "Actors", note: "by events", glyphs: .unicode), width: 24, height: 2)[0] == "┌ Actors ──── by even… ┐")
        let focused = draw(Block(title: "Actors", focused: true, glyphs: .unicode), width: 12, height: 2)
        #expect(focused == ["┏ Actors ━━┓", "┗━━━━━━━━━━┛"])
        let ascii = draw(Block(title: "A", focused: true, glyphs: .asciiSet), width: 8, height: 2, ascii: true)
        #expect(ascii == ["# A ===#", "#======#"])
    }

    @Test func horizontalBarsInEighths() {
        #expect(draw(HorizontalBar(fraction: 0.5, glyphs: .unicode), width: 8, height: 1) == ["████░░░░"])
        #expect(draw(HorizontalBar(fraction: 0.58, glyphs: .unicode), width: 10, height: 1) == ["█████▊░░░░"])
        // A tiny non-zero value still shows; zero shows only the track.
        #expect(draw(HorizontalBar(fraction: 0.001, glyphs: .unicode), width: 5, height: 1) == ["▏░░░░"])
        #expect(draw(HorizontalBar(fraction: 0, glyphs: .unicode), width: 5, height: 1) == ["░░░░░"])
        #expect(draw(HorizontalBar(fraction: 0.58, glyphs: .asciiSet), width: 10, height: 1, ascii: true) == ["######...."])
        #expect(draw(HorizontalBar(fraction: .nan, glyphs: .unicode), width: 3, height: 1) == ["░░░"])
    }

    @Test func columnChartScalesToTheTallest() {
        let lines = draw(ColumnChart(values: [0, 1, 2, 4, 8], glyphs: .unicode), width: 5, height: 2)
        #expect(lines == [
            "    █",
            " ▂▄██",
        ])
        // Columns share the width evenly.
        #expect(draw(ColumnChart(values: [1, 1], glyphs: .unicode), width: 5, height: 1) == ["█████"])
        #expect(ColumnChart.column(1, of: 3, width: 10) == (3, 3))
        #expect(draw(ColumnChart(values: [], glyphs: .unicode), width: 3, height: 2) == ["   ", "   "])
    }

    @Test func paragraphWrapsByDisplayWidth() {
        #expect(Paragraph.wrap("targets technology and cloud", width: 12, ascii: false).map { $0.map(\.text).joined() } ==
                ["targets", "technology", "and cloud"])
        #expect(Paragraph.wrap("中国中国中国", width: 5, ascii: false).map { $0.map(\.text).joined() } == ["中国", "中国", "中国"])
        #expect(Paragraph.wrap("abcdefghij", width: 4, ascii: false).map { $0.map(\.text).joined() } == ["abcd", "efgh", "ij"])
        #expect(draw(Paragraph("one two three"), width: 7, height: 2) == ["one two", "three  "])
    }

    @Test func blockDigitsReadFromAcrossTheRoom() {
        // Scale 2: each bit of the 3×5 font is two columns by one row.
        let lines = draw(BlockDigits(">58%", glyphs: .unicode, scale: 2), width: 30, height: 5)
        #expect(lines == [
            "██      ██████  ██████  ██  ██",
            "  ██    ██      ██  ██      ██",
            "    ██  ██████  ██████    ██  ",
            "  ██        ██  ██  ██  ██    ",
            "██      ██████  ██████  ██  ██",
        ])
        #expect(BlockDigits.width(of: ">58%", scale: 2) == 30)
        // Scale 1: half blocks, three rows; the qualifier is the first glyph.
        #expect(draw(BlockDigits(">58%", glyphs: .unicode, scale: 1), width: 15, height: 3) == [
            "▀▄  █▀▀ █▀█ ▀ █",
            " ▄▀ ▀▀█ █▀█ ▄▀ ",
            "▀   ▀▀▀ ▀▀▀ ▀ ▀",
        ])
        // ASCII: '#' at whole rows.
        #expect(Array(draw(BlockDigits("42", glyphs: .asciiSet, scale: 2), width: 14, height: 5, ascii: true).prefix(3)) == ["##  ##  ######", "##  ##      ##", "######  ######"])
    }

    /// The scale fills the space: the largest whose figure fits, and at 80 rows a figure of
    /// a third of the screen is 25 rows or more.
    @Test func blockDigitsScaleToTheSpace() {
        #expect(BlockDigits.scale(toFit: ">58%", width: 296, height: 26) == 10)
        #expect(BlockDigits.height(scale: 10) == 25)
        #expect(BlockDigits.scale(toFit: ">58%", width: 14, height: 3) == 0)
        #expect(BlockDigits.scale(toFit: ">58%", width: 15, height: 3) == 1)
        #expect(BlockDigits.height(scale: 1) == 3)
    }

    @Test func overlayCentresAndClips() {
        let o = Overlay(title: "Keys", lines: [("q  quit", Style())], glyphs: .unicode, preferredWidth: 20)
        let lines = draw(o, width: 24, height: 5)
        #expect(lines == [
            "                        ",
            "  ┏ Keys ━━━━━━━━━━━━┓  ",
            "  ┃ q  quit          ┃  ",
            "  ┗━━━━━━━━━━━━━━━━━━┛  ",
            "                        ",
        ])
        // Never wider than the screen.
        #expect(draw(o, width: 10, height: 3)[0] == "┏ Keys ━━┓")
    }

    @Test func everyWidgetSurvivesAZeroSizeArea() {
        let widgets: [Widget] = [
            Block(title: "x", glyphs: .unicode), HorizontalBar(fraction: 0.5, glyphs: .unicode), ColumnChart(values: [1, 2], glyphs: .unicode),
            Paragraph("text"), BlockDigits("58", glyphs: .unicode), Overlay(title: "t", lines: [], glyphs: .unicode),
        ]
        for w in widgets {
            var b = Buffer(width: 4, height: 4)
            let blank = b
            // Nothing is drawn into an empty area, and a 1×1 area is never left.
            w.render(into: &b, area: Rect(x: 2, y: 2, width: 0, height: 0))
            #expect(b == blank, "\(type(of: w)) drew into a zero-size area")
            w.render(into: &b, area: Rect(x: 3, y: 3, width: 1, height: 1))
            for y in 0..<4 {
                for x in 0..<4 where !(x == 3 && y == 3) { #expect(b[x, y] == blank[x, y], "\(type(of: w)) drew outside its 1×1 area at \(x),\(y)") }
            }
        }
    }
}
