import Analysis
import Dashboard
import Foundation
import Loading
import Reports
import Testing
import TerminalUI
import TestSupport
import ThreatModel

/// less and vim habits: n and N step through the last search's matches with [i/N], Ctrl-D,
/// Ctrl-U, Ctrl-F and Ctrl-B page, g and G jump, ↑ recalls earlier lines, zoom starts at the
/// selection, and files are written only from the export dialog, which asks before replacing one.
@Suite struct HabitsTests {
    @Test func nAndNStepThroughMatchesRoundTheEnds() {
        var s = Fixtures.state(120, 40)
        Fixtures.press(&s, .character("/"))
        Fixtures.type(&s, "panda")
        Fixtures.press(&s, .enter)
        guard let total = s.lastSearch?.targets.count, total >= 3 else { Issue.record("too few pandas"); return }
        let first = App.currentItem(s)
        #expect(s.status?.text.hasPrefix("[1/\(total)] /panda: ") == true, "\(s.status?.text ?? "")")
        Fixtures.press(&s, .character("n"))
        #expect(s.status?.text.hasPrefix("[2/\(total)]") == true)
        #expect(App.currentItem(s) != first)
        Fixtures.press(&s, .character("N"))
        #expect(s.status?.text.hasPrefix("[1/\(total)]") == true)
        #expect(App.currentItem(s) == first)
        Fixtures.press(&s, .character("N"))
        #expect(s.status?.text.hasPrefix("[\(total)/\(total)]") == true)
        #expect(s.status?.text.contains("from the bottom again") == true)
        // Every match is an actor here: each step lands on it in the actors pane.
        for _ in 0..<total {
            Fixtures.press(&s, .character("n"))
            guard case .actor? = App.currentItem(s) else { Issue.record("not on an actor: \(String(describing: App.currentItem(s)))"); return }
        }
    }

    @Test func nNoLongerWritesAFileAnywhere() {
        var s = Fixtures.state(120, 40)
        for pane in PaneRegistry.all {
            Fixtures.press(&s, .character(Character(String(pane.number))))
            #expect(App.update(&s, .key(.character("n"))).isEmpty, "\(pane.title)")
            #expect(App.update(&s, .key(.character("N"))).isEmpty, "\(pane.title)")
        }
        #expect(s.status?.text.hasPrefix("no search yet") == true)
    }

    @Test func controlKeysPageAsLessDoes() {
        var s = Fixtures.state(120, 40)
        Fixtures.press(&s, .character("6"))
        let rows = FrameLayout.inner(of: .events, in: s).height
        Fixtures.press(&s, .control("d"))
        let half = s.paneState(EventPane.self).cursor
        #expect(half == rows / 2, "rows \(rows)")
        Fixtures.press(&s, .control("d"))
        #expect(s.paneState(EventPane.self).cursor == 2 * half)
        Fixtures.press(&s, .control("u"))
        #expect(s.paneState(EventPane.self).cursor == half)
        Fixtures.press(&s, .control("f"))
        let paged = s.paneState(EventPane.self).cursor
        #expect(paged > half)
        Fixtures.press(&s, .control("b"))
        #expect(s.paneState(EventPane.self).cursor == half)
        Fixtures.press(&s, .character("G"))
        #expect(s.paneState(EventPane.self).cursor == s.selection.eventIndices.count - 1)
        Fixtures.press(&s, .character("g"))
        #expect(s.paneState(EventPane.self).cursor == 0)
        // The detail pane scrolls half a page too.
        Fixtures.press(&s, .character("1"), .character("4"), .control("d"))
        #expect(s.paneState(DetailPane.self).scroll > 0 || DetailPane.lines(s).count <= FrameLayout.inner(of: .detail, in: s).height)
    }

