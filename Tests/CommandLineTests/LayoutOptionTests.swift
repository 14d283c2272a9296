import Testing
import TestSupport

/// `--layout` and config.yaml `layouts:` through the binary: a snapshot draws the layout
/// asked for, a name that is no layout is a usage error, a wrong config layout is named on
/// stderr with its place and the built-in one is drawn.
@Suite struct LayoutOptionTests {
    @Test func snapshotDrawsTheLayoutAskedFor() throws {
        let cli = CLI("layout")
        defer { cli.remove() }
        let byData = cli.run(["snapshot", "--size", "200x60"])
        let profile = cli.run(["snapshot", "--size", "200x60", "--layout", "profile-wide"])
        #expect(byData.status == 0 && profile.status == 0)
        // The sample is events-first: the events table opens the first band; the profile
        // layout puts the detail pane there instead.
        #expect(byData.stdout.split(separator: "\n")[2].hasPrefix("┌ Events in view"))
        #expect(profile.stdout.split(separator: "\n")[2].hasPrefix("┌ China nexus"))
        let bad = cli.run(["snapshot", "--size", "200x60", "--layout", "sideways"])
        #expect(bad.status == 2 && bad.stderr.contains("--layout sideways: no such layout"), "\(bad.stderr)")
    }

    @Test func aWrongConfigLayoutIsNamedAndTheBuiltInOneDrawn() throws {
        let cli = CLI("layout-config")
        defer { cli.remove() }
        try cli.config("theme: default\nlayout: mine\nlayouts:\n  mine:\n    rows: [[actors, nosuch]]\n")
        let r = cli.run(["snapshot", "--size", "200x60"])
        #expect(r.status == 0)
        #expect(r.stderr.contains("config.yaml:5:21: layouts.mine.rows: \"nosuch\": unknown pane"), "\(r.stderr)")
        #expect(r.stdout.split(separator: "\n")[2].hasPrefix("┌ Events in view"))
    }
}
