import Foundation
import Testing
import TestSupport

/// The man page: written from the argument parser, the keymap, the completion registry and
/// the README by `threatdeck manual`; the committed threatdeck.1 is that output (a test fails
/// when a source changed and the page was not written again), and groff finds nothing to warn
/// about. `RECORD_MANUAL=1 swift test --filter ManualPageTests` rewrites threatdeck.1.
@Suite(.serialized) struct ManualPageTests {
    static let path = TestPaths.packageRoot + "/threatdeck.1"

    static func generated() -> String {
        let cli = CLI("man")
        defer { cli.remove() }
        let r = cli.run(["manual"])
        #expect(r.status == 0, "\(r.stderr)")
        return r.stdout
    }

    @Test func theCommittedPageIsWhatItsSourcesSay() throws {
        let page = Self.generated()
        let committed = try String(contentsOfFile: Self.path, encoding: .utf8)
        if ProcessInfo.processInfo.environment["RECORD_MANUAL"] == "1" && committed != page {
            try page.write(toFile: Self.path, atomically: true, encoding: .utf8)
            Issue.record("threatdeck.1 rewritten from its sources; review the diff and run again")
            return
        }
        #expect(
            committed == page, "threatdeck.1 drifted from the keymap, the argument parser or the README: RECORD_MANUAL=1 swift test --filter ManualPageTests")
    }

    @Test func itHasEverySectionAManPageShould() throws {
        let page = Self.generated()
        for section in ["NAME", "SYNOPSIS", "DESCRIPTION", "COMMANDS", "KEYS", "FILTERS", "FILES", "ENVIRONMENT", "EXIT STATUS", "EXAMPLES", "SEE ALSO"] {
            #expect(page.contains("\n.SH \(section)\n") || page.contains("\n.SH \"\(section)\"\n"), "\(section)")
        }
        // Each source shows: a key from the keymap, a filter kind from the registry, an example
        // from the README's usage block, an option from the parser.
        #expect(page.contains("\\fBCtrl\\-D\\fR\nhalf a page down"))
        #expect(page.contains("\\fBnexus:\\fR\\fIVALUE\\fR"))
        #expect(page.contains("\\fBthreatdeck \\-\\-linear [FILE|DIR...]\\fR"))
        #expect(page.contains("\\-\\-max\\-tlp"))
        #expect(!page.contains("OVERVIEW: Open the dashboard\n.SH"))
    }

    /// `groff -ww -man -z` (PostScript, the default device) and the terminal's UTF-8 device, as
    /// `man` renders it: not one warning.
    @Test(
        .enabled(if: Subprocess.run(["groff", "--version"]).status == 0 || Prerequisites.strict, "groff is not installed"),
        arguments: [["-z"], ["-Tutf8"]])
    func groffHasNothingToWarnAbout(device: [String]) throws {
        let r = Subprocess.capture(["groff", "-ww", "-man"] + device + [Self.path])
        #expect(r.status == 0)
        #expect(r.stderr.isEmpty, "\(r.stderr)")
        if device == ["-Tutf8"] { #expect(r.stdout.contains("KEYS") || r.stdout.contains("K\u{8}KE\u{8}E")) }
    }
}
