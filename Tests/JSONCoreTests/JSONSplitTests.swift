import Foundation
import Testing
import TestSupport
@testable import JSONCore

/// The two-core parse (`JSONSplit`): started anywhere, it builds the single scan's tape and
/// reports the single scan's problems, byte for byte; on large files it really is used.
@Suite struct JSONSplitTests {
    /// The tape as plain numbers, and the problem if any: what a parse produced.
    static func outcome(_ bytes: [UInt8], split: Int, maxDepth: Int = 512) -> (nodes: [UInt64], joined: Int, error: JSONSyntaxError?) {
        do {
            let tape = try JSONParser.parse(bytes, maxDepth: maxDepth, split: split)
            var nodes: [UInt64] = []
            nodes.reserveCapacity(tape.count * 2)
            for k in 0..<tape.count {
                let node = tape[k]
                nodes.append(UInt64(node.start) << 32 | UInt64(node.end))
                nodes.append(UInt64(node.extra) << 8 | UInt64(node.kind.rawValue))
            }
            return (nodes, tape.joined, nil)
        } catch {
            return ([], 0, error)
        }
    }

    /// Every split offset of `bytes` (or `offsets`) against the single scan.
    static func expectSameEverywhere(_ bytes: [UInt8], offsets: [Int]? = nil, maxDepth: Int = 512, _ label: String) -> Int {
        let single = outcome(bytes, split: -1, maxDepth: maxDepth)
        var joins = 0
        for at in offsets ?? Array(0..<bytes.count) {
            let split = outcome(bytes, split: at, maxDepth: maxDepth)
            #expect(split.nodes == single.nodes, "\(label): tape differs when split at \(at)")
            #expect(
                split.error == single.error,
                "\(label): problem differs when split at \(at): \(String(describing: split.error)) vs \(String(describing: single.error))")
            if split.joined > 0 { joins += 1 }
        }
        return joins
    }

    static func files(_ directory: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []).sorted().map { directory + "/" + $0 }
    }

    @Test func everyOffsetOfEveryJSONTestSuiteFile() throws {
        var joins = 0
        for path in Self.files(JSONTestSuiteTests.directory) where path.hasSuffix(".json") {
            let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: path)))
            guard bytes.count <= 4096 else { continue }
            joins += Self.expectSameEverywhere(bytes, (path as NSString).lastPathComponent)
        }
        // Splits that were really joined, not only refused: many of these files have arrays.
        #expect(joins > 500)
    }

    @Test func depthLimitsHoldAcrossTheSplit() {
        let bytes = Array("[[[[1,[[[2,{\"a\":[3]}]]],4,[[5]]]]],6]".utf8)
        var joins = 0
        for maxDepth in 1...12 {
            joins += Self.expectSameEverywhere(bytes, maxDepth: maxDepth, "depth \(maxDepth)")
        }
        #expect(joins > 20)
    }

    @Test func fuzzCorpusFilesAtTheirArrayElements() throws {
        var joins = 0, files = 0
        for kind in ["json", "native", "stix", "mispgalaxy", "mispevent", "taxii"] {
            for path in Self.files(TestPaths.tests + "/FuzzCorpus/" + kind) {
                let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: path)))
                guard bytes.count <= 64 << 10 else { continue }
                files += 1
                // The starts of array elements (where a guess would put a split), the guess
                // itself, and a few offsets anywhere, inside strings and numbers too.
                var offsets = Set<Int>()
                for k in bytes.indices.dropFirst() where bytes[k] == UInt8(ascii: "{") || bytes[k] == UInt8(ascii: "[") {
                    if offsets.count >= 12 { break }
                    if bytes[k - 1] == UInt8(ascii: ",") || bytes[k - 1] == UInt8(ascii: " ") { offsets.insert(k) }
                }
                if let guess = bytes.withUnsafeBufferPointer(JSONSplit.point) { offsets.insert(guess) }
                var seed = UInt64(bytes.count) &* 0x9E37_79B9_7F4A_7C15
                for _ in 0..<6 where !bytes.isEmpty {
                    seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                    offsets.insert(Int(seed >> 33) % bytes.count)
                }
                joins += Self.expectSameEverywhere(bytes, offsets: offsets.sorted(), path)
            }
        }
        #expect(files > 1000)
        #expect(joins > 1000)
    }

    /// A large report as the benchmark generator writes it, minified or pretty-printed.
    static func largeReport(pretty: Bool, events: Int) -> [UInt8] {
        var text = "{\"schema\":\"threatdeck-report@1\",\"actors\":[{\"id\":\"a\",\"name\":\"A\"}],\"events\":["
        for k in 0..<events {
            if k > 0 { text += pretty ? ",\n    " : "," }
            text +=
                "{\"id\":\"ev-\(k)\",\"date\":\"2026-03-\(k % 28 + 10)\",\"summary\":\"},{\\\"x\\\": [\(k)]\",\"sectors\":[\"technology\"],\"count\":\(k).5e1}"
        }
        text += pretty ? "\n  ],\n  \"end\": true\n}" : "],\"end\":true}"
        return Array(text.utf8)
    }

    @Test(arguments: [false, true])
    func aLargeFileIsParsedOnTwoCores(pretty: Bool) throws {
        let bytes = Self.largeReport(pretty: pretty, events: 30_000)
        #expect(bytes.count >= JSONSplit.minimum)
        let single = Self.outcome(bytes, split: -1)
        let auto = try JSONParser.parse(bytes, maxDepth: 512)
        #expect(single.error == nil)
        // Joined, and the very same tape (when this machine has a second core).
        if JSONSplit.wanted(bytes.count) { #expect(auto.joined > auto.count / 4) }
        let guess = try #require(bytes.withUnsafeBufferPointer(JSONSplit.point))
        let split = Self.outcome(bytes, split: guess)
        #expect(split.joined > 0)
        #expect(split.nodes == single.nodes)
        // Joined where the second scan wrote them, in the first one's buffer.
        let tape = try JSONParser.parse(bytes, maxDepth: 512, split: guess)
        #expect(tape.joinedInPlace == tape.joined)
    }

    /// The second half's nodes are put where the estimate says the first half's end: a
    /// count of structure outside strings, close to the tape's own, whatever the strings
    /// hold (commas, brackets, escaped quotes, a block starting inside one).
    @Test(arguments: [false, true])
    func theFirstHalfsNodeCountIsEstimatedClosely(pretty: Bool) throws {
        var prose = ""
        for k in 0..<4_000 {
            let text = "Adversaries may use [T\(1000 + k)](https://attack.mitre.org), {such as \\\"this\\\"}, and: more; see (Citation: Report \(k))."
            prose +=
                (k > 0 ? (pretty ? ",\n    " : ", ") : "")
                + "{\"type\": \"relationship\", \"id\": \"relationship--\(k)\", \"revoked\": false, \"description\": \"\(text)\", \"refs\": [\"a\", \"b\", {\"n\": \(k)}]}"
        }
        let bundle = Array("{\"type\": \"bundle\", \"objects\": [\(prose)]}".utf8)
        for bytes in [bundle, Self.largeReport(pretty: pretty, events: 30_000)] {
            let document = try JSONDocument(parsing: bytes)
            let guess = try #require(bytes.withUnsafeBufferPointer(JSONSplit.point))
            let actual = (0..<document.nodeCount).count { document.offset($0) < guess }
            let estimate = bytes.withUnsafeBufferPointer { JSONSplit.nodes(before: guess, in: $0) }
            #expect(Double(estimate) > 0.95 * Double(actual) && Double(estimate) < 1.05 * Double(actual), "estimate \(estimate), nodes \(actual)")
        }
    }

    /// The real bundles analysts open: the estimate of the first half's nodes (a sample of
    /// 64 blocks) is within 5 % of the count, and the second half's nodes are joined where
    /// they were written (an estimate too low would make the first half grow the tape and
    /// copy them).
    @Test(arguments: ["enterprise-attack-17.1.json", "ics-attack-18.1.json"])
    func realBundlesAreEstimatedAndJoinedInPlace(file: String) throws {
        let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: TestPaths.sharedData + "/stix/" + file)))
        let guess = try #require(bytes.withUnsafeBufferPointer(JSONSplit.point))
        let document = try JSONDocument(parsing: bytes)
        let actual = (0..<document.nodeCount).count { document.offset($0) < guess }
        let estimate = bytes.withUnsafeBufferPointer { JSONSplit.nodes(before: guess, in: $0) }
        #expect(Double(estimate) > 0.95 * Double(actual) && Double(estimate) < 1.05 * Double(actual), "estimate \(estimate), nodes \(actual)")
        let tape = try JSONParser.parse(bytes, maxDepth: 512, split: guess)
        #expect(tape.joined > 0 && tape.joinedInPlace == tape.joined)
    }

    /// One line as Python's `json.dump` writes it (ATT&CK's bundles): `", "` and `": "`
    /// between values, so elements meet as `}, {"`. The guess lands on an element and the
    /// split tape is the single scan's.
    @Test func aFileOnOneLineWithSpacesIsSplitToo() throws {
        let minified = Self.largeReport(pretty: false, events: 30_000)
        let spaced = Array(String(decoding: minified, as: UTF8.self).replacing("},{", with: "}, {").replacing("\",\"", with: "\", \"").utf8)
        #expect(!spaced.contains(UInt8(ascii: "\n")))
        let guess = try #require(spaced.withUnsafeBufferPointer(JSONSplit.point))
        #expect(spaced[guess] == UInt8(ascii: "{") && spaced[guess - 2] == UInt8(ascii: ","))
        let single = Self.outcome(spaced, split: -1)
        let split = Self.outcome(spaced, split: guess)
        #expect(single.error == nil)
        #expect(split.joined > 0)
        #expect(split.nodes == single.nodes)
    }

    /// Numbers (a node per two bytes) on one side of the split, long strings on the other:
    /// numbers first, the first scan needs far more than its share of the buffer and moves
    /// out of the second's way; numbers second, the second scan outgrows the region it was
    /// lent and moves to a buffer of its own. Either way its elements are copied in.
    @Test(arguments: [true, false])
    func aDenseHalfOutgrowsItsShareAndIsStillJoined(numbersFirst: Bool) throws {
        let numbers = Array(repeating: "0", count: 700_000)
        let strings = (0..<200).map { "\"\(String(repeating: "x", count: 7_000))\($0)\"" }
        let (first, second) = numbersFirst ? (numbers, strings) : (strings, numbers)
        let head = "[" + first.joined(separator: ",") + ","
        let start = head.utf8.count
        let bytes = Array((head + second.joined(separator: ",") + "]").utf8)
        let single = Self.outcome(bytes, split: -1)
        let split = Self.outcome(bytes, split: start)
        #expect(single.error == nil)
        #expect(split.joined == second.count)
        #expect(split.nodes == single.nodes)
        let tape = try JSONParser.parse(bytes, maxDepth: 512, split: start)
        #expect(tape.joined == second.count && tape.joinedInPlace == 0)
    }

    @Test(arguments: [0.25, 0.75])
    func aProblemInEitherHalfIsTheSingleScansProblem(at fraction: Double) throws {
        var bytes = Self.largeReport(pretty: false, events: 30_000)
        // A stray byte where a value should be, a quarter or three quarters in.
        var k = Int(Double(bytes.count) * fraction)
        while bytes[k] != UInt8(ascii: ":") { k += 1 }
        bytes[k + 1] = UInt8(ascii: "@")
        let single = Self.outcome(bytes, split: -1)
        let guess = try #require(bytes.withUnsafeBufferPointer(JSONSplit.point))
        let split = Self.outcome(bytes, split: guess)
        let error = try #require(single.error)
        #expect(error.message.contains("'@'"))
        #expect(split.error == single.error)
        #expect(throws: error) { _ = try JSONParser.parse(bytes, maxDepth: 512) }
    }
}
