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
        let current = try ReadmeBlock.check(begin: Self.begin, end: Self.end, generated: try Self.section(), what: "wall snapshots", suite: "ReadmeWallTests")
        for (_, view) in WallSnapshotTests.views { #expect(current.contains("**\(view)**")) }
    }
}
