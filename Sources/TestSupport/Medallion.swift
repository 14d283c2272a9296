import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A real TAXII 2.1 server for the tests: OASIS medallion (from PyPI) on 127.0.0.1, on a
/// port the OS picks, in a virtual environment the tests create the first time (so plain
/// `swift test` sets it up; `.ci/run` may pre-create it). Nothing but loopback is contacted
/// after the one-time `pip install`.
public final class Medallion: @unchecked Sendable {
    public static let user = "analyst"
    public static let password = "correct horse battery staple"
    public static let harness = TestPaths.tests + "/LiveSourcesTests/Fixtures/medallion_harness.py"

    public let directory: String
    public let pid: pid_t
    public let port: Int
    public let scheme: String

    public var base: String { "\(scheme)://127.0.0.1:\(port)" }
    public var discovery: String { base + "/taxii2/" }
    public var apiRoot: String { base + "/cti/" }
    public static let sampleCollection = "91a7b528-80eb-42ed-a74d-c6fbd5a26116"
    public static let examplesCollection = "52892447-4d7e-4f70-b94d-d7f22742ff63"

    /// The Python with medallion installed: THREATDECK_MEDALLION_PYTHON, else a virtual
    /// environment under ~/.cache created on first use.
    public static let python: Result<String, SubprocessError> = {
        if let explicit = ProcessInfo.processInfo.environment["THREATDECK_MEDALLION_PYTHON"] { return .success(explicit) }
        let home = ProcessInfo.processInfo.environment["HOME"] ?? "/tmp"
        let venv = home + "/.cache/threatdeck-tests/medallion-venv"
        let python = venv + "/bin/python"
        if Subprocess.run([python, "-c", "import medallion"]).status != 0 {
            let made = Subprocess.run(["python3", "-m", "venv", venv])
            guard made.status == 0 else { return .failure(SubprocessError(message: "python3 -m venv failed: \(made.output)")) }
            let pip = Subprocess.run([venv + "/bin/pip", "install", "-q", "medallion==3.0.0"])
            guard pip.status == 0 else { return .failure(SubprocessError(message: "could not install medallion from PyPI: \(pip.output)")) }
        }
        return .success(python)
    }()

    /// Starts `harness.py serve` (or `bogus`), waiting until it listens.
    public init(mode: String = "serve", arguments: [String] = [], tls: Bool = false) throws {
        directory = NSTemporaryDirectory() + "medallion-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        scheme = tls ? "https" : "http"
        var args = [try Medallion.python.get(), Medallion.harness, mode, directory] + arguments
        if tls {
            try Medallion.makeCertificates(in: directory)
            args += ["--tls", directory + "/server.pem", directory + "/server.key"]
        }
        var environment = ProcessInfo.processInfo.environment
        environment["PYTHONUNBUFFERED"] = "1"
        pid = try Subprocess.spawn(args, output: directory + "/server.log", environment: environment)
        let deadline = Date().addingTimeInterval(30)
        var port = 0
        while Date() < deadline {
            if let text = try? String(contentsOfFile: directory + "/port", encoding: .utf8), let p = Int(text) {
                port = p
                break
            }
            usleep(50_000)
        }
        guard port > 0 else {
            kill(pid, SIGKILL)
            throw SubprocessError(message: "medallion did not start: " + ((try? String(contentsOfFile: directory + "/server.log", encoding: .utf8)) ?? ""))
        }
        self.port = port
    }

    public func stop() {
        kill(pid, SIGTERM)
        Subprocess.wait(pid)
    }

    deinit {
        if kill(pid, 0) == 0 { stop() }
        try? FileManager.default.removeItem(atPath: directory)
    }

    /// Adds a STIX bundle's objects to a collection, through the server's own TAXII API.
    public func post(_ file: String, collection: String) throws {
        let url = apiRoot + "collections/" + collection + "/objects/"
        let r = Subprocess.run([try Medallion.python.get(), Medallion.harness, "post", url, Medallion.user, Medallion.password, file])
        guard r.status == 0, r.output.hasPrefix("complete") else { throw SubprocessError(message: "post failed: \(r.output)") }
    }

    public var caFile: String { directory + "/ca.pem" }

    /// A private CA and a certificate for 127.0.0.1 signed by it.
    public static func makeCertificates(in dir: String) throws {
        let steps: [[String]] = [
            ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", dir + "/ca.key", "-out", dir + "/ca.pem",
             "-days", "2", "-subj", "/CN=ThreatDeck test CA"],
            ["openssl", "req", "-newkey", "rsa:2048", "-nodes", "-keyout", dir + "/server.key", "-out", dir + "/server.csr",
             "-subj", "/CN=127.0.0.1"],
        ]
        for step in steps where Subprocess.run(step).status != 0 { throw SubprocessError(message: "openssl failed: \(step)") }
        try "subjectAltName=IP:127.0.0.1\n".write(toFile: dir + "/san.ext", atomically: true, encoding: .utf8)
        let sign = Subprocess.run(["openssl", "x509", "-req", "-in", dir + "/server.csr", "-CA", dir + "/ca.pem", "-CAkey", dir + "/ca.key",
                        "-CAcreateserial", "-out", dir + "/server.pem", "-days", "2", "-extfile", dir + "/san.ext"])
        guard sign.status == 0 else { throw SubprocessError(message: "openssl x509 failed: \(sign.output)") }
    }
}
