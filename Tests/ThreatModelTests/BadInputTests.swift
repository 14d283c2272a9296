import Testing
import TestSupport
@testable import ThreatModel
@testable import Loading
@testable import Readers

/// A corpus of bad inputs: each gives its clear, located error, and none crashes.
@Suite struct BadInputTests {
    static let directory = TestPaths.tests + "/ThreatModelTests/Fixtures/bad"

    /// File → the first problem it must report, as `line:col: path: message`.
    static let expected: [String: String] = [
        "empty.json": "1:1: $: empty input: expected a JSON value",
        "invalid-utf8.json": "2:37: $.report.title: invalid UTF-8 byte sequence in string",
        "misp-wrong-types.json": "14:13: $.values[1].value: expected a non-empty string, found a number",
        "not-json.txt": "1:1: $: unexpected 't': expected a value",
        "nul-bytes.json": "1:54: $.report.id: control character U+0000 must be escaped inside a string",
        "png-header.json": "1:1: $: unexpected byte 0x89: expected a value",
        "stix-broken.json": #"8:10: $.objects[0].id: invalid id "intrusion-set--not-a-uuid": expected "intrusion-set--" followed by a UUID"#,
        "truncated.json": "132:7: $.actors[2].techniques[0]: unexpected end of file: expected a member name",
        "unknown-format.json": #"1:1: $: unrecognised format: expected a ThreatDeck report ("schema": "threatdeck-report@1"), a STIX bundle, a MISP galaxy or MISP events"#,
        "wrong-types.json": "3:34: $.report.title: expected a string, found a number",
    ]

    @Test func everyCorpusFileHasItsLocatedError() throws {
        let files = LocalFileSystem().list(Self.directory) ?? []
        #expect(Set(files.map { String($0.split(separator: "/").last!) }) == Set(Self.expected.keys))
        for path in files {
            let name = String(path.split(separator: "/").last!)
            let r = Ingest.read(bytes: try LocalFileSystem().read(path, limit: 1 << 30), file: path)
            let first = try #require(r.problems.first, "\(name) reported nothing")
            #expect("\(first.line):\(first.column): \(first.path): \(first.message)" == Self.expected[name], "\(name)")
            #expect(first.description.hasPrefix(path + ":"))
            #expect(r.hasErrors)
        }
    }

