import Testing
import TestSupport
@testable import ThreatModel
@testable import Identity
@testable import Readers
@testable import JSONCore

/// The merge's short cuts (events sorted by key, lists of one record kept as they are, the
/// index built in ranges on every core, tables split on bytes) give what the plain
/// definitions give, recounted here from the records themselves.
@Suite struct MergePathTests {
    @Test(arguments: [1, 2, 3])
    func eventsOutOfOrderAreSortedByStartEndAndIdStably(seed: UInt64) {
        var g = SplitMix(seed: seed)
        // Few days and few ids: many ties on start and end, and some on id too.
        let events = (0..<3_000).map { k -> Event in
            let start = Day(ordinal: 738_000 + g.below(40))
            return Event(
                id: "e\(g.below(500))", span: DayRange(start: start, end: start.adding(days: g.below(3))), kind: .intrusion,
                summary: "event \(k)")
        }
        var sorted = events
        DatasetBuilder.sortByDate(&sorted)
        let expected = events.enumerated().sorted { a, b in
            let (x, y) = (a.element, b.element)
            if x.span.start != y.span.start { return x.span.start < y.span.start }
            if x.span.end != y.span.end { return x.span.end < y.span.end }
            return x.id != y.id ? x.id < y.id : a.offset < b.offset
        }.map(\.element)
        #expect(sorted.map(\.summary) == expected.map(\.summary))
        #expect(sorted == expected)
        // Already in order: nothing moves.
        var again = sorted
        DatasetBuilder.sortByDate(&again)
        #expect(again == sorted)
        var one = [events[0]], none: [Event] = []
        DatasetBuilder.sortByDate(&one)
        DatasetBuilder.sortByDate(&none)
        #expect(one == [events[0]] && none.isEmpty)
    }

    @Test func aSingleRecordsListsLoseTheirRepeatsAndKeepTheirOrder() {
        var a = Actor(id: "a", name: "Aardvark Panda")
        a.sectors = ["technology", "government", "technology"]
        a.regions = ["eastern-asia"]
        a.descriptions = [String(repeating: "long ", count: 2_000), "short", String(repeating: "long ", count: 2_000)]
        a.externalIDs = (0..<40).map { "X\($0 % 25)" }
        a.techniques = [
            .init(name: "Phishing", attackID: "T1566"), .init(name: "PHISHING"), .init(name: "Other", attackID: "T1566"),
            .init(name: "Valid Accounts", attackID: "T1078"), .init(name: "valid accounts", attackID: "T9999"),
        ]
        let merged = DatasetBuilder.merge([a], labels: ["f.json"])
        #expect(merged.sectors == ["technology", "government"])
        #expect(merged.regions == ["eastern-asia"])
        #expect(merged.descriptions.count == 2 && merged.descriptions[1] == "short")
        #expect(merged.externalIDs == (0..<25).map { "X\($0)" })
        // A technique already kept by ATT&CK id or by name (any case) is not repeated.
        #expect(merged.techniques.map(\.name) == ["Phishing", "Valid Accounts"])

        var b = Actor(id: "b", name: "Aardvark Panda")
        b.sectors = ["energy", "government"]
        b.techniques = [.init(name: "Spearphishing"), .init(name: "phishing", attackID: "T1111")]
        let both = DatasetBuilder.merge([a, b], labels: ["f.json", "g.json"])
        #expect(both.sectors == ["technology", "government", "energy"])
        #expect(both.techniques.map(\.name) == ["Phishing", "Valid Accounts", "Spearphishing"])
    }

