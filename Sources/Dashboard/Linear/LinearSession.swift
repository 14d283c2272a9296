import Reports
import Analysis
import ThreatModel
import TerminalUI

/// Linear mode for screen readers and braille displays: the dashboard said as lines of plain
/// sentences, appended one after another (never a drawn screen, never the alternate screen).
/// At the start, an introduction and the focused pane; after each key, the focused line; and
/// whatever changed, as sentences: the pane when the focus moves, the filter, messages,
/// reloads with what they brought, live sources retrying, going stale, failing or
/// recovering, wall views and wall changes.
public struct LinearSession: Sendable {
    var last: LinearView?
    /// The facts of the last load, to say what a reload brought.
    var digest: KioskDigest?

    public init() {}

    /// True once the introduction has been said.
    public var started: Bool { last != nil }

    /// What to say after a step; `afterKey` when a key caused it, `reread` to read the pane again (Ctrl-L).
    public mutating func next(_ state: AppState, afterKey: Bool, reread: Bool = false) -> [String] {
        let now = LinearView(state)
        defer { last = now }
        guard let before = last else {
            digest = KioskDigest(state)
            return Self.introduction(state) + Self.read(state) + (state.kiosk == nil ? [Self.focusLine(state)] : [])
        }
        var out: [String] = []
        if now.loadedAt != before.loadedAt { out += reloaded(state) }
        if let status = now.status, status != before.status { out.append(Spoken.clean(status) + ".") }
        out += LiveAnnouncement.changes(state, before: before.live, now: now.live)
        if state.kiosk != nil { return out + Self.wall(state, before: before, now: now) }
        if !now.sameOverlayKind(as: before) { out += Self.opened(state) }
        if now.filter != before.filter { out.append(Self.filterSentence(state)) }
        if state.overlay == .none {
            if now.focus != before.focus || now.zoomed != before.zoomed || reread { out += Self.read(state) }
        } else if reread {
            out += Self.opened(state)
        }
        if afterKey { out.append(Self.focusLine(state)) }
        return out
    }

    // MARK: Parts

    static func introduction(_ state: AppState) -> [String] {
        var out = ["ThreatDeck, linear mode: the screen as sentences, one line after each key."]
        out.append(Spoken.clean(HeaderBar.title(state.dataset)) + ".")
        if state.dataset.hasSynthetic { out.append("Synthetic data is loaded: a generated feed, not intelligence.") }
        out += LiveAnnouncement.all(state)
        out.append(filterSentence(state))
        out.append(
            "Keys: Tab and Shift-Tab change pane, digits 1 to 6 choose one; arrows or j and k move; Enter filters by the selection; "
                + "Escape goes back; slash searches, n and N step through matches; colon types filters; Control-L reads the pane again; "
                + "question mark lists every key; q quits.")
        return out
    }

    static func filterSentence(_ state: AppState) -> String {
        let d = state.dataset, s = state.selection
        let chips = state.filter.chips.map { HeaderBar.chipLabel($0, state) }
        var text = "Filter: " + (chips.isEmpty ? "none" : Spoken.list(chips)) + ". In view: " + Format.count(s.actorIDs.count) + " of "
        text += Format.plural(d.actors.count, "actor") + ", " + Format.count(s.eventIndices.count) + " of " + Format.plural(d.events.count, "event") + "."
        return Spoken.clean(text)
    }

    /// The focused pane, heading first.
    static func read(_ state: AppState) -> [String] {
        guard let pane = PaneRegistry.pane(state.focus) else { return [] }
        let spoken = pane.spoken(state)
        return ["Pane \(pane.number) of \(PaneRegistry.all.count), " + Spoken.clean(spoken.heading)] + spoken.lines.map(\.text)
    }

    /// The one line said after a key: the row under the cursor, or what the open dialog holds.
    static func focusLine(_ state: AppState) -> String {
        switch state.overlay {
        case .none: break
        default: return LinearOverlays.focusLine(state)
        }
        guard let pane = PaneRegistry.pane(state.focus) else { return "" }
        let spoken = pane.spoken(state)
        if let item = pane.currentItem(state) {
            return spoken.line(for: item) ?? describe(item, state)
        }
        // No cursor (the detail pane): its heading and the line it is scrolled to.
        return Spoken.clean(spoken.heading) + (spoken.lines.first.map { " " + $0.text } ?? "")
    }

    /// An item no spoken row names (an empty bucket, say).
    static func describe(_ item: Selectable, _ state: AppState) -> String {
        switch item {
        case .bucket(_, let label): return Spoken.clean(label) + ": no events."
        default: return Spoken.clean(DetailPane.frameTitle(state)) + "."
        }
    }

    /// A dialog or list opened: what it is and how to leave it.
    static func opened(_ state: AppState) -> [String] { LinearOverlays.opened(state) }

    /// After a reload: what came and went, as the wall's changes say it.
    mutating func reloaded(_ state: AppState) -> [String] {
        let after = KioskDigest(state)
        defer { digest = after }
        // Files touched but not changed say nothing more than the footer's message does.
        guard let before = digest, before != after, state.kiosk == nil else { return [] }
        return KioskChanges.between(before, after, state: state, at: state.now).map { Spoken.clean($0.text) + "." }
    }

    /// The wall: a new view is named and read; new changes are said as they arrive.
    static func wall(_ state: AppState, before: LinearView, now: LinearView) -> [String] {
        guard let k = state.kiosk else { return [] }
        var out: [String] = []
        if now.kioskChanges > before.kioskChanges {
            out += k.changes.prefix(now.kioskChanges - before.kioskChanges).map { "Change: " + Spoken.clean($0.text) + "." }
        }
        if now.kioskRotations != before.kioskRotations || now.kioskView != before.kioskView {
            out.append("Wall view \(k.viewIndex + 1) of \(k.config.entries.count): " + k.view.description + ".")
            for pane in k.view.rows.joined() {
                guard let p = PaneRegistry.pane(pane) else { continue }
                let spoken = p.spoken(state)
                out += [Spoken.clean(spoken.heading)] + spoken.lines.prefix(12).map(\.text)
            }
        }
        return out
    }
}
