import Foundation
import Reports
import Testing
import TerminalUI
import TestSupport
import ThreatModel
@testable import Dashboard
import Loading

/// The whole app in-process, driven by random messages: every key of the keymap, mouse
/// events anywhere, resizes from 1×1 to 400×120, ticks, reloads, searches and prompts typed,
/// filters pushed and popped, over the sample, an empty dataset, real ATT&CK and MISP data
/// and generated extreme data. After every step: nothing trapped, every cursor is in range,
/// the frame is exactly the size, and every count drawn equals the aggregate's value.
/// Each run prints its seed; `THREATDECK_SEED=N swift test --filter PropertyTests` replays it.
@Suite struct PropertyTests {
    static var datasets: [(String, Dataset)] {
        var out: [(String, Dataset)] = [("sample", Fixtures.sample), ("empty", .empty)]
        for (name, path) in [("ics", "/stix/ics-attack-18.1.json"), ("misp-galaxy", "/misp-galaxy/threat-actor.json"), ("misp-events", "/misp-events")] {
            var loader = DatasetLoader(paths: [TestPaths.sharedData + path])
            out.append((name, loader.load()))
        }
        out.append(("extreme", ExtremeData.dataset(seed: 7)))
        return out
    }

    /// Keys worth pressing: every binding's keys, the digits, letters for search and prompts.
    static let keys: [Key] = {
        var keys = Keymap.globalBindings.flatMap(\.keys)
        for p in PaneRegistry.all { keys += p.bindings.flatMap(\.keys) }
        keys += "1234567890abcdefghijklmnopqrstuvwxyzACGS:/?[]\\ -.\"".map { .character($0) }
        keys += [
            .enter, .escape, .backspace, .tab, .backTab, .delete, .control("l"), .control("u"), .control("d"), .control("n"), .control("p"),
            .function(1), .function(5), .pageUp, .pageDown, .up, .down,
        ]
        return keys
    }()

    static func seed() -> UInt64 {
        if let s = ProcessInfo.processInfo.environment["THREATDECK_SEED"], let v = UInt64(s) { return v }
        return UInt64(Date().timeIntervalSince1970 * 1000)
    }

