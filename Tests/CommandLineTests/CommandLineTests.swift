import Foundation
import Testing
import TestSupport

/// The commands as a shell user meets them: a missing file is named on stderr with a
/// non-zero exit (as cat and jq do), an empty directory is not "loaded cleanly", counts
/// agree in number with their nouns, and a bad config is readable in full in `p`.
@Suite struct CommandLineTests {
    static let missing = "/nonexistent/threatdeck-test/report.json"

    @Test(arguments: [["summary"], ["snapshot"], ["export", "--format", "md"], ["export", "--format", "csv"], [], ["summary", "--json"]])
    func aMissingFileIsNamedOnStderrWithExitOne(command: [String]) {
        let cli = CLI("missing")
        defer { cli.remove() }
        let r = cli.run(command + [Self.missing])
        #expect(r.status == 1, "\(command): exit \(r.status)")
        #expect(r.stderr.contains(Self.missing + ": no such file or directory"), "\(command): \(r.stderr)")
        #expect(r.stdout.isEmpty, "\(command): printed a report of nothing:\n\(r.stdout.prefix(300))")
    }

    @Test func validateOfAMissingFileCountsItAsAnError() {
        let cli = CLI("validate-missing")
        defer { cli.remove() }
        let r = cli.run(["validate", Self.missing, TestPaths.sampleData + "/synthetic-activity-feed.json"])
        #expect(r.status == 2)
        #expect(r.stderr.contains(Self.missing + ": no such file or directory"))
        #expect(r.stderr.components(separatedBy: Self.missing).count == 2, "named once: \(r.stderr)")
        #expect(r.stdout.hasSuffix("2 files: 1 error, 0 warnings (1 not readable)\n"), "\(r.stdout)")
    }

    @Test func anEmptyDirectoryIsNotAnEmptyReport() throws {
        let cli = CLI("empty")
        defer { cli.remove() }
        let dir = cli.home + "/empty"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        let summary = cli.run(["summary", dir])
        #expect(summary.status == 1)
        #expect(summary.stderr.contains(dir + ": no .json files in this directory"), "\(summary.stderr)")
        #expect(summary.stdout.contains("no actors or events loaded"))
        #expect(summary.stdout.contains("no dated events or campaigns in view"), "a timeline of nothing invents a date")
        #expect(!summary.stdout.contains("2026-01-01"))
        let validate = cli.run(["validate", dir])
        #expect(validate.status == 2 && validate.stderr.contains("no files found"), "\(validate)")
        // The dashboard itself: not "loaded cleanly", and every pane says there is nothing.
        let snap = cli.run(["snapshot", "--size", "120x40", dir])
        #expect(!snap.stdout.contains("loaded cleanly"), "\(snap.stdout)")
        #expect(snap.stdout.contains("1 warning · p lists them"), "\(snap.stdout.suffix(200))")
        #expect(!snap.stdout.contains("2026-01-01"), "the timeline invented a date")
    }

    @Test func countsAgreeWithTheirNouns() throws {
        let cli = CLI("grammar")
        defer { cli.remove() }
        let one = TestPaths.sampleData + "/crowdstrike-2026-tech-intrusions.json"
        let v = cli.run(["validate", one])
        #expect(v.status == 0)
        #expect(v.stdout.hasSuffix("1 file: 0 errors, 0 warnings\n"), "\(v.stdout)")
        let bad = try cli.write(
            "bad.json",
            #"{"schema": "threatdeck-report@1", "report": {"id": "r", "title": "t"}, "sources": [{"id": "s", "title": "S"}], "actors": [{"id": "a", "name": "A", "sources": ["s"]}]}"#
        )
        let b = cli.run(["validate", bad])
        #expect(b.status == 1)
        #expect(b.stdout.hasSuffix("1 file: 1 error, 0 warnings\n"), "\(b.stdout)")
        #expect(b.stdout.contains("bad.json:1:"), "file:line:col: \(b.stdout)")
        let s = cli.run(["summary", one])
        let header = s.stdout.split(separator: "\n").first { $0.hasPrefix("1 file · ") } ?? ""
        #expect(header.hasPrefix("1 file · 3 of 3 actors · 4 of 4 events · 0 campaigns · 3 findings"), "\(header)")
        #expect(s.stdout.components(separatedBy: "1 file").count == 2, "the header says 1 file once")
        for wrong in ["1 events", "1 errors", "1 actors", "1 files", "1 warnings", "1 findings", "1 campaigns"] {
            #expect(!(v.stdout + b.stdout + s.stdout).contains(" " + wrong), "\(wrong)")
        }
    }

