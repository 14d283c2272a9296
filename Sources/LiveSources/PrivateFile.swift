#if canImport(Glibc)
import Glibc
#endif

/// Files that hold secrets (a config with TAXII credentials, a MISP API key) must be private:
/// one that others may read is refused, with the `chmod` to run.
public enum PrivateFile {
    /// Why `path` may not hold `what`, or nil when it is private (no group or other bits).
    public static func problem(_ path: String, holding what: String) -> String? {
        var info = stat()
        guard stat(path, &info) == 0 else { return "cannot read \(path)" }
        let mode = Int(info.st_mode) & 0o777
        guard mode & 0o077 == 0 else {
            return "\(path) holds \(what) but is readable by others (mode \(String(mode, radix: 8))); run: chmod 600 \(path)"
        }
        return nil
    }
}
