import Foundation
import TestSupport
#if canImport(Glibc)
import Glibc
#endif

/// Drives the real `threatdeck` binary inside a private tmux server: start at a size,
/// send keys, read the screen. tmux is spawned with `posix_spawn` and an empty signal mask
/// (a test runner's blocked signals would otherwise reach the app blocked too), on its own
/// socket, never through Foundation's Process (which waits on the daemonised server).
final class Tmux {
    let socket: String
    let session = "td"
    let workDirectory: String

    static var binary: String { Subprocess.threatdeck }

    static var available: Bool { Subprocess.run(["tmux", "-V"]).status == 0 }

    init(width: Int, height: Int, command: [String], environment: [String: String] = [:]) throws {
        socket = "td-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        workDirectory = NSTemporaryDirectory() + socket
        try FileManager.default.createDirectory(atPath: workDirectory, withIntermediateDirectories: true)
        var env = ["LANG": "C.UTF-8", "LC_ALL": "C.UTF-8", "TERM": "xterm-256color", "HOME": workDirectory, "XDG_CONFIG_HOME": workDirectory + "/config"]
        for (k, v) in environment { env[k] = v }
        // `env -i` gives the app exactly this environment: no NO_COLOR from `swift test`, no COLORTERM from the host.
        // A shell around the app prints its exit status on the screen when it ends (tmux does
        // not always reap a pane's process promptly, so #{pane_dead_status} can lag).
        let inner = ["env", "-i"] + env.sorted { $0.key < $1.key }.filter { !$0.value.isEmpty }.map { "\($0.key)=\($0.value)" }
            + ["sh", "-c", "\"$@\"; echo \"[exited with $?]\"; exec sleep 600", "sh"] + command
        // remain-on-exit first, so an app that exits at once still leaves its pane (and status) to inspect.
        let result = Subprocess.run(["tmux", "-L", socket, "-f", "/dev/null", "set-option", "-g", "remain-on-exit", "on", ";",
                               "new-session", "-d", "-x", String(width), "-y", String(height), "-s", session, "-c", workDirectory] + inner)
        guard result.status == 0 else { throw TmuxError(message: "tmux new-session failed: \(result.output)") }
    }

    deinit {
        _ = tmux(["kill-server"])
        try? FileManager.default.removeItem(atPath: workDirectory)
    }

    struct TmuxError: Error, CustomStringConvertible {
        var message: String
        var description: String { message }
    }

    @discardableResult
    func tmux(_ arguments: [String]) -> (status: Int32, output: String) {
        Subprocess.run(["tmux", "-L", socket] + arguments)
    }

    func send(_ keys: String...) { _ = tmux(["send-keys", "-t", session] + keys) }
    func type(_ text: String) { _ = tmux(["send-keys", "-t", session, "-l", text]) }

    /// The visible screen, trailing spaces trimmed (`-e`: with colour escapes).
    func capture(escapes: Bool = false, history: Bool = false) -> String {
        tmux(["capture-pane", "-p", "-t", session] + (escapes ? ["-e"] : []) + (history ? ["-J", "-S", "-"] : [])).output
    }

    func lines() -> [String] { capture().split(separator: "\n", omittingEmptySubsequences: false).map { String($0).trimmedRight } }

    /// The app's exit status once it has ended (nil while it runs).
    func exitStatus(timeout: Double = 5) -> Int? {
        var status: Int?
        _ = wait(timeout: timeout) { screen in
            guard let r = screen.range(of: "[exited with ") else { return false }
            status = Int(screen[r.upperBound...].prefix { $0.isNumber })
            return status != nil
        }
        return status
    }

    func format(_ f: String) -> String { tmux(["display-message", "-p", "-t", session, f]).output.trimmedRight }

    func resize(_ width: Int, _ height: Int) { _ = tmux(["resize-window", "-t", session, "-x", String(width), "-y", String(height)]) }

    /// Waits until the screen satisfies `condition` (polling), returning the last screen.
    @discardableResult
    func wait(timeout: Double = 10, _ condition: (String) -> Bool) -> String? {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            let screen = capture()
            if condition(screen) { return screen }
            usleep(20_000)
        }
        return nil
    }

    @discardableResult
    func wait(for text: String, timeout: Double = 10) -> Bool { wait(timeout: timeout) { $0.contains(text) } != nil }

    /// Records every byte the app writes to the terminal into a file.
    func startRecording() -> String {
        let path = workDirectory + "/raw.bin"
        _ = tmux(["pipe-pane", "-o", "-t", session, "cat >> '\(path)'"])
        return path
    }

    func stopRecording() { _ = tmux(["pipe-pane", "-t", session]) }
}

extension String {
    var trimmedRight: String {
        var s = Substring(self)
        while let last = s.last, last == " " || last == "\n" { s.removeLast() }
        return String(s)
    }
}
