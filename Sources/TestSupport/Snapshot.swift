import TerminalUI
#if canImport(Glibc)
import Glibc
#endif

/// Screen snapshots as text files next to the tests, in the manner of swift-argument-parser
/// and ratatui: `RECORD_SNAPSHOTS=1 swift test --filter Snapshot` writes them, and says so as
/// a failure (a recording run never passes silently, so CI can never write its own
/// expectations); a difference shows as a real line diff; `styled` adds the role of every
/// cell, so a theme or colour regression fails too.
public enum Snapshot {
    public static var recording: Bool {
        guard let v = getenv("RECORD_SNAPSHOTS") else { return false }
        return String(cString: v) != "" && String(cString: v) != "0"
    }

    /// Compares `text` with the stored snapshot; nil when equal, else what to report.
    public static func verify(_ text: String, named name: String, directory: String) -> String? {
        let path = directory + "/" + name + ".txt"
        if recording {
            _ = mkdir(directory, 0o755)
            let previous = read(path)
            guard write(text, to: path) else { return "could not write \(path)" }
            if previous == text { return nil }
            return "recorded snapshot \(name) (review the change, then run without RECORD_SNAPSHOTS):\n" + diff(expected: previous ?? "", actual: text)
        }
        guard let stored = read(path) else {
            return "no snapshot at \(path); run RECORD_SNAPSHOTS=1 swift test to record it, then review it"
        }
        if stored == text { return nil }
        return "snapshot \(name) differs (- stored, + now):\n" + diff(expected: stored, actual: text)
    }

    /// A unified-style line diff (longest common subsequence), with two lines of context.
    public static func diff(expected: String, actual: String) -> String {
        let a = expected.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let b = actual.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let n = a.count, m = b.count
        // LCS table, from the ends (snapshots are at most a few hundred lines).
        var lcs = [[Int]](repeating: [Int](repeating: 0, count: m + 1), count: n + 1)
        for i in stride(from: n - 1, through: 0, by: -1) {
            for j in stride(from: m - 1, through: 0, by: -1) {
                lcs[i][j] = a[i] == b[j] ? lcs[i + 1][j + 1] + 1 : max(lcs[i + 1][j], lcs[i][j + 1])
            }
        }
        enum Op { case same(Int, Int), removed(Int), added(Int) }
        var ops: [Op] = []
        var i = 0, j = 0
        while i < n || j < m {
            if i < n && j < m && a[i] == b[j] { ops.append(.same(i, j)); i += 1; j += 1 }
            else if j < m && (i == n || lcs[i][j + 1] >= lcs[i + 1][j]) { ops.append(.added(j)); j += 1 }
            else { ops.append(.removed(i)); i += 1 }
        }
        var keep = [Bool](repeating: false, count: ops.count)
        for (k, op) in ops.enumerated() {
            if case .same = op { continue }
            for c in max(0, k - 2)...min(ops.count - 1, k + 2) { keep[c] = true }
        }
        var out: [String] = []
        var skipped = false
        for (k, op) in ops.enumerated() {
            guard keep[k] else { skipped = true; continue }
            if skipped { out.append("   …"); skipped = false }
            switch op {
            case .same(let x, _): out.append(lineNumber(x + 1) + "   " + a[x])
            case .removed(let x): out.append(lineNumber(x + 1) + " - " + a[x])
            case .added(let y): out.append(lineNumber(y + 1) + " + " + b[y])
            }
        }
        return out.joined(separator: "\n")
    }

    /// The screen's text, then the style of every cell: one letter per distinct style, per
    /// row, and a legend saying what each letter is (foreground role, background, attributes).
    public static func styled(_ buffer: Buffer) -> String {
        var legend: [Style: Character] = [:]
        var order: [Style] = []
        let letters = Array("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789!#$%&*+=?@^~")
        var rows: [String] = []
        for y in 0..<buffer.height {
            var row = ""
            for x in 0..<buffer.width {
                let cell = buffer[x, y]
                if cell.isContinuation { row.append("'"); continue }
                if legend[cell.style] == nil {
                    legend[cell.style] = letters[min(order.count, letters.count - 1)]
                    order.append(cell.style)
                }
                row.append(legend[cell.style]!)
            }
            rows.append(row)
        }
        var out = buffer.text + "\n--- styles ---\n" + rows.joined(separator: "\n") + "\n--- legend ---\n"
        for s in order {
            var parts = ["fg=" + s.foreground.rawValue]
            if let bg = s.background { parts.append("bg=" + bg.rawValue) }
            let names: [(Attributes, String)] = [(.bold, "bold"), (.dim, "dim"), (.underline, "underline"), (.reverse, "reverse"), (.italic, "italic")]
            for (a, n) in names where s.attributes.contains(a) { parts.append(n) }
            out += String(legend[s]!) + " " + parts.joined(separator: " ") + "\n"
        }
        return out
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
