import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A MISP feed for the tests: the real events of ../shared/data/misp-events laid out as a
/// feed directory (`manifest.json`, `<uuid>.json`), served over HTTP or HTTPS (a private test
/// CA) on 127.0.0.1 by Python's http.server, at a port the OS picks.
public final class FeedServer: @unchecked Sendable {
    public let directory: String
    public let feed: String
    public private(set) var pid: pid_t = 0
    public private(set) var port = 0
    public let tls: Bool

    public var url: String { (tls ? "https" : "http") + "://127.0.0.1:\(port)/feed/" }
    public var caFile: String { directory + "/ca.pem" }

    /// The events as the feed holds them: uuid → (timestamp, file name in misp-events).
    public private(set) var events: [(uuid: String, timestamp: Int64, source: String)] = []

    public init(tls: Bool = false) throws {
        self.tls = tls
        directory = NSTemporaryDirectory() + "td-feed-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        feed = directory + "/feed"
        try FileManager.default.createDirectory(atPath: feed, withIntermediateDirectories: true)
        let source = TestPaths.sharedData + "/misp-events"
        for name in try FileManager.default.contentsOfDirectory(atPath: source).filter({ $0.hasSuffix(".json") }).sorted() {
            let data = try Data(contentsOf: URL(fileURLWithPath: source + "/" + name))
            let event = (try JSONSerialization.jsonObject(with: data) as! [String: Any])["Event"] as! [String: Any]
            let uuid = event["uuid"] as! String
            try data.write(to: URL(fileURLWithPath: feed + "/" + uuid + ".json"))
            events.append((uuid, Int64(event["timestamp"] as! String)!, name))
        }
        try writeManifest()
        if tls { try Medallion.makeCertificates(in: directory) }
        try start()
    }

    /// Writes manifest.json for `events` (plus any uuids in `extra`, listed but not served).
    public func writeManifest(extra: [String] = []) throws {
        var manifest: [String: Any] = [:]
        for e in events { manifest[e.uuid] = ["info": e.source, "timestamp": String(e.timestamp), "date": "2020-01-01", "Orgc": ["name": "CIRCL"]] }
        for u in extra { manifest[u] = ["info": "listed only", "timestamp": "1700000000", "date": "2023-11-14", "Orgc": ["name": "CIRCL"]] }
        let data = try JSONSerialization.data(withJSONObject: manifest, options: [.sortedKeys])
        try data.write(to: URL(fileURLWithPath: feed + "/manifest.json"), options: .atomic)
    }

    /// Marks an event as changed in the manifest (its timestamp moves on).
    public func touch(_ uuid: String) throws {
        guard let k = events.firstIndex(where: { $0.uuid == uuid }) else { return }
        events[k].timestamp += 60
        try writeManifest()
    }

    public func start() throws {
        let portFile = directory + "/port"
        unlink(portFile)
        var args = ["python3", TestPaths.tests + "/Tools/serve_feed.py", directory, portFile]
        if tls { args += ["--tls", directory + "/server.pem", directory + "/server.key"] }
        pid = try Subprocess.spawn(args, output: directory + "/server.log")
        let deadline = Date().addingTimeInterval(20)
        while Date() < deadline {
            if let text = try? String(contentsOfFile: portFile, encoding: .utf8), let p = Int(text) { port = p; return }
            usleep(20_000)
        }
        throw SubprocessError(message: "feed server did not start: " + ((try? String(contentsOfFile: directory + "/server.log", encoding: .utf8)) ?? ""))
    }

    public func stop() {
        guard pid > 0 else { return }
        kill(pid, SIGTERM)
        Subprocess.wait(pid)
        pid = 0
    }

    /// The requests the server answered so far (paths), from its log.
    public var requests: [String] {
        let log = (try? String(contentsOfFile: directory + "/server.log", encoding: .utf8)) ?? ""
        return log.split(separator: "\n").compactMap { line in
            guard let r = line.range(of: "\"GET ") else { return nil }
            return String(line[r.upperBound...].prefix { $0 != " " })
        }
    }

    deinit {
        stop()
        try? FileManager.default.removeItem(atPath: directory)
    }
}