    @Test func stixProblemsAreAllReported() throws {
        let r = Ingest.read(bytes: try LocalFileSystem().read(Self.directory + "/stix-broken.json", limit: 1 << 20), file: "b.json")
        #expect(r.problems.map(\.message) == [
            #"invalid id "intrusion-set--not-a-uuid": expected "intrusion-set--" followed by a UUID"#,
            "date out of order: last_seen 2025-01-01 is before first_seen 2025-06-01",
            #"duplicate id "campaign--6b4c1a39-8a67-4f5e-9b8f-2d2a8f0b3c11" with the same modified time (first at 16:10)"#,
            #"missing property "target_ref""#,
            "expected a non-empty string, found a number",
        ])
        // The unknown custom object type is skipped silently; the good campaign survives.
        #expect(r.campaigns.map(\.name) == ["Backwards"])
    }

    @Test func tenThousandDeepNesting() {
        let text = String(repeating: #"{"a":["#, count: 5_000) + "1" + String(repeating: "]}", count: 5_000)
        let r = Ingest.read(bytes: Array(text.utf8), file: "deep.json")
        #expect(r.unparsed)
        #expect(r.problems.first?.message == "nesting deeper than 512 levels")
        #expect(r.problems.first?.path.hasPrefix("$.a[0].a[0].a[0]") == true)
    }

    @Test func hundredMegabyteStringIsTruncatedWithAMessage() throws {
        let bytes = TestBytes.wrap(#"{"schema": "threatdeck-report@1", "report": {"id": "r", "title": "t"}, "sources": [{"id": "s", "title": ""#,
                              fill: UInt8(ascii: "A"), count: 100 << 20, #""}]}"#)
        let r = Ingest.read(bytes: bytes, file: "huge.json")
        #expect(!r.unparsed)
        #expect(r.problems.map(\.message) == ["string of 104857600 bytes is longer than 4000 characters; truncated"])
        #expect(r.reports.first?.sources.first?.title.count == 4000)
    }

    @Test func hostileTextIsKeptVerbatimInTheModel() throws {
        // The model keeps data as it is; sanitising is the terminal layer's job (tested there).
        let text = #"{"schema": "threatdeck-report@1", "report": {"id": "r", "title": "\u001b]0;pwned\u0007 \u202eevil"}, "sources": []}"#
        let r = Ingest.read(bytes: Array(text.utf8), file: "h.json")
        #expect(r.reports.first?.title == "\u{1B}]0;pwned\u{07} \u{202E}evil")
    }

    @Test func randomBytesNeverCrash() {
        // A cheap fuzz over mutations of a valid report: every outcome is a result.
        var generator = SplitMix(seed: 42)
        let valid = Array(NativeIngestTests.valid.utf8)
        for _ in 0..<400 {
            var bytes = valid
            for _ in 0..<(1 + Int(generator.next() % 8)) {
                let i = Int(generator.next() % UInt64(bytes.count))
                switch generator.next() % 3 {
                case 0: bytes[i] = UInt8(truncatingIfNeeded: generator.next())
                case 1: bytes.remove(at: i)
                default: bytes.insert(UInt8(truncatingIfNeeded: generator.next()), at: i)
                }
            }
            let r = Ingest.read(bytes: bytes, file: "fuzz.json")
            for p in r.problems { #expect(p.line >= 1 && p.column >= 1 && p.path.hasPrefix("$")) }
        }
    }
}


/// Found by the STIX fuzz target (Tests/FuzzCorpus/stix/crash-6e97f06f…): a report replaced by
/// a newer version before another report shifted the positions the second pass used, and
/// reading the bundle trapped on an index out of range.
@Suite struct ReplacedReportTests {
    @Test func aReportReplacedByANewerVersionBeforeAnotherReportLoads() {
        func report(_ uuid: String, _ name: String, modified: String) -> String {
            #"{"type": "report", "spec_version": "2.1", "id": "report--\#(uuid)", "created": "2024-01-01T00:00:00Z", "modified": "\#(modified)", "name": "\#(name)", "published": "2024-01-02T00:00:00Z", "object_refs": ["intrusion-set--2b1e0d2c-3a4b-4c5d-8e6f-708192a3b4c5"]}"#
        }
        let actor = #"{"type": "intrusion-set", "spec_version": "2.1", "id": "intrusion-set--2b1e0d2c-3a4b-4c5d-8e6f-708192a3b4c5", "created": "2024-01-01T00:00:00Z", "modified": "2024-01-01T00:00:00Z", "name": "Set"}"#
        let a = "1b1e0d2c-3a4b-4c5d-8e6f-708192a3b4c5", b = "3b1e0d2c-3a4b-4c5d-8e6f-708192a3b4c5"
        let bundle = #"{"type": "bundle", "id": "bundle--4b1e0d2c-3a4b-4c5d-8e6f-708192a3b4c5", "objects": [\#(actor), \#(report(a, "First v1", modified: "2024-01-01T00:00:00Z")), \#(report(a, "First v2", modified: "2024-02-01T00:00:00Z")), \#(report(b, "Second", modified: "2024-01-01T00:00:00Z"))]}"#
        let r = Ingest.read(bytes: Array(bundle.utf8), file: "reports.json")
        #expect(r.problems.filter { $0.severity == .error }.isEmpty, "\(r.problems)")
        #expect(Set(r.reports.map(\.title)) == ["First v2", "Second"])
        #expect(r.events.filter { $0.kind == .publication }.count == 2)
    }
}
