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
        let table = Keymap.markdownTable()
        try ReadmeBlock.check(begin: Self.begin, end: Self.end, generated: table, what: "key table", suite: "ReadmeKeysTests")
        // Every pane's keys and every global section appear.
        for pane in PaneRegistry.all { #expect(table.contains("| \(pane.number) \(pane.title) |") || pane.bindings.isEmpty, "\(pane.title)") }
    }
}
