import Testing
@testable import JSONCore

/// The interner hands back one `String` per distinct raw text and keeps what a reader stored
/// beside it; it declines what it should not hold.
@Suite struct StringInternerTests {
    @Test func repeatedTextIsOneEntryWithItsPayload() throws {
        // 3,000 distinct values, each three times, in an order that forces several rehashes.
        let values = (0..<3000).map { "v\($0 * 7919 % 3001)-\(String(repeating: "x", count: $0 % 40))" }
        let text = "[" + (values + values.reversed() + values).map { "\"\($0)\"" }.joined(separator: ",") + "]"
        let document = try JSONDocument(parsing: Array(text.utf8))
        var interner = StringInterner()
        var entries: [Int] = []
        document.forEachElement(document.root) { _, node in entries.append(interner.entry(node, in: document)!) }
        #expect(interner.count == Set(values).count)
        for (k, e) in entries.enumerated() {
            let node = k + 1
            #expect(interner.string(e) == document.string(node))
        }
        let n = values.count
        for k in 0..<n {
            #expect(entries[k] == entries[2 * n - 1 - k] && entries[k] == entries[2 * n + k])
        }
        #expect(interner.payload(entries[0]) == StringInterner.unjudged)
        interner.setPayload(entries[0], 42)
        #expect(interner.payload(entries[2 * n]) == 42)
        #expect(interner.payload(entries[1]) == StringInterner.unjudged)
    }

    @Test func escapesAreDecodedAndKeyedByTheirOwnText() throws {
        let document = try JSONDocument(parsing: Array(#"["ab", "a\u0062", "a\u0062", "\u00e9t\u00e9"]"#.utf8))
        var interner = StringInterner()
        let plain = interner.entry(1, in: document)!, escaped = interner.entry(2, in: document)!
        #expect(interner.string(plain) == "ab" && interner.string(escaped) == "ab")
        #expect(interner.entry(3, in: document) == escaped)
        let accented = interner.entry(4, in: document)!
        #expect(interner.string(accented) == "été" && interner.count == 3)
    }

    @Test func declinesWhatIsNotAShortNonEmptyString() throws {
        let long = String(repeating: "y", count: StringInterner.maxLength + 1)
        let document = try JSONDocument(parsing: Array(#"["", 7, null, {"a": 1}, "\#(long)", "\#(long.dropLast())"]"#.utf8))
        var interner = StringInterner()
        var got: [Int?] = []
        document.forEachElement(document.root) { _, node in got.append(interner.entry(node, in: document)) }
        #expect(got.dropLast().allSatisfy { $0 == nil })
        #expect(got.last! != nil)
        #expect(interner.count == 1)
    }
}
