import Foundation
import Testing
import Dashboard
import TestSupport
#if canImport(Glibc)
import Glibc
#endif

/// A restless user on the real binary in tmux: random keys interleaved with resizes to
/// random sizes. It must keep answering (a key changes the screen within 500 ms, `q` quits
/// within a second), use no CPU while idle after all that, and the screen it ends on must be
/// exactly what `snapshot --replay` draws for the same keys and sizes.
@Suite(.serialized, .enabled(if: Tmux.available || Prerequisites.strict, "tmux is not installed"))
struct MonkeyEndToEndTests {
    static let bin = Tmux.binary
    /// Keys a user types; not q (quits), not Ctrl-C/Z/\ (signals), not r, e or n (they
    /// reload or write files, which a replay does not do).
    static let keys = ["j", "k", "h", "l", "Up", "Down", "Left", "Right", "PPage", "NPage", "Home", "End", "g", "G", "Tab", "BTab", "Enter",
                       "Escape", "BSpace", "1", "2", "3", "4", "5", "6", "z", "s", "S", "m", "x", "c", "t", "v", "[", "]", "\\", "/", ":",
                       "p", "?", "a", "n", "u", "r", "C-l", "Space", "Enter"].filter { !["n", "r"].contains($0) }

    static func appPID(_ t: Tmux) -> Int32? {
        guard let pane = Int32(t.format("#{pane_pid}")) else { return nil }
        return ProcessStatus.descendants(of: pane, named: bin).first
    }

    /// Waits until `condition` holds for the screen; how long it took, or nil on timeout.
    static func within(_ t: Tmux, _ seconds: Double, _ condition: (String) -> Bool) -> Double? {
        let start = Date()
        return t.wait(timeout: seconds, condition).map { _ in Date().timeIntervalSince(start) }
    }

