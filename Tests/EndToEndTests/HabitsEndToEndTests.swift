import Foundation
import Testing
import TestSupport
#if canImport(Glibc)
import Glibc
#endif

/// Every habit of issue 38 on the real binary in tmux: honest `:` completion, `/` with n/N
/// and history, less's paging keys, zoom at the selection, and exports only from the dialog,
/// which asks before replacing a file. Where a screen is compared, it is compared with
/// `snapshot --replay` of the same keys: the live screen is the tested one.
@Suite(.serialized, .enabled(if: Tmux.available || Prerequisites.strict, "tmux is not installed"))
struct HabitsEndToEndTests {
    func start(_ width: Int = 120, _ height: Int = 40) throws -> Tmux {
        let t = try Tmux(width: width, height: height, command: [Tmux.binary])
        #expect(t.wait(for: "Actors by nexus"), "dashboard did not start: \(t.capture())")
        return t
    }

    /// Sends tmux key names one by one and checks the screen equals `snapshot --replay` of them.
    func expectReplayed(_ t: Tmux, _ keys: [String], size: String = "120x40", height: Int = 40, _ comment: String) throws {
        let script = t.workDirectory + "/keys.txt"
        try keys.map { "key " + $0 }.joined(separator: "\n").write(toFile: script, atomically: true, encoding: .utf8)
        let expected = DashboardEndToEndTests.snapshot(["--size", size, "--replay", script])
        var live: [String] = []
        let same =
            t.wait(timeout: 8) { _ in
                live = t.lines()
                return DashboardEndToEndTests.equalScreens(live, expected, height: height)
            } != nil
        #expect(same, "\(comment): \(Snapshot.diff(expected: expected.joined(separator: "\n"), actual: live.joined(separator: "\n")))")
    }

    @Test func colonCompletionListsNamesAndCodesAndRefusesAnAmbiguousWord() throws {
        let t = try start()
        t.type(":nexus:Ch")
        #expect(t.wait { $0.contains("China (CN") && $0.contains("Switzerland (CH)") } != nil, "\(t.capture())")
        t.send("Enter")
        #expect(t.wait(for: "could be"), "\(t.capture())")
        #expect(t.lines()[1].hasPrefix("filter: none"))
        t.send("C-u")
        t.type("nexus:CN")
        #expect(t.wait(for: "= nexus:China (CN"))
        t.send("Enter")
        #expect(t.wait(for: " nexus:China "))
        // ↑ at the prompt brings the line back.
        t.type(":")
        t.send("Up")
        #expect(t.wait(for: ":nexus:CN"))
        t.send("Escape")
    }

    @Test func slashGoesToTheMatchAndNStepsWithACounter() throws {
        let t = try start()
        t.type("/panda")
        #expect(t.wait(for: "/panda"))
        t.send("Enter")
        #expect(t.wait(for: "[1/"), "\(t.capture())")
        t.type("n")
        #expect(t.wait(for: "[2/"))
        t.type("N")
        #expect(t.wait(for: "[1/"))
        try expectReplayed(t, ["/", "p", "a", "n", "d", "a", "Enter", "n", "N"], "after / Enter n N")
        // The search is not a filter; Enter on the match is.
        #expect(t.lines()[1].hasPrefix("filter: none"))
        t.type("/")
        t.send("Up")
        #expect(t.wait { $0.contains("/panda") && $0.contains("Search") } != nil)
        t.send("Escape")
    }

    @Test func lessPagingKeysAndGotoEnds() throws {
        let t = try start()
        var keys = ["6", "C-d", "C-d", "C-u"]
        for k in keys { t.send(k) }
        try expectReplayed(t, keys, "Ctrl-D, Ctrl-D, Ctrl-U")
        for k in ["C-f", "C-f", "C-b"] { t.send(k); keys.append(k) }
        try expectReplayed(t, keys, "Ctrl-F, Ctrl-F, Ctrl-B")
        t.type("G")
        keys.append("G")
        try expectReplayed(t, keys, "G")
        t.type("g")
        keys.append("g")
        try expectReplayed(t, keys, "g")
    }

    @Test func zoomStartsAtTheSelection() throws {
        let t = try start()
        let keys = ["6"] + Array(repeating: "j", count: 30) + ["z"]
        for k in keys { t.send(k) }
        try expectReplayed(t, keys, "zoomed after 30 rows down")
        let lines = t.lines()
        let pointer = lines.firstIndex { $0.contains("▸") }
        #expect(pointer != nil && pointer! <= 6, "\(lines.prefix(8).joined(separator: "\n"))")
    }

    @Test func exportsOnlyFromTheDialogWhichAsksBeforeOverwriting() throws {
        let t = try start()
        let dir = t.workDirectory
        func files() -> [String] {
            ((try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []).filter { !$0.hasPrefix(".") && $0 != "config" }.sorted()
        }
        let before = files()
        // n in the techniques pane used to write a Navigator layer: now it steps a search.
        t.type("5n")
        #expect(t.wait(for: "no search yet"))
        #expect(files() == before)
        t.type("e")
        #expect(t.wait(for: dir + "/threatdeck-"), "\(t.capture())")
        t.send("C-u")
        t.type("brief.md")
        #expect(t.wait(for: dir + "/brief.md"))
        t.send("Enter")
        #expect(t.wait(for: "wrote " + dir + "/brief.md"))
        try "keep me".write(toFile: dir + "/brief.md", atomically: true, encoding: .utf8)
        t.type("e")
        t.send("C-u")
        t.type("brief.md")
        t.send("Enter")
        #expect(t.wait(for: "exists. Overwrite it?"), "\(t.capture())")
        t.type("n")
        #expect(t.wait(for: "not written"))
        #expect(try String(contentsOfFile: dir + "/brief.md", encoding: .utf8) == "keep me")
        t.send("Enter")
        #expect(t.wait(for: "exists. Overwrite it?"))
        t.type("y")
        #expect(t.wait(for: "wrote " + dir + "/brief.md"))
        #expect(try String(contentsOfFile: dir + "/brief.md", encoding: .utf8).hasPrefix("# "))
        #expect(files() == (before + ["brief.md"]).sorted())
    }
}
