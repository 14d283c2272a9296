import Testing
@testable import JSONCore

/// `JSONParser.unescape` writes runs straight into the string: it must decode exactly as the
/// plain byte-at-a-time decoder below, on every escape, broken ones included.
@Suite struct UnescapeTests {
    /// The decoder as it was written first (one byte at a time into an array): the oracle.
    static func reference(_ raw: [UInt8]) -> String {
        var out: [UInt8] = []
        var j = 0
        let n = raw.count
        func appendScalar(_ v: UInt32) { out.append(contentsOf: Array(String(Unicode.Scalar(v) ?? "\u{FFFD}").utf8)) }
        func hex4(_ at: Int) -> UInt32? {
            guard at + 3 < n else { return nil }
            var v: UInt32 = 0
            for k in 0..<4 {
                guard let d = JSONParser.hexValue(raw[at + k]) else { return nil }
                v = v << 4 | d
            }
            return v
        }
        while j < n {
            let c = raw[j]
            guard c == 0x5C, j + 1 < n else { out.append(c); j += 1; continue }
            let e = raw[j + 1]
            j += 2
            switch e {
            case 0x62: out.append(0x08)
            case 0x66: out.append(0x0C)
            case 0x6E: out.append(0x0A)
            case 0x72: out.append(0x0D)
            case 0x74: out.append(0x09)
            case 0x75:
                guard let high = hex4(j) else { appendScalar(0xFFFD); continue }
                j += 4
                if high >= 0xD800 && high <= 0xDBFF {
                    if j + 1 < n, raw[j] == 0x5C, raw[j + 1] == 0x75, let low = hex4(j + 2), low >= 0xDC00, low <= 0xDFFF {
                        j += 6
                        appendScalar(0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00))
                    } else {
                        appendScalar(0xFFFD)
                    }
                } else if high >= 0xDC00 && high <= 0xDFFF {
                    appendScalar(0xFFFD)
                } else {
                    appendScalar(high)
                }
            default: out.append(e)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    static func decode(_ raw: [UInt8]) -> String { raw.withUnsafeBufferPointer(JSONParser.unescape) }

    @Test func everyEscapeDecodesAsTheReferenceDoes() {
        let cases = [
            #"a\nb"#, #"\"quoted\""#, #"tab\there"#, #"\/\\\b\f\r"#, #"\u00e9\u4e2d\u0000"#, #"\ud83d\ude00 smile"#,
            #"\ud83d alone"#, #"\ude00 low alone"#, #"\ud83d\u0041"#, #"\uZZZZ bad"#, #"\u12"#, #"end\"#, #"\"#,
            #"\u"#, "caf\u{e9} \\n d\u{e9}j\u{e0}", #"\x unknown"#, String(repeating: #"\u0041"#, count: 300),
        ]
        for text in cases {
            #expect(Self.decode(Array(text.utf8)) == Self.reference(Array(text.utf8)), "\(text)")
        }
        #expect(Self.decode(Array(#"a\nb\u00e9\ud83d\ude00"#.utf8)) == "a\nb\u{e9}\u{1F600}")
    }

    @Test func randomTextsWithEscapesDecodeAsTheReferenceDoes() {
        // Pieces that make every path: plain runs (long, for the copies), escapes good and
        // broken, surrogates paired and not, multi-byte UTF-8, a backslash at the very end.
        let pieces = [
            "plain", String(repeating: "x", count: 40), "\\n", "\\\"", "\\\\", "\\u00e9", "\\u4E2D", "\\ud83d", "\\ude00",
            "\\uD83D\\uDE00", "\\u12", "\\uzz00", "\\q", "\u{e9}", "\u{4e2d}", "\u{1F600}", "\\",
        ]
        var g: UInt64 = 0x2545_F491_4F6C_DD1D
        for _ in 0..<3000 {
            var text = ""
            g = g &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            for _ in 0..<Int(g >> 60) {
                g = g &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                text += pieces[Int(g >> 33) % pieces.count]
            }
            let raw = Array(text.utf8)
            #expect(Self.decode(raw) == Self.reference(raw), "\(text)")
        }
    }

    /// `withUTF8View` gives a string's decoded bytes, in place or decoded first, and nil for
    /// a value that is not a string.
    @Test func aStringsUTF8ViewIsItsDecodedText() throws {
        let document = try JSONDocument(parsing: Array(#"["2026-03-31T00:00:00Z", "2026\u002d03", "\u00e9t\u00e9", 7]"#.utf8))
        var elements: [Int] = []
        document.forEachElement(document.root) { _, e in elements.append(e) }
        let texts = elements.map { e in document.withUTF8View(e) { String(decoding: Array($0), as: UTF8.self) } }
        #expect(texts == ["2026-03-31T00:00:00Z", "2026-03", "\u{e9}t\u{e9}", nil])
    }
}
