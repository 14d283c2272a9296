import Foundation
import TestSupport
#if canImport(Glibc)
import Glibc
#endif

/// The built `threatdeck` run as a user runs it: a private HOME and config directory, a UTF-8
/// locale, stdout and stderr apart.
struct CLI {
    let home: String

    init(_ name: String) {
        home = NSTemporaryDirectory() + "td-cli-\(name)-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        try? FileManager.default.createDirectory(atPath: home + "/config/threatdeck", withIntermediateDirectories: true)
    }

    func remove() { try? FileManager.default.removeItem(atPath: home) }

    var environment: [String: String] {
        ["LANG": "C.UTF-8", "LC_ALL": "C.UTF-8", "PATH": "/usr/bin:/bin", "HOME": home, "XDG_CONFIG_HOME": home + "/config",
         "XDG_CACHE_HOME": home + "/cache", "TERM": "dumb"]
    }

    @discardableResult
    func run(_ arguments: [String], environment extra: [String: String] = [:]) -> (status: Int32, stdout: String, stderr: String) {
        var env = environment
        for (k, v) in extra { env[k] = v }
        return Subprocess.capture([Subprocess.threatdeck] + arguments, environment: env)
    }

    /// Writes a file under HOME and returns its path.
    @discardableResult
    func write(_ name: String, _ text: String) throws -> String {
        let path = home + "/" + name
        try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    func config(_ yaml: String) throws { try write("config/threatdeck/config.yaml", yaml) }

    /// The JSON summary of a run, parsed by Foundation (not by ThreatDeck's parser).
    func json(_ arguments: [String]) throws -> [String: Any] {
        let r = run(["summary", "--json"] + arguments)
        guard r.status == 0 || r.status == 1 else { throw SubprocessError(message: "summary --json exited \(r.status): \(r.stderr)") }
        guard let object = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any] else {
            throw SubprocessError(message: "summary --json is not an object")
        }
        return object
    }
}

extension Dictionary where Key == String, Value == Any {
    func object(_ key: String) -> [String: Any] { self[key] as? [String: Any] ?? [:] }
    func array(_ key: String) -> [[String: Any]] { self[key] as? [[String: Any]] ?? [] }
    func int(_ key: String) -> Int { (self[key] as? NSNumber)?.intValue ?? -1 }
    func string(_ key: String) -> String { self[key] as? String ?? "" }
}
