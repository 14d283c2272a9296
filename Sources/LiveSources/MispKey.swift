import Loading
import ThreatModel

/// A MISP API key: from THREATDECK_MISP_KEY, else from a private file (mode 0600) named in
/// the config or by `--misp-key-file`; never from the command line, where `ps` shows it.
/// Its text never appears in a message.
public struct MispKey: Sendable, Equatable, CustomStringConvertible {
    let value: String

    public init(_ value: String) { self.value = value }

    /// Never the key itself.
    public var description: String { "MISP API key (\(value.count) characters)" }

    /// The key for a search: the environment wins, then `file` (which must be private).
    public static func resolve(environment: [String: String], file: String?, fileSystem: any FileSystem = LocalFileSystem()) -> Result<MispKey, PullError> {
        if let key = environment["THREATDECK_MISP_KEY"]?.trimmingSpaces, !key.isEmpty { return .success(MispKey(key)) }
        guard let file else {
            return .failure(
                PullError(
                    "no MISP API key: set THREATDECK_MISP_KEY, or name a private key file (key-file: in the config, or --misp-key-file)",
                    transient: false))
        }
        if let problem = PrivateFile.problem(file, holding: "a MISP API key") { return .failure(PullError(problem, transient: false)) }
        guard let bytes = try? fileSystem.read(file, limit: 64 << 10) else { return .failure(PullError("cannot read \(file)", transient: false)) }
        let key = String(decoding: bytes, as: UTF8.self).split(whereSeparator: { $0 == "\n" || $0 == "\r" }).first.map { String($0).trimmingSpaces } ?? ""
        guard !key.isEmpty else { return .failure(PullError("\(file) holds no MISP API key", transient: false)) }
        return .success(MispKey(key))
    }
}
