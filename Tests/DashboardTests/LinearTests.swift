import Analysis
import Dashboard
import Reports
import Testing
import TerminalUI
import TestSupport
import ThreatModel

/// Linear mode: the dashboard as plain sentences for screen readers and braille displays.
@Suite struct LinearTests {
    /// Box drawing, blocks and shades, braille: what a screen reader reads as noise.
    static func drawing(_ text: String) -> [Character] {
        text.filter { c in c.unicodeScalars.contains { (0x2500...0x259F).contains($0.value) || (0x2800...0x28FF).contains($0.value) } }
    }

    static func linearState(_ width: Int = 120, _ height: Int = 40, dataset: Dataset = Fixtures.sample) -> AppState {
        var o = Fixtures.options(width, height, dataset: dataset)
        o.linear = true
        return AppState.start(o)
    }

    @Test func spokenTextHasWordsNotGlyphs() {
        TerminalLocale.ensureUTF8()
        #expect(Spoken.clean("China ████▌░░ 43.6%") == "China 43.6 percent")
        #expect(Spoken.clean("2025-04-01 → 2026-03-31 · 3 sources") == "2025-04-01 to 2026-03-31, 3 sources")
        #expect(Spoken.clean("China share 44.0% (+0.4 pp) ▲") == "China share 44.0 percent (+0.4 percentage points) up")
        #expect(Spoken.clean("┃▸Murky Panda ⣿⣀ │") == "Murky Panda")
        #expect(Spoken.clean(">58%") == "more than 58 percent")
        #expect(Spoken.keys("↑ k") == "Up k")
        #expect(Spoken.clean("evil\u{1B}[31m name") == Spoken.clean(TerminalText.sanitize("evil\u{1B}[31m name")))
    }

    @Test func theStartIntroducesReadsThePaneAndTheFocusedLine() {
        var speech = LinearSession()
        let lines = speech.next(Self.linearState(), afterKey: false)
        #expect(lines.first?.hasPrefix("ThreatDeck, linear mode") == true)
        #expect(lines.contains("Filter: none. In view: 24 of 24 actors, 473 of 473 events."))
        #expect(lines.contains("Pane 1 of 7, Actors by nexus, counting events."))
        #expect(lines.contains("China: 206 events, 43.6 percent."))
        #expect(lines.last == "China: 206 events, 43.6 percent. 1 of 25.")
    }

    /// Twenty keys: one line per key at least, the focused line last, and no drawing at all.
    @Test func aSessionOfTwentyKeysSaysOneFocusedLinePerKey() {
        var s = Self.linearState()
        var speech = LinearSession()
        var all = speech.next(s, afterKey: false)
        let keys: [Key] = [
            .down, .down, .tab, .down, .character("3"), .left, .character("5"), .down, .character("6"), .control("d"),
            .character("/"), .character("m"), .character("u"), .character("r"), .enter, .enter, .character(":"),
            .character("x"), .escape, .backspace,
        ]
        #expect(keys.count == 20)
        for key in keys {
            let effects = App.update(&s, .key(key))
            let said = speech.next(s, afterKey: true, reread: effects.contains(.repaint))
            #expect(!said.isEmpty, "\(key)")
            #expect(!(said.last ?? "").isEmpty)
            all += said
        }
        let text = all.joined(separator: "\n")
        #expect(Self.drawing(text).isEmpty, "\(String(Self.drawing(text)))")
        #expect(!text.contains("\u{1B}"))
        #expect(text.contains("Pane 2 of 7, Sector targeting"))
        #expect(text.contains("Pane 3 of 7, Timeline"))
        #expect(text.contains("Filter: actor:Murky Panda."))
        #expect(all.last == "China: 206 events, 43.6 percent. 1 of 25.")  // Backspace popped the filter
    }

    @Test func aReloadIsSaidWithWhatItBrought() {
        var s = Self.linearState()
        var speech = LinearSession()
        _ = speech.next(s, afterKey: false)
        let fewer = ExtremeData.dataset(seed: 3)
        _ = App.update(&s, .loaded(fewer, at: Fixtures.now + 5, milliseconds: 2))
        let said = speech.next(s, afterKey: false)
        #expect(said.contains { $0.hasPrefix("reloaded") || $0.hasPrefix("Reloaded") }, "\(said)")
        #expect(said.contains { $0.contains("new event") || $0.contains("no longer in the data") }, "\(said)")
        #expect(!said.contains { $0.hasSuffix(" of 25.") })  // no key: no focused line
    }

    /// On the wall, a reload's changes are said as they come.
    @Test func wallChangesAreSaid() {
        var o = Fixtures.options(160, 48)
        o.linear = true
        o.kiosk = KioskConfig(rotateSeconds: 20, entries: [KioskEntry(.changes)])
        var s = AppState.start(o)
        var speech = LinearSession()
        _ = speech.next(s, afterKey: false)
        _ = App.update(&s, .loaded(ExtremeData.dataset(seed: 5), at: Fixtures.now + 60, milliseconds: 3))
        let said = speech.next(s, afterKey: false)
        #expect(said.contains { $0.hasPrefix("Change: ") }, "\(said)")
        #expect(Self.drawing(said.joined()).isEmpty)
    }

