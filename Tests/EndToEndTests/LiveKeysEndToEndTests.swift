import Foundation
import Testing
import TestSupport
#if canImport(Glibc)
import Glibc
#endif

/// Keys stay answered while the data is slow to come: a live pull from a server that sends a
/// byte a second, and a reload of a 30 MB ATT&CK bundle, both run off the UI loop; the screen
/// answers a key at once and the new data swaps in whole when it is ready.
@Suite(.serialized, .enabled(if: Tmux.available || Prerequisites.strict, "tmux is not installed"))
struct LiveKeysEndToEndTests {
    static let sample = TestPaths.sampleData + "/crowdstrike-2026-tech-intrusions.json"
    static let attack = TestPaths.sharedData + "/stix/enterprise-attack-17.1.json"

    /// Sends `key` and returns the seconds until `condition` holds on screen (nil: never, in 5 s).
    static func answer(_ t: Tmux, _ key: String, _ condition: @escaping (String) -> Bool) -> Double? {
        let start = Date()
        t.type(key)
        return t.wait(timeout: 5, condition).map { _ in Date().timeIntervalSince(start) }
    }

    @Test func keysAreAnsweredDuringASlowPull() throws {
        let server = try HostileServer()
        let t = try Tmux(
            width: 120, height: 40, command: [Tmux.binary, "--taxii", server.taxii("slow-body"), "--timeout", "60", Self.sample],
            environment: ["XDG_CACHE_HOME": NSTemporaryDirectory() + "td-e2e-cache-\(getpid())"])
        #expect(t.wait(for: "live: connecting"), "\(t.capture())")
        // The pull is under way (a byte a second); every key is answered meanwhile.
        let help = Self.answer(t, "?") { $0.contains("focus the next pane") && $0.contains("live: connecting") }
        #expect(help != nil && help! < 1.5, "help took \(help ?? -1) s: \(t.capture())")
        t.send("Escape")
        let sources = Self.answer(t, "p") { $0.contains("Sources and problems") && $0.contains("connecting…") }
        #expect(sources != nil && sources! < 1.5, "p took \(sources ?? -1) s: \(t.capture())")
        t.send("Escape")
        #expect(server.requests.contains { $0.path.hasSuffix("/taxii2/") }, "the pull really was under way")
        // Quitting does not wait for the pull.
        let start = Date()
        t.type("q")
        #expect(t.exitStatus(timeout: 3) == 0)
        #expect(Date().timeIntervalSince(start) < 3)
    }

    /// The process called `name` at or under `pid` (the pane runs it through a shell).
    static func process(named name: String, under pid: String) -> String? {
        var queue = [pid]
        while !queue.isEmpty {
            let p = queue.removeFirst()
            if (try? String(contentsOfFile: "/proc/\(p)/comm", encoding: .utf8))?.hasPrefix(name) == true { return p }
            let children = (try? String(contentsOfFile: "/proc/\(p)/task/\(p)/children", encoding: .utf8)) ?? ""
            queue += children.split(separator: " ").map(String.init)
        }
        return nil
    }

    /// An endless body is held up to its cap (256 MiB) and refused; the dashboard then gives
    /// that memory back rather than keeping it resident for the rest of the day.
    @Test func aRefusedEndlessBodyLeavesNoMemoryBehind() throws {
        let server = try HostileServer()
        let t = try Tmux(
            width: 120, height: 40, command: [Tmux.binary, "--taxii", server.taxii("endless"), "--timeout", "60", Self.sample],
            environment: ["XDG_CACHE_HOME": NSTemporaryDirectory() + "td-e2e-cache-\(getpid())"])
        #expect(t.wait(for: "live: failed", timeout: 30), "\(t.capture())")
        let pid = try #require(Self.process(named: "threatdeck", under: t.format("#{pane_pid}")), "no threatdeck under the pane")
        let status = try String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8)
        func kB(_ key: String) -> Int {
            let line = status.split(separator: "\n").first { $0.hasPrefix(key + ":") } ?? ""
            return Int(line.split(separator: " ").dropFirst().first ?? "") ?? -1
        }
        // The peak shows the body really was held to its cap; what stays is the dashboard's own.
        #expect(kB("VmHWM") > 200_000, "peak \(kB("VmHWM")) kB")
        #expect(kB("VmRSS") > 0 && kB("VmRSS") < 150_000, "resident \(kB("VmRSS")) kB after the refusal")
        t.type("q")
        #expect(t.exitStatus(timeout: 3) == 0)
    }

    @Test(.enabled(if: access(attack, R_OK) == 0 || Prerequisites.strict, "the ATT&CK 17.1 bundle is not in ../shared/data"))
    func keysAreAnsweredDuringALargeReload() throws {
        let dir = NSTemporaryDirectory() + "td-e2e-reload-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let file = dir + "/enterprise-attack.json"
        try FileManager.default.copyItem(atPath: Self.attack, toPath: file)
        let record = dir + "/session.txt"
        let t = try Tmux(width: 160, height: 48, command: [Tmux.binary, "--watch", "--record", record, file])
        #expect(t.wait(for: "Actors by nexus", timeout: 60), "\(t.capture())")
        // New bytes (a trailing newline): the 31 MB bundle is read and parsed again.
        let handle = try #require(FileHandle(forWritingAtPath: file))
        handle.seekToEndOfFile()
        handle.write(Data("\n".utf8))
        try handle.close()
        #expect(t.wait(for: "reloading…", timeout: 10), "\(t.capture())")
        let help = Self.answer(t, "?") { $0.contains("focus the next pane") && $0.contains("reloading…") }
        #expect(help != nil, "the key was not answered during the reload: \(t.capture())")
        #expect(t.wait(for: "reloaded", timeout: 120), "\(t.capture())")
        t.send("Escape")
        t.type("q")
        #expect(t.exitStatus(timeout: 5) == 0)
        // The recording says the same in order: the reload began, the key came, the data came.
        let lines = try String(contentsOfFile: record, encoding: .utf8).split(separator: "\n").map(String.init)
        let started = try #require(lines.firstIndex(of: "# reload started"))
        let key = try #require(lines.firstIndex(of: "key ?"))
        let loaded = try #require(lines.lastIndex { $0.hasPrefix("# loaded ") })
        #expect(started < key && key < loaded, "\(lines.filter { $0.hasPrefix("#") || $0.hasPrefix("key") })")
    }
}