    @Test func aBadConfigIsReadableInFullInP() throws {
        let cli = CLI("config")
        defer { cli.remove() }
        try cli.config("theme: default\ndata: []\ncolour: always\n")
        let script = try cli.write("p.txt", "key p\n")
        let r = cli.run(["snapshot", "--size", "100x30", "--replay", script])
        #expect(r.status == 0)
        #expect(r.stderr.contains("config.yaml:3:1: colour: unknown key"), "\(r.stderr)")
        // The overlay wraps the message instead of cutting it at the edge: every word is there.
        // (Borders out, whitespace folded: the overlay's lines then read as one text.)
        let unboxed = String(r.stdout.map { "┃│↓↑┏┓┗┛━┌┐└┘─\n".contains($0) ? " " : $0 })
        let text = unboxed.split(separator: " ").joined(separator: " ")
        #expect(
            text.contains(
                "/config/threatdeck/config.yaml:3:1: colour: unknown key (expected theme, data, color, ascii, links, linear, max-tlp, sources, views, layout, layouts, kiosk)"
            ),
            "\(r.stdout)")
        #expect(!r.stdout.contains("No problems"))
        let footer = cli.run(["snapshot", "--size", "100x30"]).stdout.split(separator: "\n").last ?? ""
        #expect(footer.contains("config ignored: config.yaml:3 · p shows why"), "\(footer)")
    }

    @Test func summaryReadsTheConfigsData() throws {
        let cli = CLI("config-data")
        defer { cli.remove() }
        let one = TestPaths.sampleData + "/crowdstrike-2026-tech-intrusions.json"
        try cli.config("data: [\"\(one)\"]\n")
        let r = cli.run(["summary"])
        #expect(r.status == 0)
        #expect(r.stdout.contains("1 file · 3 of 3 actors"), "\(r.stdout.prefix(400))")
    }

    @Test func versionNamesTheCommit() {
        let cli = CLI("version")
        defer { cli.remove() }
        let r = cli.run(["--version"])
        #expect(r.status == 0)
        let parts = r.stdout.trimmingCharacters(in: .whitespacesAndNewlines).split(separator: " ")
        #expect(parts.first.map { $0.split(separator: ".").count == 3 } == true, "\(r.stdout)")
        // Built from a git checkout: the commit it was built from (or "unknown commit" from a tarball).
        #expect(r.stdout.contains("commit ") || r.stdout.contains("unknown commit"), "\(r.stdout)")
    }
}

/// The Unix-tool conventions: completions exist for three shells (ManualPageTests holds the
/// man page, ShellCompletionTests what completion offers), and nothing writes colour into a
/// pipe unless asked.
@Suite struct ConventionsTests {
    @Test(arguments: ["bash", "zsh", "fish"])
    func completionScripts(shell: String) {
        let cli = CLI("completion")
        defer { cli.remove() }
        let r = cli.run(["complete", "--script", shell])
        #expect(r.status == 0)
        #expect(r.stdout.contains("complete --shell \(shell)"), "\(shell)")
        // The parser's own scripts still work for whoever wants them.
        #expect(cli.run(["--generate-completion-script", shell]).stdout.contains("max-tlp"))
    }

    @Test func noColourIntoAPipeUnlessAsked() {
        let cli = CLI("colour")
        defer { cli.remove() }
        for args in [["themes"], ["summary"], ["validate", TestPaths.sampleData + "/synthetic-activity-feed.json"], ["export", "--format", "md"]] {
            #expect(!cli.run(args, environment: ["TERM": "xterm-256color"]).stdout.contains("\u{1B}["), "\(args)")
        }
        #expect(cli.run(["themes", "--color", "always"], environment: ["TERM": "xterm-256color"]).stdout.contains("\u{1B}["))
        #expect(!cli.run(["themes"], environment: ["TERM": "xterm-256color", "NO_COLOR": "1"]).stdout.contains("\u{1B}["))
    }

    /// The YAML library's own environment switch prints a line to standard output when it
    /// reads a document: themes and the config are read on every start, so a snapshot or an
    /// export would begin with that line. Their YAML is read as UTF-8, whatever it says.
    @Test func aYAMLLibrarysEnvironmentSwitchDoesNotReachStandardOutput() throws {
        let cli = CLI("yams")
        defer { cli.remove() }
        try cli.config("theme: wall\n")
        let env = ["YAMS_DEFAULT_ENCODING": "UTF16"]
        let snapshot = cli.run(["snapshot", "--size", "80x24", TestPaths.sampleData + "/synthetic-activity-feed.json"], environment: env)
        #expect(snapshot.status == 0)
        #expect(snapshot.stdout.hasPrefix("ThreatDeck"), "\(snapshot.stdout.prefix(120))")
        let csv = cli.run(["export", "--format", "csv", TestPaths.sampleData + "/synthetic-activity-feed.json"], environment: env)
        #expect(!csv.stdout.contains("YAMS_DEFAULT_ENCODING"))
        #expect(!snapshot.stderr.contains("config ignored"), "the config is still read: \(snapshot.stderr)")
    }
}