    /// A live source retrying, failing, going stale or recovering is said once, in the
    /// header's words and with why; a countdown that only ticks and a fresh source pulling
    /// again are not news.
    @Test func liveSourceStatusChangesAreSaid() {
        TerminalLocale.ensureUTF8()
        let t = Fixtures.now
        let path = "Live source taxii:https://cti.example/taxii2/, Shared: "
        var s = Self.linearState(dataset: LiveStatusTests.dataset(SourceStatus(.connecting, since: t)))
        var speech = LinearSession()
        #expect(speech.next(s, afterKey: false).contains(path + "connecting."))
        func load(_ status: SourceStatus, at time: Double) -> [String] {
            _ = App.update(&s, .tick(now: time))
            _ = App.update(&s, .loaded(LiveStatusTests.dataset(status), at: time, milliseconds: 1))
            return speech.next(s, afterKey: false).filter { $0.hasPrefix("Live source") }
        }
        let reason = "HTTP 503 from https://cti.example/api1/: server error"
        let first = SourceStatus(.retrying, since: t + 1, nextAttempt: t + 3, reason: reason)
        #expect(load(first, at: t + 1) == [path + "retrying in 2s. " + reason + "."])
        // The countdown ticks on screen; nothing more is said.
        _ = App.update(&s, .tick(now: t + 2))
        #expect(speech.next(s, afterKey: false).filter { $0.hasPrefix("Live source") }.isEmpty)
        // Data pulled, then a failed retry after it: stale since the good pull, said as the header does.
        let pulled = t + 10
        #expect(load(SourceStatus(.fresh, pulledAt: pulled, since: pulled), at: pulled) == [path + "fresh."])
        #expect(load(SourceStatus(.fresh, pulledAt: pulled + 60, since: pulled + 60), at: pulled + 60).isEmpty)
        let stale = SourceStatus(.retrying, pulledAt: pulled + 60, since: pulled + 70, nextAttempt: pulled + 74, reason: reason)
        let said = load(stale, at: pulled + 70)
        #expect(said == [path + Spoken.clean(stale.short(now: pulled + 70)) + ". " + reason + "."])
        #expect(said.first?.contains("retrying in 4s, stale since " + ClockFormat.time(pulled + 60).prefix(5)) == true, "\(said)")
        // Each new failure is news; so is giving up.
        var again = stale
        again.since = pulled + 74
        again.nextAttempt = pulled + 82
        #expect(load(again, at: pulled + 74).first?.contains("retrying in 8s") == true)
        var failed = again
        failed.state = .failed
        failed.reason = "HTTP 401 from https://cti.example/api1/: unauthorized"
        #expect(
            load(failed, at: pulled + 82).first?.hasSuffix(
                ": failed, stale since " + ClockFormat.time(pulled + 60).prefix(5) + ". HTTP 401 from https://cti.example/api1/: unauthorized.") == true)
    }

    @Test func dialogsSayWhatTheyHold() {
        var s = Self.linearState()
        var speech = LinearSession()
        _ = speech.next(s, afterKey: false)
        Fixtures.press(&s, .character(":"))
        #expect(speech.next(s, afterKey: true).first?.hasPrefix("Filter line:") == true)
        Fixtures.type(&s, "nexus:Ch")
        _ = speech.next(s, afterKey: true)
        Fixtures.press(&s, .enter)
        let refusal = speech.next(s, afterKey: true)
        #expect(refusal.last?.contains("could be China (CN, 10 actors)") == true, "\(refusal)")
        Fixtures.press(&s, .escape, .character("?"))
        let help = speech.next(s, afterKey: true)
        #expect(help.contains("Up k move up"))
        #expect(help.contains("n the next match of the last search ([i/N] in the footer)"))
    }

    /// The runtime says, and draws nothing, in linear mode.
    @Test func theRuntimeAnnouncesInsteadOfDrawing() {
        let device = ScriptedTerminal(width: 120, height: 40, inputs: [.key(.down), .timeout, .key(.control("l")), .key(.character("q"))])
        let runtime = Runtime(state: Self.linearState(), device: device, source: nil, clock: ManualClock(Fixtures.now))
        runtime.run()
        #expect(device.frames.isEmpty)
        #expect(device.said.first?.hasPrefix("ThreatDeck, linear mode") == true)
        #expect(device.said.contains("Russia: 87 events, 18.4 percent. 2 of 18."))
        // Ctrl-L reads the pane again.
        #expect(device.said.filter { $0 == "Pane 1 of 7, Actors by nexus, counting events." }.count == 2)
    }

    /// Every pane reads, on the sample, an empty dataset and generated extreme data.
    @Test(arguments: ["sample", "empty", "extreme"])
    func everyPaneReadsWithoutDrawing(name: String) {
        let d: Dataset = name == "sample" ? Fixtures.sample : name == "empty" ? .empty : ExtremeData.dataset(seed: 11)
        var s = Self.linearState(dataset: d)
        for pane in PaneRegistry.all {
            Fixtures.press(&s, .character(Character(String(pane.number))))
            let spoken = pane.spoken(s)
            let text = ([spoken.heading] + spoken.lines.map(\.text)).joined(separator: "\n")
            #expect(!spoken.lines.isEmpty, "\(pane.title)")
            #expect(Self.drawing(text).isEmpty, "\(pane.title): \(String(Self.drawing(text)))")
        }
    }
}
