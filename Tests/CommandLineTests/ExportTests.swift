import Foundation
import Testing
import TestSupport
#if canImport(Glibc)
import Glibc
#endif

/// Every export read back by someone else's parser: CommonMark + GFM tables (markdown-it-py),
/// Python's csv module, the committed JSON Schema (jsonschema), the OASIS STIX validator,
/// MITRE's mitreattack-python in strict mode. The numbers they read equal the JSON summary's,
/// which Foundation's JSONSerialization reads (not ThreatDeck's parser).
@Suite(.serialized) struct ExportTests {
    static let schema = TestPaths.sampleData + "/schema/threatdeck-summary-1.schema.json"

    /// The nexus rows of the JSON summary as label → count.
    static func nexusCounts(_ summary: [String: Any]) -> [String: Int] {
        var out: [String: Int] = [:]
        for r in summary.object("nexus").array("rows") { out[r.string("label")] = r.int("count") }
        return out
    }

    @Test func markdownBriefIsCommonMarkWithTablesThatMatchTheSummary() throws {
        let cli = CLI("md")
        defer { cli.remove() }
        let file = cli.home + "/brief.md"
        let r = cli.run(["export", "--format", "md", "-o", file])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stderr.contains("wrote " + file))
        let parsed = try PythonTools.run("check_markdown.py", [file, "--min-tables", "5"])
        #expect(parsed.status == 0, "\(parsed.stderr)")
        let tables = try #require(try JSONSerialization.jsonObject(with: Data(parsed.stdout.utf8)) as? [[String: Any]])
        let headers = tables.map { ($0["header"] as? [String]) ?? [] }
        #expect(headers.contains { $0.first == "nexus" })
        #expect(headers.contains { $0.first == "actor" })
        #expect(headers.contains { $0.first == "sector" })
        #expect(headers.contains { $0.first == "id" && $0.dropFirst().first == "technique" })
        #expect(headers.contains { $0.first == "bucket" || $0.first == "period" })
        // The nexus table, as markdown-it reads it, equals the JSON summary.
        let nexusTable = try #require(tables.first { (($0["header"] as? [String])?.first) == "nexus" })
        let rows = (nexusTable["rows"] as? [[String]]) ?? []
        var fromMarkdown: [String: Int] = [:]
        for row in rows { fromMarkdown[row[0]] = Int(row[1].replacingOccurrences(of: ",", with: "")) }
        let summary = try cli.json([])
        #expect(fromMarkdown == Self.nexusCounts(summary))
        // The stated finding verbatim, with its qualifier, and a numbered reference list.
        let text = try String(contentsOfFile: file, encoding: .utf8)
        let sample = try #require(
            try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: TestPaths.sampleData + "/crowdstrike-2026-tech-intrusions.json")))
                as? [String: Any])
        let statement = try #require(sample.array("findings").first?.string("statement"))
        #expect(text.contains("> " + statement))
        #expect(text.contains("**>58%**"))
        #expect(!text.contains("**58%**"))
        #expect(text.contains("## References"))
        #expect(text.contains("\n1. "), "a numbered list")
        // Readable as plain text: no HTML, lines of reasonable length outside tables.
        #expect(!text.contains("<div") && !text.contains("<br"))
    }

    @Test(arguments: ["actors", "nexus", "sectors", "timeline", "techniques", "events"])
    func csvTablesParseWithPythonsCsv(table: String) throws {
        let cli = CLI("csv-\(table)")
        defer { cli.remove() }
        let r = cli.run(["export", "--format", "csv", "--table", table])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.hasSuffix("\r\n"), "RFC 4180 line ends")
        let check = PythonTools.system(
            """
            import csv, io, json, sys
            rows = list(csv.reader(io.StringIO(sys.stdin.read(), newline=''), strict=True))
            width = {len(r) for r in rows}
            print(json.dumps({"rows": len(rows), "widths": sorted(width), "header": rows[0], "data": rows[1:]}))
            """, input: r.stdout)
        #expect(check.status == 0, "\(check.stderr)")
        let parsed = try #require(try JSONSerialization.jsonObject(with: Data(check.stdout.utf8)) as? [String: Any])
        #expect((parsed["widths"] as? [Int])?.count == 1, "every row as wide as the header: \(parsed["widths"] ?? "")")
        let data = (parsed["data"] as? [[String]]) ?? []
        #expect(!data.isEmpty)
        let summary = try cli.json([])
        switch table {
        case "nexus":
            var fromCSV: [String: Int] = [:]
            for row in data { fromCSV[row[0]] = Int(row[1]) }
            #expect(fromCSV == Self.nexusCounts(summary))
        case "events":
            #expect(data.count == summary.object("scope").int("events"))
        case "actors":
            #expect(data.count == summary.object("scope").int("actors"))
        case "timeline":
            let buckets = summary.object("timeline").array("buckets")
            #expect(data.map { Int($0[3]) ?? -1 } == buckets.map { $0.int("events") })
        case "techniques":
            let ranked = summary.array("techniques")
            let parents = data.filter { $0[2].isEmpty }
            #expect(parents.map { $0[0] } == ranked.map { $0.string("id") })
            #expect(parents.map { Int($0[4]) ?? -1 } == ranked.map { $0.int("actors") })
        default:
            let rows = summary.object("sectors").array("rows")
            #expect(data.map { Int($0.last ?? "") ?? -1 } == rows.map { $0.int("total") })
        }
    }

    /// Names written to make a spreadsheet run them, or hide what they are.
    static let hostile = [
        "=HYPERLINK(\"http://evil.example\",\"x\")", "+cmd|' /C calc'!A0", "-2+3", "@SUM(A1:A2)", "\tTabbed", "\rReturn",
        "Bidi \u{202E}gnp.exe", "Esc \u{1B}[31mred", "=1+1", "Nul\u{7}Bell",
    ]

    @Test func hostileNamesNeverReachACellAsAFormula() throws {
        let cli = CLI("hostile")
        defer { cli.remove() }
        func quote(_ s: String) -> String {
            String(data: try! JSONSerialization.data(withJSONObject: [s], options: [.fragmentsAllowed]), encoding: .utf8)!.dropFirst().dropLast().description
        }
        let actors = Self.hostile.enumerated().map { k, name in
            #"{"id": "a\#(k)", "name": \#(quote(name)), "aliases": [\#(quote(name + " alias"))], "type": "state", "nexus": "CN", "sectors": ["technology"], "sources": ["s"]}"#
        }
        let events = Self.hostile.enumerated().map { k, name in
            #"{"id": "e\#(k)", "date": "2025-05-0\#(k % 9 + 1)", "kind": "intrusion", "actors": ["a\#(k)"], "summary": \#(quote(name)), "sources": ["s"]}"#
        }
        let file = try cli.write(
            "hostile.json",
            """
            {"schema": "threatdeck-report@1", "report": {"id": "h", "title": "=cmd title"}, "sources": [{"id": "s", "title": "@source"}],
             "actors": [\(actors.joined(separator: ","))], "events": [\(events.joined(separator: ","))]}
            """)
        #expect(cli.run(["validate", file]).status == 0)
        for table in ["actors", "events", "techniques", "nexus", "sectors", "timeline"] {
            let r = cli.run(["export", "--format", "csv", "--table", table, file])
            #expect(r.status == 0, "\(table): \(r.stderr)")
            let check = PythonTools.system(
                """
                import csv, io, json, re, sys
                bad = []
                for row in csv.reader(io.StringIO(sys.stdin.read(), newline='')):
                    for cell in row:
                        numeric = re.fullmatch(r'[+-]?[0-9][0-9,]*(\\.[0-9]+)?%?', cell) is not None
                        if cell[:1] in ('=', '+', '-', '@', '\\t', '\\r') and not numeric: bad.append(cell)
                        if re.search('[\\x00-\\x08\\x0b-\\x1f\\x7f\\u202a-\\u202e\\u2066-\\u2069]', cell): bad.append(cell)
                print(json.dumps(bad))
                """, input: r.stdout)
            #expect(check.status == 0, "\(check.stderr)")
            #expect(check.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "[]", "\(table): \(check.stdout)")
        }
        // The names are still there, disarmed, not dropped.
        let actors2 = cli.run(["export", "--format", "csv", "--table", "actors", file]).stdout
        #expect(actors2.contains("'=HYPERLINK(") && actors2.contains("'@SUM(A1:A2)") && actors2.contains("'-2+3"))
    }

    @Test func jsonMatchesTheCommittedSchemaAndSummaryJSON() throws {
        let cli = CLI("json")
        defer { cli.remove() }
        for args in [
            [String](), ["--compare", "previous", "--filter", "window:2025-04-01..2026-03-31"], ["--filter", "nexus:CN", "--filter", "sector:technology"],
            [TestPaths.sharedData + "/stix/ics-attack-18.1.json"], [TestPaths.sharedData + "/misp-galaxy/threat-actor.json"],
        ] {
            let file = cli.home + "/summary.json"
            let r = cli.run(["export", "--format", "json", "-o", file] + args)
            #expect(r.status == 0, "\(args): \(r.stderr)")
            let v = try PythonTools.run("check_schema.py", [Self.schema, file])
            #expect(v.status == 0, "\(args): \(v.stderr)")
            // summary --json prints the same document (but for the time it was generated).
            let summary = cli.run(["summary", "--json"] + args)
            func withoutTime(_ s: String) -> String { s.split(separator: "\n").filter { !$0.contains("\"generated\"") }.joined(separator: "\n") }
            #expect(withoutTime(summary.stdout) == withoutTime(try String(contentsOfFile: file, encoding: .utf8)), "\(args)")
        }
    }

    @Test func stixPassesTheOASISValidatorAndLoadsBackWithTheSameNumbers() throws {
        let cli = CLI("stix")
        defer { cli.remove() }
        let file = cli.home + "/view.stix.json"
        let r = cli.run(["export", "--format", "stix", "-o", file])
        #expect(r.status == 0, "\(r.stderr)")
        let validator = Subprocess.capture([TestPaths.shared + "/tools/validate-stix", file])
        #expect(validator.status == 0, "\(validator.stdout.suffix(3000))")
        let original = try cli.json([])
        let back = try cli.json([file])
        for key in ["actors", "events", "campaigns"] {
            #expect(back.object("scope").int(key) == original.object("scope").int(key), "\(key)")
        }
        #expect(Self.nexusCounts(back) == Self.nexusCounts(original))
        #expect(back.array("findings").count == original.array("findings").count)
        #expect(back.array("findings").map { $0.string("formatted") }.sorted() == original.array("findings").map { $0.string("formatted") }.sorted())
        #expect(back.object("sectors").array("rows").map { $0.int("total") } == original.object("sectors").array("rows").map { $0.int("total") })
        #expect(back.object("timeline").array("buckets").map { $0.int("events") } == original.object("timeline").array("buckets").map { $0.int("events") })
        func techniques(_ s: [String: Any]) -> [String] { s.array("techniques").map { "\($0.string("id")) \($0.string("name")) \($0.int("actors"))" } }
        #expect(techniques(back) == techniques(original))
    }

    @Test func navigatorLayersLoadInMitreattackPythonStrict() throws {
        let cli = CLI("navigator")
        defer { cli.remove() }
        let ics = TestPaths.sharedData + "/stix/ics-attack-18.1.json"
        for (args, domain) in [([String](), "enterprise-attack"), (["--filter", "nexus:CN"], "enterprise-attack"), ([ics], "ics-attack")] {
            let file = cli.home + "/layer.json"
            let r = cli.run(["export", "--format", "navigator", "-o", file] + args)
            #expect(r.status == 0, "\(args): \(r.stderr)")
            let v = try PythonTools.run("check_layer.py", [file, "--warnings-as-errors"])
            #expect(v.status == 0, "\(args): \(v.stderr)")
            let layer = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: file))) as? [String: Any])
            #expect(layer.string("domain") == domain)
            #expect(layer.object("versions").string("layer") == "4.5")
            // Scores are the actors in view using each technique, as the summary counts them.
            let summary = try cli.json(args)
            var expected: [String: Int] = [:]
            for t in summary.array("techniques") {
                expected[t.string("id")] = t.int("actors")
                for s in t["subtechniques"] as? [[String: Any]] ?? [] { expected[s.string("id")] = s.int("actors") }
            }
            var scores: [String: Int] = [:]
            for t in layer.array("techniques") { scores[t.string("techniqueID")] = t.int("score") }
            #expect(scores == expected, "\(args)")
            let description = layer.string("description")
            #expect(description.contains(args.first == "--filter" ? "Filter: nexus:China" : "Filter: no filter"), "\(description)")
        }
    }

    /// Names written to drive a terminal: C1 controls (U+009B is CSI to some terminals,
    /// U+009D OSC), ESC sequences, bidi overrides. No export carries one, whatever the format,
    /// and a JSON string cannot hold one as an escape either (`jq -r` would decode it).
    static let terminalHostile = [
        "CSI \u{9B}31mred", "OSC \u{9D}8;;http://evil.example\u{9C}link", "ESC \u{1B}[2Jclear", "Bell\u{7}",
        "Bidi \u{202E}gnp.exe", "DEL\u{7F}", "NEL\u{85}line",
    ]

    @Test func exportsCarryNoTerminalControls() throws {
        let cli = CLI("controls")
        defer { cli.remove() }
        func quote(_ s: String) -> String {
            String(data: try! JSONSerialization.data(withJSONObject: [s], options: [.fragmentsAllowed]), encoding: .utf8)!.dropFirst().dropLast().description
        }
        let actors = Self.terminalHostile.enumerated().map { k, name in
            #"{"id": "a\#(k)", "name": \#(quote(name)), "aliases": [\#(quote("alias " + name))], "type": "state", "nexus": "CN", "sectors": ["technology"], "techniques": [{"name": "Phishing", "attack_id": "T1566"}], "sources": ["s"]}"#
        }
        let events = Self.terminalHostile.enumerated().map { k, name in
            #"{"id": "e\#(k)", "date": "2025-05-0\#(k % 9 + 1)", "kind": "intrusion", "actors": ["a\#(k)"], "summary": \#(quote(name)), "sources": ["s"]}"#
        }
        let file = try cli.write(
            "controls.json",
            """
            {"schema": "threatdeck-report@1", "report": {"id": "h", "title": \(quote("Title \u{9B}0m"))}, "sources": [{"id": "s", "title": \(quote("Src \u{9D}x")), "url": "https://example.org/a\u{9B}b"}],
             "actors": [\(actors.joined(separator: ","))], "events": [\(events.joined(separator: ","))]}
            """)
        func controls(_ text: String, allowCR: Bool = false) -> [String] {
            text.unicodeScalars.filter { u in
                let v = u.value
                if v == 0x0A || v == 0x09 || (allowCR && v == 0x0D) { return false }
                return v < 0x20 || (v >= 0x7F && v <= 0x9F) || (v >= 0x202A && v <= 0x202E) || (v >= 0x2066 && v <= 0x2069)
            }.map { "U+" + String($0.value, radix: 16, uppercase: true) }
        }
        for format in ["md", "json", "stix", "navigator"] {
            let r = cli.run(["export", "--format", format, file])
            #expect(r.status == 0, "\(format): \(r.stderr)")
            #expect(controls(r.stdout).isEmpty, "\(format): \(controls(r.stdout))")
            #expect(r.stdout.contains("\u{FFFD}"), "\(format): replaced visibly, not dropped")
            if format != "md" {
                // Decoded, the strings hold no control either.
                let strings = try Self.strings(in: try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)))
                #expect(strings.allSatisfy { controls($0).isEmpty }, "\(format): \(strings.filter { !controls($0).isEmpty }.prefix(3))")
            }
        }
        for table in ["actors", "nexus", "sectors", "timeline", "techniques", "events"] {
            let r = cli.run(["export", "--format", "csv", "--table", table, file])
            #expect(r.status == 0 && controls(r.stdout, allowCR: true).isEmpty, "csv \(table): \(controls(r.stdout, allowCR: true))")
        }
        let summary = cli.run(["summary", "--json", file])
        #expect(controls(summary.stdout).isEmpty, "summary --json: \(controls(summary.stdout))")
    }

    /// Every string in a parsed JSON value.
    static func strings(in value: Any) throws -> [String] {
        switch value {
        case let s as String: return [s]
        case let a as [Any]: return try a.flatMap { try strings(in: $0) }
        case let o as [String: Any]: return try o.keys.map { $0 } + o.values.flatMap { try strings(in: $0) }
        default: return []
        }
    }

    @Test func badRequestsFailCleanlyAndWriteNothing() throws {
        let cli = CLI("bad")
        defer { cli.remove() }
        let existing = try cli.write("keep.md", "previous brief\n")
        // A baseline with no data: a clear message, non-zero, the old file untouched.
        let noData = cli.run(["export", "--format", "md", "--compare", "window:1990-01-01..1990-12-31", "-o", existing])
        #expect(noData.status != 0)
        #expect(noData.stderr.contains("1990-01-01"), "\(noData.stderr)")
        #expect(try String(contentsOfFile: existing, encoding: .utf8) == "previous brief\n")
        // Unwritable: under a regular file, and onto a directory.
        let underFile = cli.run(["export", "--format", "md", "-o", existing + "/brief.md"])
        #expect(underFile.status == 1 && underFile.stderr.contains(existing + "/brief.md"), "\(underFile.stderr)")
        try FileManager.default.createDirectory(atPath: cli.home + "/adir", withIntermediateDirectories: true)
        let ontoDirectory = cli.run(["export", "--format", "csv", "--table", "nexus", "-o", cli.home + "/adir"])
        #expect(ontoDirectory.status == 1, "\(ontoDirectory.stderr)")
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: cli.home).filter { $0.hasPrefix(".") || $0.contains("tmp") }
        #expect(leftovers.isEmpty, "temporary files left: \(leftovers)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: cli.home + "/adir").isEmpty)
        // What is not a regular file is never replaced by one: a symlink is followed, a FIFO
        // is written into, a full device is an error (and stays a device).
        try "old\n".write(toFile: cli.home + "/target.md", atomically: true, encoding: .utf8)
        try FileManager.default.createSymbolicLink(atPath: cli.home + "/link.md", withDestinationPath: "target.md")
        #expect(cli.run(["export", "--format", "md", "-o", cli.home + "/link.md"]).status == 0)
        #expect((try? FileManager.default.destinationOfSymbolicLink(atPath: cli.home + "/link.md")) == "target.md", "the link is still a link")
        #expect(try String(contentsOfFile: cli.home + "/target.md", encoding: .utf8).hasPrefix("# "))
        let full = cli.run(["export", "--format", "md", "-o", "/dev/full"])
        #expect(full.status == 1 && full.stderr.contains("No space left on device"), "\(full.stderr)")
        var info = stat()
        #expect(stat("/dev/full", &info) == 0 && (info.st_mode & S_IFMT) == S_IFCHR, "/dev/full is still a device")
        // Unknown format or table.
        #expect(cli.run(["export", "--format", "xlsx"]).status != 0)
        let table = cli.run(["export", "--format", "csv", "--table", "nope"])
        #expect(table.status != 0 && table.stderr.contains("--table nope"), "\(table.stderr)")
        // CSV without --table: the actors table, as the help says.
        let actors = cli.run(["export", "--format", "csv"])
        #expect(actors.status == 0 && actors.stdout.hasPrefix("actor,aliases,nexus,"))
    }
}
