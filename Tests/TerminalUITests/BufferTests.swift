import Testing
@testable import TerminalUI

@Suite struct BufferTests {
    init() { TerminalLocale.ensureUTF8() }

    @Test func putClipsWithAnEllipsis() {
        var b = Buffer(width: 10, height: 1)
        b.put("Murky Panda espionage", x: 0, y: 0)
        #expect(b.lines == ["Murky Pan…"])
        var c = Buffer(width: 10, height: 1)
        #expect(c.put("Murky", x: 2, y: 0, maxWidth: 5) == 5)
        #expect(c.lines == ["  Murky   "])
    }

    @Test func wideCharactersAreNeverSplit() {
        var b = Buffer(width: 6, height: 1)
        b.put("中国中国", x: 0, y: 0)
        // Four columns of CJK fit, the fifth would split a character: a space, then the ellipsis.
        #expect(b.lines == ["中国 …"])
        #expect(b[1, 0].isContinuation)
        var c = Buffer(width: 5, height: 1)
        c.put("ab中", x: 0, y: 0, ellipsis: false)
        // A wide character that does not fit in the last column is never half drawn: the
        // column says something was cut.
        c.put("中", x: 4, y: 0)
        #expect(c.lines == ["ab中…"])
    }

    @Test func overwritingHalfAWideCharacterRepairsIt() {
        var b = Buffer(width: 4, height: 1)
        b.put("中国", x: 0, y: 0)
        b.put("x", x: 1, y: 0)
        #expect(b.lines == [" x国"])
        b.put("y", x: 2, y: 0)
        #expect(b.lines == [" xy "])
    }

    @Test func setRefusesUnsafeCells() {
        var b = Buffer(width: 3, height: 1)
        b.set(0, 0, Cell("\u{1B}"))
        b.set(1, 0, Cell("\u{202E}"))
        b.set(2, 0, Cell("█"))
        #expect(b.lines == ["^<█"])
        var a = Buffer(width: 2, height: 1, ascii: true)
        a.set(0, 0, Cell("█"))
        #expect(a.lines == ["# "])
    }

    @Test func zeroSizedBuffersAndOutOfRangeWritesAreHarmless() {
        var b = Buffer(width: 0, height: 0)
        b.put("x", x: 0, y: 0)
        b.fill(Rect(x: -5, y: -5, width: 100, height: 100))
        #expect(b.lines == [])
        var c = Buffer(width: 3, height: 2)
        c.put("abc", x: -2, y: 1)
        c.put("zzz", x: 5, y: 0)
        c.put("q", x: 0, y: 7)
        #expect(c.lines == ["   ", "c  "])
    }

    @Test func cellsPackTheirGraphemeAndDecodeIt() {
        for text in ["a", "é", "中", "😀", "e\u{301}\u{302}", "█", " "] {
            let cell = Cell(text)
            #expect(cell.text == text)
            var scalars: [UInt32] = []
            cell.forEachScalar { scalars.append($0) }
            #expect(scalars == text.unicodeScalars.map(\.value))
        }
        #expect(Cell("", width: 0).isContinuation)
        #expect(Cell("abcdefghij").text == "abcdefgh")
    }

    @Test func layoutSplitsByConstraints() {
        let area = Rect(x: 0, y: 0, width: 100, height: 40)
        let rows = Layout.rows(area, [.fixed(2), .fill, .fixed(1)])
        #expect(rows.map(\.height) == [2, 37, 1])
        #expect(rows.map(\.y) == [0, 2, 39])
        let cols = Layout.columns(area, [.percent(45), .fill])
        #expect(cols.map(\.width) == [45, 55])
        let tight = Layout.rows(Rect(x: 0, y: 0, width: 1, height: 3), [.fixed(2), .fixed(2), .fixed(2)])
        #expect(tight.map(\.height) == [2, 1, 0])
        let weighted = Layout.columns(Rect(x: 0, y: 0, width: 10, height: 1), [.fill(min: 0, weight: 1), .fill(min: 0, weight: 3)])
        #expect(weighted.map(\.width) == [2, 8])
    }

    /// The fast paths of `Buffer.set` decide exactly as the slow ones: the glyph bitmap as the
    /// trusted list, the packed-byte decoding as String's own.
    @Test func trustedGlyphBitmapAndPackedScalarsAgreeWithTheSlowPath() {
        let trusted = Set(GlyphSet.trustedScalars)
        #expect(trusted.count > 40)
        for v in UInt32(0)..<0x30000 where GlyphSet.isTrusted(v) != trusted.contains(v) {
            Issue.record("U+\(String(v, radix: 16)): bitmap says \(GlyphSet.isTrusted(v))")
        }
        for hostile: UInt32 in [0x1B, 0x7F, 0x9B, 0x200B, 0x202E, 0x2066, 0xFEFF] { #expect(!GlyphSet.isTrusted(hostile)) }
        for text in ["a", "é", "─", "█", "▏", "·", "中", "🐼", "e\u{301}", "🇨🇳", "👩‍💻", "ab", ""] {
            let cell = Cell(text)
            let scalars = cell.text.unicodeScalars
            #expect(cell.singleScalar == (scalars.count == 1 ? scalars.first : nil), "\(text.debugDescription)")
        }
        // Bytes that are not UTF-8 never decode to a scalar.
        for packed: UInt64 in [0x80, 0xBF, 0xC3, 0x28C3, 0xFF, 0xA080E0, 0x80808080F8] {
            #expect(Cell(packed: packed, width: 1, style: .plain).singleScalar == nil, "\(String(packed, radix: 16))")
        }
    }

    @Test func textIsTheLinesWithoutTrailingSpaces() {
        // Random rows of ASCII, wide, combining and emoji text at random columns, some with
        // trailing blanks and wide characters in the last column: `text` (trimmed per cell)
        // must equal the lines trimmed of trailing spaces as Strings.
        let pieces = ["a", "Panda ", " ", "中", "国x", "e\u{301}", "🐼", "  ", "█", "·", "—", "🇨🇳"]
        var seed: UInt64 = 0x2545_F491_4F6C_DD1D
        func next(_ n: Int) -> Int {
            seed ^= seed << 13
            seed ^= seed >> 7
            seed ^= seed << 17
            return Int(seed % UInt64(n))
        }
        for round in 0..<200 {
            var b = Buffer(width: 1 + next(30), height: 1 + next(5))
            for _ in 0..<next(12) {
                b.put(pieces[next(pieces.count)], x: next(b.width + 2) - 1, y: next(b.height), ellipsis: next(2) == 0)
            }
            let expected = b.lines.map { line in
                var scalars = Array(line.unicodeScalars)
                while scalars.last == " " { scalars.removeLast() }
                return String(String.UnicodeScalarView(scalars))
            }.joined(separator: "\n")
            #expect(b.text == expected, "round \(round): \(b.lines)")
        }
    }
}
