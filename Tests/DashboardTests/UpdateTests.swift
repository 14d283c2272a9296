import Dashboard
import Reports
import Testing
import TerminalUI
import TestSupport
import ThreatModel
import Identity

@Suite struct UpdateTests {
    @Test func tabCyclesFocusAndDigitsJump() {
        var s = Fixtures.state(120, 40)
        #expect(s.focus == .actors)
        Fixtures.press(&s, .tab)
        #expect(s.focus == .sectors)
        Fixtures.press(&s, .tab, .tab, .tab, .tab, .tab, .tab)
        #expect(s.focus == .actors)
        Fixtures.press(&s, .backTab)
        #expect(s.focus == .indicators)
        Fixtures.press(&s, .character("3"))
        #expect(s.focus == .timeline)
        Fixtures.press(&s, .character("5"))
        #expect(s.focus == .techniques)
        Fixtures.press(&s, .character("6"))
        #expect(s.focus == .events)
    }

    @Test func enterDrillsDownAndBackspacePops() {
        var s = Fixtures.state(120, 40)
        let allActors = s.selection.actorIDs.count
        Fixtures.press(&s, .enter)
        #expect(s.filter.chips == [.nexus(.country("CN"))])
        #expect(s.selection.actorIDs.count < allActors)
        #expect(s.breakdown.rows.compactMap(\.nexus) == [.country("CN"), .disputed, .unknown])
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
        Fixtures.press(&s, .tab, .home, .left)  // Σ column → last nexus column (Unknown)
        let columns = s.matrix.columns
        #expect(s.paneState(SectorPane.self).column == columns.count - 1)
        for _ in 0..<columns.count { Fixtures.press(&s, .left) }  // first column: China
        #expect(s.paneState(SectorPane.self).column == 0)
        Fixtures.press(&s, .enter)
        #expect(s.filter.chips == [.sector("technology"), .nexus(.country("CN"))])
    }

    /// → in the sector pane from the Σ column (where the cursor starts) used to overflow
    /// `Int.max + 1` and trap; every arrow in every position is safe now.
    @Test func arrowsInTheSectorPaneNeverTrap() {
        var s = Fixtures.state(120, 40)
        Fixtures.press(&s, .character("2"), .right, .right, .right)
        #expect(s.paneState(SectorPane.self).column == nil)  // still Σ
        Fixtures.press(&s, .left, .right)
        #expect(s.paneState(SectorPane.self).column == nil)
        for _ in 0..<20 { Fixtures.press(&s, .left) }
        #expect(s.paneState(SectorPane.self).column == 0)
        for _ in 0..<20 { Fixtures.press(&s, .right) }
        #expect(s.paneState(SectorPane.self).column == nil)
    }

    /// `/` goes to a match as less and vim do (the cursor, not a filter); Enter again filters.
    @Test func searchGoesToTheMatchAndEnterThenFilters() {
        var s = Fixtures.state(120, 40)
        Fixtures.press(&s, .character("/"))
        Fixtures.type(&s, "murk")
        let frame = Screen.render(s).text
        #expect(frame.contains("/murk"))
        #expect(frame.contains("Murky Panda"))
        Fixtures.press(&s, .enter)
        #expect(s.overlay == .none)
        #expect(s.filter.isEmpty)
        #expect(s.focus == .actors)
        #expect(App.currentItem(s) == .actor("murky-panda"))
        #expect(s.status?.text.hasPrefix("[1/1] /murk: Murky Panda") == true)
        Fixtures.press(&s, .enter)
        #expect(s.filter.chips == [.actor("murky-panda")])
        // Esc cancels; no match keeps the line open, saying so, and filters nothing.
        Fixtures.press(&s, .character("/"), .character("z"), .escape)
        #expect(s.filter.chips.count == 1)
        Fixtures.press(&s, .character("/"))
        Fixtures.type(&s, "qqqq")
        Fixtures.press(&s, .enter)
        #expect(s.overlay == .search(query: "qqqq", selected: 0))
        #expect(Screen.render(s).text.contains("No match"))
        #expect(s.filter.chips.count == 1)
    }

