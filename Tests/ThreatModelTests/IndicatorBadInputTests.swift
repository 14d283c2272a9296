import Foundation
import Testing
import TestSupport
@testable import Loading
@testable import Readers
@testable import ThreatModel

/// Hostile MISP attributes: unknown types, empty values, a megabyte value, binary in `data`,
/// malformed tags. Each is kept as far as it goes, counted and reported at its line:col and
/// JSON path; none stops the rest of the event from loading.
@Suite struct IndicatorBadInputTests {
    static let megabyte = 1 << 20

    static var event: String { HostileMisp.event(valueBytes: megabyte) }

    static func read() -> IngestResult { Ingest.read(bytes: Array(event.utf8), file: "bad-event.json") }

    /// `path: message` of every problem, and the problem at `path`.
    static func problem(_ r: IngestResult, at path: String) -> Problem? { r.problems.first { $0.path == path } }

    @Test func everyBadAttributeIsReportedWhereItIs() throws {
        let r = Self.read()
        let expected: [(String, String)] = [
            ("$.Event.Tag[1].name", "tag without a \"name\" string: ignored"),
            ("$.Event.Tag[2]", "tag is a string, not an object: ignored"),
            ("$.Event.Tag[3].name", "empty tag name: ignored"),
            ("$.Event.Tag[4]", "tag without a \"name\" string: ignored"),
            ("$.Event.Attribute[0].type", "unknown attribute type \"made-up-type\": kept as written"),
            ("$.Event.Attribute[1].value", "empty value"),
            ("$.Event.Attribute[2].value", "value of 1,048,576 bytes: the first 2,048 kept"),
            ("$.Event.Attribute[3].data", "\"data\" is not base64 (4 bytes outside its alphabet): not used"),
            ("$.Event.Attribute[4].Tag", "\"Tag\" is not a list: ignored"),
            ("$.Event.Attribute[5]", "attribute is not a JSON object: skipped"),
            ("$.Event.Attribute[6]", "attribute without a \"type\": shown as (none)"),
            ("$.Event.Object[0].Attribute[0].Tag[0].name", "tag name holds control characters: shown escaped"),
        ]
        for (path, message) in expected {
            let p = try #require(Self.problem(r, at: path), "nothing reported at \(path): \(r.problems.map(\.description))")
            #expect(p.message == message, "\(path)")
            #expect(p.severity == .warning)
            #expect(p.file == "bad-event.json" && p.line >= 2 && p.column >= 1, "\(p)")
        }
        // Nothing fatal: the event and every attribute that is an object are there.
        #expect(!r.hasErrors, "\(r.problems.filter { $0.severity == .error })")
        #expect(r.events.count == 1)
        #expect(r.indicators.count == 7)
    }

    @Test func theMegabyteValueIsCutWithItsLengthKept() throws {
        let r = Self.read()
        let big = try #require(r.indicators.first { $0.type == "text" })
        #expect(big.value.utf8.count == Indicator.valueLimit)
        #expect(big.length == Self.megabyte)
        #expect(big.isCut)
        // Its problem sits on the line of the value, not at the top of the file.
        let p = try #require(Self.problem(r, at: "$.Event.Attribute[2].value"))
        #expect(p.line == 7)
    }

    @Test func hostileTextIsKeptRawForTheScreenToSanitise() throws {
        let r = Self.read()
        let url = try #require(r.indicators.first { $0.type == "url" })
        // The reader keeps the value as written (the screen and exports sanitise it) …
        #expect(url.value == "http://evil.example/\u{1B}]52;c;aGk=\u{07}")
        #expect(url.toIDS)
        #expect(!url.isCut, "escapes are not counted as bytes of the value")
        #expect(url.tags.isEmpty)
        // … the unknown type and the typeless attribute are kept, the empty value too.
        #expect(r.indicators.contains { $0.type == "made-up-type" && $0.value == "x" })
        #expect(r.indicators.contains { $0.type == "(none)" && $0.value == "no type" })
        #expect(r.indicators.contains { $0.type == "domain" && $0.value.isEmpty })
        let inObject = try #require(r.indicators.first { $0.type == "sha256" })
        #expect(inObject.objectName == "file")
        #expect(inObject.tags == ["bad\u{07}tag"])
        #expect(inObject.location.pointerText == "$.Event.Object[0].Attribute[0]")
        // The event's pivot: its good tags and its attributes', each once; its org.
        let pivot = try #require(r.pivots.first)
        #expect(pivot.tags == ["tlp:green", "bad\u{07}tag"])
        #expect(pivot.org == "Test Org")
    }

    /// Loaded as a file: the dataset keeps the indicators with their event and the problems.
    @Test func theLoaderKeepsThemAll() throws {
        let path = FileManager.default.temporaryDirectory.path + "/bad-event-\(UInt32.random(in: 0...UInt32.max)).json"
        try Self.event.write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        var loader = DatasetLoader(paths: [path])
        let d = loader.load()
        #expect(d.indicators.count == 7)
        #expect(d.indicatorTable.eventOfIndicator.allSatisfy { $0 == 0 })
        #expect(d.problems.filter { $0.severity == .warning }.count == 12)
    }
}