    /// A dataset's name as a number, the same in every process (FNV-1a of its bytes, 16 bits):
    /// `hashValue` is seeded per process, so a printed seed did not replay a failure.
    static func stableHash(_ name: String) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in name.utf8 { h = (h ^ UInt64(b)) &* 0x0000_0100_0000_01b3 }
        return h & 0xFFFF
    }

    static func randomMessage(_ g: inout SplitMix, _ state: AppState) -> Message {
        switch g.below(100) {
        case 0..<70: return .key(g.pick(keys))
        case 70..<80:
            let actions: [MouseEvent.Action] = [.press, .doubleClick, .wheelUp, .wheelDown]
            return .mouse(MouseEvent(g.pick(actions), x: g.below(max(1, state.width + 2)) - 1, y: g.below(max(1, state.height + 2)) - 1))
        case 80..<88:
            // Sizes from 1×1 to 400×120, often the common ones.
            let common = [(80, 24), (120, 40), (200, 60), (60, 18), (59, 17), (100, 24), (100, 34)]
            if g.chance(0.5) { let (w, h) = g.pick(common); return .resize(width: w, height: h) }
            return .resize(width: 1 + g.below(400), height: 1 + g.below(120))
        case 88..<94: return .tick(now: state.now + Double(g.below(3600)))
        case 94..<96: return .loaded(state.dataset, at: state.now, milliseconds: 3)
        case 96: return .reloadStarted(at: state.now)
        default:
            if g.chance(0.3) { return .exportTargetExists(ExportRequest(format: .markdown, path: "/tmp/x.md"), path: "/tmp/x.md") }
            return .exported(path: "x.md", error: g.chance(0.5) ? nil : "disk full")
        }
    }

    /// The invariants that must hold after every step.
    static func check(_ s: AppState, _ frame: Buffer, context: String) -> [String] {
        var out: [String] = []
        if frame.width != s.width || frame.height != s.height { out.append("frame \(frame.width)x\(frame.height) for a \(s.width)x\(s.height) state") }
        let actorItems = ActorPane.items(s).count
        if ActorPane.state(s).cursor < 0 || (actorItems > 0 && ActorPane.state(s).cursor >= actorItems) {
            out.append("actor cursor \(ActorPane.state(s).cursor) of \(actorItems)")
        }
        let sectorItems = SectorPane.items(s).count
        if SectorPane.state(s).cursor < 0 || (sectorItems > 0 && SectorPane.state(s).cursor >= sectorItems) { out.append("sector cursor out of range") }
        if let c = SectorPane.state(s).column, c < 0 || c >= s.matrix.columns.count { out.append("sector column \(c) of \(s.matrix.columns.count)") }
        let t = TechniquePane.state(s)
        let rows = TechniquePane.listRows(s).count
        if t.cursor < 0 || (rows > 0 && t.cursor >= rows) { out.append("technique cursor out of range") }
        let e = EventPane.state(s)
        if e.cursor < 0 || (!e.order.isEmpty && e.cursor >= e.order.count) { out.append("event cursor out of range") }
        if e.order.count != s.selection.eventIndices.count {
            out.append("event table has \(e.order.count) rows for \(s.selection.eventIndices.count) events in view")
        }
        if DetailPane.state(s).scroll < 0 { out.append("detail scroll negative") }
        out += countsOnScreen(s, frame)
        return out.map { context + ": " + $0 }
    }

    /// Every number drawn in the nexus rows, the sector totals, the header and the timeline
    /// readout equals the aggregate's: no digit overwritten, no count from another filter.
    static func countsOnScreen(_ s: AppState, _ frame: Buffer) -> [String] {
        var out: [String] = []
        guard s.kiosk == nil, s.overlay == .none, FrameLayout.mode(width: s.width, height: s.height) != .tooSmall else { return out }
        let g = FrameLayout.compute(s)
        let lines = frame.lines
        // Header: "a/b actors · c/d events" as far as it is shown.
        let header = lines.first ?? ""
        let actors = "\(Format.count(s.selection.actorIDs.count))/\(Format.count(s.dataset.actors.count)) actors"
        if header.contains(" actors") && header.contains("/") && !header.contains(actors) && !header.contains("…") {
            out.append("header shows no \"\(actors)\": \(header)")
        }
        // Actors pane: "count share" at the end of a nexus row must be a row of the breakdown.
        if let area = g.panes[.actors] {
            let pairs = Set(s.breakdown.folded(countries: ActorPane.shownCountries).map { Format.count($0.count) + "|" + Format.percent($0.share) })
            for y in area.y + 1..<area.maxY - 1 where y < lines.count {
                let row = Array(lines[y]).dropFirst(area.x).prefix(area.width)
                let text = String(row)
                guard let pct = text.range(of: #"\s(\d[\d,]*)\s+(\d{1,3}\.\d%)"#, options: .regularExpression), s.comparison == nil else { continue }
                let parts = text[pct].split(separator: " ", omittingEmptySubsequences: true)
                guard parts.count == 2 else { continue }
                if !pairs.contains(String(parts[0]) + "|" + String(parts[1])) { out.append("actors pane row \"\(text)\" matches no nexus row") }
            }
        }
        // Timeline readout: "LABEL: N events" is the cursor bucket's own count.
        if let area = g.panes[.timeline], let series = TimelinePane.state(s).series, !series.buckets.isEmpty, area.height > 2, area.y + 1 < lines.count {
            let readout = String(Array(lines[area.y + 1]).dropFirst(area.x + 2).prefix(area.width - 4))
            if let r = readout.range(of: #"^[^:]+: ([\d,]+) events?"#, options: .regularExpression) {
                let v = TimelinePane.view(s)
                let expected = Format.count(v.buckets[v.cursor].count)
                let shown = readout[r].split(separator: ":").last!.split(separator: " ").first!
                if String(shown) != expected { out.append("timeline readout \(shown) for a bucket of \(expected)") }
            }
        }
        // Sector pane: the Σ column of each row is a row total of the matrix.
        if let area = g.panes[.sectors], !s.matrix.rows.isEmpty {
            let totals = Set(
                s.matrix.rows.map { Format.count($0.total) } + [Format.count(s.matrix.grandTotal)] + s.matrix.regions.map { Format.count($0.count) })
            for y in area.y + 2..<area.maxY - 1 where y < lines.count {
                let text = String(Array(lines[y]).dropFirst(area.x + 1).prefix(area.width - 3))
                guard let r = text.range(of: #"(\d[\d,]*)\s*$"#, options: .regularExpression) else { continue }
                let n = text[r].trimmingCharacters(in: .whitespaces)
                if !totals.contains(n) { out.append("sector pane row ends in \(n), no total: \"\(text)\"") }
            }
        }
        return out
    }

    @Test func randomMessagesKeepEveryInvariant() {
        let seed = Self.seed()
        print("PropertyTests seed: \(seed) (THREATDECK_SEED=\(seed) replays it)")
        var failures: [String] = []
        for (name, dataset) in Self.datasets {
            var g = SplitMix(seed: seed ^ Self.stableHash(name))
            var o = Fixtures.options(120, 40, dataset: dataset)
            o.savedViews = ["tech": ["sector:technology"]]
            var state = AppState.start(o)
            var history: [String] = []
            for step in 0..<600 {
                let message = Self.randomMessage(&g, state)
                history.append(Self.describe(message))
                var effects = App.update(&state, message)
                // Effects the run loop performs: a reload gives a loaded message back.
                var guardrail = 0
                while !effects.isEmpty && guardrail < 5 {
                    let e = effects.removeFirst()
                    if e == .reload { effects += App.update(&state, .loaded(dataset, at: state.now, milliseconds: 1)) }
                    guardrail += 1
                }
                if state.width > 400 || state.height > 120 { continue }
                let frame = Screen.render(state)
                let problems = Self.check(state, frame, context: "\(name) step \(step) after \(history.suffix(6).joined(separator: ", "))")
                if !problems.isEmpty {
                    failures += problems
                    break
                }
            }
        }
        #expect(failures.isEmpty, "seed \(seed):\n\(failures.prefix(10).joined(separator: "\n"))")
    }

    /// Linear mode under the same random messages: every key is answered with a line, and no
    /// line holds a drawing character (box, block, shade, braille) or a control character.
    @Test func linearModeSaysEveryKeyInWords() {
        let seed = Self.seed()
        var failures: [String] = []
        for (name, dataset) in Self.datasets {
            var g = SplitMix(seed: seed ^ 0x5eed ^ Self.stableHash(name))
            var o = Fixtures.options(120, 40, dataset: dataset)
            o.linear = true
            var state = AppState.start(o)
            var speech = LinearSession()
            _ = speech.next(state, afterKey: false)
            for step in 0..<300 {
                let message = Self.randomMessage(&g, state)
                let effects = App.update(&state, message)
                if state.width > 400 || state.height > 120 { continue }
                var isKey = false
                if case .key = message { isKey = true }
                let said = speech.next(state, afterKey: isKey, reread: effects.contains(.repaint))
                let bad = said.joined().unicodeScalars.filter {
                    (0x2500...0x259F).contains($0.value) || (0x2800...0x28FF).contains($0.value) || $0.value < 0x20
                }
                if !bad.isEmpty { failures.append("\(name) step \(step) after \(Self.describe(message)): \(String(String.UnicodeScalarView(bad)))") }
                if isKey && (said.last ?? "").isEmpty { failures.append("\(name) step \(step): \(Self.describe(message)) said nothing") }
                if !failures.isEmpty { break }
            }
        }
        #expect(failures.isEmpty, "seed \(seed):\n\(failures.prefix(10).joined(separator: "\n"))")
    }

    /// Kiosk mode on a simulated day: rotation, reloads, keys ignored, every view drawn.
    @Test func kioskSurvivesRandomMessages() {
        let seed = Self.seed()
        var g = SplitMix(seed: seed)
        var o = Fixtures.options(160, 48)
        o.kiosk = KioskConfig(rotateSeconds: 5, views: KioskView.defaultRotation + [.grid([[.actors, .techniques], [.events]])], shiftSeconds: 60)
        var state = AppState.start(o)
        var views: Set<String> = []
        for _ in 0..<400 {
            let m: Message = g.chance(0.6) ? .tick(now: state.now + Double(1 + g.below(9))) : Self.randomMessage(&g, state)
            _ = App.update(&state, m)
            let frame = Screen.render(state)
            #expect(frame.width == state.width && frame.height == state.height)
            if let k = state.kiosk { views.insert(k.view.description) }
        }
        #expect(views.count >= 5, "seed \(seed): only \(views.sorted())")
    }

    static func describe(_ m: Message) -> String {
        switch m {
        case .key(let k): return "key " + MessageScript.name(of: k)
        case .mouse(let e): return "mouse \(e.action) \(e.x) \(e.y)"
        case .resize(let w, let h): return "resize \(w) \(h)"
        case .tick(let t): return "tick \(Int(t))"
        case .loaded: return "loaded"
        case .reloadStarted: return "reloadStarted"
        case .sourceChanged: return "sourceChanged"
        case .exported: return "exported"
        case .exportTargetExists: return "exportTargetExists"
        }
    }
}
