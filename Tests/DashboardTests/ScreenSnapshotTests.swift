import Dashboard
import Testing
import TestSupport
import TerminalUI
import ThreatModel
#if canImport(Glibc)
import Glibc
#endif

/// Whole frames at the sizes analysts use, stored as text files. Record with
/// `RECORD_SNAPSHOTS=1 swift test --filter ScreenSnapshotTests`, then review the diff.
@Suite struct ScreenSnapshotTests {
    static let sizes = [(80, 24), (120, 40), (200, 60)]

    func check(_ state: AppState, _ name: String, styled: Bool = false) {
        let frame = Screen.render(state)
        let text = styled ? Snapshot.styled(frame) : frame.text + "\n"
        if let problem = Snapshot.verify(text, named: name, directory: Fixtures.snapshotDirectory) { Issue.record(Comment(rawValue: problem)) }
        #expect(frame.width == state.width && frame.height == state.height)
    }

    @Test(arguments: sizes)
    func firstScreen(width: Int, height: Int) {
        check(Fixtures.state(width, height), "first-\(width)x\(height)")
    }

    @Test(arguments: sizes)
    func drilledIntoChinaAndTechnology(width: Int, height: Int) {
        var s = Fixtures.state(width, height)
        Fixtures.press(&s, .enter)  // China (first nexus row)
        Fixtures.press(&s, .tab, .enter)  // Technology row of the sector matrix
        check(s, "drilled-\(width)x\(height)")
    }

    @Test(arguments: sizes)
    func timelineFocused(width: Int, height: Int) {
        var s = Fixtures.state(width, height)
        Fixtures.press(&s, .character("3"), .left, .left)
        check(s, "timeline-\(width)x\(height)")
    }

    @Test(arguments: sizes)
    func techniquesPane(width: Int, height: Int) {
        var s = Fixtures.state(width, height)
        Fixtures.press(&s, .character("5"), .down)
        check(s, "techniques-\(width)x\(height)")
    }

    @Test(arguments: sizes)
    func eventsPane(width: Int, height: Int) {
        var s = Fixtures.state(width, height)
        Fixtures.press(&s, .character("3"), .left, .left, .character("6"))
        check(s, "events-\(width)x\(height)")
    }

    @Test func actorDetailWithProvenance() {
        var s = Fixtures.state(120, 40)
        Fixtures.press(&s, .character("/"))
        Fixtures.type(&s, "murky")
        // Enter goes to the match, Enter again filters by it.
        Fixtures.press(&s, .enter, .enter, .character("4"))
        check(s, "murky-detail-120x40")
    }

    @Test func helpOverlay() {
        var s = Fixtures.state(120, 40)
        Fixtures.press(&s, .character("?"))
        check(s, "help-120x40")
    }

    @Test func asciiMode() {
        check(Fixtures.state(120, 40, ascii: true), "ascii-120x40")
    }

    @Test func tooSmall() {
        check(Fixtures.state(50, 12), "too-small-50x12")
    }

    @Test func emptyDataset() {
        check(Fixtures.state(80, 24, dataset: .empty), "empty-80x24")
    }

    /// Roles per cell: a theme that stops colouring the focus, the heat map or the cursor fails here.
    @Test func styledFirstScreen() {
        check(Fixtures.state(120, 40), "styled-first-120x40", styled: true)
        var s = Fixtures.state(80, 24)
        Fixtures.press(&s, .character("2"), .down, .left)
        check(s, "styled-sectors-80x24", styled: true)
    }
}
