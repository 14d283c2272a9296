import Dashboard
import Settings
import Testing
import TestSupport
import ThreatModel

/// Layouts chosen by hand: from config.yaml (with file:line:col for a wrong one, the rest of
/// the config standing), by `L`, by `:layout:NAME` and by a saved view.
@Suite struct LayoutChoiceTests {
    static let yaml = """
        layout: triage
        layouts:
          triage:
            sizes: [medium, wide]
            columns:
              - [events:3, timeline:2]
              - {weight: 2, panes: [actors, sectors|techniques]}
              - [detail]
          broken:
            rows:
              - [actors, evnts]
          twice:
            rows: [[actors], [actors]]
        views:
          tech: [sector:technology, layout:triage]
        """

    @Test func configLayoutsParseAndWrongOnesSayWhere() throws {
        let config = try Config.parse(Self.yaml, file: "c.yaml")
        #expect(config.layout == "triage")
        #expect(config.layouts.map(\.name) == ["triage"])
        let triage = try #require(config.layouts.first)
        #expect(triage.axis == .columns && triage.sizes == [.medium, .wide])
        #expect(triage.groups.map(\.weight) == [1, 2, 1])
        #expect(triage.groups[0].places.map(\.weight) == [3, 2])
        #expect(triage.groups[1].places[1].panes == [.sectors, .techniques])
        #expect(triage.written == "columns: [[events:3, timeline:2], [actors, sectors|techniques], [detail]]")
        let problems = config.layoutProblems.map(\.description)
        #expect(problems.count == 2)
        #expect(problems[0].hasPrefix(#"c.yaml:11:18: layouts.broken.rows: "evnts": unknown pane "evnts""#), "\(problems)")
        #expect(problems[0].hasSuffix("the built-in layout is used"))
        #expect(problems[1].contains("layouts.twice: pane \"actors\" appears twice"), "\(problems)")
        #expect(config.views["tech"] == ["sector:technology", "layout:triage"])
    }

    @Test func badLayoutValuesAreRefusedWithTheirPlace() {
        func problem(_ body: String) -> String {
            (try? Config.parse("layouts:\n  x:\n" + body, file: "c.yaml"))?.layoutProblems.first?.description ?? "parse failed"
        }
        #expect(problem("    rows: [[actors:0]]\n").contains("a weight is a whole number from 1 to 1000"))
        #expect(problem("    sizes: [huge]\n    rows: [[actors]]\n").contains("\"huge\": expected compact, short, medium, wide"))
        #expect(problem("    rows: [[actors]]\n    columns: [[detail]]\n").contains("rows or columns, not both"))
        #expect(problem("    sizes: [wide]\n").contains("needs rows: or columns:"))
        #expect(problem("    rows: []\n").contains("expected a list of groups"))
        #expect(
            (try? Config.parse("layouts:\n  actors-wide: {rows: [[actors]]}\n", file: "c.yaml"))?.layoutProblems.first?.description.contains(
                "built-in layout's name") == true)
    }

    static func state(_ w: Int, _ h: Int) throws -> AppState {
        let config = try Config.parse(Self.yaml, file: "c.yaml")
        var o = Fixtures.options(w, h)
        o.layouts = config.layouts
        o.layout = config.layout
        o.savedViews = config.views
        return AppState.start(o)
    }

    @Test func aUserLayoutIsUsedWhereItFitsAndTheBuiltInElsewhere() throws {
        var s = try Self.state(200, 60)
        #expect(s.layout(for: .wide).name == "triage")
        let g = FrameLayout.compute(s)
        let events = try #require(g.panes[.events]), detail = try #require(g.panes[.detail])
        #expect(events.x == 0 && detail.maxX == 200)
        _ = App.update(&s, .resize(width: 120, height: 30))
        #expect(s.layout(for: .short).name == "events-short")
    }

    @Test func theLKeyCyclesLayoutsThatFit() throws {
        var s = Fixtures.state(200, 60)
        #expect(s.layoutChoice == nil)
        var seen: [String?] = [nil]
        for _ in 0..<20 {
            Fixtures.press(&s, .character("L"))
            if s.layoutChoice == nil { break }
            seen.append(s.layoutChoice)
            #expect(s.layout(for: .wide).name == s.layoutChoice)
        }
        #expect(seen.compactMap { $0 } == ["actors-wide", "events-wide", "profile-wide"])
        var small = Fixtures.state(80, 24)
        Fixtures.press(&small, .character("L"))
        #expect(small.layoutChoice == nil)
    }

    @Test func thePromptAndSavedViewsNameLayouts() throws {
        var s = try Self.state(200, 60)
        Fixtures.press(&s, .character(":"))
        Fixtures.type(&s, "layout:actors-w")
        Fixtures.press(&s, .enter)
        #expect(s.layoutChoice == "actors-wide")
        Fixtures.press(&s, .character(":"))
        Fixtures.type(&s, "layout:auto")
        Fixtures.press(&s, .enter)
        #expect(s.layoutChoice == nil)
        Fixtures.press(&s, .character(":"))
        Fixtures.type(&s, "tech")
        Fixtures.press(&s, .enter)
        #expect(s.layoutChoice == "triage")
        #expect(s.filter.chips == [.sector("technology")])
        Fixtures.press(&s, .character(":"))
        Fixtures.type(&s, "layout:nosuch")
        Fixtures.press(&s, .enter)
        guard case .prompt(_, let message?) = s.overlay else {
            Issue.record("no message for an unknown layout")
            return
        }
        #expect(message.contains("no layout \"nosuch\""))
    }

    /// The solver: rows go to content, what nobody needs is not handed out.
    @Test func sharingByDemandLeavesTheRestAtTheBottom() {
        #expect(LayoutSolver.share(30, needs: [5, 8], weights: [1, 1]) == [5, 8])
        #expect(LayoutSolver.share(30, needs: [5, 10_000], weights: [1, 1]) == [5, 25])
        #expect(LayoutSolver.share(20, needs: [10_000, 10_000], weights: [3, 1]).reduce(0, +) == 20)
        let split = LayoutSolver.share(20, needs: [10_000, 10_000], weights: [3, 1])
        #expect(split[0] > split[1])
        #expect(LayoutSolver.share(4, needs: [10, 10, 10], weights: [1, 1, 1]) == [3, 1, 0])
    }
}
