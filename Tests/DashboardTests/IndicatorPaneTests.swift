import Testing
import TerminalUI
import TestSupport
@testable import Analysis
@testable import Dashboard
@testable import Identity
@testable import Loading
@testable import Readers
@testable import ThreatModel

/// The Indicators pane: defanged and sanitised values, sort, the type filter, Enter's pivot,
/// search with a defanged query, and `y`, which copies the value under any pane's cursor.
@Suite struct IndicatorPaneTests {
    static func state(_ dataset: Dataset = PivotChipTests.dataset, width: Int = 160, height: Int = 45) -> AppState {
        var s = Fixtures.state(width, height, dataset: dataset)
        Fixtures.press(&s, .character(Character(String(IndicatorPane.number))))
        return s
    }

    static func prompt(_ state: inout AppState, _ text: String) {
        Fixtures.press(&state, .character(":"))
        Fixtures.type(&state, text)
        Fixtures.press(&state, .enter)
    }

    @Test func theTableShowsDefangedValuesOfTheTypeChosen() throws {
        var s = Self.state()
        #expect(s.focus == .indicators)
        #expect(IndicatorPane.state(s).order.count == PivotChipTests.dataset.indicators.count)
        Self.prompt(&s, "type:domain")
        let screen = Screen.render(s).text
        #expect(screen.contains("Indicators in view (4)"))
        #expect(screen.contains("ooiasjdnqjwbeasdasd[.]com"))
        #expect(!screen.contains("ooiasjdnqjwbeasdasd.com"))
        #expect(screen.contains("type:domain"))
    }

    @Test func sortAndTheTypeKey() throws {
        var s = Self.state()
        let d = s.dataset
        Fixtures.press(&s, .character("s"))  // by type
        let types = IndicatorPane.state(s).order.map { d.indicators[$0].type.lowercased() }
        #expect(types == types.sorted())
        #expect(IndicatorPane.note(s).hasSuffix("by type ↑"))
        Fixtures.press(&s, .character("g"))
        let first = try #require(IndicatorPane.currentItem(s))
        guard case .indicator(let k, _) = first else { Issue.record("not an indicator"); return }
        Fixtures.press(&s, .character("f"))
        #expect(s.filter.chips == [.pivot(.type(d.indicators[k].type.lowercased()))])
        #expect(IndicatorPane.state(s).order.allSatisfy { d.indicators[$0].type == d.indicators[k].type })
    }

    @Test func enterPivotsToTheEventsHoldingTheValue() throws {
        var s = Self.state()
        Self.prompt(&s, "type:domain")
        let d = s.dataset
        guard case .indicator(let k, let value) = try #require(IndicatorPane.currentItem(s)) else { return }
        Fixtures.press(&s, .enter)
        #expect(s.filter.chips.last == .pivot(.ioc(value)))
        #expect(s.selection.eventIndices == [Int(d.indicatorTable.eventOfIndicator[k])])
    }

    @Test func searchFindsADefangedValue() {
        var s = Fixtures.state(160, 45, dataset: PivotChipTests.dataset)
        Fixtures.press(&s, .character("/"))
        Fixtures.type(&s, "eqowiesajenqweasd[.]com")
        Fixtures.press(&s, .enter)
        #expect(s.focus == .indicators)
        guard case .indicator(_, let value) = IndicatorPane.currentItem(s) else { Issue.record("no indicator selected"); return }
        #expect(value == "eqowiesajenqweasd.com")
    }

    @Test func yCopiesTheValueUnderAnyCursor() throws {
        var s = Self.state()
        Self.prompt(&s, "type:domain")
        guard case .indicator(_, let value) = try #require(IndicatorPane.currentItem(s)) else { return }
        let effects = App.update(&s, .key(.character("y")))
        #expect(effects == [.copy(value)])
        #expect(s.status?.text == "copied \(value.utf8.count) bytes")
        // An actor's name from the actors pane, a technique's id from the techniques pane.
        var a = Fixtures.state(160, 45)
        Fixtures.press(&a, .character("1"))
        guard case .actor(let id) = try #require(App.currentItem(a)) else { return }
        #expect(App.update(&a, .key(.character("y"))) == [.copy(a.dataset.actor(id)!.name)])
        Fixtures.press(&a, .character(Character(String(TechniquePane.number))))
        if case .technique(let t) = App.currentItem(a) { #expect(App.update(&a, .key(.character("y"))) == [.copy(t)]) }
    }

    @Test func theRuntimeHandsTheCopyToTheTerminal() throws {
        let terminal = ScriptedTerminal(width: 160, height: 45, inputs: [])
        let runtime = Runtime(state: Self.state(), device: terminal, source: nil, clock: ManualClock(Fixtures.now))
        runtime.step(.key(.character("y")))
        guard case .indicator(_, let value) = try #require(IndicatorPane.currentItem(runtime.state)) else { return }
        #expect(terminal.copied == [value])
    }

    /// A hostile event: escape sequences, a megabyte value, an unknown type. Shown sanitised
    /// and cut, never written raw; the cut value is not copied.
    @Test func hostileValuesAreShownSanitisedAndCut() throws {
        let r = Ingest.read(bytes: Array(HostileMisp.event(valueBytes: 1 << 20).utf8), file: "bad-event.json")
        let d = DatasetBuilder.build([r])
        var s = Self.state(d)
        // Zoomed: the pane's whole width, so the value's cut is the pane's own, not the layout's.
        Fixtures.press(&s, .character("z"))
        let screen = Screen.render(s)
        #expect(!screen.text.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 })
        #expect(screen.text.contains("hxxp://evil[.]example/^[]52;c;aGk=^G"))
        #expect(screen.text.contains("made-up-type"))
        #expect(screen.text.contains("(empty)"))
        let k = try #require(d.indicators.firstIndex { $0.type == "text" })
        let lines = DetailPane.indicatorLines(s, k).map(\.text)
        #expect(lines.contains("cut for display: 1,048,576 bytes in the file"))
        let row = try #require(IndicatorPane.state(s).order.firstIndex(of: k))
        for _ in 0..<row { Fixtures.press(&s, .down) }
        #expect(App.update(&s, .key(.character("y"))).isEmpty)
        #expect(s.status?.text.hasPrefix("not copied: the value is 1,048,576 bytes") == true)
    }
}
