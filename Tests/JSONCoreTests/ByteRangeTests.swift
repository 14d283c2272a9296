import Foundation
import Testing
import TestSupport
@testable import JSONCore

/// `byteRange(of:)` gives each value's exact source text (TAXII keeps objects' raw JSON by it):
/// every value, cut out and parsed again, must be the same value, and the cut must start and
/// end on the value's own first and last byte.
@Suite struct ByteRangeTests {
    /// A canonical rendering of a value, to compare the original and the re-parsed cut.
    static func canonical(_ d: JSONDocument, _ i: Int) -> String {
        switch d.kind(i) {
        case .object:
            var parts: [String] = []
            d.forEachMember(i) { key, v in parts.append("\(key.debugDescription):\(canonical(d, v))") }
            return "{" + parts.joined(separator: ",") + "}"
        case .array:
            var parts: [String] = []
            d.forEachElement(i) { _, v in parts.append(canonical(d, v)) }
            return "[" + parts.joined(separator: ",") + "]"
        case .string: return d.string(i)!.debugDescription
        case .number: return String(d.double(i)!)
        case .true: return "true"
        case .false: return "false"
        case .null: return "null"
        }
    }

    /// Checks every value in the document; returns how many were checked.
    static func checkAll(_ text: [UInt8]) throws -> Int {
        let d = try JSONDocument(parsing: text)
        var checked = 0
        func visit(_ i: Int) throws {
            let range = d.byteRange(of: i)
            let cut = Array(text[range])
            let again = try JSONDocument(parsing: cut)
            #expect(canonical(again, again.root) == canonical(d, i), "value at \(d.renderedPath(to: i)): cut \(String(decoding: cut.prefix(80), as: UTF8.self))")
            let first = cut.first!, last = cut.last!
            switch d.kind(i) {
            case .object: #expect(first == UInt8(ascii: "{") && last == UInt8(ascii: "}"))
            case .array: #expect(first == UInt8(ascii: "[") && last == UInt8(ascii: "]"))
            case .string: #expect(first == UInt8(ascii: "\"") && last == UInt8(ascii: "\""))
            default: #expect(first != UInt8(ascii: " ") && last != UInt8(ascii: " "))
            }
            checked += 1
            switch d.kind(i) {
            case .object: try d.forEachMember(i) { _, v in try visit(v) }
            case .array: try d.forEachElement(i) { _, v in try visit(v) }
            default: break
            }
        }
        try visit(d.root)
        return checked
    }

    @Test(arguments: [
        #"{}"#, #"[]"#, #"[[]]"#, #"[[[]]]"#, #"{"a":{}}"#, #"{"a":[{}]}"#, #"{"a":[{"b":[]}] }"#,
        #"[1, [2, [3, {"x": [4, {}]}]], "s\"]}", {"k": "v]"} ]"#,
        #"  { "esc": "quote \" bracket ] brace }", "n": -1.5e+3, "t": true, "f": false, "z": null , "e": [ ] , "o": { } }  "#,
        #"{"deep":[[[[{"a":[[["]]]"]]]}]]]],"after":1}"#,
        "{\"unicode\": \"Murky Panda \u{1F43C} – 中国\", \"list\": [\"é\", {\"ü\": []}]}",
    ])
    func everyValueRoundTrips(_ text: String) throws {
        #expect(try Self.checkAll(Array(text.utf8)) > 0)
    }

    @Test func everyValueOfRealBundlesRoundTrips() throws {
        for path in [TestPaths.sampleData + "/crowdstrike-2026-tech-intrusions.stix.json", TestPaths.sharedData + "/stix/poisonivy.json",
                     TestPaths.sampleData + "/crowdstrike-2026-tech-intrusions.json"] {
            let bytes = try #require(FileManager.default.contents(atPath: path).map { Array($0) }, "\(path)")
            let checked = try Self.checkAll(bytes)
            #expect(checked > 200, "\(path): \(checked) values")
        }
    }
}
