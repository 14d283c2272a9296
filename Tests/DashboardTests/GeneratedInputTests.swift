import Dashboard
import Reports
import Testing
import TerminalUI
import TestSupport
import ThreatModel
#if canImport(Glibc)
import Glibc
import Analysis
import Identity
import Readers
#endif

/// Generated documents of every format with extreme but valid values, through ingest,
/// merge, every aggregate, every export and a frame at several sizes: none may trap.
@Suite struct GeneratedInputTests {
    @Test func extremeValidInputNeverTraps() {
        let seed = PropertyTests.seed()
        print("GeneratedInputTests seed: \(seed)")
        for k in 0..<12 {
            let d = ExtremeData.dataset(seed: seed &+ UInt64(k))
            let view = ReportView(dataset: d, filter: .none, generatedAt: 1_790_000_000)
            _ = PlainSummary.render(view, events: 20)
            for format in ExportFormat.dialogChoices { _ = Exports.render(format, view) }
            if let a = d.actors.first { _ = PlainSummary.explain(a, dataset: d) }
            for chips in [[Filter.Chip.nexus(.disputed)], [.window(DayRange(start: Day(parsing: "9999-12-01")!, end: Day(parsing: "9999-12-31")!))],
                          [.technique("T1566")], [.text("Long")], [.sector("technology"), .nexus(.country("CN"))]] {
                let f = Filter(chips)
                _ = PlainSummary.render(ReportView(dataset: d, filter: f))
                if case .success(let c) = Comparison.make(.previous, dataset: d, filter: f) { _ = PlainSummary.render(ReportView(dataset: d, filter: f, comparison: c)) }
            }
            for (w, h) in [(1, 1), (80, 24), (400, 120)] {
                var s = Fixtures.state(w, h, dataset: d)
                for key in [Key.character("3"), .character("["), .character("["), .character("["), .home, .end, .character("5"), .character("v"), .character("6"), .character("s")] {
                    _ = App.update(&s, .key(key))
                    let frame = Screen.render(s)
                    #expect(frame.width == w && frame.height == h)
                }
            }
        }
    }

    /// The campaign that used to trap the timeline: first_seen 0001-01-01, last_seen 9999-12-31.
    @Test func campaignAcrossTheWholeCalendarIsShown() {
        TerminalLocale.ensureUTF8()
        let bundle = #"{"type":"bundle","id":"bundle--11111111-1111-4111-8111-111111111111","objects":[{"type":"campaign","spec_version":"2.1","id":"campaign--22222222-2222-4222-8222-222222222222","created":"2020-01-01T00:00:00Z","modified":"2020-01-01T00:00:00Z","name":"Forever","first_seen":"0001-01-01T00:00:00Z","last_seen":"9999-12-31T23:59:59Z"}]}"#
        let d = DatasetBuilder.build([Ingest.read(bytes: Array(bundle.utf8), file: "forever.json")])
        #expect(d.problems.isEmpty)
        for g in TimelineSeries.Granularity.allCases {
            let t = TimelineSeries.compute(d, selection: Filter.none.apply(to: d), granularity: g)
            #expect(!t.buckets.isEmpty)
            #expect(t.spans.map(\.name) == ["Forever"])
            #expect(t.buckets.first!.range.start.description == "0001-01-01" || g == .week)
        }
        let summary = PlainSummary.render(d)
        #expect(summary.contains("0001-01-01 → 9999-12-31  Forever"))
        // 9,999 yearly buckets, nearly all empty: the runs of empty years fold into a line.
        #expect(summary.split(separator: "\n").count < 80)
        #expect(summary.contains("empty years"))
        var s = Fixtures.state(120, 40, dataset: d)
        Fixtures.press(&s, .character("3"), .character("["), .character("["), .character("["), .character("["), .end, .home)
        #expect(Screen.render(s).text.contains("Forever"))
    }

    /// Numbers are read without the C library's locale: 58.5 is 58.5 under de_DE too.
    @Test func numbersDoNotFollowTheLocale() throws {
        let native = #"{"schema":"threatdeck-report@1","report":{"id":"r","title":"t"},"sources":[{"id":"s","title":"s"}],"findings":[{"id":"f","statement":"x","metric":"share","value":58.5,"qualifier":"more-than","subject":{"nexus":"CN"},"population":"p","sources":["s"]}]}"#
        let before = String(cString: setlocale(LC_NUMERIC, nil))
        defer { setlocale(LC_NUMERIC, before) }
        guard let locale = Prerequisites.germanNumeric() else {
            // No locale data on this machine at all (Debian: the `locales` package).
            if Prerequisites.strict { Issue.record("no de_DE locale could be set up (apt-get install locales)") }
            return
        }
        // The C library now reads "58,5" as a number and stops at the "." of "58.5".
        #expect(strtod("58.5", nil) == 58, "the locale is not in effect, so this test would prove nothing")
        let r = Ingest.read(bytes: Array(native.utf8), file: "n.json")
        #expect(r.findings.first?.value == 58.5, "\(locale)")
        #expect(r.findings.first?.formatted() == ">58.5%")
    }
}
