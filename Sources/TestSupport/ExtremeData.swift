import ThreatModel
import Identity
import Readers

/// Well-formed documents with extreme but valid values, in every input format: dates at
/// 0001-01-01 and 9999-12-31, reversed-looking spans, 1e308 and 0, empty and 20,000-character
/// names, duplicate ids, cyclic `attributed-to`, hostile text. Valid input must never trap.
public enum ExtremeData {
    static let hostile = ["\u{1B}[31mred\u{1B}[0m", "bidi \u{202E}gnp.exe", "zero\u{200B}width", "tab\tand\nnewline", "中文名字", "emoji 🐼🐻",
                          "=cmd|' /C calc'!A0", "+SUM(A1)", "@here", "-2+3", "quote\"s and \\backslash", "ñame", ""]

    static func quote(_ s: String) -> String {
        var out = "\""
        for u in s.unicodeScalars {
            switch u {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            default:
                if u.value < 0x20 { out += "\\u" + String(format4: u.value) } else { out.unicodeScalars.append(u) }
            }
        }
        return out + "\""
    }

    static func name(_ g: inout SplitMix, _ k: Int) -> String {
        switch g.below(6) {
        case 0: return String(repeating: "Long", count: 5000)        // 20,000 characters
        case 1: return g.pick(hostile.filter { !$0.isEmpty }) + " \(k)"
        case 2: return "Actor \(k) Panda"
        case 3: return "Actor \(k) Bear"
        default: return "Cluster \(k)"
        }
    }

    static let days = ["0001-01-01", "9999-12-31", "1970-01-01", "2000-02-29", "2026-03-31", "2024-12-31", "0001-12-31", "9999-01-01"]

    /// A native report with extreme values (it validates: only valid values are used).
    public static func native(_ g: inout SplitMix) -> String {
        let actors = (0..<(1 + g.below(6))).map { k in
            """
            {"id": "a\(k)", "name": \(quote(name(&g, k))), "aliases": [\(quote(name(&g, k + 100)))], "type": "\(g.pick(["state", "ecrime", "hacktivist", "unknown"]))",
             "nexus": "\(g.pick(["CN", "RU", "KP", "IR", "unknown", "US"]))", "sectors": ["technology", "ai-research"], "countries": ["US"],
             "techniques": [{"name": "Phishing", "attack_id": "T1566.001"}], "sources": ["s"]}
            """
        }
        let events = (0..<(g.below(12))).map { k -> String in
            let a = g.pick(days), b = g.pick(days)
            let (start, end) = a <= b ? (a, b) : (b, a)
            let when = g.chance(0.5) ? "\"date\": \"\(a)\"" : "\"start\": \"\(start)\", \"end\": \"\(end)\""
            return """
            {"id": "e\(k)", \(when), "kind": "intrusion", "actors": ["a\(g.below(actors.count))"], "summary": \(quote(name(&g, k))), "sources": ["s"],
             "techniques": ["T1190"], "tlp": "\(g.pick(["clear", "green", "amber", "red"]))"}
            """
        }
        let value = g.pick(["0", "100", "58.5", "1e-300", "99.999999999"])
        return """
        {"schema": "threatdeck-report@1",
         "report": {"id": "r", "title": \(quote(name(&g, 0))), "period": {"start": "0001-01-01", "end": "9999-12-31"}},
         "sources": [{"id": "s", "title": \(quote(name(&g, 1)))}],
         "actors": [\(actors.joined(separator: ","))],
         "findings": [{"id": "f", "statement": "x", "metric": "share", "value": \(value), "qualifier": "more-than", "subject": {"nexus": "CN"},
                       "population": \(quote(name(&g, 2))), "period": {"start": "0001-01-01", "end": "9999-12-31"}, "sources": ["s"]},
                      {"id": "f2", "statement": "y", "metric": "count", "value": 1e308, "qualifier": "at-least", "population": "p", "sources": ["s"]}],
         "events": [\(events.joined(separator: ","))]}
        """
    }