    @Test func restlessUserAlwaysGetsAnAnswerAndTheScreenMatchesAReplay() throws {
        let seed = UInt64(ProcessInfo.processInfo.environment["THREATDECK_SEED"] ?? "") ?? UInt64(Date().timeIntervalSince1970)
        print("MonkeyEndToEndTests seed: \(seed)")
        var g = SplitMix(seed: seed)
        let recording = NSTemporaryDirectory() + "td-monkey-\(getpid())-\(seed).txt"
        defer { try? FileManager.default.removeItem(atPath: recording) }
        let t = try Tmux(width: 120, height: 40, command: [Self.bin, "--record", recording])
        #expect(t.wait(for: "Actors by nexus"), "did not start: \(t.capture())")
        let pid = try #require(Self.appPID(t))
        var script = [String]()
        var (w, h) = (120, 40)
        var slowest = 0.0
        for step in 0..<150 {
            if g.chance(0.2) {
                w = 20 + g.below(200)
                h = 8 + g.below(62)
                t.resize(w, h)
                script.append("resize \(w) \(h)")
                usleep(150_000)
            } else {
                let k = g.pick(Self.keys)
                t.send(k)
                script.append("key " + k)
                // Slower than ncurses' escape delay (25 ms): Esc then [ must stay two keys,
                // not become the start of an escape sequence, as with a person typing.
                usleep(60_000)
            }
            if step % 25 == 24 {
                // Probe: a usable size, out of any overlay, then `?` must open the help at once.
                if w < 60 || h < 18 { (w, h) = (100, 30); t.resize(w, h); script.append("resize \(w) \(h)"); usleep(150_000) }
                t.send("Escape"); usleep(60_000); t.send("Escape")
                script += ["key Escape", "key Escape"]
                usleep(200_000)
                let before = t.capture()
                t.send("?")
                script.append("key ?")
                let answered = Self.within(t, 0.5) { $0 != before && $0.contains("┏ Keys ") }
                #expect(answered != nil, "step \(step), seed \(seed): no answer to ? within 500 ms\n\(t.capture())")
                slowest = max(slowest, answered ?? 9)
                t.send("Escape")
                script.append("key Escape")
                #expect(ProcessStatus.isRunning(pid), "step \(step), seed \(seed): the app died\n\(t.capture())")
            }
        }
        // Idle after all that: no CPU (a resize loop would spin).
        usleep(500_000)
        let ticks = ProcessStatus.cpuTicks(pid)
        usleep(1_500_000)
        let idle = ProcessStatus.cpuTicks(pid) - ticks
        #expect(idle <= 2, "seed \(seed): \(idle) ticks of CPU in 1.5 s of idle")
        // Every key arrived as sent, in order, none lost or merged (Esc then [ stays two keys).
        let recorded = try String(contentsOfFile: recording, encoding: .utf8).split(separator: "\n").map(String.init)
        func keys(_ lines: [String]) -> [String] {
            lines.filter { $0.hasPrefix("key ") }.compactMap { MessageScript.key(String($0.dropFirst(4))).map(MessageScript.name(of:)) }
        }
        let keysRecorded = keys(recorded)
        let keysSent = keys(script)
        #expect(keysRecorded == keysSent, "seed \(seed): the app read other keys than were sent")
        // The live screen equals what `snapshot --replay` draws from the recording: the
        // screen is a function of the messages, with no state the frame diff lost.
        // (A status expiring meanwhile adds a tick to the recording: replay it again.)
        var expected: [String] = []
        var live: [String] = []
        var replayed = ""
        let same = t.wait(timeout: 5) { _ in
            let now = (try? String(contentsOfFile: recording, encoding: .utf8)) ?? ""
            if now != replayed {
                replayed = now
                let r = Subprocess.run([Self.bin, "snapshot", "--size", "120x40", "--replay", recording], environment: ["LANG": "C.UTF-8", "LC_ALL": "C.UTF-8", "PATH": "/usr/bin:/bin", "HOME": t.workDirectory])
                expected = r.status == 0 ? r.output.split(separator: "\n", omittingEmptySubsequences: false).map { String($0).trimmedRight } : ["replay failed: " + r.output]
            }
            live = t.lines()
            return Array(live.prefix(h)) == Array(expected.prefix(h))
        } != nil
        if !same, let dump = ProcessInfo.processInfo.environment["THREATDECK_MONKEY_DUMP"] {
            try? (recorded.joined(separator: "\n") + "\n----\n" + live.joined(separator: "\n") + "\n----\n" + expected.joined(separator: "\n")).write(toFile: dump, atomically: true, encoding: .utf8)
        }
        #expect(same, "seed \(seed): live screen differs from the replay of its recording\n\(Snapshot.diff(expected: expected.joined(separator: "\n"), actual: live.joined(separator: "\n")))")
        // q quits within a second from the base state.
        t.send("Escape"); usleep(60_000); t.send("Escape")
        usleep(100_000)
        t.send("q")
        let start = Date()
        while ProcessStatus.isRunning(pid) && Date().timeIntervalSince(start) < 3 { usleep(5_000) }
        let quit = Date().timeIntervalSince(start)
        #expect(!ProcessStatus.isRunning(pid) && quit < 1, "seed \(seed): q took \(quit) s")
        print("e2e monkey: 150 steps, slowest answer \(Int(slowest * 1000)) ms, idle CPU \(idle) ticks, q in \(Int(quit * 1000)) ms")
    }

    /// tmux sends Home/End as `ESC [ 1 ~`/`ESC [ 4 ~` whatever TERM the app sees, like PuTTY
    /// and screen; under TERM=xterm-256color terminfo lists other sequences. Every special key
    /// must still arrive as one key, never as Esc, `[`, `4`, `~`.
    @Test(arguments: ["xterm-256color", "screen", "tmux-256color", "vt100", "linux"])
    func specialKeysArriveWholeUnderAnyTERM(term: String) throws {
        let recording = NSTemporaryDirectory() + "td-keys-\(getpid())-\(term).txt"
        defer { try? FileManager.default.removeItem(atPath: recording) }
        let t = try Tmux(width: 100, height: 30, command: [Self.bin, "--record", recording], environment: ["TERM": term])
        #expect(t.wait(for: "Actors by nexus"), "\(term): did not start: \(t.capture())")
        let sent = ["Home", "End", "PPage", "NPage", "Up", "Down", "Left", "Right", "BTab", "DC", "Escape", "j"]
        for k in sent { t.send(k); usleep(60_000) }
        usleep(300_000)
        let got = try String(contentsOfFile: recording, encoding: .utf8).split(separator: "\n").filter { $0.hasPrefix("key ") }.map { String($0.dropFirst(4)) }
        #expect(got == sent, "\(term)")
        t.send("q")
    }

