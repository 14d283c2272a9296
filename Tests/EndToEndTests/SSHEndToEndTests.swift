import Foundation
import Testing
import TestSupport
#if canImport(Glibc)
import Glibc
#endif

/// The dashboard over a real OpenSSH session, as on a jump host: Debian's sshd on 127.0.0.1
/// at a free port with throwaway host and user keys, the `ssh -tt` client inside tmux. The
/// client's window is resized while typing; `q` ends the session; a dropped connection (the
/// client killed) ends the remote process within a second, without spinning while it dies.
@Suite(.serialized, .enabled(if: (Tmux.available && SSHServer.available) || Prerequisites.strict, "needs tmux and openssh-server (/usr/sbin/sshd)"))
struct SSHEndToEndTests {
    static let bin = Tmux.binary

    func session(_ server: SSHServer, width: Int = 120, height: Int = 40) throws -> Tmux {
        // LANG travels in the remote command (sshd passes no environment by default); TERM
        // travels with the pty request, as it does for every ssh user.
        try Tmux(width: width, height: height, command: server.clientCommand(remote: "env LANG=C.UTF-8 LC_ALL=C.UTF-8 HOME=\(server.directory) '\(Self.bin)'"))
    }

    @Test func resizeTypeAndQuitOverSSH() throws {
        let server = try SSHServer()
        let t = try session(server)
        #expect(t.wait(for: "Actors by nexus", timeout: 20), "did not start over ssh: \(t.capture())\n\(server.log)")
        let remote = try #require(ProcessStatus.descendants(of: server.pid, named: Self.bin).first, "no remote threatdeck under sshd")
        for (w, h) in [(130, 40), (80, 24), (200, 60), (100, 30)] {
            t.resize(w, h)
            usleep(300_000)
            let before = t.capture()
            t.send("j")
            let answered = t.wait(timeout: 1) { $0 != before } != nil
            #expect(answered, "no answer over ssh after resizing to \(w)x\(h)")
            // The remote screen is drawn for the new size: the frame's bottom border is on the last row.
            #expect(t.lines().count >= h)
        }
        for k in ["Tab", "Down", "Right", "Enter", "BSpace", "2", "Right", "Right", "3", "[", "5", "v", "6", "s", "?", "Escape"] {
            t.send(k)
            usleep(80_000)
        }
        #expect(ProcessStatus.isRunning(remote), "the remote app died: \(t.capture())")
        let ticks = ProcessStatus.cpuTicks(remote)
        usleep(1_000_000)
        #expect(ProcessStatus.cpuTicks(remote) - ticks <= 2, "spinning over ssh")
        t.send("q")
        #expect(t.wait(timeout: 5) { $0.contains("[exited with 0]") } != nil, "ssh did not end with q: \(t.capture())")
        #expect(!ProcessStatus.isRunning(remote))
    }

    @Test func aDroppedConnectionEndsTheRemoteProcessWithinASecond() throws {
        let server = try SSHServer()
        let t = try session(server)
        #expect(t.wait(for: "Actors by nexus", timeout: 20), "did not start over ssh: \(t.capture())\n\(server.log)")
        let remote = try #require(ProcessStatus.descendants(of: server.pid, named: Self.bin).first)
        let pane = try #require(Int32(t.format("#{pane_pid}")))
        let client = try #require(ProcessStatus.descendants(of: pane, named: "ssh ").first, "no ssh client in the pane")
        let before = ProcessStatus.cpuTicks(remote)
        kill(client, SIGKILL)
        let start = Date()
        while ProcessStatus.isRunning(remote) && Date().timeIntervalSince(start) < 5 { usleep(5_000) }
        let gone = Date().timeIntervalSince(start)
        #expect(!ProcessStatus.isRunning(remote), "the remote app outlived its connection")
        #expect(gone < 1, "the remote app took \(gone) s to end")
        // (Read before it is reaped where possible; a reaped process used nothing more.)
        let used = max(0, ProcessStatus.cpuTicks(remote) - before)
        #expect(used <= 2, "\(used) ticks of CPU while dying")
        print("e2e ssh: connection dropped → remote app gone in \(Int(gone * 1000)) ms")
    }
}

/// A private OpenSSH server for one test: throwaway keys, 127.0.0.1, a free port, its own
/// config; only the test's user key may log in.
final class SSHServer {
    static let sshd = "/usr/sbin/sshd"
    static var available: Bool { access(sshd, X_OK) == 0 && access("/usr/bin/ssh", X_OK) == 0 && getuid() == 0 }

    let directory: String
    let port: Int
    private(set) var pid: pid_t = 0

    var log: String { (try? String(contentsOfFile: directory + "/sshd.log", encoding: .utf8)) ?? "" }

    init() throws {
        directory = NSTemporaryDirectory() + "td-ssh-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        for key in ["host", "user"] {
            let r = Subprocess.run(["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", directory + "/" + key])
            guard r.status == 0 else { throw SubprocessError(message: "ssh-keygen: \(r.output)") }
        }
        try FileManager.default.copyItem(atPath: directory + "/user.pub", toPath: directory + "/authorized_keys")
        // Privilege separation needs its empty directory.
        try? FileManager.default.createDirectory(atPath: "/run/sshd", withIntermediateDirectories: true)
        port = try SSHServer.freePort()
        let config = """
        Port \(port)
        ListenAddress 127.0.0.1
        HostKey \(directory)/host
        AuthorizedKeysFile \(directory)/authorized_keys
        PidFile \(directory)/sshd.pid
        PermitRootLogin prohibit-password
        PasswordAuthentication no
        KbdInteractiveAuthentication no
        PubkeyAuthentication yes
        UsePAM no
        StrictModes no
        PrintMotd no
        PrintLastLog no
        LogLevel VERBOSE

        """
        try config.write(toFile: directory + "/sshd_config", atomically: true, encoding: .utf8)
        pid = try Subprocess.spawn([SSHServer.sshd, "-D", "-e", "-f", directory + "/sshd_config"], output: directory + "/sshd.log")
        let deadline = Date().addingTimeInterval(10)
        while Date() < deadline {
            if log.contains("Server listening on 127.0.0.1 port \(port)") { return }
            if !ProcessStatus.isRunning(pid) { break }
            usleep(20_000)
        }
        throw SubprocessError(message: "sshd did not start: \(log)")
    }

    func clientCommand(remote: String) -> [String] {
        ["ssh", "-tt", "-i", directory + "/user", "-p", String(port), "-o", "StrictHostKeyChecking=no", "-o", "UserKnownHostsFile=/dev/null",
         "-o", "BatchMode=yes", "-o", "LogLevel=ERROR", "root@127.0.0.1", remote]
    }

    static func freePort() throws -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw SubprocessError(message: "socket failed") }
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { p in
            p.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) == 0 && getsockname(fd, $0, &length) == 0 }
        }
        guard bound else { throw SubprocessError(message: "bind failed") }
        return Int(UInt16(bigEndian: address.sin_port))
    }

    deinit {
        if pid > 0 {
            // sshd's session children end with their connections; the listener goes here.
            kill(pid, SIGTERM)
            Subprocess.wait(pid)
        }
        try? FileManager.default.removeItem(atPath: directory)
    }
}