    static func uuid(_ g: inout SplitMix) -> String {
        let hex = Array("0123456789abcdef")
        var s = ""
        for k in 0..<32 {
            if k == 8 || k == 12 || k == 16 || k == 20 { s += "-" }
            s.append(hex[g.below(16)])
        }
        return s
    }

    /// A STIX bundle: duplicate ids with several versions (times with fractions and offsets),
    /// cyclic attributed-to, campaigns 0001–9999, sightings of 1e308, marked objects.
    public static func stix(_ g: inout SplitMix) -> String {
        var objects: [String] = []
        var actorIDs: [String] = []
        let stamps = ["2020-01-01T00:00:00Z", "2020-01-01T00:00:00.500Z", "2020-01-01T01:00:00+02:00", "9999-12-31T23:59:59.999999Z", "0001-01-01T00:00:00Z"]
        for k in 0..<(1 + g.below(5)) {
            let id = "intrusion-set--" + uuid(&g)
            actorIDs.append(id)
            for version in 0..<(1 + g.below(3)) {
                objects.append("""
                {"type": "intrusion-set", "spec_version": "2.1", "id": "\(id)", "created": "2020-01-01T00:00:00Z", "modified": "\(stamps[(k + version) % stamps.count])",
                 "name": \(quote(name(&g, k))), "aliases": [\(quote(name(&g, k + 50)))], "first_seen": "0001-01-01T00:00:00Z", "last_seen": "9999-12-31T23:59:59Z",
                 "object_marking_refs": ["\(g.pick(Array(TLP.stixMarkings.keys).sorted()))"],
                 "external_references": [{"source_name": "mitre-attack", "external_id": "G\(String(1000 + g.below(9000)))"}]}
                """)
            }
        }
        let campaign = "campaign--" + uuid(&g)
        objects.append("""
        {"type": "campaign", "spec_version": "2.1", "id": "\(campaign)", "created": "2020-01-01T00:00:00Z", "modified": "2020-01-01T00:00:00Z",
         "name": "Forever", "first_seen": "0001-01-01T00:00:00Z", "last_seen": "9999-12-31T23:59:59Z"}
        """)
        func rel(_ type: String, _ s: String, _ t: String) {
            objects.append("""
            {"type": "relationship", "spec_version": "2.1", "id": "relationship--\(uuid(&g))", "created": "2020-01-01T00:00:00Z", "modified": "2020-01-01T00:00:00Z",
             "relationship_type": "\(type)", "source_ref": "\(s)", "target_ref": "\(t)"}
            """)
        }
        rel("attributed-to", campaign, actorIDs[0])
        if actorIDs.count > 1 {
            // A cycle: each attributed to the next, the last to the first.
            for (k, a) in actorIDs.enumerated() { rel("attributed-to", a, actorIDs[(k + 1) % actorIDs.count]) }
        }
        let pattern = "attack-pattern--" + uuid(&g)
        objects.append("""
        {"type": "attack-pattern", "spec_version": "2.1", "id": "\(pattern)", "created": "2020-01-01T00:00:00Z", "modified": "2020-01-01T00:00:00Z",
         "name": "Phishing", "kill_chain_phases": [{"kill_chain_name": "mitre-attack", "phase_name": "initial-access"}],
         "external_references": [{"source_name": "mitre-attack", "external_id": "T1566"}]}
        """)
        rel("uses", campaign, pattern)
        rel("uses", actorIDs[g.below(actorIDs.count)], pattern)
        objects.append("""
        {"type": "sighting", "spec_version": "2.1", "id": "sighting--\(uuid(&g))", "created": "2020-01-01T00:00:00Z", "modified": "2020-01-01T00:00:00Z",
         "sighting_of_ref": "\(campaign)", "first_seen": "0001-01-01T00:00:00Z", "last_seen": "9999-12-31T23:59:59Z", "count": \(g.pick(["0", "1", "999999999"]))}
        """)
        objects.append("""
        {"type": "report", "spec_version": "2.1", "id": "report--\(uuid(&g))", "created": "2020-01-01T00:00:00Z", "modified": "2020-01-01T00:00:00Z",
         "name": \(quote(name(&g, 9))), "published": "9999-12-31T23:59:59Z", "object_refs": ["\(actorIDs[0])", "\(campaign)"]}
        """)
        return "{\"type\": \"bundle\", \"id\": \"bundle--\(uuid(&g))\", \"objects\": [" + objects.joined(separator: ",") + "]}"
    }

