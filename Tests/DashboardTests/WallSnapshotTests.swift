@testable import Dashboard
import Loading
import Testing
import TestSupport
import TerminalUI
import ThreatModel
#if canImport(Glibc)
import Glibc
#endif

/// The wall: every kiosk view at 80×24, 200×60 and 320×90, over the bundled sample and over
/// ATT&CK 17.1 with the MISP galaxy, on a fixed clock in UTC. Each frame is a snapshot file,
/// and no pane of a view with something to show may leave more than a third of its rows blank.
@Suite struct WallSnapshotTests {
    static let views: [(String, KioskView)] = [
        ("headline", .headline), ("overview", .overview), ("changes", .changes), ("actors", .pane(.actors)), ("sectors", .pane(.sectors)),
        ("timeline", .pane(.timeline)), ("techniques", .pane(.techniques)), ("events", .pane(.events)), ("nexus-1", .nexus(rank: 1)),
        ("nexus-2", .nexus(rank: 2)), ("grid", .grid([[.actors, .sectors], [.timeline, .techniques]])),
    ]
    static let sizes = [(80, 24), (200, 60), (320, 90)]

    /// ATT&CK Enterprise 17.1 and the MISP galaxy's threat actors, as analysts load them.
    static let attack: Dataset = {
        var loader = DatasetLoader(paths: [TestPaths.sharedData + "/stix/enterprise-attack-17.1.json", TestPaths.sharedData + "/misp-galaxy/threat-actor.json"])
        return loader.load()
    }()

    static func wall(_ view: KioskView, _ width: Int, _ height: Int, dataset: Dataset = Fixtures.sample) -> AppState {
        setenv("TZ", "UTC", 1)
        tzset()
        var o = Fixtures.options(width, height, dataset: dataset)
        o.now = 1_790_000_000
        o.kiosk = KioskConfig(rotateSeconds: 30, views: [view], shiftSeconds: 0)
        return AppState.start(o)
    }

    /// Blank rows inside each box of the view (pane or "What changed"), by box.
    static func blankRows(_ state: AppState, _ frame: Buffer) -> [(box: String, rows: Int, blank: Int)] {
        let g = FrameLayout.compute(state)
        var boxes: [(String, Rect)] = g.panes.map { ($0.key.rawValue, Block.inner($0.value)) }
        if state.kiosk?.view == .changes {
            boxes = [("changes", Block.inner(Rect(x: 0, y: g.header.maxY, width: g.header.width, height: g.footer.y - g.header.maxY)))]
        }
        return boxes.map { name, inner in
            let blank = (inner.y..<inner.maxY).filter { y in (inner.x..<inner.maxX).allSatisfy { x in frame[x, y].text == " " || frame[x, y].isContinuation } }
                .count
            return (name, inner.height, blank)
        }
    }

    func check(_ dataset: Dataset, prefix: String, width: Int, height: Int) {
        for (name, view) in Self.views {
            let state = Self.wall(view, width, height, dataset: dataset)
            let frame = Screen.render(state)
            #expect(frame.width == width && frame.height == height)
            if let problem = Snapshot.verify(frame.text + "\n", named: "\(prefix)\(name)-\(width)x\(height)", directory: Fixtures.snapshotDirectory) {
                Issue.record(Comment(rawValue: problem))
            }
            // A view with nothing to show is skipped in the rotation (and named in the footer).
            let k = state.kiosk!
            if let why = WallContent.emptiness(view, state, k) {
                // Named in full where the footer has room; cut to fit at 80 columns.
                let footer = frame.lines[height - 2]
                #expect(footer.contains(width >= 200 ? "skipped: " + WallContent.title(view) + ", " + why : "skipped: "), "\(prefix)\(name): \(footer)")
                continue
            }
            // Nothing a pane draws runs over its border.
            for (id, r) in FrameLayout.compute(state).panes {
                let broken = (r.y + 1..<r.maxY - 1).filter { frame[r.maxX - 1, $0].text != frame[r.maxX - 1, r.y + 1].text }
                #expect(broken.isEmpty, "\(prefix)\(name) \(width)x\(height): \(id) border broken at rows \(broken)")
            }
            for box in Self.blankRows(state, frame) {
                #expect(box.blank * 3 <= box.rows, "\(prefix)\(name) \(width)x\(height): \(box.box) has \(box.blank) of \(box.rows) rows blank")
            }
        }
    }

    @Test(arguments: sizes)
    func everyViewOverTheSample(width: Int, height: Int) {
        check(Fixtures.sample, prefix: "wall-", width: width, height: height)
    }

    @Test(arguments: sizes)
    func everyViewOverAttack(width: Int, height: Int) {
        #expect(Self.attack.actors.count > 100, "\(Self.attack.problems.prefix(3))")
        check(Self.attack, prefix: "wall-attack-", width: width, height: height)
    }

    /// At 300×80 the headline figure is at least 25 rows tall, and keeps its qualifier.
    @Test func headlineFillsTheWall() {
        let frame = Screen.render(Self.wall(.headline, 300, 80))
        let blockRows = frame.lines.filter { $0.contains("█") || $0.contains("▀") || $0.contains("▄") }
        #expect(blockRows.count >= 25, "\(blockRows.count) rows")
        // ">" is the first glyph: its top-left bit is set, so the figure starts with it.
        let small = Screen.render(Self.wall(.headline, 60, 18))
        #expect(small.text.contains("█") || small.text.contains("▀") || small.text.contains("▄"))
        for (w, h) in [(160, 48), (300, 80)] {
            let f = Screen.render(Self.wall(.headline, w, h))
            let rows = f.lines.filter { $0.contains("█") || $0.contains("▀") || $0.contains("▄") }.count
            #expect(rows >= 3 && rows <= (h - 4) / 3 + 1, "\(w)x\(h): \(rows)")
        }
    }
}