    @Test func searchFindsTechniquesByIDAndName() {
        var s = Fixtures.state(120, 40)
        Fixtures.press(&s, .character("/"))
        Fixtures.type(&s, "T1110")
        #expect(Screen.render(s).text.contains("T1110 Brute Force"))
        Fixtures.press(&s, .enter)
        #expect(s.focus == .techniques)
        #expect(App.currentItem(s) == .technique("T1110"))
        Fixtures.press(&s, .enter)
        #expect(s.filter.chips == [.technique("T1110")])
        #expect(!s.selection.actorIDs.isEmpty)
        for id in s.selection.actorIDs {
            #expect(s.dataset.actorUses(s.dataset.actorPosition(id)!, technique: "T1110"))
        }
    }

    @Test func zoomHelpAndQuit() {
        var s = Fixtures.state(120, 40)
        Fixtures.press(&s, .character("z"))
        #expect(Array(FrameLayout.compute(s).panes.keys) == [.actors])
        Fixtures.press(&s, .character("z"))
        #expect(FrameLayout.compute(s).panes.count == 4)
        Fixtures.press(&s, .character("?"))
        #expect(Screen.render(s).text.contains("Shift-Tab"))
        #expect(App.update(&s, .key(.character("q"))).isEmpty)  // q closes help first
        #expect(s.overlay == .none)
        #expect(App.update(&s, .key(.character("q"))) == [.quit])
    }

    @Test func layoutAdaptsToTheTerminalSize() {
        #expect(FrameLayout.mode(width: 200, height: 60) == .full)
        #expect(FrameLayout.mode(width: 120, height: 40) == .full)
        #expect(FrameLayout.mode(width: 120, height: 30) == .wide)
        #expect(FrameLayout.mode(width: 80, height: 24) == .compact)
        #expect(FrameLayout.mode(width: 59, height: 24) == .tooSmall)
        var s = Fixtures.state(80, 24)
        #expect(FrameLayout.compute(s).tabs != nil)
        _ = App.update(&s, .resize(width: 200, height: 60))
        #expect(FrameLayout.compute(s).panes.count == 6)  // wide: every pane with something to show
        _ = App.update(&s, .resize(width: 30, height: 10))
        #expect(Screen.render(s).text.contains("terminal too small"))
        _ = App.update(&s, .resize(width: 120, height: 40))
        #expect(!Screen.render(s).text.contains("terminal too small"))
    }

    /// Panes sharing a place take turns: focusing techniques shows it where sectors were.
    @Test func panesSharingASlotTakeTurns() {
        var s = Fixtures.state(120, 40)
        #expect(FrameLayout.compute(s).panes[.sectors] != nil)
        Fixtures.press(&s, .character("5"))
        let g = FrameLayout.compute(s)
        #expect(g.panes[.techniques] != nil && g.panes[.sectors] == nil)
        Fixtures.press(&s, .character("1"))
        #expect(FrameLayout.compute(s).panes[.techniques] != nil)  // the last shown stays
        Fixtures.press(&s, .character("6"))
        // The sample is mostly events: they share the top right place with sectors.
        #expect(FrameLayout.compute(s).panes[.events] != nil && FrameLayout.compute(s).panes[.techniques] == nil)
        #expect(FrameLayout.compute(s).panes[.timeline] != nil)
    }

