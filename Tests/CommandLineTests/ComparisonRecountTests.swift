import Foundation
import Testing
import TestSupport

/// One comparison recounted independently: the bundled sample read with JSONSerialization,
/// each event's nexus decided by README's rules (the event's stated nexus, else its actors':
/// stated, else CrowdStrike's naming convention), counted in a window when its date or span
/// overlaps it. The window 2025-04-01..2026-03-31 against `previous` (the year before).
@Suite struct ComparisonRecountTests {
    static let files = ["crowdstrike-2026-tech-intrusions.json", "synthetic-activity-feed.json"].map { TestPaths.sampleData + "/" + $0 }
    static let suffixes = ["panda": "CN", "bear": "RU", "chollima": "KP", "kitten": "IR", "buffalo": "VN", "tiger": "IN"]
    static let names = ["CN": "China", "RU": "Russia", "KP": "North Korea", "IR": "Iran", "VN": "Vietnam", "IN": "India", "unknown": "Unknown", "disputed": "Disputed"]

    struct Recount {
        var counts: [String: Int] = [:]
        var actors: Set<String> = []
    }

    static func recount(from a: String, to b: String) throws -> Recount {
        var actors: [String: [String: Any]] = [:]
        var events: [[String: Any]] = []
        for f in files {
            let d = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: f))) as! [String: Any]
            for x in d.array("actors") { actors[x.string("id")] = x }
            events += d.array("events")
        }
        func actorNexus(_ x: [String: Any]) -> String {
            if let n = x["nexus"] as? String { return n }
            let last = x.string("name").split(separator: " ").last.map { $0.lowercased() } ?? ""
            return suffixes[last] ?? "unknown"
        }
        var out = Recount()
        for e in events {
            let start = (e["start"] as? String) ?? e.string("date")
            let end = (e["end"] as? String) ?? start
            guard start <= b && end >= a else { continue }
            let ids = e["actors"] as? [String] ?? []
            var nexus = e["nexus"] as? String
            if nexus == nil {
                var stated = Set(ids.compactMap { actors[$0] }.map(actorNexus))
                stated.remove("unknown")
                nexus = stated.count == 1 ? stated.first! : stated.isEmpty ? "unknown" : "disputed"
            }
            out.counts[names[nexus!] ?? nexus!, default: 0] += 1
            out.actors.formUnion(ids.compactMap { actors[$0]?.string("name") })
        }
        return out
    }

    @Test func theComparisonEqualsTheRecount() throws {
        let current = try Self.recount(from: "2025-04-01", to: "2026-03-31")
        let baseline = try Self.recount(from: "2024-04-01", to: "2025-03-31")
        let cli = CLI("compare")
        defer { cli.remove() }
        let s = try cli.json(["--filter", "window:2025-04-01..2026-03-31", "--compare", "previous"])
        let c = s.object("comparison")
        #expect(c.object("baseline").string("start") == "2024-04-01" && c.object("baseline").string("end") == "2025-03-31")
        var now: [String: Int] = [:], before: [String: Int] = [:], change: [String: Int] = [:]
        for r in s.object("nexus").array("rows") {
            if r.int("count") > 0 { now[r.string("label")] = r.int("count") }
            if r.int("baseline_count") > 0 { before[r.string("label")] = r.int("baseline_count") }
            change[r.string("label")] = r.int("change")
        }
        #expect(now == current.counts)
        #expect(before == baseline.counts)
        for (label, n) in change { #expect(n == (current.counts[label] ?? 0) - (baseline.counts[label] ?? 0), "\(label)") }
        #expect(c.int("baseline_events") == baseline.counts.values.reduce(0, +))
        #expect(s.object("scope").int("events") == current.counts.values.reduce(0, +))
        // Actors new in the window: events in it and none in the baseline (by name: records
        // of one actor in two files merge under one id).
        let all = try cli.json([]).array("actors")
        func names(_ key: String) -> Set<String> { Set((c[key] as? [String] ?? []).compactMap { id in all.first { $0.string("id") == id }?.string("name") }) }
        #expect(names("new_actors") == current.actors.subtracting(baseline.actors))
        #expect(names("gone_actors") == baseline.actors.subtracting(current.actors))
        #expect(!names("new_actors").isEmpty)
        // The CSV says the same, with signed changes.
        let csv = cli.run(["export", "--format", "csv", "--table", "nexus", "--filter", "window:2025-04-01..2026-03-31", "--compare", "previous"]).stdout
        let china = csv.split(separator: "\r\n").first { $0.hasPrefix("China,") }.map { $0.split(separator: ",").map(String.init) } ?? []
        #expect(china.count == 7 && china[1] == String(current.counts["China"] ?? 0) && china[3] == String(baseline.counts["China"] ?? 0))
        #expect(china.count == 7 && china[5] == "+" + String((current.counts["China"] ?? 0) - (baseline.counts["China"] ?? 0)))
    }

    @Test func aBaselineWithoutDataIsAnErrorNotZeroes() {
        let cli = CLI("compare-empty")
        defer { cli.remove() }
        let r = cli.run(["summary", "--compare", "window:1990-01-01..1990-12-31"])
        #expect(r.status == 2)
        #expect(r.stderr.contains("no dated activity in the baseline 1990-01-01 → 1990-12-31"), "\(r.stderr)")
    }
}
