import Foundation
import Testing
import TerminalUI
import TestSupport
#if canImport(Glibc)
import Glibc
#endif

/// The wall screen: rotation, locked keys, a data file overwritten with garbage (old numbers
/// kept, "reload rejected HH:MM:SS (file:line:col)", no STALE before stale-after), fixed (new
/// numbers shown), unlocking.
@Suite(.serialized, .enabled(if: Tmux.available || Prerequisites.strict, "tmux is not installed"))
struct KioskEndToEndTests {
    static let report = TestPaths.sampleData + "/crowdstrike-2026-tech-intrusions.json"

    /// The top row of a figure drawn in block digits as the wall draws it at 120×40: the
    /// largest scale that fits a third of the body (36 rows) and its width (117 columns).
    static func digitsTopRow(_ text: String) -> String {
        TerminalLocale.ensureUTF8()
        let scale = BlockDigits.scale(toFit: text, width: 117, height: 12)
        var buffer = Buffer(width: BlockDigits.width(of: text, scale: scale), height: BlockDigits.height(scale: scale))
        BlockDigits(text, glyphs: .unicode, scale: scale).render(into: &buffer, area: buffer.area)
        return buffer.lines[0]
    }

    @Test func rotatesIgnoresKeysSurvivesGarbageAndRecovers() throws {
        let dir = NSTemporaryDirectory() + "td-kiosk-\(getpid())"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let original = try String(contentsOfFile: Self.report, encoding: .utf8)
        let file = dir + "/report.json"
        try original.write(toFile: file, atomically: true, encoding: .utf8)

        let t = try Tmux(width: 120, height: 40, command: [Tmux.binary, "--kiosk", "--rotate", "2", "--views", "headline,sectors,overview", dir])
        #expect(t.wait(for: "view 1/3 headline"), "\(t.capture())")
        #expect(t.wait(for: "source: "))
        #expect(t.wait(timeout: 6, { $0.contains("view 2/3 sectors") }) != nil, "no rotation: \(t.capture())")

        // Keys do nothing: not q, not Ctrl-C (raw mode), not Esc, not search.
        t.type("q")
        t.send("C-c", "Escape", "/", "z")
        usleep(300_000)
        #expect(!t.capture().contains("[exited with"))
        #expect(!t.capture().contains("/ "))
        #expect(t.wait(for: "locked"))

        // Garbage replaces the file: the old figure stays, the top row names the rejected reload
        // with file:line:col, and it is not STALE (that waits for stale-after, an hour here).
        try "{\"schema\": \"threatdeck-report@1\", \"report\": {".write(toFile: file, atomically: false, encoding: .utf8)
        #expect(t.wait(timeout: 8, { $0.contains("reload rejected ") && $0.contains("(" + file + ":1:") }) != nil, "\(t.capture())")
        // The headline still shows the old figure (">58%" in block digits) under the notice.
        #expect(
            t.wait(
                timeout: 8,
                {
                    $0.contains("view 1/3 headline") && $0.contains("reload rejected ") && !$0.contains("STALE") && $0.contains("China-nexus share of")
                        && $0.contains(Self.digitsTopRow(">58%"))
                }) != nil, "\(t.capture())")

        // Fixed with a new figure: the notice goes, the new number shows.
        let fixed = original.replacingOccurrences(of: "\"value\": 58", with: "\"value\": 61")
        #expect(fixed != original)
        try fixed.write(toFile: file, atomically: false, encoding: .utf8)
        #expect(t.wait(timeout: 8, { !$0.contains("reload rejected") && $0.contains("view 1/3 headline") }) != nil, "\(t.capture())")
        #expect(t.wait(timeout: 8, { $0.contains(Self.digitsTopRow(">61%")) }) != nil, "new figure not shown: \(t.capture())")

        // The unlock word returns to the dashboard; then q quits.
        t.type("unlock")
        #expect(t.wait(for: "kiosk unlocked"))
        t.type("q")
        #expect(t.exitStatus() == 0, "\(t.capture())")
    }
}
