import Testing
import TestSupport
@testable import JSONCore

@Suite struct JSONParserTests {
    func parse(_ text: String) throws -> JSONDocument { try JSONDocument(parsing: Array(text.utf8)) }

    func failure(_ bytes: [UInt8], maxDepth: Int = 512) -> JSONSyntaxError? {
        do {
            _ = try JSONDocument(parsing: bytes, maxDepth: maxDepth)
            return nil
        } catch {
            return error
        }
    }

    func failure(_ text: String) -> JSONSyntaxError? { failure(Array(text.utf8)) }

    @Test func readsScalarsAndContainers() throws {
        let d = try parse(#"{"a": [1, -2.5e3, true, false, null, "x"], "b": {}, "c": []}"#)
        #expect(d.kind(d.root) == .object)
        #expect(d.count(d.root) == 3)
        let a = try #require(d.member(d.root, "a"))
        var values: [String] = []
        d.forEachElement(a) { _, e in values.append("\(d.kind(e))") }
        #expect(values == ["number", "number", "true", "false", "null", "string"])
        let first = a + 1
        #expect(d.double(first) == 1)
        #expect(d.double(first + 1) == -2500)
        #expect(d.count(try #require(d.member(d.root, "b"))) == 0)
        #expect(d.member(d.root, "missing") == nil)
    }

    @Test func decodesEscapesAndSurrogatePairs() throws {
        let d = try parse(#"["tab\there", "quote\"slash\/", "\u00e9\u4e2d", "\ud83d\ude00", "\ud800 lone"]"#)
        var strings: [String] = []
        d.forEachElement(d.root) { _, e in strings.append(d.string(e)!) }
        #expect(strings == ["tab\there", "quote\"slash/", "é中", "😀", "\u{FFFD} lone"])
    }

    @Test func keepsRawUTF8AndSkipsByteOrderMark() throws {
        let d = try JSONDocument(parsing: [0xEF, 0xBB, 0xBF] + Array(#"{"name": "Café 中国"}"#.utf8))
        #expect(d.member(d.root, "name").flatMap(d.string) == "Café 中国")
    }

    @Test func longStringsAndNumbersAtWordBoundaries() throws {
        // Strings of every length around the 8-byte fast path, with the quote at each offset.
        for n in 0..<40 {
            let s = String(repeating: "a", count: n)
            let d = try parse("[\"\(s)\", \"\(s)\\\"\", 7]")
            d.forEachElement(d.root) { i, e in
                if i == 0 { #expect(d.string(e) == s) }
                if i == 1 { #expect(d.string(e) == s + "\"") }
            }
        }
        let d = try parse("[123456789012345678901234567890, 0.1, -0, 1E+2]")
        var numbers: [Double] = []
        d.forEachElement(d.root) { _, e in numbers.append(d.double(e)!) }
        #expect(numbers == [1.2345678901234568e29, 0.1, 0, 100])
    }

    /// Every byte that stops the sixteen- and eight-byte scans (quote, backslash, control,
    /// non-ASCII, invalid UTF-8) at every offset of a long string: the string read, or the
    /// problem reported at that very byte.
    @Test func everyStopByteAtEveryOffsetOfALongString() throws {
        for k in 0..<48 {
            let head = String(repeating: "a", count: k), tail = String(repeating: "b", count: 47 - k)
            let d = try parse("[\"\(head)\\n\(tail)\", \"\(head)é\(tail)\", \"\(head)\\\"\(tail)\", \"\(head)\"]")
            var strings: [String] = []
            d.forEachElement(d.root) { _, e in strings.append(d.string(e) ?? "?") }
            #expect(strings == [head + "\n" + tail, head + "é" + tail, head + "\"" + tail, head], "offset \(k)")
            for bad: UInt8 in [0x01, 0x1F, 0xFF, 0xC0] {
                let bytes = Array("[\"\(head)".utf8) + [bad] + Array("\(tail)\"]".utf8)
                let error = try #require(failure(bytes), "byte \(bad) at \(k)")
                #expect(error.offset == 2 + k, "byte \(bad) at \(k): \(error.message)")
            }
        }
    }

    @Test func reportsLineColumnAndPath() throws {
        let text = """
            {
              "objects": [
                {"type": "intrusion-set", "name": "x"},
                {"type": "campaign", "name": }
              ]
            }
            """
        let e = try #require(failure(text))
        #expect(e.line == 4)
        #expect(e.column == 34)
        #expect(JSONDocument.render(e.path) == "$.objects[1].name")
        #expect(e.message.contains("expected a value"))
    }

    @Test(arguments: [
        ("", "empty input"),
        ("{", "unexpected end of file"),
        ("[1, 2", "expected ',' or ']'"),
        (#"{"a": 1,}"#, "trailing comma"),
        ("[1, 2,]", "trailing comma"),
        (#"{"a" 1}"#, "expected ':'"),
        ("{a: 1}", "member name in double quotes"),
        ("[01]", "leading zero"),
        ("[1.]", "digit after '.'"),
        ("[1e]", "exponent"),
        ("[tru]", "expected a value"),
        (#"["a\qb"]"#, "invalid escape"),
        (#"["\u12G4"]"#, "four hex digits"),
        ("[\"unterminated", "unterminated string"),
        ("[\"a\u{01}b\"]", "control character U+0001"),
        ("{} {}", "after the end of the JSON value"),
        ("[NaN]", "expected a value"),
    ])
    func rejectsMalformedJSON(text: String, message: String) throws {
        let e = try #require(failure(text), "accepted \(text)")
        #expect(e.message.contains(message), "\(e.message)")
    }

    @Test func rejectsInvalidUTF8WithItsPosition() throws {
        let cases: [[UInt8]] = [
            [0xC3],  // truncated
            [0xC0, 0xAF],  // overlong
            [0xED, 0xA0, 0x80],  // surrogate
            [0xF4, 0x90, 0x80, 0x80],  // beyond U+10FFFF
            [0xFF],
        ]
        for bad in cases {
            let bytes = Array("{\n \"k\": \"ok".utf8) + bad + Array("\"}".utf8)
            let e = try #require(failure(bytes))
            #expect(e.message == "invalid UTF-8 byte sequence in string")
            #expect(e.line == 2 && e.column == 10, "\(e)")
            #expect(JSONDocument.render(e.path) == "$.k")
        }
    }

    @Test func deepNestingIsAnErrorNotACrash() throws {
        let deep = String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000)
        let e = try #require(failure(deep))
        #expect(e.message == "nesting deeper than 512 levels")
        #expect(e.column == 513)
        // Within the limit, depth is fine.
        let ok = String(repeating: "[", count: 500) + String(repeating: "]", count: 500)
        #expect(failure(ok) == nil)
    }

    @Test func hundredMegabyteStringParses() throws {
        let bytes = TestBytes.wrap(#"{"description": ""#, fill: UInt8(ascii: "x"), count: 100 << 20, #""}"#)
        let d = try JSONDocument(parsing: bytes)
        let v = try #require(d.member(d.root, "description"))
        #expect(d.rawStringLength(v) == 100 << 20)
    }

    @Test func pathRenderingQuotesOddKeys() {
        #expect(JSONDocument.render([.key("objects"), .index(3), .key("x_mitre_version")]) == "$.objects[3].x_mitre_version")
        #expect(JSONDocument.render([.key("with space"), .key("q\"uote")]) == #"$["with space"]["q\"uote"]"#)
        #expect(JSONDocument.render([.key("\u{1B}[31m")]) == #"$["\u001b[31m"]"#)
    }

    @Test func pathToAnyNodeMatchesItsPosition() throws {
        let d = try parse(#"{"a": [{"b": 1}, {"c": [true, {"d": "x"}]}]}"#)
        var found: String?
        for i in 0..<d.nodeCount where d.string(i) == "x" { found = d.renderedPath(to: i) }
        #expect(found == "$.a[1].c[1].d")
    }

    @Test func keyTableFindsKeysWithoutDecoding() throws {
        let table = KeyTable(["type", "id", "name", "first_seen"])
        let d = try parse(#"{"name": 1, "first_seen": 2, "nope": 3, "t\u0079pe": 4}"#)
        var hits: [Int?] = []
        d.forEachMemberIndex(d.root) { k, _ in hits.append(d.keyIndex(k, in: table)) }
        #expect(hits == [2, 3, nil, 0])
    }

    @Test func keyTableTellsApartKeysThatDifferInOneByteAnywhere() {
        // Hashed eight bytes at a step, with the tail overlapping: every length from 0 to
        // 40, and for each a twin differing in one byte at each position (high bit and low).
        var names: [String] = []
        for n in 0...40 { names.append(String(repeating: "k", count: n)) }
        let table = KeyTable(names)
        for (k, name) in names.enumerated() {
            #expect(table.index(of: name) == k)
            for position in 0..<name.utf8.count {
                for flip: UInt8 in [0x01, 0x40] {
                    var bytes = Array(name.utf8)
                    bytes[position] ^= flip
                    #expect(table.index(of: String(decoding: bytes, as: UTF8.self)) == nil, "\(name) with byte \(position) changed")
                }
            }
        }
        // A table of 40 keys all alike but in their middle byte: every one is found.
        let alike = (0..<40).map { "external_" + String(UnicodeScalar(UInt8(65 + $0))) + "_references" }
        let crowded = KeyTable(alike)
        for (k, name) in alike.enumerated() { #expect(crowded.index(of: name) == k) }
    }
}