    @Test func timelineZoomAndCursor() {
        var s = Fixtures.state(120, 40)
        Fixtures.press(&s, .character("3"))
        #expect(s.paneState(TimelinePane.self).granularity == nil)
        Fixtures.press(&s, .character("]"))
        #expect(s.paneState(TimelinePane.self).granularity == .quarter)
        Fixtures.press(&s, .character("]"), .character("]"))
        #expect(s.paneState(TimelinePane.self).granularity == .year)
        Fixtures.press(&s, .character("["), .character("["))
        #expect(s.paneState(TimelinePane.self).granularity == .month)
        Fixtures.press(&s, .home)
        #expect(s.paneState(TimelinePane.self).day?.description == "2023-01-01")
        Fixtures.press(&s, .right)
        #expect(s.paneState(TimelinePane.self).day?.description == "2023-02-01")
        Fixtures.press(&s, .enter)
        #expect(s.filter.chips == [.window(DayRange(start: Day(parsing: "2023-02-01")!, end: Day(parsing: "2023-02-28")!))])
        Fixtures.press(&s, .character("\\"))
        #expect(s.paneState(TimelinePane.self).granularity == nil)
    }

    /// After `[`, `]` or `\` the bucket under the cursor changes: so does the detail pane.
    @Test func bucketChangesUpdateTheDetail() {
        var s = Fixtures.state(120, 40)
        Fixtures.press(&s, .character("3"), .home)
        guard case .bucket(let month, _) = s.detailSubject else { Issue.record("no bucket in detail"); return }
        Fixtures.press(&s, .character("]"))
        guard case .bucket(let quarter, let label) = s.detailSubject else { Issue.record("no bucket in detail"); return }
        #expect(quarter != month && quarter.length > month.length)
        #expect(label.hasPrefix("Q"))
        #expect(Screen.render(s).text.contains("┌ " + label + " "))
        Fixtures.press(&s, .character("\\"))
        guard case .bucket(let automatic, _) = s.detailSubject else { Issue.record("no bucket in detail"); return }
        #expect(automatic != quarter)
    }

    /// A bucket's count and what drilling into it shows agree: one membership rule (overlap).
    @Test func bucketCountEqualsItsDrillDown() {
        var s = Fixtures.state(120, 40)
        Fixtures.press(&s, .character("3"))
        for _ in 0..<12 {
            Fixtures.press(&s, .left)
            guard case .bucket(let range, _) = s.detailSubject else { continue }
            let shown = s.paneState(TimelinePane.self).series!.buckets.first { $0.range == range }!.count
            var drilled = s
            Fixtures.press(&drilled, .enter)
            #expect(drilled.selection.eventIndices.count == shown, "\(range)")
            #expect(DetailPane.lines(s).first?.text.hasPrefix(Format.plural(shown, "event") + " in ") == true)
        }
    }

    /// Esc in the detail pane goes back to the pane you came from; it does not pop a filter.
    @Test func escapeInDetailGoesBack() {
        var s = Fixtures.state(120, 40)
        Fixtures.press(&s, .enter, .character("2"), .character("4"))
        #expect(s.focus == .detail)
        Fixtures.press(&s, .escape)
        #expect(s.focus == .sectors)
        #expect(s.filter.chips == [.nexus(.country("CN"))])
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
        let sectors = FrameLayout.compute(s).panes[.sectors]!
        // The third line inside the sector pane is the second matrix row (Technology is first).
        _ = App.update(&s, .mouse(MouseEvent(.press, x: sectors.x + 5, y: sectors.y + 3)))
        #expect(s.focus == .sectors)
        #expect(s.paneState(SectorPane.self).cursor == 1)
        _ = App.update(&s, .mouse(MouseEvent(.wheelDown, x: sectors.x + 5, y: sectors.y + 3)))
        #expect(s.paneState(SectorPane.self).cursor == 2)
        _ = App.update(&s, .mouse(MouseEvent(.doubleClick, x: sectors.x + 5, y: sectors.y + 2)))
        #expect(s.filter.chips.count == 1)
    }

    @Test func problemsOverlayListsLocatedProblems() {
        var r = IngestResult(file: "bad.json", format: .native)
        r.problems = [Problem(file: "bad.json", line: 3, column: 7, path: "$.actors[0].type", message: "unknown type \"nation\"")]
        var s = Fixtures.state(100, 30, dataset: DatasetBuilder.build([r]))
        #expect(Screen.render(s).trimmedLines.last?.hasSuffix("1 error, 0 warnings · p lists them") == true)
        Fixtures.press(&s, .character("p"))
        #expect(Screen.render(s).text.contains(#"bad.json:3:7: $.actors[0].type: unknown type "nation""#))
        Fixtures.press(&s, .escape)
        #expect(s.overlay == .none)
    }

