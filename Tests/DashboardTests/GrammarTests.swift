import Foundation
import Testing
import TestSupport
import SampleData
import TerminalUI
@testable import Analysis
@testable import Dashboard
@testable import Identity
@testable import Loading
@testable import Readers
@testable import Reports
@testable import ThreatModel

/// Issue 33: every count says its unit, and "1 actors" cannot be written. Everything the tool
/// draws or exports, over data chosen to make ones (one actor, one event, one source), is
/// searched for a 1 followed by a plural.
@Suite struct GrammarTests {
    static func read(_ path: String) throws -> IngestResult { Ingest.read(bytes: try LocalFileSystem().read(path, limit: 1 << 28), file: path) }

    /// (label, dataset, filter) cases that produce single counts.
    static func cases() throws -> [(String, Dataset, Filter)] {
        let sample = SampleData.dataset()
        let ics = DatasetBuilder.build([try read(TestPaths.sharedData + "/stix/ics-attack-18.1.json")])
        let events = try LocalFileSystem().list(TestPaths.sharedData + "/misp-events")!.map(read)
        let misp = DatasetBuilder.build(events)
        let oneEvent = DatasetBuilder.build([events[0]])
        let murky = try #require(sample.actor(named: "Murky Panda"))
        let lazarus = try #require(ics.actor(named: "Lazarus Group"))
        return [
            ("sample", sample, .none), ("one actor", sample, Filter([.actor(murky.id)])), ("ICS", ics, .none),
            ("ICS one actor", ics, Filter([.actor(lazarus.id)])), ("MISP events", misp, .none), ("one MISP event", oneEvent, .none),
        ]
    }

    /// Every pane at two sizes (zoomed too), the help and problems overlays, the summary and
    /// every export, as text.
    static func everything(_ d: Dataset, _ filter: Filter) -> [(String, String)] {
        var out: [(String, String)] = []
        for (w, h) in [(200, 60), (80, 24)] {
            var o = StartOptions(dataset: d, width: w, height: h)
            o.filter = filter
            var s = AppState.start(o)
            for (k, pane) in PaneRegistry.all.enumerated() {
                _ = App.update(&s, .key(.character(Character(String(k + 1)))))
                out.append(("\(pane.id) \(w)x\(h)", Screen.render(s).lines.joined(separator: "\n")))
                _ = App.update(&s, .key(.character("z")))
                out.append(("\(pane.id) zoomed", Screen.render(s).lines.joined(separator: "\n")))
                _ = App.update(&s, .key(.character("z")))
            }
            for key in ["p", "?"] {
                _ = App.update(&s, .key(.character(Character(key))))
                out.append(("overlay \(key)", Screen.render(s).lines.joined(separator: "\n")))
                _ = App.update(&s, .key(.escape))
            }
        }
        let view = ReportView(dataset: d, filter: filter)
        out.append(("summary", PlainSummary.render(view, events: 50)))
        for a in d.actors.prefix(20) { out.append(("explain \(a.name)", PlainSummary.explain(a, dataset: d))) }
        for format in ExportFormat.dialogChoices {
            if case .success(let bytes) = Exports.render(format, view) { out.append(("\(format)", String(decoding: bytes, as: UTF8.self))) }
        }
        return out
    }

    @Test func noOneIsFollowedByAPlural() throws {
        TerminalLocale.ensureUTF8()
        let plurals = Noun.all.map(\.plural)
        let pattern = try NSRegularExpression(pattern: #"(?<![\d.,])\b1 ("# + plurals.joined(separator: "|") + #")\b"#)
        var searched = 0
        for (label, d, filter) in try Self.cases() {
            for (place, text) in Self.everything(d, filter) {
                searched += 1
                let ns = text as NSString
                for m in pattern.matches(in: text, range: NSRange(location: 0, length: ns.length)) {
                    let from = max(0, m.range.location - 40), to = min(ns.length, m.range.upperBound + 20)
                    Issue.record("\(label) · \(place): “…\(ns.substring(with: NSRange(location: from, length: to - from)))…”")
                }
            }
        }
        #expect(searched > 100, "searched \(searched) renderings")
    }
}
