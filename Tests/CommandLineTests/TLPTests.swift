import Foundation
import Testing
import TestSupport

/// `--max-tlp` hides what is marked above it from every pane, count and export, and says how
/// much it hid; the wall defaults to TLP:GREEN. Markings come from native `tlp`, MISP `tlp:`
/// tags and STIX `object_marking_refs`.
@Suite struct TLPTests {
    static let levels = ["clear", "green", "amber", "amber+strict", "red"]
    static let actorNames = ["clear": "Clear Panda", "green": "Green Bear", "amber": "Amber Kitten", "amber+strict": "Strict Chollima", "red": "Red Spider"]
    static func id(_ level: String) -> String { level.replacingOccurrences(of: "+", with: "-") }

    /// One actor and one event per marking, plus an unmarked actor and event (shown at every limit).
    static func fixture(_ cli: CLI) throws -> String {
        let actors = levels.map { l in #"{"id": "a-\#(id(l))", "name": "\#(actorNames[l]!)", "type": "state", "sources": ["s"], "tlp": "\#(l)", "techniques": [{"name": "Phishing", "attack_id": "T1566"}]}"# }
            + [#"{"id": "a-none", "name": "Unmarked Tiger", "type": "state", "sources": ["s"]}"#]
        let events = levels.enumerated().map { k, l in
            #"{"id": "e-\#(id(l))", "date": "2025-0\#(k + 1)-01", "kind": "intrusion", "actors": ["a-\#(id(l))"], "summary": "event marked \#(l) only", "sources": ["s"], "tlp": "\#(l)"}"#
        } + [#"{"id": "e-none", "date": "2025-08-01", "kind": "intrusion", "actors": ["a-none"], "summary": "unmarked event", "sources": ["s"]}"#]
        return try cli.write("mixed.json", """
        {"schema": "threatdeck-report@1", "report": {"id": "mixed", "title": "Mixed markings", "publisher": "Test CERT"},
         "sources": [{"id": "s", "title": "Internal reporting"}], "actors": [\(actors.joined(separator: ","))], "events": [\(events.joined(separator: ","))]}
        """)
    }

    @Test(arguments: levels)
    func nothingAboveTheLimitIsShownAnywhere(limit: String) throws {
        let cli = CLI("tlp")
        defer { cli.remove() }
        let file = try Self.fixture(cli)
        #expect(cli.run(["validate", file]).status == 0)
        let rank = Self.levels.firstIndex(of: limit)!
        let hidden = Self.levels.suffix(from: rank + 1)
        let shown = Self.levels.prefix(rank + 1)
        let s = try cli.json(["--max-tlp", limit, file])
        #expect(s.object("scope").int("actors") == shown.count + 1)
        #expect(s.object("scope").int("events") == shown.count + 1)
        #expect(s.object("scope").object("hidden").int("records") == 2 * hidden.count)
        #expect(s.object("scope").string("highest_tlp") == limit)
        let outputs: [(String, [String])] = [
            ("summary", ["summary"]), ("md", ["export", "--format", "md"]), ("csv actors", ["export", "--format", "csv", "--table", "actors"]),
            ("csv events", ["export", "--format", "csv", "--table", "events"]), ("stix", ["export", "--format", "stix"]),
            ("navigator", ["export", "--format", "navigator"]), ("snapshot", ["snapshot", "--size", "160x48"]),
            ("events pane", ["snapshot", "--size", "160x48", "--focus", "events", "--zoom"]),
            ("wall", ["snapshot", "--kiosk", "--size", "200x60"]), ("wall actors", ["snapshot", "--kiosk", "--view", "actors", "--size", "200x60"]),
        ]
        for (what, args) in outputs {
            let r = cli.run(args + ["--max-tlp", limit, file])
            #expect(r.status == 0, "\(what): \(r.stderr)")
            for h in hidden {
                #expect(!r.stdout.contains(Self.actorNames[h]!), "\(what) at \(limit) shows \(Self.actorNames[h]!)")
                #expect(!r.stdout.contains("event marked \(h) only"), "\(what) at \(limit) shows the \(h) event")
            }
        }
        // The header says that items are hidden, and how many.
        let header = cli.run(["snapshot", "--size", "160x48", "--max-tlp", limit, file]).stdout.split(separator: "\n").first ?? ""
        if hidden.isEmpty {
            #expect(!header.contains("hidden"))
        } else {
            #expect(header.contains("\(2 * hidden.count) above TLP:\(limit.uppercased()) hidden"), "\(header)")
        }
        #expect(header.hasSuffix("TLP:" + limit.uppercased()), "the highest marking in view: \(header)")
        let brief = cli.run(["export", "--format", "md", "--max-tlp", limit, file]).stdout
        #expect(brief.contains("Hidden above TLP:\(limit.uppercased())") == !hidden.isEmpty)
    }

    @Test func theWallDefaultsToGreenAndTheConfigCanRaiseIt() throws {
        let cli = CLI("tlp-wall")
        defer { cli.remove() }
        let file = try Self.fixture(cli)
        let wall = cli.run(["snapshot", "--kiosk", "--view", "events", "--size", "200x60", file]).stdout
        #expect(wall.contains("Mixed markings · 3 actors · 3 events"), "\(wall.prefix(400))")
        #expect(wall.contains("6 above TLP:GREEN hidden"))
        #expect(wall.contains("event marked green only") && !wall.contains("event marked amber only"))
        // The interactive dashboard has no default limit.
        let desk = cli.run(["snapshot", "--size", "200x60", "--focus", "actors", file]).stdout
        #expect(desk.split(separator: "\n").first?.hasSuffix("TLP:RED") == true)
        try cli.config("kiosk:\n  max-tlp: amber\n")
        let raised = cli.run(["snapshot", "--kiosk", "--view", "events", "--size", "200x60", file]).stdout
        #expect(raised.contains("Mixed markings · 4 actors · 4 events") && raised.contains("4 above TLP:AMBER hidden"), "\(raised.prefix(400))")
        #expect(raised.contains("event marked amber only") && !raised.contains("event marked amber+strict only"))
        try cli.config("max-tlp: clear\n")
        let s = try cli.json([file])
        #expect(s.object("scope").int("actors") == 2, "the config's max-tlp applies to summary")
    }

    @Test func mispTagsAndStixMarkingsAreRead() throws {
        let cli = CLI("tlp-formats")
        defer { cli.remove() }
        let misp = try cli.write("event.json", """
        {"Event": {"uuid": "7f1c0e8a-1b2c-4d3e-8f9a-0b1c2d3e4f50", "info": "red MISP event", "date": "2025-03-03", "timestamp": "1741000000",
         "Orgc": {"name": "CERT"}, "Tag": [{"name": "tlp:red"}, {"name": "misp-galaxy:threat-actor=\\"Sofacy\\""}]}}
        """)
        let strict = try cli.write("strict.json", """
        {"Event": {"uuid": "8f1c0e8a-1b2c-4d3e-8f9a-0b1c2d3e4f51", "info": "amber strict MISP event", "date": "2025-03-04", "timestamp": "1741000000",
         "Orgc": {"name": "CERT"}, "Tag": [{"name": "tlp:amber+strict"}]}}
        """)
        // STIX 2.1's TLP 1.0 marking-definition ids (RED) and TLP 2.0's (AMBER+STRICT).
        let stix = try cli.write("bundle.json", """
        {"type": "bundle", "id": "bundle--1b1e0d2c-3a4b-4c5d-8e6f-708192a3b4c5", "objects": [
         {"type": "intrusion-set", "spec_version": "2.1", "id": "intrusion-set--2b1e0d2c-3a4b-4c5d-8e6f-708192a3b4c5", "created": "2025-01-01T00:00:00Z",
          "modified": "2025-01-01T00:00:00Z", "name": "Marked Red Set", "object_marking_refs": ["marking-definition--5e57c739-391a-4eb3-b6be-7d15ca92d5ed"]},
         {"type": "intrusion-set", "spec_version": "2.1", "id": "intrusion-set--3b1e0d2c-3a4b-4c5d-8e6f-708192a3b4c5", "created": "2025-01-01T00:00:00Z",
          "modified": "2025-01-01T00:00:00Z", "name": "Marked Strict Set", "object_marking_refs": ["marking-definition--939a9414-2ddd-4d32-a0cd-375ea402b003"]},
         {"type": "intrusion-set", "spec_version": "2.1", "id": "intrusion-set--4b1e0d2c-3a4b-4c5d-8e6f-708192a3b4c5", "created": "2025-01-01T00:00:00Z",
          "modified": "2025-01-01T00:00:00Z", "name": "Marked Clear Set", "object_marking_refs": ["marking-definition--94868c89-83c2-464b-929b-a1a8aa3c8487"]}]}
        """)
        let all = try cli.json([misp, strict, stix])
        #expect(all.object("scope").int("events") == 2)
        #expect(all.object("scope").string("highest_tlp") == "red")
        let amber = try cli.json(["--max-tlp", "amber", misp, strict, stix])
        #expect(amber.object("scope").int("events") == 0)
        #expect(amber.array("actors").map { $0.string("name") } == ["Marked Clear Set"])
        let strictLimit = try cli.json(["--max-tlp", "amber+strict", misp, strict, stix])
        #expect(strictLimit.object("scope").int("events") == 1)
        #expect(Set(strictLimit.array("actors").map { $0.string("name") }) == ["Marked Clear Set", "Marked Strict Set"])
    }
}
