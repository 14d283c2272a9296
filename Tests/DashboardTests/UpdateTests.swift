import Dashboard
import Testing
import TerminalUI
import ThreatModel

@Suite struct UpdateTests {
    @Test func tabCyclesFocusAndDigitsJump() {
        var s = Fixtures.state(120, 40)
        #expect(s.focus == .actors)
        Fixtures.press(&s, .tab)
        #expect(s.focus == .sectors)
        Fixtures.press(&s, .tab, .tab, .tab)
        #expect(s.focus == .actors)
        Fixtures.press(&s, .backTab)
        #expect(s.focus == .detail)
        Fixtures.press(&s, .character("3"))
        #expect(s.focus == .timeline)
    }

    @Test func enterDrillsDownAndBackspacePops() {
        var s = Fixtures.state(120, 40)
        let allActors = s.selection.actorIDs.count
        Fixtures.press(&s, .enter)
        #expect(s.filter.chips == [.nexus(.country("CN"))])
        #expect(s.selection.actorIDs.count < allActors)
        #expect(s.breakdown.rows.map(\.nexus) == [.country("CN"), .unknown])
        let header = Screen.render(s).trimmedLines[1]
        #expect(header.hasPrefix("filter:  nexus:China  (Esc pops)"))
        Fixtures.press(&s, .tab, .enter)
        #expect(s.filter.chips == [.nexus(.country("CN")), .sector("technology")])
        Fixtures.press(&s, .backspace)
        #expect(s.filter.chips == [.nexus(.country("CN"))])
        Fixtures.press(&s, .escape)
        #expect(s.filter.isEmpty)
        #expect(s.selection.actorIDs.count == allActors)
    }

    @Test func sectorCellDrillAddsSectorAndNexus() {
        var s = Fixtures.state(120, 40)
        Fixtures.press(&s, .tab, .home, .left)           // Σ column → last nexus column (Unknown)
        let columns = s.matrix.columns
        Fixtures.press(&s, .home)
        for _ in 0..<columns.count { Fixtures.press(&s, .left) }   // first column: China
        Fixtures.press(&s, .enter)
        #expect(s.filter.chips == [.sector("technology"), .nexus(.country("CN"))])
    }

    @Test func searchFindsByNameAndFilters() {
        var s = Fixtures.state(120, 40)
        Fixtures.press(&s, .character("/"))
        Fixtures.type(&s, "murk")
        let frame = Screen.render(s).text
        #expect(frame.contains("/murk"))
        #expect(frame.contains("Murky Panda"))
        Fixtures.press(&s, .enter)
        #expect(s.filter.chips == [.actor("murky-panda")])
        #expect(s.overlay == .none)
        // Esc cancels without filtering; no match filters by the text.
        Fixtures.press(&s, .character("/"), .character("z"), .escape)
        #expect(s.filter.chips.count == 1)
        Fixtures.press(&s, .character("/"))
        Fixtures.type(&s, "qqqq")
        Fixtures.press(&s, .enter)
        #expect(s.filter.chips.last == .text("qqqq"))
        #expect(s.selection.actorIDs.isEmpty)
    }

    @Test func zoomHelpAndQuit() {
        var s = Fixtures.state(120, 40)
        Fixtures.press(&s, .character("z"))
        #expect(Screen.geometry(s).panes.keys.sorted { $0.rawValue < $1.rawValue } == [.actors])
        Fixtures.press(&s, .character("z"))
        #expect(Screen.geometry(s).panes.count == 4)
        Fixtures.press(&s, .character("?"))
        #expect(Screen.render(s).text.contains("Tab / Shift-Tab"))
        #expect(App.update(&s, .key(.character("q"))).isEmpty)  // q closes help first
        #expect(s.overlay == .none)
        #expect(App.update(&s, .key(.character("q"))) == [.quit])
    }

    @Test func layoutAdaptsToTheTerminalSize() {
        #expect(Screen.mode(width: 200, height: 60) == .full)
        #expect(Screen.mode(width: 120, height: 40) == .full)
        #expect(Screen.mode(width: 120, height: 30) == .wide)
        #expect(Screen.mode(width: 80, height: 24) == .compact)
        #expect(Screen.mode(width: 59, height: 24) == .tooSmall)
        var s = Fixtures.state(80, 24)
        #expect(Screen.geometry(s).tabs != nil)
        _ = App.update(&s, .resize(width: 200, height: 60))
        #expect(Screen.geometry(s).panes.count == 4)
        _ = App.update(&s, .resize(width: 30, height: 10))
        #expect(Screen.render(s).text.contains("terminal too small"))
        _ = App.update(&s, .resize(width: 120, height: 40))
        #expect(!Screen.render(s).text.contains("terminal too small"))
    }

    @Test func timelineZoomAndCursor() {
        var s = Fixtures.state(120, 40)
        Fixtures.press(&s, .character("3"))
        #expect(s.timelineGranularity == nil)
        Fixtures.press(&s, .character("]"))
        #expect(s.timelineGranularity == .quarter)
        Fixtures.press(&s, .character("]"), .character("]"))
        #expect(s.timelineGranularity == .year)
        Fixtures.press(&s, .character("["), .character("["))
        #expect(s.timelineGranularity == .month)
        Fixtures.press(&s, .home)
        #expect(s.timelineCursor?.description == "2023-01-01")
        Fixtures.press(&s, .right)
        #expect(s.timelineCursor?.description == "2023-02-01")
        Fixtures.press(&s, .enter)
        #expect(s.filter.chips == [.window(DayRange(start: Day(parsing: "2023-02-01")!, end: Day(parsing: "2023-02-28")!))])
        Fixtures.press(&s, .character("\\"))
        #expect(s.timelineGranularity == nil)
    }

