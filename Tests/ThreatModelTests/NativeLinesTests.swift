import Foundation
import Testing
import TestSupport
@testable import Identity
@testable import Loading
@testable import Readers
@testable import ThreatModel

/// JSON Lines of native events (the format added by following the README's recipe): the
/// synthetic feed written as lines reads as the feed itself, and a bad line costs one event.
@Suite struct NativeLinesTests {
    /// The synthetic feed as lines, written here with Foundation (not through the reader):
    /// its report without events on line 1, then one event per line, with `edit` applied.
    static func lines(edit: (inout [String]) -> Void = { _ in }) throws -> (text: String, events: Int) {
        let data = try Data(contentsOf: URL(fileURLWithPath: TestPaths.sampleData + "/synthetic-activity-feed.json"))
        var object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let events = try #require(object.removeValue(forKey: "events") as? [[String: Any]])
        func line(_ value: Any) throws -> String { String(decoding: try JSONSerialization.data(withJSONObject: value, options: [.sortedKeys]), as: UTF8.self) }
        var out = [try line(object)]
        for e in events { out.append(try line(e)) }
        edit(&out)
        return (out.joined(separator: "\n") + "\n", events.count)
    }

    static func read(_ text: String) -> IngestResult { Ingest.read(bytes: Array(text.utf8), file: "feed.jsonl") }

    @Test func theFeedAsLinesReadsAsTheFeed() throws {
        let (text, count) = try Self.lines()
        let lines = Self.read(text)
        #expect(lines.format == .nativeLines)
        #expect(lines.problems.isEmpty, "\(lines.problems.prefix(3))")
        #expect(lines.events.count == count)
        let file = Ingest.read(bytes: try LocalFileSystem().read(TestPaths.sampleData + "/synthetic-activity-feed.json", limit: 1 << 26), file: "feed.json")
        let a = DatasetBuilder.build([lines]), b = DatasetBuilder.build([file])
        #expect(a.events.map(\.id) == b.events.map(\.id))
        #expect(a.events.map(\.nexus) == b.events.map(\.nexus))
        #expect(a.actors.map(\.name) == b.actors.map(\.name))
    }

    @Test func aBadLineIsReportedWhereItIsAndTheRestLoad() throws {
        // Line 6 is cut short, line 9 spells a kind wrong; blank lines in between are fine.
        let (text, count) = try Self.lines { lines in
            lines[5] = #"{"id": "cut", "date": "#
            lines[8] = lines[8].replacingOccurrences(of: #""kind":""#, with: #""kind":"x"#)
            lines.insert("", at: 3)
            lines.insert("   ", at: 3)
        }
        let r = Self.read(text)
        #expect(r.events.count == count - 2)
        let cut = try #require(r.problems.first { $0.message.contains("left out") })
        #expect(cut.line == 8 && cut.column == 23 && cut.path == "$.date", "\(cut)")
        let kind = try #require(r.problems.first { $0.message.hasPrefix("unknown kind") })
        #expect(kind.line == 11 && kind.path == "$.kind", "\(kind)")
        #expect(r.problems.count == 2, "\(r.problems)")
    }

    @Test func onlyLinesWithANativeHeaderAreThisFormat() throws {
        // A native report in one JSON text stays native; lines of something else are not read.
        let native = Ingest.read(bytes: try LocalFileSystem().read(TestPaths.sampleData + "/synthetic-activity-feed.json", limit: 1 << 26), file: "f.json")
        #expect(native.format == .native)
        let other = Self.read("{\"a\": 1}\n{\"b\": 2}\n")
        #expect(other.unparsed)
        let headerWithEvents = Self.read(#"{"schema": "threatdeck-report@1", "events": []}"# + "\n{}\n")
        #expect(headerWithEvents.unparsed)
    }
}
