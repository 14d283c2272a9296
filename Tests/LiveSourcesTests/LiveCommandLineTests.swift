import Foundation
import Testing
import TestSupport

/// `summary`, `export` and `snapshot` with live sources against the hostile server: a command
/// that hits its deadline exits non-zero within deadline + 2 s, saying what timed out and how
/// much had arrived; a partial pull is never exit 0; transient failures are retried; a MISP
/// search takes its key from the environment, never from the command line.
@Suite(.serialized) struct LiveCommandLineTests {
    static func environment(_ extra: [String: String] = [:]) -> [String: String] {
        var env = [
            "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8", "PATH": "/usr/bin:/bin", "HOME": NSTemporaryDirectory(),
            "XDG_CONFIG_HOME": NSTemporaryDirectory() + "td-live-cli-config-\(getpid())",
            "XDG_CACHE_HOME": NSTemporaryDirectory() + "td-live-cli-cache-\(getpid())-\(UInt32.random(in: 0...UInt32.max))",
        ]
        for (k, v) in extra { env[k] = v }
        return env
    }

    static func run(_ arguments: [String], _ extra: [String: String] = [:]) -> (status: Int32, stdout: String, stderr: String, seconds: Double) {
        let start = Date()
        let r = Subprocess.capture([Subprocess.threatdeck] + arguments, environment: environment(extra))
        return (r.status, r.stdout, r.stderr, Date().timeIntervalSince(start))
    }

    @Test func everyCommandEndsWithinItsDeadlineOnASlowServer() throws {
        let server = try HostileServer()
        let taxii = server.taxii("slow-body")
        for command in [["summary"], ["export", "--format", "json"], ["snapshot", "--size", "80x24"]] {
            let r = Self.run(command + ["--taxii", taxii, "--timeout", "3"])
            #expect(r.status == 1, "\(command): \(r.stderr)")
            #expect(r.seconds < 5, "\(command): \(r.seconds) s, deadline 3 s")
            #expect(r.stderr.contains("timed out after 3 s reading \(taxii) ("), "\(command): \(r.stderr)")
            #expect(r.stderr.contains(" received)"))
        }
        // A MISP feed behind a proxy that stalls after the head: the same.
        let feed = server.feed("stall-after-head")
        let r = Self.run(["summary", "--misp-feed", feed, "--timeout", "2"])
        #expect(r.status == 1 && r.seconds < 4, "\(r.seconds) s: \(r.stderr)")
        #expect(r.stderr.contains("timed out after 2 s reading \(feed)manifest.json (0 bytes received)"), "\(r.stderr)")
        // No export is written from a pull that failed.
        let export = Self.run(["export", "--format", "md", "--misp-feed", feed, "--timeout", "1"])
        #expect(export.status == 1 && export.stdout.isEmpty && export.stderr.contains("no export written"), "\(export.stderr)")
    }

    @Test func aPartialFeedIsNeverExitZero() throws {
        let server = try HostileServer()
        let r = Self.run(["summary", "--misp-feed", server.feed("bad-event"), "--timeout", "20"])
        #expect(r.status == 1, "\(r.stdout)\n\(r.stderr)")
        #expect(r.stderr.contains("1 of 5 listed events unreadable ("), "\(r.stderr)")
        // The four good events are still summed up, and the source line says it failed.
        #expect(r.stdout.contains("4 of 4 events"), "\(r.stdout)")
        #expect(r.stdout.contains("· failed: 1 of 5 listed events unreadable"), "\(r.stdout)")
    }

    @Test func transientFailuresAreRetriedAndTheSourceIsFresh() throws {
        let server = try HostileServer()
        let r = Self.run(["summary", "--taxii", server.taxii("503x2"), "--timeout", "20"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("source: taxii:\(server.taxii("503x2")) · Hostile · fresh · pulled "), "\(r.stdout)")
        let json = Self.run(["summary", "--json", "--misp-feed", server.feed("429"), "--timeout", "20"])
        #expect(json.status == 0, "\(json.stderr)")
        let o = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as! [String: Any]
        let source = (o["sources"] as! [[String: Any]])[0]
        #expect(source["state"] as? String == "fresh")
        #expect(source["stale_since"] is NSNull)
    }

    @Test func aMispSearchTakesItsKeyFromTheEnvironment() throws {
        let server = try HostileServer()
        let url = server.misp("ok")
        let viaSearch = Self.run(["summary", "--json", "--misp-search", url], ["THREATDECK_MISP_KEY": HostileServer.apiKey])
        #expect(viaSearch.status == 0, "\(viaSearch.stderr)")
        let viaFiles = Self.run(["summary", "--json", HostileServer.events])
        func numbers(_ s: String) throws -> [String: Any] {
            var o = try JSONSerialization.jsonObject(with: Data(s.utf8)) as! [String: Any]
            for k in ["generated", "sources", "actors"] { o[k] = nil }
            return o
        }
        #expect(NSDictionary(dictionary: try numbers(viaSearch.stdout)).isEqual(to: try numbers(viaFiles.stdout)), "\(viaSearch.stdout.prefix(400))")
        // No key: said so, exit 1, and never a key option on the command line.
        let none = Self.run(["summary", "--misp-search", url, "--timeout", "5"])
        #expect(none.status == 1 && none.stderr.contains("no MISP API key: set THREATDECK_MISP_KEY"), "\(none.stderr)")
        let argv = Self.run(["summary", "--misp-search", url, "--misp-key", HostileServer.apiKey])
        #expect(argv.status != 0 && argv.stderr.contains("Unknown option"), "\(argv.stderr)")
        #expect(server.requests.allSatisfy { $0.authorization.isEmpty || $0.authorization == HostileServer.apiKey })
    }

    @Test func limitsAreReadFromTheConfigPerSource() throws {
        let server = try HostileServer()
        let config = NSTemporaryDirectory() + "td-live-config-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        try FileManager.default.createDirectory(atPath: config + "/threatdeck", withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: config) }
        try """
        sources:
          - misp-feed: \(server.feed("endless"))
            timeout: 20
            max-bytes: 2M
        """.write(toFile: config + "/threatdeck/config.yaml", atomically: true, encoding: .utf8)
        let r = Self.run(["summary", HostileServer.events], ["XDG_CONFIG_HOME": config])
        #expect(r.status == 1 && r.seconds < 10, "\(r.seconds) s: \(r.stderr)")
        #expect(r.stderr.contains("sent more than the 2 MiB limit per response"), "\(r.stderr)")
        let bad = Self.run(["summary", "--misp-feed", server.feed("ok"), "--max-bytes", "lots"])
        #expect(bad.status != 0 && bad.stderr.contains("--max-bytes lots: expected a size such as 256M"), "\(bad.stderr)")
    }
}