    @Test(arguments: [4, 5])
    func theIndexBuiltInRangesIsTheIndexOfEveryEvent(seed: UInt64) {
        var g = SplitMix(seed: seed)
        let nexuses: [Nexus] = [.country("CN"), .country("RU"), .unknown, .disputed, .country("KP"), .country("IR")]
        let actors = (0..<30).map {
            Actor(id: "a\($0)", name: "Actor \($0)", nexus: nexuses[$0 % nexuses.count], sectors: $0 % 2 == 0 ? ["semiconductors"] : [])
        }
        let sectors = ["semiconductors", "technology", "government", "bogus", "energy"]
        let count = ParallelMap.manyEvents * 2 + 17
        let events = (0..<count).map { k -> Event in
            // Later ranges meet nexuses the first has not: first-seen order must span ranges.
            let n = k < count / 2 ? nexuses[g.below(2)] : nexuses[g.below(nexuses.count)]
            // Distinct ids, as every ingest gives them; some name no actor.
            var ids: [String] = []
            for _ in 0..<g.below(3) {
                let id = g.chance(0.05) ? "ghost" : "a\(g.below(actors.count))"
                if !ids.contains(id) { ids.append(id) }
            }
            return Event(
                id: "e\(k)", span: DayRange(Day(ordinal: 738_000 + k / 50)), kind: .intrusion, actorIDs: ids, nexus: n,
                sectors: (0..<g.below(3)).map { _ in g.pick(sectors) }, regions: g.chance(0.3) ? ["eastern-asia"] : [],
                countries: g.chance(0.3) ? [g.pick(["TW", "JP", "DE", "ZZ"])] : [], summary: "e\(k)")
        }
        let d = Dataset(actors: actors, events: events)
        let index = d.index
        var firstSeen: [Nexus] = []
        for n in events.map(\.nexus) + actors.map(\.nexus) where !firstSeen.contains(n) { firstSeen.append(n) }
        #expect(index.nexuses == firstSeen)
        for (k, e) in events.enumerated() {
            #expect(index.eventStart[k] == Int32(e.span.start.ordinal))
            #expect(index.nexuses[Int(index.eventNexus[k])] == e.nexus)
            #expect(Array(index.actors(ofEvent: k)) == e.actorIDs.compactMap { id in actors.firstIndex { $0.id == id }.map(Int32.init) })
            var expanded: [Int16] = []
            for s in e.sectors {
                for q in Vocabulary.sectorLineage(s).compactMap({ id in Vocabulary.sectors.firstIndex { $0.id == id } }) where !expanded.contains(Int16(q)) {
                    expanded.append(Int16(q))
                }
            }
            #expect(Array(index.sectors(ofEvent: k)) == expanded)
            #expect(index.eventRegions[k] == e.targetRegions)
        }
        for p in actors.indices {
            let mine = events.indices.filter { events[$0].actorIDs.contains(actors[p].id) }
            #expect(index.events(ofActor: p).map(Int.init) == mine, "actor \(p)")
        }
    }

