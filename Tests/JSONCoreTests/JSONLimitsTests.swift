import Foundation
import Testing
@testable import JSONCore

/// Numbers at the limits, repeated keys, and the escape paths of `stringPrefix`.
@Suite struct JSONLimitsTests {
    func value(_ text: String) throws -> Double? {
        let d = try JSONDocument(parsing: Array("[\(text)]".utf8))
        return d.double(1)
    }

    @Test func numbersAtTheLimits() throws {
        #expect(try value("1e308") == 1e308)
        #expect(try value("1.7976931348623157e308") == Double.greatestFiniteMagnitude)
        #expect(try value("1e400") == .infinity)
        #expect(try value("-1e400") == -.infinity)
        #expect(try value("1e-400") == 0)
        let minusZero = try #require(try value("-0"))
        #expect(minusZero == 0 && minusZero.sign == .minus)
        #expect(try value("12345678901234567890") == 12345678901234567890.0)
        #expect(try value("-12345678901234567890") == -12345678901234567890.0)
        #expect(try value("0.1") == 0.1)
        #expect(try value("5e-324") == 5e-324)
        // Not numbers: the grammar refuses them (no NaN or Infinity, no leading zeros or +).
        for bad in ["NaN", "Infinity", "-Infinity", "01", "+1", ".5", "1.", "1e", "-", "0x10"] {
            #expect(throws: JSONSyntaxError.self, "\(bad)") { try JSONDocument(parsing: Array("[\(bad)]".utf8)) }
        }
    }

    @Test func repeatedKeysAreFoundAndTheLastIsRead() throws {
        let d = try JSONDocument(parsing: Array(#"{"a": 1, "b": {"x": 1, "x": 2, "y": 0, "x": 3}, "a": 4}"#.utf8))
        let dups = d.duplicateKeys()
        #expect(dups.map(\.key) == ["x", "x", "a"] || dups.map(\.key) == ["a", "x", "x"])
        #expect(Set(dups.map { d.renderedPath(to: $0.node) }) == ["$.a", "$.b.x"])
        #expect(d.member(d.root, "a").flatMap(d.double) == 4)
        #expect(d.member(try #require(d.member(d.root, "b")), "x").flatMap(d.double) == 3)
        // Keys spelt with escapes are the same key.
        let e = try JSONDocument(parsing: Array(#"{"name": 1, "n\u0061me": 2}"#.utf8))
        #expect(e.duplicateKeys().count == 1)
        #expect(e.member(e.root, "name").flatMap(e.double) == 2)
        #expect(try JSONDocument(parsing: Array(#"{"a": 1, "b": 2}"#.utf8)).duplicateKeys().isEmpty)
    }

    @Test(arguments: [
        (#""abc""#, 2, "ab"),
        (#""a\nb""#, 2, "a\n"),
        (#""a\u00e9b""#, 2, "aé"),
        (#""\ud83d\ude00x""#, 1, "😀"),
        (#""\ud83d\ude00x""#, 2, "😀x"),
        (#""xx\ud83d\ude00""#, 3, "xx😀"),
        (#""é中😀""#, 2, "é中"),
        (#""\\\\\\""#, 2, "\\\\"),
        (#""\"q\"""#, 1, "\""),
        (#""\ud800 lone""#, 2, "\u{FFFD} "),
        (#""""#, 5, ""),
    ])
    func stringPrefixCutsAtScalarsNeverInsideAnEscape(text: String, n: Int, expected: String) throws {
        let d = try JSONDocument(parsing: Array("[\(text)]".utf8))
        #expect(d.stringPrefix(1, maxScalars: n) == expected, "\(text) → \(n)")
        // And the prefix is always a prefix of the whole string.
        let whole = try #require(d.string(1))
        #expect(whole.unicodeScalars.starts(with: (d.stringPrefix(1, maxScalars: n) ?? "").unicodeScalars))
    }

    @Test func stringPrefixOfLongEscapedStrings() throws {
        // 5,000 escapes: the prefix decodes a bounded window, whatever the length.
        let body = String(repeating: #"\u00e9"#, count: 5_000)
        let d = try JSONDocument(parsing: Array("[\"\(body)\"]".utf8))
        #expect(d.stringPrefix(1, maxScalars: 10) == String(repeating: "é", count: 10))
        #expect(d.stringPrefix(1, maxScalars: 10_000)?.unicodeScalars.count == 5_000)
    }

    @Test func aNodeKeepsItsKindAndCountsUpToTheLimit() {
        // The kind shares a word with the count: neither may leak into the other.
        let kinds: [JSONDocument.Kind] = [.object, .array, .string, .number, .true, .false, .null]
        #expect(MemoryLayout<JSONDocument.Node>.stride == 12)
        for kind in kinds {
            for extra: UInt32 in [0, 1, 7, 8, 1 << 20, JSONDocument.Node.maxChildren] {
                var node = JSONDocument.Node(kind: kind, start: .max, end: .max, extra: extra)
                #expect(node.kind == kind && node.extra == extra && node.start == .max && node.end == .max)
                node.extra = JSONDocument.Node.maxChildren - extra
                #expect(node.kind == kind && node.extra == JSONDocument.Node.maxChildren - extra)
            }
        }
        // Counts as parsed: members once, elements each.
        let d = try? JSONDocument(parsing: Array(#"{"a": [1, 2, 3, {"b": null}], "c": "\u0041"}"#.utf8))
        #expect(d.map { $0.count($0.root) } == 2)
        #expect(d.flatMap { doc in doc.member(doc.root, "a").map { doc.count($0) } } == 4)
        #expect(d.flatMap { doc in doc.member(doc.root, "c").flatMap { doc.string($0) } } == "A")
    }
}

