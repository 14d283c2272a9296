import Foundation
@testable import JSONCore
import Testing
import TestSupport
@testable import ThreatModel
@testable import Loading
@testable import Readers
@testable import Analysis
@testable import Identity

/// Work split across cores (a native file's events, a feed's files, actor records and
/// merges, filters and aggregates) gives exactly what one pass gives, problems included.
@Suite struct ParallelIngestTests {
    /// Events with every kind of fault, duplicates within and across the ranges the parallel
    /// reader splits at, and good ones between them.
    func hostileEvents(_ g: inout SplitMix, count: Int) -> String {
        let events = (0..<count).map { k -> String in
            // Ids repeat: some nearby (one range), some far apart (different ranges).
            let id = g.chance(0.1) ? "e\(g.below(count))" : "e\(k)"
            switch g.below(9) {
            case 0: return #"{"id": "\#(id)", "kind": "intrusion", "summary": "no date", "sources": ["s"]}"#
            case 1: return #"{"id": "\#(id)", "date": "2024-02-30", "kind": "intrusion", "summary": "bad day", "sources": ["s"]}"#
            case 2: return #"{"id": "\#(id)", "date": "2024-01-01", "kind": "nope", "summary": "bad kind", "sources": ["s"], "extra": 1}"#
            case 3: return #"{"id": 7, "date": "2024-01-01", "kind": "intrusion", "summary": "number id", "sources": ["s"]}"#
            case 4:
                return #"{"id": "\#(id)", "date": "2024-01-01", "kind": "intrusion", "actors": ["a0", "ghost"], "summary": "dangling", "sources": ["s", "t"]}"#
            case 5: return #"[1, 2]"#
            default:
                return
                    #"{"id": "\#(id)", "start": "2023-0\#(1 + g.below(9))-01", "end": "2024-01-01", "kind": "intrusion", "actors": ["a0"], "summary": "ok \#(k)", "sources": ["s"], "sectors": ["technology", "bogus"]}"#
            }
        }
        return """
            {"schema": "threatdeck-report@1", "report": {"id": "r", "title": "T"}, "sources": [{"id": "s", "title": "S"}],
             "actors": [{"id": "a0", "name": "Aardvark Panda", "type": "state", "sources": ["s"]}],
             "events": [\(events.joined(separator: ",\n"))]}
            """
    }

