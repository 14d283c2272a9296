import Reports
import Analysis
import ThreatModel
import TerminalUI

/// Keys that move by more than one step: search's n and N (to the next match, in whichever
/// pane lists it) and half pages (Ctrl-D, Ctrl-U), as less and vim have them.
extension App {
    /// Puts `item` under a cursor: the first pane that lists it gets the focus; an item no pane
    /// shows (a filter hides it) is described in the detail pane. False in that case.
    @discardableResult
    static func reveal(_ item: Selectable, _ state: inout AppState) -> Bool {
        for pane in PaneRegistry.all where pane.select(item, &state) {
            focus(&state, pane.id)
            syncDetail(&state)
            for other in PaneRegistry.all where other.id != pane.id { other.follow(&state, item: item) }
            return true
        }
        state.detailSubject = item
        DetailPane.modify(&state) { $0.scroll = 0 }
        focus(&state, DetailPane.id)
        return false
    }

    /// Goes to the current match of the last search and says where it is: `[2/5] /murky: …`.
    static func showMatch(_ state: inout AppState, wrapped: Bool = false) {
        guard let steps = state.lastSearch, steps.targets.indices.contains(steps.index) else { return }
        let shown = reveal(steps.targets[steps.index], &state)
        var text = steps.counter + " /" + steps.query + ": " + steps.labels[steps.index]
        if !shown { text += " is in no pane" + (state.filter.isEmpty ? "" : " under this filter") + ": described in Detail" }
        if wrapped { text += steps.index == 0 ? " · from the top again" : " · from the bottom again" }
        setStatus(&state, text + " · n next, N previous", role: shown ? .accent : .warning, seconds: 20)
    }

    static func stepSearch(_ state: inout AppState, by delta: Int) {
        guard var steps = state.lastSearch, !steps.targets.isEmpty else {
            setStatus(&state, "no search yet: / searches, then n and N step through the matches", role: .muted, seconds: 4)
            return
        }
        let wrapped = steps.step(delta)
        state.lastSearch = steps
        showMatch(&state, wrapped: wrapped)
    }

    /// Ctrl-D and Ctrl-U: half the focused pane's rows, as that many ↓ or ↑.
    static func halfPage(_ command: Command, _ state: inout AppState) {
        guard let pane = PaneRegistry.pane(state.focus) else { return }
        let rows = max(1, FrameLayout.inner(of: state.focus, in: state).height / 2)
        let step: Command = command == .halfPageDown ? .down : .up
        for _ in 0..<rows {
            guard pane.perform(step, &state) else { break }
        }
        syncDetail(&state)
        let item = pane.currentItem(state)
        for other in PaneRegistry.all where other.id != pane.id { other.follow(&state, item: item) }
    }
}
