import Foundation
import Testing
import TestSupport

/// `export --format iocs`, the indicators CSV, and the counts per type in `summary` and the
/// JSON summary, over the five real MISP events, checked against a recount of the files made
/// here with Foundation's JSONSerialization.
@Suite(.serialized) struct IndicatorExportTests {
    static let directory = TestPaths.sharedData + "/misp-events"

    /// Every attribute of every event (its own and its objects'): (type, value).
    static let attributes: [(type: String, value: String)] = {
        let files = ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []).filter { $0.hasSuffix(".json") }
        var out: [(String, String)] = []
        for f in files {
            let root = try! JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: directory + "/" + f))) as! [String: Any]
            let e = root["Event"] as! [String: Any]
            let all = (e["Attribute"] as? [[String: Any]] ?? []) + (e["Object"] as? [[String: Any]] ?? []).flatMap { $0["Attribute"] as? [[String: Any]] ?? [] }
            for a in all { out.append((a["type"] as! String, a["value"] as! String)) }
        }
        return out
    }()

    static var perType: [String: Int] {
        var out: [String: Int] = [:]
        for a in attributes { out[a.type, default: 0] += 1 }
        return out
    }

    @Test func iocsAreEveryValueOncePlainOnePerLine() throws {
        let cli = CLI("iocs")
        defer { cli.remove() }
        let r = cli.run(["export", "--format", "iocs", Self.directory])
        #expect(r.status == 0, "\(r.stderr)")
        let lines = r.stdout.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(String.init)
        // Composite values give their parts; values with a line break cannot be one line, and
        // values over 2,048 bytes (long comments, YARA rules) are cut for display: left out.
        var expected: Set<String> = []
        for a in Self.attributes where a.value.utf8.count <= 2048 {
            for part in (a.type.contains("|") ? a.value.split(separator: "|").map(String.init) : [a.value])
            where !part.isEmpty && !part.unicodeScalars.contains(where: { $0.value < 0x20 }) {
                expected.insert(part)
            }
        }
        #expect(Set(lines) == expected)
        #expect(lines.count == expected.count, "each value once")
        #expect(lines.contains("https://tdalpacafarm.com/files/kr/contents/Vkggy0.hta"), "plain, not defanged")
        // A pivot narrows it: the domains.
        let domains = cli.run(["export", "--format", "iocs", "--filter", "type:domain", Self.directory])
        #expect(Set(domains.stdout.split(separator: "\n").map(String.init)) == Set(Self.attributes.filter { $0.type == "domain" }.map(\.value)))
        // No MISP data: nothing, and no error.
        let none = cli.run(["export", "--format", "iocs"])
        #expect(none.status == 0 && none.stdout.isEmpty)
    }

    @Test func theIndicatorsCSVHasEveryAttributeWithItsType() throws {
        let cli = CLI("csv-indicators")
        defer { cli.remove() }
        let r = cli.run(["export", "--format", "csv:indicators", Self.directory])
        #expect(r.status == 0, "\(r.stderr)")
        let same = cli.run(["export", "--format", "csv", "--table", "indicators", Self.directory])
        #expect(same.stdout == r.stdout)
        let check = PythonTools.system(
            """
            import csv, io, json, sys
            rows = list(csv.reader(io.StringIO(sys.stdin.read(), newline=''), strict=True))
            print(json.dumps({"widths": sorted({len(r) for r in rows}), "header": rows[0], "data": rows[1:]}))
            """, input: r.stdout)
        #expect(check.status == 0, "\(check.stderr)")
        let parsed = try #require(try JSONSerialization.jsonObject(with: Data(check.stdout.utf8)) as? [String: Any])
        #expect((parsed["widths"] as? [Int])?.count == 1)
        let header = try #require(parsed["header"] as? [String])
        #expect(Array(header.prefix(3)) == ["type", "category", "value"])
        let data = try #require(parsed["data"] as? [[String]])
        var types: [String: Int] = [:]
        for row in data { types[row[0], default: 0] += 1 }
        #expect(types == Self.perType)
        #expect(data.allSatisfy { Int($0[header.firstIndex(of: "line")!]) ?? 0 >= 1 && $0[header.firstIndex(of: "json_path")!].hasPrefix("$.Event.") })
    }

    @Test func summariesCountIndicatorsPerType() throws {
        let cli = CLI("summary-indicators")
        defer { cli.remove() }
        let json = try cli.json([Self.directory])
        let indicators = try #require(json["indicators"] as? [String: Any])
        #expect(indicators["in_view"] as? Int == Self.attributes.count)
        #expect(indicators["total"] as? Int == Self.attributes.count)
        var byType: [String: Int] = [:]
        for row in indicators["by_type"] as? [[String: Any]] ?? [] { byType[row["type"] as! String] = row["count"] as? Int }
        #expect(byType == Self.perType)
        // The committed schema takes it.
        let file = cli.home + "/misp.json"
        #expect(cli.run(["export", "--format", "json", "-o", file, Self.directory]).status == 0)
        let v = try PythonTools.run("check_schema.py", [ExportTests.schema, file])
        #expect(v.status == 0, "\(v.stderr)")
        // The text summary says the same.
        let text = cli.run(["summary", Self.directory]).stdout
        #expect(text.contains("INDICATORS"))
        #expect(text.contains("\(Self.attributes.count) of \(Self.attributes.count) indicators in view"))
        let (top, n) = try #require(Self.perType.max { ($0.value, $1.key) < ($1.value, $0.key) })
        #expect(text.split(separator: "\n").contains { $0.hasPrefix("  " + top) && $0.hasSuffix(" " + String(n)) })
    }

    @Test func theBriefListsThemDefanged() throws {
        let cli = CLI("brief-indicators")
        defer { cli.remove() }
        let r = cli.run(["export", "--format", "md", "--filter", "type:url", Self.directory])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("## Indicators"))
        #expect(r.stdout.contains("| url "))
        #expect(r.stdout.contains("hxxps://tdalpacafarm\\[.\\]com"))
        #expect(!r.stdout.contains("https://tdalpacafarm.com"))
    }
}