    @Test func sortAndMeasureToggles() {
        var s = Fixtures.state(120, 40)
        let byCount = ActorPaneProbe.actorNames(s)
        Fixtures.press(&s, .character("s"))
        let byName = ActorPaneProbe.actorNames(s)
        #expect(byName == byCount.sorted { $0.lowercased() < $1.lowercased() })
        #expect(byName != byCount)
        #expect(s.breakdown.measure == .events)
        Fixtures.press(&s, .character("m"))
        #expect(s.breakdown.measure == .actors)
        Fixtures.press(&s, .tab, .character("m"))
        #expect(s.matrix.measure == .events)
    }

    @Test func mouseClickFocusesAndSelects() {
        var s = Fixtures.state(120, 40)
        let g = Screen.geometry(s)
        let sectors = g.panes[.sectors]!
        // The third line inside the sector pane is the second matrix row (Technology is first).
        _ = App.update(&s, .mouse(MouseEvent(.press, x: sectors.x + 5, y: sectors.y + 3)))
        #expect(s.focus == .sectors)
        #expect(s.sectorRow == 1)
        _ = App.update(&s, .mouse(MouseEvent(.wheelDown, x: sectors.x + 5, y: sectors.y + 3)))
        #expect(s.sectorRow == 2)
        _ = App.update(&s, .mouse(MouseEvent(.doubleClick, x: sectors.x + 5, y: sectors.y + 2)))
        #expect(s.filter.chips.count == 1)
    }

    @Test func problemsOverlayListsLocatedProblems() {
        var r = IngestResult(file: "bad.json", format: .native)
        r.problems = [Problem(file: "bad.json", line: 3, column: 7, path: "$.actors[0].type", message: "unknown type \"nation\"")]
        var s = Fixtures.state(100, 30, dataset: DatasetBuilder.build([r]))
        #expect(Screen.render(s).trimmedLines.last?.hasSuffix("1 error, 0 warnings while loading · p list") == true)
        Fixtures.press(&s, .character("p"))
        #expect(Screen.render(s).text.contains(#"bad.json:3:7: $.actors[0].type: unknown type "nation""#))
        Fixtures.press(&s, .escape)
        #expect(s.overlay == .none)
    }

    /// A live source's status is read whole (its cause is at the end), and the list scrolls
    /// exactly to its last wrapped row.
    @Test func sourcesOverlayWrapsStatusAndScrollsToTheEnd() {
        var r = IngestResult(file: "bad.json", format: .native)
        r.problems = (1...40).map { Problem(file: "bad.json", line: $0, column: 1, path: "$.actors[\($0)]", message: "problem number \($0)") }
        let feed = LoadedFile(path: "taxii:https://cti.example/taxii2/ · Enterprise ATT&CK", format: .taxii, actors: 3, events: 0, bytes: 100, loaded: true,
                              staleSince: "2026-11-21 09:00",
                              status: "error: cannot reach https://cti.example/api1/collections/95ecc380-afe9-11e4-9b6c-751b66dd541e/objects/: connection refused · retry in 2m · showing the pull of 2026-11-21 09:00")
        var s = Fixtures.state(80, 24, dataset: DatasetBuilder.build([r], files: [feed]))
        Fixtures.press(&s, .character("p"))
        let screen = Screen.render(s).text
        #expect(screen.contains("┃ taxii:https://cti.example/taxii2/ · Enterprise ATT&CK: error: cannot "), "\(screen)")
        #expect(screen.contains("┃   pull of 2026-11-21 09:00 "))
        #expect(screen.contains("connection refused · retry in 2m"), "\(screen)")
        #expect(!screen.contains("…"))
        Fixtures.press(&s, .end)
        let end = Screen.render(s).text
        #expect(end.contains("bad.json:40:1: $.actors[40]: problem number 40"))
        guard case .problems(let limit) = s.overlay else { Issue.record("overlay closed"); return }
        Fixtures.press(&s, .down)
        #expect(s.overlay == .problems(scroll: limit))
        Fixtures.press(&s, .up)
        #expect(s.overlay == .problems(scroll: limit - 1))
        #expect(!Screen.render(s).text.contains("problem number 40"))
    }

    @Test func themeKeyCyclesAndSaysSo() {
        var s = Fixtures.state(120, 40)
        let first = s.theme.name
        Fixtures.press(&s, .character("t"))
        #expect(s.theme.name != first)
        #expect(Screen.render(s).trimmedLines.last?.hasSuffix("theme: " + s.theme.name) == true)
    }

    /// Every key the help lists does something visible in the state (no dead keys), and
    /// keys that are not listed change nothing.
    @Test func unlistedKeysDoNothing() {
        var s = Fixtures.state(120, 40)
        let before = Screen.render(s)
        for key in [Key.character("w"), .character("#"), .function(9), .control("e"), .delete] {
            #expect(App.update(&s, .key(key)).isEmpty)
        }
        #expect(Screen.render(s) == before)
    }
}

/// Reads the actor rows off the drawn screen (the actors pane zoomed, so all rows show).
enum ActorPaneProbe {
    static func actorNames(_ state: AppState) -> [String] {
        var s = state
        s.zoomed = true
        s.focus = .actors
        s.width = 200
        s.height = 80
        let lines = Screen.render(s).trimmedLines
        guard let start = lines.firstIndex(where: { $0.contains("-nexus actors (") }) else { return [] }
        var names: [String] = []
        for line in lines[(start + 1)...] {
            let body = line.dropFirst(2).drop { $0 == " " || $0 == "▸" }
            if body.isEmpty || body.hasPrefix("┃") { break }
            // Name, then at least two spaces before the motive column.
            let name = body.split(separator: "  ", maxSplits: 1).first.map(String.init) ?? ""
            names.append(name)
        }
        return names
    }
}