    @Test(arguments: [1, 2, 3])
    func nativeEventsReadOnEveryCoreMatchOnePass(seed: UInt64) throws {
        var g = SplitMix(seed: seed)
        let text = hostileEvents(&g, count: 400 + g.below(300))
        let document = try JSONDocument(parsing: Array(text.utf8))
        let serial = NativeIngest.run(document, file: "f.json", parallelFrom: .max)
        let parallel = NativeIngest.run(document, file: "f.json", parallelFrom: 2)
        #expect(serial.events.count > 50, "the generator makes good events too")
        #expect(serial.problems.contains { $0.message.hasPrefix("duplicate event id") })
        #expect(parallel.events.map(\.id) == serial.events.map(\.id))
        #expect(parallel.events == serial.events)
        #expect(
            parallel.problems.map { "\($0.line):\($0.column) \($0.path) \($0.message)" }
                == serial.problems.map { "\($0.line):\($0.column) \($0.path) \($0.message)" })
    }

    /// Fewer events than ranges (some ranges empty), the tape let go behind the others: still
    /// what one pass reads.
    @Test func aFewEventsSplitIntoMostlyEmptyRangesMatchOnePass() throws {
        var g = SplitMix(seed: 5)
        for count in 2...20 {
            let text = hostileEvents(&g, count: count)
            let serial = NativeIngest.run(try JSONDocument(parsing: Array(text.utf8)), file: "f.json", parallelFrom: .max)
            let parallel = NativeIngest.run(try JSONDocument(parsing: Array(text.utf8)), file: "f.json", parallelFrom: 2, evictingTape: true)
            #expect(parallel.events == serial.events, "\(count) events")
            #expect(parallel.problems == serial.problems, "\(count) events")
        }
    }

    /// A mapped file's parse and reader let the pages they have read go; they come back from
    /// the file, so what it reads (problems' lines, columns and paths, the duplicate ids' first
    /// uses) is what it reads from an array of the same bytes, and the bytes are intact. With
    /// the tape let go behind each range too, problems located on the way are the same.
    @Test func aMappedFilesReadPagesComeBackAsTheFile() throws {
        var g = SplitMix(seed: 11)
        let text = hostileEvents(&g, count: 12_000)
        let bytes = Array(text.utf8)
        #expect(bytes.count > 1 << 20, "large enough to be mapped")
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("threatdeck-evict-\(getpid())")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("events.json").path
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        let mapped = try LocalFileSystem().contents(path, limit: 64 << 20)
        #expect(bytes.count > JSONScanner.evictionStep, "the parse lets some of it go")
        let fromFile = NativeIngest.run(try JSONDocument(parsing: mapped), file: "f.json", parallelFrom: 2, evictingTape: true)
        let fromArray = NativeIngest.run(try JSONDocument(parsing: bytes), file: "f.json", parallelFrom: 2)
        #expect(fromFile.problems.contains { $0.message.hasPrefix("duplicate event id") && $0.message.contains("first used at") })
        #expect(fromFile.events == fromArray.events)
        #expect(
            fromFile.problems.map { "\($0.line):\($0.column) \($0.path) \($0.message)" }
                == fromArray.problems.map { "\($0.line):\($0.column) \($0.path) \($0.message)" })
        // Evicted by hand too, the whole mapping reads as the file.
        mapped.evict(0..<mapped.count)
        #expect(mapped.copy(0..<mapped.count) == bytes)
        #expect(mapped.isIntact)
    }

    /// A large STIX bundle read from a mapped file lets each stretch of it go once a pass has
    /// read it (headers, objects, the texts of technique uses); the pages come back from the
    /// file, so the records, uses and problems are those of the same bytes in an array.
    @Test func aMappedBundlesReadPagesComeBackAsTheFile() throws {
        var g = SplitMix(seed: 5)
        func uuid(_ k: Int) -> String { String(format: "%08x-0000-4000-8000-%012x", k, k) }
        var objects: [String] = []
        for k in 0..<60 {
            objects.append(#"{"type": "intrusion-set", "id": "intrusion-set--\#(uuid(k))", "name": "Set \#(k)"}"#)
            objects.append(
                #"{"type": "attack-pattern", "id": "attack-pattern--\#(uuid(k))", "name": "Technique \#(k)", "external_references": [{"source_name": "mitre-attack", "external_id": "T1\#(100 + k)"}]}"#
            )
        }
        for k in 0..<6_000 {
            let source = g.below(8) == 0 ? "intrusion-set--\(uuid(1_000 + k))" : "intrusion-set--\(uuid(g.below(60)))"
            let modified = g.below(50) == 0 ? "yesterday" : "2024-01-05T00:00:00Z"
            objects.append(
                #"{"type": "relationship", "id": "relationship--\#(uuid(10_000 + k))", "modified": "\#(modified)", "relationship_type": "uses", "source_ref": "\#(source)", "target_ref": "attack-pattern--\#(uuid(g.below(60)))", "description": "procedure \#(k) \#(String(repeating: "x", count: g.below(300)))", "external_references": [{"source_name": "report \#(k % 90)", "url": "https://example.com/\#(k)"}]}"#
            )
        }
        let bytes = Array(#"{"type": "bundle", "id": "bundle--\#(uuid(1))", "objects": [\#(objects.joined(separator: ", "))]}"#.utf8)
        #expect(bytes.count > 1 << 20, "large enough to be mapped")
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("threatdeck-stix-evict-\(getpid())")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("bundle.json").path
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        let mapped = try LocalFileSystem().contents(path, limit: 64 << 20)
        let fromFile = StixIngest.run(try JSONDocument(parsing: mapped), file: "b.json")
        let fromArray = StixIngest.run(try JSONDocument(parsing: bytes), file: "b.json")
        #expect(fromFile.uses.count > 512, "the uses' texts are read in ranges")
        #expect(fromFile.problems.contains { $0.message.hasPrefix("invalid timestamp") })
        #expect(fromFile.problems.contains { $0.message.contains("not in this file") })
        #expect(fromFile.actors == fromArray.actors)
        #expect(fromFile.techniques == fromArray.techniques)
        #expect(fromFile.uses == fromArray.uses)
        #expect(
            fromFile.problems.map { "\($0.line):\($0.column) \($0.path) \($0.message)" }
                == fromArray.problems.map { "\($0.line):\($0.column) \($0.path) \($0.message)" })
        #expect(mapped.copy(0..<mapped.count) == bytes)
        #expect(mapped.isIntact)
    }

    /// A STIX bundle with every kind of fault pass 1 reports, versions of one object (older,
    /// newer, same time, unparseable), revoked and deprecated objects, and good ones between.
    func hostileBundle(_ g: inout SplitMix, count: Int) -> String {
        func uuid(_ k: Int) -> String { String(format: "%08x-0000-4000-8000-%012x", k % 397, k % 397) }
        var objects: [String] = []
        for k in 0..<count {
            let n = g.below(count)
            let modified = ["2024-01-0\(1 + g.below(9))T00:00:00Z", "2024-01-05T00:00:00Z", "yesterday"][g.below(3)]
            switch g.below(14) {
            case 0:
                objects.append(
                    #"{"type": "intrusion-set", "id": "intrusion-set--\#(uuid(n % 60))", "modified": "\#(modified)", "name": "Set \#(n % 40)", "aliases": ["APT \#(n % 7)"], "external_references": [{"source_name": "mitre-attack", "external_id": "G00\#(10 + n % 60)", "url": "https://attack.mitre.org/groups/G00\#(10 + n % 60)"}]}"#
                )
            case 1:
                objects.append(
                    #"{"type": "attack-pattern", "id": "attack-pattern--\#(uuid(n % 60))", "modified": "\#(modified)", "name": "Technique \#(n)", "description": "Does \"\#(n)\"\n.", "kill_chain_phases": [{"kill_chain_name": "mitre-attack", "phase_name": "execution"}], "external_references": [{"source_name": "mitre-attack", "external_id": "T1\#(100 + n % 90)"}]}"#
                )
            case 2: objects.append(#"{"type": "attack-pattern", "id": "attack-pattern--\#(uuid(n))", "name": "Not ATT&CK \#(n)"}"#)
            case 3, 4, 5:
                let source = ["intrusion-set--\(uuid(g.below(60)))", "intrusion-set--\(uuid(g.below(60)))", "", "campaign--\(uuid(g.below(count)))"][g.below(4)]
                let target = [
                    "attack-pattern--\(uuid(g.below(60)))", "attack-pattern--\(uuid(g.below(60)))", "identity--\(uuid(g.below(count)))",
                    "intrusion-set--\(uuid(g.below(count)))",
                ][g.below(4)]
                let type = ["uses", "uses", "targets", "attributed-to", ""][g.below(5)]
                objects.append(
                    #"{"type": "relationship", "id": "relationship--\#(uuid(n))", "modified": "\#(modified)", "relationship_type": "\#(type)", "source_ref": "\#(source)", "target_ref": "\#(target)", "description": "procedure \#(k)"}"#
                )
            case 6:
                objects.append(
                    #"{"type": "relationship", "id": "relationship--\#(uuid(n))", "relationship_type": "uses", "source_ref": "intrusion-set--\#(uuid(n))"}"#)
            case 7:
                objects.append(
                    #"{"type": "identity", "id": "identity--\#(uuid(n))", "name": "Sector \#(n)", "identity_class": "class", "sectors": ["technology", "made-up"]}"#
                )
            case 8:
                objects.append(
                    #"{"type": "campaign", "id": "campaign--\#(uuid(n))", "name": "Op \#(n)", "first_seen": "2023-0\#(1 + n % 9)-01T00:00:00Z", "last_seen": "2022-01-01T00:00:00Z"}"#
                )
            case 9:
                objects.append(
                    #"{"type": "intrusion-set", "id": "intrusion-set--\#(uuid(n))", "modified": "2024-02-01T00:00:00Z", "revoked": true, "name": "Gone \#(n)"}"#
                )
            case 10:
                objects.append(#"{"type": "attack-pattern", "id": "attack-pattern--\#(uuid(n))", "modified": 5, "x_mitre_deprecated": true, "name": "Old"}"#)
            case 11:
                objects.append(
                    [
                        #"{"type": 7, "id": "x"}"#, #"{"id": "malware--\#(uuid(n))"}"#, #"{"type": "tool", "id": 3}"#, #"{"type": "tool", "id": "tool--nope"}"#,
                        "[1]", #""str""#,
                    ][g.below(6)])
            case 12: objects.append(#"{"type": "tool", "id": "tool--\#(uuid(n))", "modified": "\#(modified)", "name": "Tool \#(n)"}"#)
            default: objects.append(#"{"type": "course-of-action", "id": "course-of-action--\#(uuid(n))", "name": "Mitigate \#(n)"}"#)
            }
        }
        return #"{"type": "bundle", "id": "bundle--\#(uuid(1))", "objects": [\#(objects.joined(separator: ",\n"))]}"#
    }

    @Test(arguments: [1, 2, 3])
    func stixHeadersMadeOnEveryCoreMatchOnePass(seed: UInt64) throws {
        var g = SplitMix(seed: seed)
        let text = hostileBundle(&g, count: 600 + g.below(400))
        let document = try JSONDocument(parsing: Array(text.utf8))
        let serial = StixIngest.run(document, file: "b.json", format: .stix, parallelFrom: .max)
        let parallel = StixIngest.run(document, file: "b.json", format: .stix, parallelFrom: 2)
        let messages = serial.problems.map(\.message)
        #expect(messages.contains { $0.hasPrefix("duplicate id") })
        #expect(messages.contains { $0.hasPrefix("invalid timestamp") })
        #expect(messages.contains { $0.hasPrefix("invalid id") })
        #expect(messages.contains { $0.hasPrefix("missing property") })
        #expect(messages.contains { $0.hasPrefix("expected a STIX object") })
        #expect(serial.actors.count > 10 && serial.techniques.count > 10 && !serial.uses.isEmpty)
        #expect(parallel.actors == serial.actors)
        #expect(parallel.campaigns == serial.campaigns)
        #expect(parallel.techniques == serial.techniques)
        #expect(parallel.uses == serial.uses)
        #expect(parallel.versions == serial.versions)
        #expect(
            parallel.problems.map { "\($0.line):\($0.column) \($0.path) \($0.message)" }
                == serial.problems.map { "\($0.line):\($0.column) \($0.path) \($0.message)" })
    }

    /// Thousands of relationships, looked up on every core: each missing end is warned of
    /// once, in file order (the source before the target), and a forward reference is not
    /// missing. The expectation is worked out from the generator, not by the reader.
    @Test func danglingReferencesAreWarnedOfInFileOrder() throws {
        var g = SplitMix(seed: 11)
        func uuid(_ k: Int) -> String { String(format: "%08x-0000-4000-8000-%012x", k, k) }
        var objects: [String] = [], expected: [String] = []
        for k in 0..<5_000 {
            // An end is present (some only later in the file) or absent.
            let source = g.below(9) == 0 ? "intrusion-set--\(uuid(50_000 + k))" : "intrusion-set--\(uuid(g.below(40)))"
            let target = g.below(7) == 0 ? "attack-pattern--\(uuid(60_000 + k))" : "attack-pattern--\(uuid(g.below(40)))"
            if source.contains(uuid(50_000 + k)) { expected.append("reference to \(source) which is not in this file") }
            if target.contains(uuid(60_000 + k)) { expected.append("reference to \(target) which is not in this file") }
            objects.append(
                #"{"type": "relationship", "id": "relationship--\#(uuid(10_000 + k))", "relationship_type": "uses", "source_ref": "\#(source)", "target_ref": "\#(target)"}"#
            )
        }
        for k in 0..<40 {
            objects.append(#"{"type": "intrusion-set", "id": "intrusion-set--\#(uuid(k))", "name": "Set \#(k)"}"#)
            objects.append(#"{"type": "attack-pattern", "id": "attack-pattern--\#(uuid(k))", "name": "Technique \#(k)"}"#)
        }
        let text = #"{"type": "bundle", "id": "bundle--\#(uuid(1))", "objects": [\#(objects.joined(separator: ",\n"))]}"#
        let document = try JSONDocument(parsing: Array(text.utf8))
        let read = StixIngest.run(document, file: "b.json")
        let warnings = read.problems.map(\.message).filter { $0.hasSuffix("which is not in this file") }
        #expect(expected.count > 1_000)
        #expect(warnings == expected)
        let serial = ParallelMap.$serial.withValue(true) { StixIngest.run(document, file: "b.json") }
        #expect(read.problems.map { "\($0.line):\($0.column) \($0.message)" } == serial.problems.map { "\($0.line):\($0.column) \($0.message)" })
    }

    @Test func aFeedOfResultsMergesAsOnOneThread() {
        // Actor records and merges run on every core from 512 records.
        var results: [IngestResult] = []
        for k in 0..<1_200 {
            var r = IngestResult(file: "feed/\(k).json", format: .mispEvent)
            let names = ["Kimsuky", "APT 28", "Fancy Bear", "Murky Panda", "Cluster \(k % 37)", "Naikon"]
            var a = Actor(
                id: "misp-cluster:\(k)", name: names[k % names.count], aliases: k % 3 == 0 ? ["Sofacy"] : [],
                provenance: [Provenance(file: "feed/\(k).json", format: .mispEvent)])
            if k % 6 == 5 { a.externalIDs = k % 12 == 5 ? ["G0019"] : ["G0013"] }
            r.actors = [a]
            r.events = [Event(id: "misp-event--\(k)", span: DayRange(Day(ordinal: 738_000 + k)), kind: .other, actorIDs: [a.id], summary: "e\(k)")]
            results.append(r)
        }
        let parallel = DatasetBuilder.build(results)
        let serial = ParallelMap.$serial.withValue(true) { DatasetBuilder.build(results) }
        #expect(parallel.actors.count > 6)
        #expect(parallel.actors == serial.actors)
        #expect(parallel.events == serial.events)
    }

    /// A dataset large enough for the filters and aggregates to split their work.
    func largeDataset() -> Dataset {
        let nexuses: [Nexus] = [.country("CN"), .country("RU"), .unknown, .country("KP")]
        let actors = (0..<50).map { k in
            Actor(
                id: "a\(k)", name: (k % 7 == 0 ? "Murky Panda " : "Actor ") + "\(k)", nexus: nexuses[k % 4], nexusBasis: .stated,
                sectors: k % 2 == 0 ? ["technology"] : ["government"])
        }
        var g = SplitMix(seed: 9)
        let events = (0..<120_000).map { k -> Event in
            let start = Day(ordinal: 736_000 + g.below(3_000))
            let span = g.chance(0.02) ? DayRange(start: start, end: start.adding(days: 46 + g.below(300))) : DayRange(start)
            let a = g.below(actors.count)
            return Event(
                id: "e\(k)", span: span, kind: .intrusion, actorIDs: g.chance(0.1) ? ["a\(a)", "a\((a + 1) % 50)"] : ["a\(a)"],
                nexus: actors[a].nexus, sectors: g.chance(0.5) ? ["semiconductors"] : ["government"],
                summary: g.chance(0.01) ? "panda sighting \(k)" : "event \(k)")
        }
        return Dataset(actors: actors, events: events.sorted { ($0.span.start, $0.id) < ($1.span.start, $1.id) })
    }

    @Test func filtersAndAggregatesOnEveryCoreMatchOneThread() {
        let d = largeDataset()
        for filter in [Filter.none, Filter([.nexus(.country("CN")), .sector("technology"), .text("panda")]), Filter([.text("panda")])] {
            let (fast, slow) = (filter.apply(to: d), ParallelMap.$serial.withValue(true) { filter.apply(to: d) })
            #expect(fast.eventIndices == slow.eventIndices)
            #expect(fast.actorIDs == slow.actorIDs)
            let b1 = ActorBreakdown.compute(d, selection: fast), b2 = ParallelMap.$serial.withValue(true) { ActorBreakdown.compute(d, selection: slow) }
            #expect(b1.rows.map(\.count) == b2.rows.map(\.count))
            #expect(b1.total == b2.total && b1.eventsPerActor == b2.eventsPerActor)
            for granularity: TimelineSeries.Granularity? in [nil, .day, .week, .month, .year] {
                let t1 = TimelineSeries.compute(d, selection: fast, granularity: granularity, slots: 120)
                let t2 = ParallelMap.$serial.withValue(true) { TimelineSeries.compute(d, selection: slow, granularity: granularity, slots: 120) }
                #expect(t1.buckets == t2.buckets)
                #expect(t1.spans == t2.spans)
                #expect(t1.total == t2.total && t1.outside == t2.outside)
            }
        }
        // And the counts are right, recounted here from the events themselves.
        let all = Filter.none.apply(to: d)
        let month = TimelineSeries.compute(d, selection: all, granularity: .month, slots: 120)
        for bucket in month.buckets.prefix(6) {
            #expect(bucket.count == d.events.filter { $0.span.overlaps(bucket.range) }.count)
        }
        let cn = ActorBreakdown.compute(d, selection: all, measure: .events).rows.first { $0.key == .nexus(.country("CN")) }
        #expect(cn?.count == d.events.filter { $0.nexus == .country("CN") }.count)
    }
}
