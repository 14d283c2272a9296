import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A hostile but ordinary HTTP server for the live-source tests (Tests/Tools/hostile_server.py):
/// the sample STIX bundle as a TAXII collection, the real MISP events as a feed and as a MISP
/// REST search, each behind a behaviour named in the URL (`slow-body`, `stall-after-head`,
/// `endless`, `huge`, `503x2`, `429`, `gzip-bomb`, …), on 127.0.0.1 at a port the OS picks.
public final class HostileServer: @unchecked Sendable {
    public static let apiKey = "td-test-misp-key-0123456789abcdef"
    public static let bundle = TestPaths.sampleData + "/crowdstrike-2026-tech-intrusions.stix.json"
    public static let events = TestPaths.sharedData + "/misp-events"

    public let directory: String
    public private(set) var pid: pid_t = 0
    public private(set) var port = 0

    public init() throws {
        directory = NSTemporaryDirectory() + "td-hostile-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let portFile = directory + "/port"
        pid = try Subprocess.spawn(
            [
                "python3", TestPaths.tests + "/Tools/hostile_server.py", directory, portFile,
                "--bundle", Self.bundle, "--events", Self.events, "--key", Self.apiKey,
            ], output: directory + "/server.log")
        let deadline = Date().addingTimeInterval(20)
        while Date() < deadline {
            if let text = try? String(contentsOfFile: portFile, encoding: .utf8), let p = Int(text) {
                port = p
                return
            }
            usleep(20_000)
        }
        throw SubprocessError(message: "hostile server did not start: " + ((try? String(contentsOfFile: directory + "/server.log", encoding: .utf8)) ?? ""))
    }

    public var base: String { "http://127.0.0.1:\(port)" }
    /// A TAXII discovery URL whose every response behaves as `behaviour` says.
    public func taxii(_ behaviour: String) -> String { base + "/" + behaviour + "/taxii2/" }
    /// A MISP feed URL (the directory holding manifest.json).
    public func feed(_ behaviour: String) -> String { base + "/" + behaviour + "/feed/" }
    /// A MISP base URL for REST searches.
    public func misp(_ behaviour: String) -> String { base + "/" + behaviour + "/" }

    /// One request as the server saw it.
    public struct Request: Sendable {
        public var time: Double
        public var method: String
        public var path: String
        public var query: [String: String]
        public var authorization: String
    }

    private var log: [[String: Any]] {
        let text = (try? String(contentsOfFile: directory + "/requests.log", encoding: .utf8)) ?? ""
        return text.split(separator: "\n").compactMap { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
    }

    /// Every request so far, oldest first.
    public var requests: [Request] {
        log.filter { $0["event"] == nil }.map { o in
            Request(
                time: o["time"] as? Double ?? 0, method: o["method"] as? String ?? "", path: o["path"] as? String ?? "",
                query: o["query"] as? [String: String] ?? [:], authorization: o["auth"] as? String ?? "")
        }
    }

    /// When clients closed connections the server was holding open (a slow body, a stall,
    /// silence, an endless body), by path: when a pull gave up, as the server saw it, whatever
    /// the test process was doing meanwhile.
    public var closes: [(path: String, time: Double)] {
        log.filter { $0["event"] as? String == "closed" }.map { ($0["path"] as? String ?? "", $0["time"] as? Double ?? 0) }
    }

    /// Seconds from the first request for `path` to the client closing it (nil: not closed yet).
    public func heldOpen(_ path: String, timeout: Double = 30) -> Double? {
        let until = Date().addingTimeInterval(timeout)
        while Date() < until {
            if let opened = requests.first(where: { $0.path == path })?.time, let closed = closes.first(where: { $0.path == path })?.time {
                return closed - opened
            }
            usleep(50_000)
        }
        return nil
    }

    public func stop() {
        guard pid > 0 else { return }
        kill(pid, SIGTERM)
        Subprocess.wait(pid)
        pid = 0
    }

    deinit {
        stop()
        try? FileManager.default.removeItem(atPath: directory)
    }
}