    /// OSC 8 hyperlinks (THREATDECK_LINKS=1 where the terminal is not recognised): the URLs in
    /// the detail pane are rewritten inside links after each frame, and the screen stays
    /// exactly what `snapshot --replay` draws.
    @Test func hyperlinksLeaveTheScreenUnchanged() throws {
        let recording = NSTemporaryDirectory() + "td-links-\(getpid()).txt"
        defer { try? FileManager.default.removeItem(atPath: recording) }
        let t = try Tmux(width: 120, height: 40, command: [Self.bin, "--record", recording], environment: ["THREATDECK_LINKS": "1"])
        #expect(t.wait(for: "Actors by nexus"))
        for k in ["5", "j", "j"] { t.send(k); usleep(150_000) }
        #expect(t.wait(for: "reference: https://attack.mitre.org/techniques/"), "\(t.capture())")
        let r = Subprocess.run([Self.bin, "snapshot", "--size", "120x40", "--replay", recording], environment: ["LANG": "C.UTF-8", "LC_ALL": "C.UTF-8", "PATH": "/usr/bin:/bin", "HOME": t.workDirectory])
        let expected = r.output.split(separator: "\n", omittingEmptySubsequences: false).map { String($0).trimmedRight }
        #expect(Array(t.lines().prefix(39)) == Array(expected.prefix(39)))
        t.send("q")
    }

    /// The resize that used to hang it: 120×40 → 130×40, then j and q.
    @Test func resizeThenTypeThenQuit() throws {
        let t = try Tmux(width: 120, height: 40, command: [Self.bin])
        #expect(t.wait(for: "Actors by nexus"))
        let pid = try #require(Self.appPID(t))
        for (w, h) in [(130, 40), (80, 24), (200, 60), (130, 40)] {
            t.resize(w, h)
            usleep(200_000)
            let before = t.capture()
            t.send("j")
            #expect(Self.within(t, 0.5) { $0 != before } != nil, "no answer after resizing to \(w)x\(h)")
        }
        let ticks = ProcessStatus.cpuTicks(pid)
        usleep(1_000_000)
        #expect(ProcessStatus.cpuTicks(pid) - ticks <= 2, "spinning after a resize")
        t.send("q")
        let start = Date()
        while ProcessStatus.isRunning(pid) && Date().timeIntervalSince(start) < 3 { usleep(5_000) }
        #expect(!ProcessStatus.isRunning(pid), "still running after q")
        #expect(Date().timeIntervalSince(start) < 1)
    }

    /// A trap inside the app: the terminal comes back (modes, main screen, cursor, mouse
    /// off) before the runtime's message and backtrace, which are readable; exit non-zero.
    @Test func aCrashGivesTheTerminalBack() throws {
        let dir = t_dir("crash")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let script = """
        stty -g > '\(dir)/before'
        '\(Self.bin)' --self-test-crash
        echo $? > '\(dir)/status'
        stty -g > '\(dir)/after'
        echo WRAPPER-DONE
        sleep 120
        """
        try script.write(toFile: dir + "/run.sh", atomically: true, encoding: .utf8)
        let t = try Tmux(width: 120, height: 40, command: ["sh", dir + "/run.sh"])
        #expect(t.wait(for: "Actors by nexus"))
        #expect(t.format("#{alternate_on}") == "1")
        t.send("j")
        // Swift's backtracer may take a while to symbolicate: wait for the wrapper.
        #expect(t.wait(timeout: 90, { $0.contains("WRAPPER-DONE") }) != nil, "\(t.capture())")
        let status = Int((try? String(contentsOfFile: dir + "/status", encoding: .utf8))?.trimmingCharacters(in: .whitespacesAndNewlines) ?? "") ?? 0
        #expect(status >= 128, "exit status \(status)")
        #expect((try? String(contentsOfFile: dir + "/before", encoding: .utf8)) == (try? String(contentsOfFile: dir + "/after", encoding: .utf8)), "terminal modes not restored")
        #expect(t.format("#{alternate_on}") == "0")
        #expect(t.format("#{cursor_flag}") == "1")
        #expect(t.format("#{mouse_any_flag}") == "0")
        // The runtime's message, written before the trap, is on the main screen, whole.
        let history = t.capture(history: true)
        #expect(history.contains("Fatal error: self-test"), "\(history.suffix(2000))")
    }

    func t_dir(_ name: String) -> String {
        let dir = NSTemporaryDirectory() + "td-\(name)-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        try? FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        return dir
    }
}