    @Test func upRecallsEarlierSearchesAndLines() {
        var s = Fixtures.state(120, 40)
        for q in ["murky", "T1110"] {
            Fixtures.press(&s, .character("/"))
            Fixtures.type(&s, q)
            Fixtures.press(&s, .enter)
        }
        Fixtures.press(&s, .character("/"))
        Fixtures.type(&s, "dra")
        Fixtures.press(&s, .up)
        #expect(s.overlay == .search(query: "T1110", selected: 0))
        Fixtures.press(&s, .up)
        #expect(s.overlay == .search(query: "murky", selected: 0))
        Fixtures.press(&s, .up)
        #expect(s.overlay == .search(query: "murky", selected: 0))  // the oldest stays
        Fixtures.press(&s, .down, .down)
        #expect(s.overlay == .search(query: "dra", selected: 0))  // back to what was typed
        Fixtures.press(&s, .escape, .character(":"))
        Fixtures.type(&s, "nexus:CN")
        Fixtures.press(&s, .enter, .character(":"), .up)
        #expect(s.overlay == .prompt(text: "nexus:CN", message: nil))
    }

    /// Zoomed, the list starts at the selection: without the anchor it would end there.
    @Test func zoomStartsAtTheSelection() {
        var s = Fixtures.state(120, 40)
        Fixtures.press(&s, .character("6"))
        for _ in 0..<60 { Fixtures.press(&s, .down) }
        Fixtures.press(&s, .character("z"))
        let lines = Screen.render(s).trimmedLines
        let pointer = lines.firstIndex { $0.contains("▸") }
        // Header (2 lines), the frame's top border, the column titles: the selection comes next.
        #expect(pointer != nil && pointer! <= 6, "\(lines.prefix(10).joined(separator: "\n"))")
        // Moving inside the page moves the cursor, not the list.
        let firstRow = lines[4]
        Fixtures.press(&s, .down, .down)
        #expect(Screen.render(s).trimmedLines[4] == firstRow)
        Fixtures.press(&s, .character("z"))
        #expect(s.zoomAnchor == nil)
    }

    @Test func exportsAskBeforeReplacingAFile() throws {
        let dir = NSTemporaryDirectory() + "td-export-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        var o = Fixtures.options(120, 40)
        o.workingDirectory = dir
        let runtime = Runtime(
            state: AppState.start(o), device: ScriptedTerminal(width: 120, height: 40, inputs: []), source: nil,
            clock: ManualClock(Fixtures.now), exporter: FileExporter(fileSystem: LocalFileSystem()))
        runtime.step(.key(.character("e")))
        for _ in 0..<80 { runtime.step(.key(.backspace)) }
        for c in "brief.md" { runtime.step(.key(.character(c))) }
        // The dialog shows the whole path before anything is written.
        #expect(Screen.render(runtime.state).text.contains(dir + "/brief.md"))
        runtime.step(.key(.enter))
        #expect(FileManager.default.fileExists(atPath: dir + "/brief.md"))
        #expect(runtime.state.status?.text == "wrote " + dir + "/brief.md")
        try "keep me".write(toFile: dir + "/brief.md", atomically: true, encoding: .utf8)
        runtime.step(.key(.character("e")))
        for _ in 0..<80 { runtime.step(.key(.backspace)) }
        for c in "brief.md" { runtime.step(.key(.character(c))) }
        runtime.step(.key(.enter))
        guard case .overwrite(_, let path) = runtime.state.overlay else { Issue.record("no question: \(runtime.state.overlay)"); return }
        #expect(path == dir + "/brief.md")
        #expect(Screen.render(runtime.state).text.contains("exists. Overwrite it?"))
        runtime.step(.key(.character("n")))
        #expect(try String(contentsOfFile: dir + "/brief.md", encoding: .utf8) == "keep me")
        guard case .export = runtime.state.overlay else { Issue.record("not back in the dialog"); return }
        runtime.step(.key(.enter))
        runtime.step(.key(.character("y")))
        #expect(try String(contentsOfFile: dir + "/brief.md", encoding: .utf8).hasPrefix("# "))
    }
}