    /// A MISP galaxy: duplicate synonyms, conflicting country and sponsor, umbrella names.
    public static func mispGalaxy(_ g: inout SplitMix) -> String {
        var values: [String] = []
        let shared = quote(name(&g, 777))
        for k in 0..<(1 + g.below(6)) {
            values.append("""
            {"value": \(quote(name(&g, k))), "uuid": "\(uuid(&g))",
             "meta": {"synonyms": [\(shared), \(quote(name(&g, k + 1)))], "country": "\(g.pick(["CN", "RU", "US"]))",
                      "cfr-suspected-state-sponsor": "\(g.pick(["China", "Russia", "Unknown", "Iran"]))", "targeted-sector": ["Technology", \(quote(g.pick(hostile)))],
                      "refs": ["https://example.com/\(k)", "javascript:alert(1)"]}}
            """)
        }
        return "{\"type\": \"threat-actor\", \"name\": \"Threat Actor\", \"uuid\": \"\(uuid(&g))\", \"values\": [" + values.joined(separator: ",") + "]}"
    }

    /// MISP events: dates at the ends of the calendar, numbers as numbers, odd tags.
    public static func mispEvents(_ g: inout SplitMix) -> String {
        var events: [String] = []
        for k in 0..<(1 + g.below(4)) {
            let tags = [
                "misp-galaxy:threat-actor=\(quote(name(&g, k)))", "misp-galaxy:mitre-attack-pattern=\"Phishing - T1566\"",
                "misp-galaxy:mitre-intrusion-set=\"APT1 - G0006\"", "tlp:\(g.pick(["white", "green", "amber+strict", "red", "clear"]))",
                "misp-galaxy:sector=\"Finance\"", "misp-galaxy:country=\"france\"", "misp-galaxy:region=\"154 - Northern Europe\"",
                "misp-galaxy:unknown-galaxy=\"x\"", g.pick(hostile),
            ].map { "{\"name\": \(quote($0))}" }
            events.append("""
            {"Event": {"uuid": "\(uuid(&g))", "info": \(quote(name(&g, k))), "date": "\(g.pick(days))", "timestamp": \(g.pick(["1472541011", "\"0\"", "99999999999"])),
             "publish_timestamp": "0", "Orgc": {"name": \(quote(name(&g, k + 3)))}, "Tag": [\(tags.joined(separator: ","))],
             "Attribute": [{"type": "ip-dst", "value": "1.2.3.4"}], "Object": [{"name": "file", "Attribute": []}]}}
            """)
        }
        return "{\"response\": [" + events.joined(separator: ",") + "]}"
    }

    /// One document of each format, read and merged: a dataset no input format should trap on.
    public static func dataset(seed: UInt64) -> Dataset {
        var g = SplitMix(seed: seed)
        let docs = [("native.json", native(&g)), ("stix.json", stix(&g)), ("galaxy.json", mispGalaxy(&g)), ("events.json", mispEvents(&g))]
        return DatasetBuilder.build(docs.map { Ingest.read(bytes: Array($0.1.utf8), file: $0.0) })
    }
}

extension String {
    init(format4 value: UInt32) {
        let digits = Array("0123456789abcdef")
        self = String([digits[Int(value >> 12 & 0xF)], digits[Int(value >> 8 & 0xF)], digits[Int(value >> 4 & 0xF)], digits[Int(value & 0xF)]])
    }
}
