import TerminalUI
#if canImport(Glibc)
import Glibc
#endif

/// Screen snapshots as text files next to the tests, re-recorded when `RECORD_SNAPSHOTS` is
/// set: `RECORD_SNAPSHOTS=1 swift test --filter Snapshot`. A missing file is a failure, not a
/// silent recording, so CI can never pass by writing its own expectations.
public enum Snapshot {
    public static var recording: Bool {
        guard let v = getenv("RECORD_SNAPSHOTS") else { return false }
        return String(cString: v) != "" && String(cString: v) != "0"
    }

    /// Compares `text` with the stored snapshot; returns nil when equal, else a diff message.
    public static func verify(_ text: String, named name: String, directory: String) -> String? {
        let path = directory + "/" + name + ".txt"
        if recording {
            _ = mkdir(directory, 0o755)
            guard write(text, to: path) else { return "could not write \(path)" }
            return nil
        }
        guard let stored = read(path) else {
            return "no snapshot at \(path); run RECORD_SNAPSHOTS=1 swift test to record it, then review it"
        }
        if stored == text { return nil }
        return "snapshot \(name) differs:\n" + diff(expected: stored, actual: text)
    }

    /// A line-by-line diff, showing only lines that differ.
    public static func diff(expected: String, actual: String) -> String {
        let e = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let a = actual.split(separator: "\n", omittingEmptySubsequences: false)
        var out: [String] = []
        for i in 0..<max(e.count, a.count) {
            let l = i < e.count ? String(e[i]) : "<none>"
            let r = i < a.count ? String(a[i]) : "<none>"
            if l != r {
                out.append(lineNumber(i + 1) + " - " + l)
                out.append(lineNumber(i + 1) + " + " + r)
            }
        }
        return out.joined(separator: "\n")
    }

    public static func read(_ path: String) -> String? {
        guard let f = fopen(path, "rb") else { return nil }
        defer { fclose(f) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65536)
        while true {
            let n = fread(&chunk, 1, chunk.count, f)
            if n <= 0 { break }
            bytes.append(contentsOf: chunk[0..<n])
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    @discardableResult
    public static func write(_ text: String, to path: String) -> Bool {
        guard let f = fopen(path, "wb") else { return false }
        defer { fclose(f) }
        let bytes = Array(text.utf8)
        return fwrite(bytes, 1, bytes.count, f) == bytes.count
    }
}

func lineNumber(_ n: Int) -> String {
    let digits = String(n)
    return String(repeating: " ", count: max(0, 3 - digits.count)) + digits
}

extension Buffer {
    /// The buffer as lines with trailing spaces removed, for multi-line string comparisons.
    public var trimmedLines: [String] { text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) }
}
