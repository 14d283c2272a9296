import Foundation
import Testing
import TestSupport
#if canImport(Glibc)
import Glibc
#endif

/// The real binary in a real terminal (tmux): start, navigate, drill down, search, zoom,
/// help, resize, quit; and the live screen equals `snapshot` for the same size and state.
@Suite(.serialized, .enabled(if: Tmux.available || Prerequisites.strict, "tmux is not installed"))
struct DashboardEndToEndTests {
    static let bin = Tmux.binary

    /// `threatdeck snapshot` output, trailing spaces trimmed like tmux does.
    static func snapshot(_ args: [String]) -> [String] {
        let r = Subprocess.run([bin, "snapshot"] + args, environment: ["LANG": "C.UTF-8", "LC_ALL": "C.UTF-8", "PATH": "/usr/bin:/bin"])
        #expect(r.status == 0, "snapshot failed: \(r.output)")
        return r.output.split(separator: "\n", omittingEmptySubsequences: false).map { String($0).trimmedRight }
    }

    static func equalScreens(_ live: [String], _ expected: [String], height: Int) -> Bool {
        Array(live.prefix(height)) == Array(expected.prefix(height))
    }

    func start(_ width: Int, _ height: Int, _ args: [String] = [], env: [String: String] = [:]) throws -> Tmux {
        let t = try Tmux(width: width, height: height, command: [Self.bin] + args, environment: env)
        #expect(t.wait(for: "Actors by nexus"), "dashboard did not start: \(t.capture())")
        return t
    }

    @Test(arguments: [(80, 24), (120, 40), (200, 60)])
    func liveScreenEqualsSnapshot(width: Int, height: Int) throws {
        let t = try start(width, height)
        let expected = Self.snapshot(["--size", "\(width)x\(height)"])
        var live: [String] = []
        let same =
            t.wait(timeout: 5) { _ in
                live = t.lines()
                return Self.equalScreens(live, expected, height: height)
            } != nil
        #expect(same, "\(Snapshot.diff(expected: expected.joined(separator: "\n"), actual: live.joined(separator: "\n")))")
    }

    @Test func navigateDrillDownAndPopBack() throws {
        let t = try start(120, 40)
        t.send("Enter")
        #expect(t.wait(for: " nexus:China "))
        // After a drill-down the screen equals the snapshot with that filter.
        let expected = Self.snapshot(["--size", "120x40", "--filter", "nexus:CN"])
        #expect(
            t.wait(timeout: 5) { _ in Self.equalScreens(t.lines(), expected, height: 40) } != nil,
            "\(Snapshot.diff(expected: expected.joined(separator: "\n"), actual: t.lines().joined(separator: "\n")))")
        t.send("Tab", "Down", "Enter")
        #expect(t.wait(for: " nexus:China   sector:"))
        t.send("BSpace")
        #expect(t.wait { !$0.contains("sector:") && $0.contains(" nexus:China ") } != nil)
        t.send("Escape")
        #expect(t.wait(for: "filter: none"))
    }

    @Test func searchZoomHelpAndQuit() throws {
        let t = try start(120, 40)
        t.type("/murky")
        #expect(t.wait(for: "/murky"))
        // Enter goes to the match; Enter again filters by it.
        t.send("Enter")
        #expect(t.wait(for: "[1/1] /murky: Murky Panda"))
        t.send("Enter")
        #expect(t.wait(for: " actor:Murky Panda "))
        t.type("z")
        #expect(t.wait { !$0.contains("Sector targeting") && $0.contains("Actors by nexus") } != nil)
        t.type("z?")
        #expect(t.wait(for: "Shift-Tab"))
        t.send("Escape")
        #expect(t.wait { !$0.contains("Shift-Tab") } != nil)
        t.type("q")
        #expect(t.exitStatus() == 0, "\(t.capture())")
    }

    @Test func resizeStormNeverCrashes() throws {
        let t = try start(120, 40)
        let sizes = [(80, 24), (200, 60), (30, 8), (61, 18), (150, 50), (59, 17), (100, 34), (80, 24)]
        for _ in 0..<4 { for (w, h) in sizes { t.resize(w, h) } }
        t.resize(80, 24)
        let expected = Self.snapshot(["--size", "80x24"])
        #expect(
            t.wait(timeout: 8) { _ in Self.equalScreens(t.lines(), expected, height: 24) } != nil,
            "\(Snapshot.diff(expected: expected.joined(separator: "\n"), actual: t.lines().joined(separator: "\n")))")
        t.resize(40, 10)
        #expect(t.wait(for: "terminal too small"))
        t.resize(120, 40)
        #expect(t.wait { $0.contains("Sector targeting") && !$0.contains("too small") } != nil)
        #expect(!t.capture().contains("[exited with"))
    }
}
