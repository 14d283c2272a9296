import Foundation
import Testing
import TestSupport

/// README shows one wall snapshot per view: the 80×24 snapshot files of `WallSnapshotTests`,
/// so the README cannot drift from what the wall draws. `RECORD_README=1 swift test --filter
/// ReadmeWallTests` writes them between the markers.
@Suite struct ReadmeWallTests {
    static let begin = "<!-- wall: generated from the 80x24 wall snapshots, checked by ReadmeWallTests -->"
    static let end = "<!-- end of wall -->"

    /// Each view's snapshot under its name, trailing spaces trimmed.
    static func section() throws -> String {
        try WallSnapshotTests.views.map { name, view in
            let text = try String(contentsOfFile: Fixtures.snapshotDirectory + "/wall-\(name)-80x24.txt", encoding: .utf8)
            let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
                String(line.reversed().drop { $0 == " " }.reversed())
            }
            let body = lines.joined(separator: "\n").trimmingCharacters(in: .newlines)
            return "**\(view)**\n\n```\n" + body + "\n```"
        }.joined(separator: "\n\n")
    }

    @Test func readmeHasEveryWallViewAsDrawn() throws {
        let path = TestPaths.packageRoot + "/README.md"
        let readme = try String(contentsOfFile: path, encoding: .utf8)
        let section = try Self.section()
        let start = try #require(readme.range(of: Self.begin), "README has no wall marker")
        let stop = try #require(readme.range(of: Self.end, range: start.upperBound..<readme.endIndex))
        let current = readme[start.upperBound..<stop.lowerBound].trimmingCharacters(in: .whitespacesAndNewlines)
        if ProcessInfo.processInfo.environment["RECORD_README"] == "1" && current != section {
            let updated = readme[..<start.upperBound] + "\n" + section + "\n" + readme[stop.lowerBound...]
            try String(updated).write(toFile: path, atomically: true, encoding: .utf8)
            Issue.record("README wall snapshots rewritten; review them and run again")
            return
        }
        #expect(current == section, "README's wall snapshots differ from the 80x24 snapshot files: RECORD_README=1 swift test --filter ReadmeWallTests")
        for (_, view) in WallSnapshotTests.views { #expect(current.contains("**\(view)**")) }
    }
}
