import Foundation
import Testing
import TestSupport

/// A generated block of README.md between two markers (the key table, the layout pictures,
/// the wall views): checked against what generates it, rewritten under RECORD_README=1. One
/// lock, so suites recording at once do not write over each other's README.
enum ReadmeBlock {
    static let lock = NSLock()

    /// The block as the README has it (or, when recording, as generated).
    @discardableResult
    static func check(begin: String, end: String, generated: String, what: String, suite: String) throws -> String {
        lock.lock()
        defer { lock.unlock() }
        let path = TestPaths.packageRoot + "/README.md"
        let readme = try String(contentsOfFile: path, encoding: .utf8)
        let start = try #require(readme.range(of: begin), "README has no marker for its \(what)")
        let stop = try #require(readme.range(of: end, range: start.upperBound..<readme.endIndex))
        let current = readme[start.upperBound..<stop.lowerBound].trimmingCharacters(in: .whitespacesAndNewlines)
        if ProcessInfo.processInfo.environment["RECORD_README"] == "1" && current != generated {
            let updated = readme[..<start.upperBound] + "\n" + generated + "\n" + readme[stop.lowerBound...]
            try String(updated).write(toFile: path, atomically: true, encoding: .utf8)
            Issue.record("README's \(what) rewritten; review it and run again")
            return generated
        }
        #expect(current == generated, "README's \(what) differs from its source: RECORD_README=1 swift test --filter \(suite)")
        return current
    }
}
