import Dashboard
import Foundation
import Testing
import TestSupport

/// README's key table is the keymap's: the help overlay, the footer hints and this table come
/// from `Keymap`, and this test fails when the README drifts. `RECORD_README=1 swift test
/// --filter ReadmeKeysTests` writes the table between the markers.
@Suite struct ReadmeKeysTests {
    static let begin = "<!-- keys: generated from Keymap, checked by ReadmeKeysTests -->"
    static let end = "<!-- end of keys -->"

    @Test func readmeKeyTableIsTheKeymap() throws {
        let path = TestPaths.packageRoot + "/README.md"
        let readme = try String(contentsOfFile: path, encoding: .utf8)
        let table = Keymap.markdownTable()
        let start = try #require(readme.range(of: Self.begin), "README has no keys marker")
        let stop = try #require(readme.range(of: Self.end, range: start.upperBound..<readme.endIndex))
        let current = readme[start.upperBound..<stop.lowerBound].trimmingCharacters(in: .whitespacesAndNewlines)
        if ProcessInfo.processInfo.environment["RECORD_README"] == "1" && current != table {
            let updated = readme[..<start.upperBound] + "\n" + table + "\n" + readme[stop.lowerBound...]
            try String(updated).write(toFile: path, atomically: true, encoding: .utf8)
            Issue.record("README key table rewritten from the keymap; review it and run again")
            return
        }
        #expect(current == table, "README's key table differs from the keymap: RECORD_README=1 swift test --filter ReadmeKeysTests")
        // Every pane's keys and every global section appear.
        for pane in PaneRegistry.all { #expect(table.contains("| \(pane.number) \(pane.title) |") || pane.bindings.isEmpty, "\(pane.title)") }
    }
}