    @Test func bundledTablesSplitOnBytesAsOnCharacters() {
        let table = "a|b||c\n\n d | é|\nx"
        #expect(TableRows.parse(table) == [["a", "b", "", "c"], [" d ", " é", ""], ["x"]])
        #expect(TableRows.parse(table, omittingEmptyFields: true, trimmed: true) == [["a", "b", "c"], ["d", "é"], ["x"]])
        #expect(
            TableRows.parse(table, trimmed: true)
                == table.split(separator: "\n").map { $0.split(separator: "|", omittingEmptySubsequences: false).map { String($0).trimmed } })
        // And the vocabularies read from them are whole.
        #expect(Vocabulary.country("TW")?.region == "eastern-asia")
        #expect(AttackVocabulary.technique("T1566")?.name == "Phishing")
        #expect(AttackVocabulary.tactics("enterprise-attack").count == 14)
    }

    /// A native file's reader gives its events their actors' nexus and the merge's order, so a
    /// merge that changes none of them keeps the result's array itself (no copy); where another
    /// file changes an actor, the nexus its events took from it follows the merged actor, and
    /// the result (the loader keeps it for the next reload) stays as it was read.
    @Test func aMergeThatChangesNoEventKeepsTheResultsArray() {
        let count = ParallelMap.manyEvents + 100
        func actors(_ k: Int) -> [String] { k % 7 == 0 ? ["aardvark-panda", "zebra-bear"] : k % 3 == 0 ? ["zebra-bear"] : ["aardvark-panda"] }
        func stated(_ k: Int) -> String? { k % 5 == 0 ? "KP" : nil }
        let events = (0..<count).map { k in
            // Years out of order in the file: the reader sorts them.
            let actorList = actors(k).map { "\"\($0)\"" }.joined(separator: ", ")
            let nexus = stated(k).map { ", \"nexus\": \"\($0)\"" } ?? ""
            return
                #"{"id": "e\#(k)", "date": "20\#(10 + (k * 7_919) % 15)-01-0\#(1 + k % 9)", "kind": "intrusion", "actors": [\#(actorList)]\#(nexus), "summary": "e\#(k)", "sources": ["s"]}"#
        }
        let text = """
            {"schema": "threatdeck-report@1", "report": {"id": "r", "title": "T"}, "sources": [{"id": "s", "title": "S"}],
             "actors": [{"id": "aardvark-panda", "name": "Aardvark Panda", "nexus": "CN", "type": "state", "sources": ["s"]},
                        {"id": "zebra-bear", "name": "Zebra Bear", "nexus": "RU", "type": "state", "sources": ["s"]}],
             "events": [\(events.joined(separator: ",\n"))]}
            """
        // As the loader keeps it: read, then shaped as the merge would (`prepare`).
        var result = Ingest.read(bytes: Array(text.utf8), file: "a.json")
        DatasetBuilder.prepare(&result)
        #expect(result.problems.isEmpty)
        #expect(result.events.count == count)
        func storage(_ e: [Event]) -> UInt { e.withUnsafeBufferPointer { UInt(bitPattern: $0.baseAddress) } }
        // Recounted from the file's own statements: stated, else the one actor's, else the two's
        // when they agree (CN and RU do not).
        func expected(_ k: Int, zebra: Nexus) -> Nexus {
            if let s = stated(k) { return .country(s) }
            let n = actors(k).map { $0 == "zebra-bear" ? zebra : .country("CN") }
            return Set(n).count == 1 ? n[0] : .unknown
        }
        let alone = DatasetBuilder.build([result])
        #expect(storage(alone.events) == storage(result.events))
        #expect(alone.events.allSatisfy { $0.nexus == expected(Int($0.id.dropFirst())!, zebra: .country("RU")) })
        #expect(alone.events.map(\.id) == ParallelMap.$serial.withValue(true) { DatasetBuilder.build([result]) }.events.map(\.id))

        // Another file states Zebra Bear is Chinese: the actor is Disputed, and so are the events
        // that took their nexus from it alone; stated ones keep theirs.
        var other = IngestResult(file: "b.json", format: .native)
        var zebra = Actor(id: "zebra-bear", name: "Zebra Bear")
        zebra.nexus = .country("CN")
        zebra.nexusBasis = .stated
        other.actors = [zebra]
        let beside = DatasetBuilder.build([result, other])
        #expect(beside.actor("zebra-bear")?.nexus == .disputed)
        #expect(storage(beside.events) != storage(result.events))
        #expect(beside.events.allSatisfy { $0.nexus == expected(Int($0.id.dropFirst())!, zebra: .disputed) })
        #expect(beside.events == ParallelMap.$serial.withValue(true) { DatasetBuilder.build([result, other]) }.events)
        #expect(result.events.allSatisfy { $0.nexus == expected(Int($0.id.dropFirst())!, zebra: .country("RU")) })
    }

    /// Events by id (a table of positions that reads ids from the events): the first event
    /// with an id, whatever the duplicates and collisions, and nothing for an id no event has.
    @Test(arguments: [1, 2])
    func eventsAreFoundByIdAsAScanFindsThem(seed: UInt64) {
        var g = SplitMix(seed: seed)
        let events = (0..<(3_000 + g.below(2_000))).map { k in
            Event(id: "e\(g.below(2_500))", span: DayRange(Day(ordinal: 738_000 + k)), kind: .intrusion, summary: "event \(k)")
        }
        let d = Dataset(events: events)
        for id in ["e0", "e1", "e2499", "e2500", "", "x"] + (0..<300).map({ _ in "e\(g.below(2_600))" }) {
            #expect(d.event(id)?.summary == d.events.first { $0.id == id }?.summary, "\(id)")
        }
    }

    @Test func aLaterResultSkipsRepeatedEventIdsOnlyWhenItHasEvents() {
        var native = IngestResult(file: "a.json", format: .native)
        native.actors = [Actor(id: "a0", name: "Aardvark Panda")]
        native.events = (0..<(ParallelMap.manyEvents + 500)).map {
            Event(id: "e\($0)", span: DayRange(Day(ordinal: 738_000 + $0 / 100)), kind: .intrusion, actorIDs: ["a0"], summary: "e\($0)")
        }
        var bundle = IngestResult(file: "b.json", format: .stix)
        bundle.actors = [Actor(id: "intrusion-set--1", name: "Zebra Spider")]
        // A bundle without events skips nothing: every native event stays, merged as on one thread.
        let beside = DatasetBuilder.build([native, bundle])
        let serial = ParallelMap.$serial.withValue(true) { DatasetBuilder.build([native, bundle]) }
        #expect(beside.events.count == native.events.count)
        #expect(beside.events == serial.events)
        #expect(beside.actors.count == 2)
        // A later MISP event with a native event's id is that event again: it is skipped.
        var misp = IngestResult(file: "c.json", format: .mispEvent)
        misp.events = [
            Event(id: "e5", span: DayRange(Day(ordinal: 738_000)), kind: .other, summary: "again"),
            Event(id: "m1", span: DayRange(Day(ordinal: 738_001)), kind: .other, summary: "new"),
        ]
        let three = DatasetBuilder.build([native, bundle, misp])
        #expect(three.events.count == native.events.count + 1)
        #expect(three.events.filter { $0.id == "e5" }.map(\.summary) == ["e5"])
        #expect(three.events.contains { $0.id == "m1" })
    }
}