    /// A bad config file: the footer names it, and `p` shows file:line:col: key: message whole.
    @Test func settingsProblemsAreReadableInFull() {
        var o = Fixtures.options(80, 24)
        let long = "unknown key (expected theme, data, color, ascii, links, max-tlp, sources, views, kiosk)"
        o.settingsProblems = [Problem(file: "/home/analyst/.config/threatdeck/config.yaml", line: 7, column: 3, path: "kiosk.rotat", message: long)]
        o.status = ("config ignored: config.yaml:7 · p shows why", .error, 20)
        var s = AppState.start(o)
        #expect(Screen.render(s).trimmedLines.last?.contains("p shows why") == true)
        Fixtures.press(&s, .character("p"))
        // The overlay's rows, without the pane around it (its border, and its cursor mark on
        // whichever row the overlay happens to cover).
        let text = Screen.render(s).trimmedLines.map { String($0.drop { " ┃▸".contains($0) }.reversed().drop { " ┃".contains($0) }.reversed()) }.joined(
            separator: " ")
        #expect(text.contains("config.yaml:7:3: kiosk.rotat: unknown key"), "\(text)")
        #expect(text.contains("views, kiosk)"))
    }

    /// A live source's status is read whole (its cause is at the end), and the list scrolls
    /// exactly to its last wrapped row.
    @Test func sourcesOverlayWrapsStatusAndScrollsToTheEnd() {
        var r = IngestResult(file: "bad.json", format: .native)
        r.problems = (1...40).map { Problem(file: "bad.json", line: $0, column: 1, path: "$.actors[\($0)]", message: "problem number \($0)") }
        let feed = LoadedFile(
            path: "taxii:https://cti.example/taxii2/ · Enterprise ATT&CK", format: .taxii, actors: 3, events: 0, bytes: 100, loaded: true,
            staleSince: "2026-11-21 09:00",
            status: SourceStatus(
                .retrying, pulledAt: Fixtures.now - 7200, since: Fixtures.now, nextAttempt: Fixtures.now + 120,
                reason: "cannot reach https://cti.example/api1/collections/95ecc380-afe9-11e4-9b6c-751b66dd541e/objects/: connection refused"))
        var s = Fixtures.state(80, 24, dataset: DatasetBuilder.build([r], files: [feed]))
        Fixtures.press(&s, .character("p"))
        let screen = Screen.render(s).text
        #expect(screen.contains("┃ taxii:https://cti.example/taxii2/ · Enterprise ATT&CK: retrying in 2m: "), "\(screen)")
        #expect(screen.contains("connection refused · stale since "), "\(screen)")
        // Nothing in the overlay is cut (the header below the title row may shorten the title).
        #expect(!screen.split(separator: "\n").dropFirst(2).joined().contains("…"))
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

    /// A reload that read the same bytes (same fingerprint) changes only the load time and
    /// says so; the cursor and filter stay. A different fingerprint is a real reload.
    @Test func reloadOfTheSameBytesSaysUnchanged() {
        var d = Fixtures.sample
        d.fingerprint = 42
        var s = Fixtures.state(120, 40, dataset: d)
        Fixtures.press(&s, .down, .down)
        let before = Screen.render(s).text
        _ = App.update(&s, .loaded(d, at: Fixtures.now + 5, milliseconds: 1))
        #expect(s.loadedAt == Fixtures.now + 5)
        #expect(s.status?.text.hasSuffix("(unchanged)") == true, "\(s.status?.text ?? "")")
        #expect(Screen.render(s).text.replacingOccurrences(of: s.status!.text, with: "").count > 0)
        var changed = d
        changed.fingerprint = 43
        _ = App.update(&s, .loaded(changed, at: Fixtures.now + 6, milliseconds: 1))
        #expect(s.status?.text.contains("(unchanged)") == false)
        #expect(!before.isEmpty)
    }

    /// Files of one directory without a report title (a MISP feed) are named by the
    /// directory; files from several places by the first and a count.
    @Test func headerNamesTheDirectoryOfAFeed() {
        func title(_ paths: [String]) -> String {
            let files = paths.map { LoadedFile(path: $0, format: .misp, actors: 0, events: 1, bytes: 10, loaded: true) }
            let s = Fixtures.state(120, 40, dataset: DatasetBuilder.build(paths.map { IngestResult(file: $0, format: .misp) }, files: files))
            return Screen.render(s).trimmedLines[0]
        }
        #expect(title(["/data/feed-2026/1.json", "/data/feed-2026/2.json", "/data/feed-2026/manifest.json"]).hasPrefix("ThreatDeck · feed-2026/ ·"))
        #expect(title(["/data/a.json", "/other/b.json"]).hasPrefix("ThreatDeck · a.json + 1 more file ·"))
    }

    @Test func themeKeyCyclesSaysSoAndRepaints() {
        var s = Fixtures.state(120, 40)
        #expect(s.theme.name == "default")  // not the first alphabetically
        let effects = App.update(&s, .key(.character("t")))
        #expect(effects == [.repaint])
        #expect(s.theme.name != "default")
        #expect(Screen.render(s).trimmedLines.last?.hasSuffix("theme: " + s.theme.name) == true)
    }

    @Test func controlLRepaints() {
        var s = Fixtures.state(120, 40)
        #expect(App.update(&s, .key(.control("l"))) == [.repaint])
        Fixtures.press(&s, .character("?"))
        #expect(App.update(&s, .key(.control("l"))) == [.repaint])
    }

    /// Keys no binding names change nothing.
    @Test func unlistedKeysDoNothing() {
        var s = Fixtures.state(120, 40)
        let before = Screen.render(s)
        for key in [Key.character("w"), .character("#"), .function(9), .control("e"), .delete] {
            #expect(App.update(&s, .key(key)).isEmpty)
        }
        #expect(Screen.render(s) == before)
    }

    /// With nothing loaded, every pane says so; nothing invents a date.
    @Test func emptyDatasetSaysSoInEveryPane() {
        var s = Fixtures.state(200, 60, dataset: .empty)
        for pane in PaneRegistry.all {
            Fixtures.press(&s, .character(Character(String(pane.number))), .character("z"))
            let text = Screen.render(s).text
            #expect(
                text.lowercased().contains("no data") || text.contains("No events in the loaded data") || text.contains("names no ATT&CK")
                    || text.contains("No dated events or campaigns in the loaded data"), "\(pane.id): \(text)")
            #expect(!text.contains("2026-01-01"))
            Fixtures.press(&s, .character("z"))
        }
        #expect(Screen.render(s).trimmedLines.last?.hasSuffix("no data loaded") == true)
    }

    @Test func wordsAgreeWithTheirNumbers() {
        #expect(Format.plural(1, "event") == "1 event")
        #expect(Format.plural(2, "event") == "2 events")
        #expect(Format.plural(1_204, "actor") == "1,204 actors")
        var r = IngestResult(file: "one.json", format: .native)
        r.problems = [Problem(file: "one.json", line: 1, column: 1, path: "$", message: "x")]
        let s = Fixtures.state(120, 40, dataset: DatasetBuilder.build([r]))
        let text = Screen.render(s).text
        #expect(text.contains("1 error, 0 warnings"))
        #expect(!text.contains("1 errors"))
        #expect(!text.contains("1 file · 1 file"))
    }
}

/// Reads the actor rows off the drawn screen (the actors pane zoomed, so all rows show).
enum ActorPaneProbe {
    static func actorNames(_ state: AppState) -> [String] {
        var s = state
        _ = App.update(&s, .resize(width: 200, height: 80))
        Fixtures.press(&s, .character("1"), .character("z"))
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
