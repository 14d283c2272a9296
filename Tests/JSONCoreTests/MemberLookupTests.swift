import Testing
import TestSupport
@testable import JSONCore

/// Members found by the hash the scanner files with each name (`member(_:_:hash:)`, and
/// `members` for a key table) agree with the plain walk that compares every name's text.
@Suite struct MemberLookupTests {
    static let set = KeyTable(["id", "type", "name", "source_ref", "x"])

    func parse(_ text: String) throws -> JSONDocument { try JSONDocument(parsing: Array(text.utf8)) }

    @Test func findsEachNameOfASetInOneWalk() throws {
        let d = try parse(#"{"type": "t", "id": "a--1", "other": {"id": "inner"}, "name": "n", "x": [1, {"x": 2}]}"#)
        let found = d.members(d.root, Self.set)
        for (k, name) in ["id", "type", "name", "source_ref", "x"].enumerated() {
            #expect(found[k] == d.member(d.root, name), "\(name)")
        }
        #expect(found[0].flatMap(d.string) == "a--1")
        #expect(found[3] == nil)
        // The nested "id" and "x" are not the object's own members.
        #expect(d.kind(try #require(found[4])) == .array)
    }

    @Test func theLastOfARepeatedMemberCounts() throws {
        let d = try parse(#"{"id": "first", "name": "n", "id": "second"}"#)
        #expect(d.members(d.root, Self.set)[0].flatMap(d.string) == "second")
        #expect(d.member(d.root, "id", hash: JSONDocument.keyHash(of: "id")).flatMap(d.string) == "second")
    }

    @Test func escapedNamesMatchByTheirDecodedText() throws {
        // "\u0069d" is "id"; "i\"d" is not.
        let d = try parse(#"{"\u0069d": "escaped", "i\"d": "other", "n\u0061me": "nm"}"#)
        let found = d.members(d.root, Self.set)
        #expect(found[0].flatMap(d.string) == "escaped")
        #expect(found[2].flatMap(d.string) == "nm")
        #expect(d.keyHash(d.root + 1) == JSONDocument.keyHash(of: "id"))
    }

    @Test func namesNearASetNameAreNotIt() throws {
        // Names near "id" in text are not it.
        let d = try parse(#"{"idx": 1, "di": 2, "ID": 3}"#)
        #expect(d.members(d.root, Self.set)[0] == nil)
        #expect(d.member(d.root, "id", hash: JSONDocument.keyHash(of: "id")) == nil)
    }

    @Test func scalarsAndArraysHaveNoMembers() throws {
        let d = try parse(#"[{"id": 1}, "id", 3]"#)
        #expect(d.members(d.root, Self.set)[0] == nil)
        #expect(d.members(d.root + 2, Self.set)[0] == nil)
        #expect(d.member(d.root, "id", hash: JSONDocument.keyHash(of: "id")) == nil)
        #expect(d.members(d.root + 1, Self.set)[0] != nil)
    }

    /// Every object of a generated document, every name of the set and some that are not in
    /// it: the hashed lookups agree with the text walk, with the split parse too.
    @Test(arguments: [0, 1, 2, 3])
    func agreeWithTheTextWalkOnGeneratedObjects(seed: Int) throws {
        var rng = SplitMix(seed: UInt64(seed))
        let pool = ["id", "type", "name", "source_ref", "x", "y", "idx", "nam", "\\u0078", "sourc\\u0065_ref", "type "]
        var text = "["
        for o in 0..<600 {
            if o > 0 { text += ", " }
            text += "{"
            for m in 0..<Int(rng.next() % 9) {
                if m > 0 { text += ", " }
                text += "\"\(pool[Int(rng.next() % UInt64(pool.count))])\": \(rng.next() % 3 == 0 ? "{\"id\": 1}" : "\(o * 10 + m)")"
            }
            text += "}"
        }
        text += "]"
        let bytes = Array(text.utf8)
        for split in [-1, bytes.withUnsafeBufferPointer(JSONSplit.point) ?? -1] {
            let d = JSONDocument(bytes: SourceBytes(bytes), tape: try JSONParser.parse(bytes, maxDepth: 64, split: split))
            var checked = 0
            d.forEachElement(d.root) { _, object in
                let found = d.members(object, Self.set)
                for (k, name) in ["id", "type", "name", "source_ref", "x"].enumerated() {
                    #expect(found[k] == d.member(object, name))
                }
                // Names outside the set, by their own walk.
                let others: [(StaticString, String)] = [("y", "y"), ("idx", "idx"), ("missing", "missing")]
                for (literal, name) in others {
                    #expect(d.member(object, literal, hash: JSONDocument.keyHash(of: name)) == d.member(object, name))
                }
                checked += 1
            }
            #expect(checked == 600)
        }
    }
}
