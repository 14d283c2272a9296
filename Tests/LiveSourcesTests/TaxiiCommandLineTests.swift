import Foundation
import Testing
import TestSupport

/// The `threatdeck` binary with `--taxii`: the same numbers as from the files, a failing
/// server as a non-zero exit with a clear message, and credentials kept out of shared files.
@Suite(.serialized)
struct TaxiiCommandLineTests {
    static let examples = [TestPaths.sharedData + "/stix/apt1.json", TestPaths.sharedData + "/stix/poisonivy.json"]

    static func environment(_ extra: [String: String] = [:]) -> [String: String] {
        var env = ["LANG": "C.UTF-8", "LC_ALL": "C.UTF-8", "PATH": "/usr/bin:/bin", "HOME": NSTemporaryDirectory(),
                   "XDG_CACHE_HOME": NSTemporaryDirectory() + "td-cli-cache-\(getpid())",
                   "THREATDECK_TAXII_USER": Medallion.user, "THREATDECK_TAXII_PASSWORD": Medallion.password]
        for (k, v) in extra { env[k] = v }
        return env
    }

    /// The summary without what must differ: the file count (one feed, two files) and the load time.
    static func numbers(_ summary: String) -> String {
        summary.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
            guard line.contains(" · loaded in ") else { return String(line) }
            return line.split(separator: " · ").dropFirst().filter { !$0.hasPrefix("loaded in ") }.joined(separator: " · ")
        }.filter { !$0.hasPrefix("source: ") }.joined(separator: "\n")
    }

    @Test func summaryFromTaxiiEqualsSummaryFromTheFiles() throws {
        let server = try Medallion()
        for file in Self.examples { try server.post(file, collection: Medallion.examplesCollection) }
        let bin = Subprocess.threatdeck
        let viaTaxii = Subprocess.run([bin, "summary", "--taxii", server.discovery, "--collection", "Public STIX examples", "--page-size", "20"],
                                      environment: Self.environment())
        #expect(viaTaxii.status == 0, "\(viaTaxii.output)")
        let viaFiles = Subprocess.run([bin, "summary"] + Self.examples, environment: Self.environment())
        #expect(viaFiles.status == 0)
        #expect(Self.numbers(viaTaxii.output) == Self.numbers(viaFiles.output))
        #expect(viaTaxii.output.contains("APT1"))

        let listing = Subprocess.run([bin, "taxii", "ls", server.discovery], environment: Self.environment())
        #expect(listing.status == 0)
        #expect(listing.output.contains("api root: \(server.apiRoot)  Test CTI  [application/taxii+json;version=2.1]"), "\(listing.output)")
        #expect(listing.output.contains("collection: \(Medallion.examplesCollection)  Public STIX examples"))
        #expect(listing.output.contains("Locked  (not readable)"))
    }

    @Test func failuresExitNonZeroWithTheReason() throws {
        let server = try Medallion()
        let bin = Subprocess.threatdeck
        let wrong = Subprocess.run([bin, "summary", "--taxii", server.discovery, "--collection", "Sample report"],
                                   environment: Self.environment(["THREATDECK_TAXII_PASSWORD": "nope"]))
        #expect(wrong.status == 1)
        #expect(wrong.output.contains("HTTP 401") && wrong.output.contains("unauthorized"), "\(wrong.output)")
        #expect(!wrong.output.contains("nope"))

        let unknown = Subprocess.run([bin, "summary", "--taxii", server.discovery, "--collection", "Nope"], environment: Self.environment())
        #expect(unknown.status == 1)
        #expect(unknown.output.contains("no collection \"Nope\""), "\(unknown.output)")

        let notURL = Subprocess.run([bin, "summary", "--taxii", "cti.example/taxii2/"], environment: Self.environment())
        #expect(notURL.status != 0 && notURL.output.contains("expected an http:// or https:// URL"))
        let noCA = Subprocess.run([bin, "summary", "--taxii", server.discovery, "--ca-file", "/nonexistent/ca.pem"], environment: Self.environment())
        #expect(noCA.status != 0 && noCA.output.contains("--ca-file /nonexistent/ca.pem: cannot read it"), "\(noCA.output)")
        let secret = Subprocess.run([bin, "summary", "--taxii", server.discovery, "--password", "x"], environment: Self.environment())
        #expect(secret.status != 0, "credentials are never command-line options")

        server.stop()
        let down = Subprocess.run([bin, "taxii", "ls", server.discovery], environment: Self.environment())
        #expect(down.status == 1 && down.output.contains("connection refused"), "\(down.output)")
    }

    @Test func credentialsInAConfigOthersCanReadAreRefused() throws {
        let home = NSTemporaryDirectory() + "td-cli-config-\(getpid())"
        try FileManager.default.createDirectory(atPath: home + "/threatdeck", withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: home) }
        let config = home + "/threatdeck/config.yaml"
        try """
        sources:
          - taxii: https://127.0.0.1:9/taxii2/
            username: analyst
            password: hunter2
        """.write(toFile: config, atomically: true, encoding: .utf8)
        chmod(config, 0o644)
        let env = Self.environment(["XDG_CONFIG_HOME": home, "TERM": "dumb"])
        let refused = Subprocess.run([Subprocess.threatdeck], environment: env)
        #expect(refused.status == 2)
        #expect(refused.output.contains("readable by others") && refused.output.contains("chmod 600 \(config)"), "\(refused.output)")
        #expect(!refused.output.contains("hunter2"))

        // Private: accepted (stdout is not a terminal, so the summary is printed from the cache).
        chmod(config, 0o600)
        let accepted = Subprocess.run([Subprocess.threatdeck], environment: env)
        #expect(!accepted.output.contains("readable by others"), "\(accepted.output)")
        #expect(accepted.output.contains("taxii:https://127.0.0.1:9/taxii2/"), "\(accepted.output)")
    }
}
