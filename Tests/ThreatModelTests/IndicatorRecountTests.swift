import Foundation
import Testing
import TestSupport
@testable import Analysis
@testable import Loading
@testable import ThreatModel

/// The indicators of the five real MISP events in ../shared/data/misp-events, recounted per
/// attribute type with Foundation's JSONSerialization (not ThreatDeck's reader): every
/// attribute of an event and of its objects is one indicator of its type.
@Suite struct IndicatorRecountTests {
    static let directory = TestPaths.sharedData + "/misp-events"
    static var files: [String] { MispEventRecountTests.files }

    /// Type → count, and the (type, value) pairs, of one file's event, the recount's way.
    static func recount(_ path: String) throws -> (types: [String: Int], values: [String: Set<String>], toIDS: Int) {
        let root = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path))) as! [String: Any]
        let event = root["Event"] as! [String: Any]
        let own = event["Attribute"] as? [[String: Any]] ?? []
        let inObjects = (event["Object"] as? [[String: Any]] ?? []).flatMap { $0["Attribute"] as? [[String: Any]] ?? [] }
        var types: [String: Int] = [:], values: [String: Set<String>] = [:], ids = 0
        for a in own + inObjects {
            let type = a["type"] as! String
            types[type, default: 0] += 1
            values[type, default: []].insert(a["value"] as! String)
            if (a["to_ids"] as? Bool) == true || (a["to_ids"] as? String) == "1" { ids += 1 }
        }
        return (types, values, ids)
    }

    @Test(arguments: files)
    func indicatorsPerTypeEqualTheRecount(path: String) throws {
        let expected = try Self.recount(path)
        var loader = DatasetLoader(paths: [path])
        let d = loader.load()
        var types: [String: Int] = [:], values: [String: Set<String>] = [:]
        for i in d.indicators {
            types[i.type, default: 0] += 1
            if !i.isCut { values[i.type, default: []].insert(i.value) }
        }
        #expect(types == expected.types, "\(path)")
        // Values up to the limit as they are; longer ones (long comments, YARA rules) cut, their length kept.
        let limit = Indicator.valueLimit
        #expect(values == expected.values.mapValues { $0.filter { $0.utf8.count <= limit } }.filter { !$0.value.isEmpty }, "\(path)")
        for (type, long) in expected.values {
            for v in long where v.utf8.count > limit {
                #expect(d.indicators.contains { $0.type == type && $0.isCut && $0.length == v.utf8.count && v.utf8.starts(with: $0.value.utf8) }, "\(type)")
            }
        }
        #expect(d.indicators.filter(\.toIDS).count == expected.toIDS, "\(path)")
        // Every indicator belongs to the file's one event and says where it is.
        let event = try #require(d.events.first)
        #expect(d.indicators.allSatisfy { $0.eventID == event.id && $0.location.file == path && $0.location.line >= 1 && $0.location.column >= 1 })
        #expect(d.indicators.allSatisfy { $0.location.pointerText.hasPrefix("$.Event.") && $0.location.pointerText.contains("Attribute[") })
        // The view's count per type (what the summary and the JSON export print) is the same.
        let view = IndicatorsInView.countsByType(d, IndicatorsInView.positions(d, Filter.none.apply(to: d)))
        #expect(Dictionary(uniqueKeysWithValues: view.map { ($0.type, $0.count) }) == expected.types)
    }

    /// The whole directory: 104 indicators, each event's attributes once.
    @Test func theDirectoryHoldsEveryAttributeOnce() throws {
        var total: [String: Int] = [:]
        for path in Self.files { for (t, n) in try Self.recount(path).types { total[t, default: 0] += n } }
        var loader = DatasetLoader(paths: [Self.directory])
        let d = loader.load()
        var types: [String: Int] = [:]
        for i in d.indicators { types[i.type, default: 0] += 1 }
        #expect(types == total)
        #expect(d.indicators.count == total.values.reduce(0, +))
        // The same directory twice (a feed and a file of the same events): still once.
        var twice = DatasetLoader(paths: [Self.directory, Self.directory + "/image_event.json"])
        #expect(twice.load().indicators.count == d.indicators.count)
    }

    /// The position line:col points at the attribute's opening brace in the file.
    @Test func locationsPointAtTheAttribute() throws {
        let path = Self.directory + "/sighting_1.json"
        var loader = DatasetLoader(paths: [path])
        let d = loader.load()
        let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
        for i in d.indicators {
            let line = Array(lines[i.location.line - 1].utf8)
            #expect(line[i.location.column - 1] == UInt8(ascii: "{"), "\(i.location)")
        }
    }
}
