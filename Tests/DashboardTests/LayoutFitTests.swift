import Analysis
import Foundation
import TerminalUI
import Dashboard
import Loading
import Testing
import TestSupport
import ThreatModel

/// Screens that fit what is loaded (issue 31), measured on real files at the four sizes
/// analysts use: each pane's rows are counted blank or not the way ../shared/tools/blankshare
/// does it (cut each line at the box verticals), written here again, not through the layout.
@Suite struct LayoutFitTests {
    static let sizes = [(80, 24), (120, 40), (200, 60), (320, 90)]

    static let attackAndGalaxy: Dataset = {
        var loader = DatasetLoader(paths: [TestPaths.sharedData + "/stix/enterprise-attack-17.1.json", TestPaths.sharedData + "/misp-galaxy/threat-actor.json"])
        return loader.load()
    }()

    static let mispEvents: Dataset = {
        var loader = DatasetLoader(paths: [TestPaths.sharedData + "/misp-events"])
        return loader.load()
    }()

    /// The four cases: name and filter chips.
    static let cases: [(String, [String])] = [("sample", []), ("misp-events", []), ("attack-galaxy", []), ("attack-galaxy-apt41", ["actor:APT41"])]

    static func dataset(_ k: Int) -> Dataset {
        switch k {
        case 0: return Fixtures.sample
        case 1: return mispEvents
        default: return attackAndGalaxy
        }
    }

    static func state(_ k: Int, _ width: Int, _ height: Int) throws -> AppState {
        let chips = cases[k].1
        let dataset = dataset(k)
        var o = Fixtures.options(width, height, dataset: dataset)
        o.filter = try FilterSpec.parse(chips, dataset: dataset)
        return AppState.start(o)
    }

    /// Per pane: its title, rows inside the box and blank ones (blankshare's rule).
    static func blankRows(_ text: String) -> [(title: String, rows: Int, blank: Int)] {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { Array($0) }
        var out: [(String, Int, Int)] = []
        for (r, line) in lines.enumerated() {
            for (c0, ch) in line.enumerated() where ch == "┌" || ch == "┏" {
                guard let c1 = line[(c0 + 1)...].firstIndex(where: { $0 == "┐" || $0 == "┓" }) else { continue }
                let title = String(line[(c0 + 1)..<c1]).trimmingCharacters(in: CharacterSet(charactersIn: "─━ "))
                var rows = 0, blank = 0
                for next in lines.dropFirst(r + 1) {
                    guard next.count > c1, next[c0] == "│" || next[c0] == "┃" else { break }
                    rows += 1
                    if next[(c0 + 1)..<c1].allSatisfy({ $0 == " " }) { blank += 1 }
                }
                if rows > 0 { out.append((title, rows, blank)) }
            }
        }
        return out
    }

    @Test(arguments: 0..<4, [0, 1, 2, 3])
    func noPaneIsMostlyBlank(caseIndex: Int, size: Int) throws {
        let (w, h) = Self.sizes[size]
        let s = try Self.state(caseIndex, w, h)
        let text = Screen.render(s).text
        for pane in Self.blankRows(text) where pane.rows >= 4 {
            #expect(pane.blank * 2 <= pane.rows, "\(Self.cases[caseIndex].0) \(w)x\(h): \(pane.title) \(pane.blank) of \(pane.rows) rows blank\n\(text)")
        }
    }

    @Test(arguments: 0..<4)
    func everyPaneWithSomethingToShowIsOnAWideScreen(caseIndex: Int) throws {
        let s = try Self.state(caseIndex, 200, 60)
        let g = FrameLayout.compute(s)
        for pane in PaneRegistry.all {
            let shown = g.panes[pane.id] != nil
            let folded = g.folded.contains { $0.pane == pane.id }
            #expect(shown != folded, "\(Self.cases[caseIndex].0): \(pane.id) shown \(shown), folded \(folded)")
            if folded { #expect(pane.demand(s).empty != nil) }
        }
        if !s.selection.eventIndices.isEmpty { #expect(g.panes[.events] != nil) }
        if !s.techniques.ranked.isEmpty { #expect(g.panes[.techniques] != nil) }
    }

    @Test(arguments: 0..<4)
    func theFirstSelectionIsNeverAZeroRow(caseIndex: Int) throws {
        let s = try Self.state(caseIndex, 120, 40)
        let rows = s.breakdown.folded(countries: 8)
        let cursor = s.paneState(ActorPane.self).cursor
        if rows.indices.contains(cursor), rows.contains(where: { $0.count > 0 }) {
            #expect(rows[cursor].count == rows.map(\.count).max(), "\(Self.cases[caseIndex].0): cursor on \(rows[cursor].key) \(rows[cursor].count)")
        }
    }

    /// The profile: one actor in view puts its profile in the detail pane, focused.
    @Test func oneActorInViewIsItsProfile() throws {
        let s = try Self.state(3, 200, 60)
        #expect(s.shape == .profile)
        #expect(s.focus == .detail)
        #expect(s.detailSubject == .actor(s.selection.actorIDs.first!))
    }

    static let galaxyAlone: Dataset = {
        var loader = DatasetLoader(paths: [TestPaths.sharedData + "/misp-galaxy/threat-actor.json"])
        return loader.load()
    }()

    /// Whatever pane has the focus, no pane draws over a box's sides. With an empty pane
    /// focused (the galaxy names no technique) the sector pane is narrower than where it
    /// would be focused, and a matrix made for that place drew its totals over its border.
    @Test(arguments: [0, 1, 2])
    func everyPaneDrawsInsideItsBoxWhateverHasTheFocus(dataset: Int) throws {
        let data = [Self.galaxyAlone, Self.mispEvents, Fixtures.sample][dataset]
        let sides: Set<String> = ["│", "┃"]
        for (w, h) in [(120, 40), (169, 52), (200, 60), (320, 90)] {
            for focus in PaneRegistry.ids {
                var o = Fixtures.options(w, h, dataset: data)
                o.focus = focus
                let s = AppState.start(o)
                let frame = Screen.render(s)
                for (id, area) in FrameLayout.compute(s).panes where area.width > 2 {
                    for y in area.y + 1..<area.maxY - 1 {
                        let left = frame[area.x, y].text, right = frame[area.maxX - 1, y].text
                        #expect(
                            sides.contains(left) && sides.contains(right),
                            "dataset \(dataset) \(w)x\(h), focus \(focus.rawValue): \(id.rawValue) row \(y) has '\(left)' and '\(right)' for its sides")
                    }
                }
            }
        }
    }

    /// Every size from 40x12 to 400x120 draws a frame of exactly that size, panes inside it
    /// and not overlapping.
    @Test(arguments: 0..<4)
    func everySizeGivesPanesThatFitAndDoNotOverlap(caseIndex: Int) throws {
        var s = try Self.state(caseIndex, 40, 12)
        for (w, h) in [(40, 12), (60, 18), (99, 23), (100, 24), (100, 33), (159, 34), (160, 34), (240, 70), (400, 120)] {
            _ = App.update(&s, .resize(width: w, height: h))
            let frame = Screen.render(s)
            #expect(frame.width == w && frame.height == h)
            let rects = Array(FrameLayout.compute(s).panes.values)
            for (i, a) in rects.enumerated() {
                #expect(a.x >= 0 && a.y >= 0 && a.maxX <= w && a.maxY <= h)
                for b in rects.dropFirst(i + 1) { #expect(a.intersection(b).isEmpty, "\(w)x\(h): \(a) overlaps \(b)") }
            }
        }
    }
}
