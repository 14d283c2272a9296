import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Starts programs for the tests with `posix_spawn`: an empty signal mask and default
/// dispositions (a test runner's blocked signals would otherwise reach the child blocked),
/// stdin from /dev/null, stdout and stderr to one file, and no other descriptor of the test
/// process (SwiftNIO opens its sockets without close-on-exec: a server started by one test
/// would keep another test's connection open after the client closed it). Never Foundation's
/// Process, which waits on daemonising children such as `tmux new-session -d`.
public enum Subprocess {
    /// Runs a command to completion; the status is 128+N when signal N ended it.
    public static func run(_ arguments: [String], environment: [String: String]? = nil) -> (status: Int32, output: String) {
        let out = NSTemporaryDirectory() + "td-run-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        defer { unlink(out) }
        let pid: pid_t
        do {
            pid = try spawn(arguments, output: out, environment: environment)
        } catch {
            return (-1, "\(error)")
        }
        let status = wait(pid)
        return (status, (try? String(contentsOfFile: out, encoding: .utf8)) ?? "")
    }

    /// Runs a command to completion with stdout and stderr apart, and optional stdin text.
    public static func capture(
        _ arguments: [String], environment: [String: String]? = nil, input: String? = nil
    ) -> (status: Int32, stdout: String, stderr: String) {
        let base = NSTemporaryDirectory() + "td-cap-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        defer { unlink(base + ".out"); unlink(base + ".err"); unlink(base + ".in") }
        if let input { try? input.write(toFile: base + ".in", atomically: false, encoding: .utf8) }
        let pid: pid_t
        do {
            pid = try spawn(arguments, output: base + ".out", error: base + ".err", input: input == nil ? nil : base + ".in", environment: environment)
        } catch {
            return (-1, "", "\(error)")
        }
        let status = wait(pid)
        return (
            status, (try? String(contentsOfFile: base + ".out", encoding: .utf8)) ?? "", (try? String(contentsOfFile: base + ".err", encoding: .utf8)) ?? ""
        )
    }

    /// Starts a command in the background, its output going to `output` (and its errors
    /// there too, or to `error`); stdin from `input`, else /dev/null.
    public static func spawn(
        _ arguments: [String], output: String, error: String? = nil, input: String? = nil, environment: [String: String]? = nil
    ) throws -> pid_t {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, input ?? "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, output, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        if let error {
            posix_spawn_file_actions_addopen(&actions, 2, error, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        } else {
            posix_spawn_file_actions_adddup2(&actions, 1, 2)
        }
        if let closeFrom = Self.addCloseFrom { _ = closeFrom(&actions, 3) }
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var empty = sigset_t()
        sigemptyset(&empty)
        posix_spawnattr_setsigmask(&attributes, &empty)
        var defaults = sigset_t()
        sigemptyset(&defaults)
        for s in [SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGPIPE, SIGCHLD, SIGWINCH] { sigaddset(&defaults, s) }
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        let argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
        defer { for p in argv { free(p) } }
        let envp: [UnsafeMutablePointer<CChar>?] = (environment ?? ProcessInfo.processInfo.environment).map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { for p in envp { free(p) } }
        var pid: pid_t = 0
        let rc = posix_spawnp(&pid, arguments[0], &actions, &attributes, argv, envp)
        guard rc == 0 else { throw SubprocessError(message: "cannot start \(arguments[0]): \(String(cString: strerror(rc)))") }
        return pid
    }

    /// glibc's posix_spawn_file_actions_addclosefrom_np (2.34 and later), which Swift's Glibc
    /// module does not export; nil on an older C library.
    static let addCloseFrom: (@convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32) -> Int32)? = {
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "posix_spawn_file_actions_addclosefrom_np") else { return nil }
        return unsafeBitCast(symbol, to: (@convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32) -> Int32).self)
    }()

    /// Waits for a child; the exit status, or 128+N for signal N.
    @discardableResult
    public static func wait(_ pid: pid_t) -> Int32 {
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        return (status & 0x7F) == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
    }

    /// The built `threatdeck` executable (THREATDECK_BIN overrides).
    public static var threatdeck: String {
        if let explicit = ProcessInfo.processInfo.environment["THREATDECK_BIN"] { return explicit }
        // The test bundle sits next to the built products.
        let bundle = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for candidate in [bundle, bundle.deletingLastPathComponent()] {
            let path = candidate.appendingPathComponent("threatdeck").path
            if FileManager.default.isExecutableFile(atPath: path) { return path }
        }
        return TestPaths.packageRoot + "/.build/debug/threatdeck"
    }
}

public struct SubprocessError: Error, CustomStringConvertible {
    public var message: String
    public init(message: String) { self.message = message }
    public var description: String { message }
}
