import Reports
import ThreatModel
import TerminalUI
import Analysis
import Loading

/// The one place state changes: a message in, the new state and any effects out.
public enum App {
    public static func update(_ state: inout AppState, _ message: Message) -> [Effect] {
        switch message {
        case .resize(let width, let height):
            let w = max(0, min(width, 10_000)), h = max(0, min(height, 10_000))
            guard w != state.width || h != state.height else { return [] }
            state.width = w
            state.height = h
            state.resized()
            return []
        case .tick(let now):
            state.now = now
            if let status = state.status, status.until != .infinity, now > status.until { state.status = nil }
            if state.kiosk != nil { return Kiosk.tick(&state, now: now) }
            return []
        case .reloadStarted(let at):
            state.reloadingSince = at
            return []
        case .loaded(let dataset, let at, let ms):
            state.reloadingSince = nil
            loaded(&state, dataset, at: at, milliseconds: ms)
            return []
        case .sourceChanged:
            return [.reload]
        case .exported(let path, let error):
            if let error {
                setStatus(&state, "export failed: " + error, role: .error, seconds: 15)
            } else {
                setStatus(&state, "wrote " + path, role: .ok, seconds: 10)
            }
            return []
        case .exportTargetExists(let request, let path):
            // Asked before anything is replaced: y overwrites, n or Esc goes back to the dialog.
            state.overlay = .overwrite(request, path: path)
            setStatus(&state, path + " exists: overwrite it? y or n", role: .warning, seconds: 30)
            return []
        case .mouse(let event):
            if state.kiosk != nil { return [] }
            return mouse(&state, event)
        case .key(let key):
            if state.kiosk != nil { return Kiosk.key(&state, key) }
            return self.key(&state, key)
        }
    }

    static func loaded(_ state: inout AppState, _ dataset: Dataset, at: Double, milliseconds: Double) {
        if dataset.fingerprint != 0 && dataset.fingerprint == state.dataset.fingerprint {
            // The same bytes again (files touched, not changed): nothing to aggregate anew.
            state.loadedAt = at
            state.loadMilliseconds = milliseconds
            if var k = state.kiosk, dataset.files.contains(where: { $0.loaded }) && !dataset.files.contains(where: { $0.staleSince != nil }) {
                k.dataAsOf = at
                k.rejection = nil
                state.kiosk = k
            }
            setStatus(&state, "reloaded " + Format.plural(dataset.files.count, "file") + " (unchanged)", role: .ok, seconds: 3)
            return
        }
        let before = state.dataset.problems.count
        let old = state.dataset
        state.dataset = dataset
        DeferredRelease.release(old)
        state.loadedAt = at
        state.loadMilliseconds = milliseconds
        // Chips that name what the new data no longer has stay: the view says "nothing in view".
        // A wall derives its view once, after it has noted what changed.
        if state.kiosk != nil { Kiosk.loaded(&state, at: at) } else { state.refresh() }
        let errors = dataset.errorCount
        let stale = dataset.files.filter { $0.staleSince != nil }.count
        if stale > 0 {
            setStatus(&state, "reload: " + Format.plural(stale, "file") + " rejected, last good data kept · p", role: .stale, seconds: 8)
        } else if errors > 0 || dataset.problems.count > before {
            setStatus(&state, "reloaded with " + Format.plural(dataset.problems.count, "problem") + " · p", role: .warning, seconds: 5)
        } else {
            setStatus(&state, "reloaded " + Format.plural(dataset.files.count, "file"), role: .ok, seconds: 3)
        }
    }

    /// Puts a message in the footer for `seconds` (from the state's clock).
    public static func show(_ state: inout AppState, _ text: String, role: Role = .text, seconds: Double = 3) {
        setStatus(&state, text, role: role, seconds: seconds)
    }

    static func setStatus(_ state: inout AppState, _ text: String, role: Role = .text, seconds: Double = 3) {
        state.status = AppState.Status(text: text, role: role, until: state.now + seconds)
    }

    // MARK: Keys

    static func key(_ state: inout AppState, _ key: Key) -> [Effect] {
        switch state.overlay {
        case .none: break
        case .help(let scroll): return Overlays.help(&state, key, scroll: scroll)
        case .problems(let scroll): return Overlays.problems(&state, key, scroll: scroll)
        case .search(let query, let selected): return Overlays.search(&state, key, query: query, selected: selected)
        case .prompt(let text, _): return Overlays.prompt(&state, key, text: text)
        case .export(let format, let path, _): return Overlays.export(&state, key, format: format, path: path)
        case .overwrite(let request, let path): return Overlays.overwrite(&state, key, request: request, path: path)
        }
        guard let command = Keymap.command(for: key, in: state.focus) else { return [] }
        return perform(command, &state)
    }

    /// Carries out a command: the focused pane's meaning first, then the app's.
    static func perform(_ command: Command, _ state: inout AppState) -> [Effect] {
        // Whatever the pane: the value under its cursor.
        if command == .copy { return copy(&state) }
        if let pane = PaneRegistry.pane(state.focus), pane.perform(command, &state) {
            syncDetail(&state)
            let item = pane.currentItem(state)
            for other in PaneRegistry.all where other.id != pane.id { other.follow(&state, item: item) }
            return []
        }
        switch command {
        case .quit: return [.quit]
        case .help: state.overlay = .help(scroll: 0)
        case .problems: state.overlay = .problems(scroll: 0)
        case .search:
            state.searchHistory.stopBrowsing()
            state.overlay = .search(query: "", selected: 0)
        case .prompt:
            state.promptHistory.stopBrowsing()
            state.overlay = .prompt(text: "", message: nil)
        case .nextMatch: stepSearch(&state, by: 1)
        case .previousMatch: stepSearch(&state, by: -1)
        case .halfPageDown, .halfPageUp: halfPage(command, &state)
        case .export: state.overlay = .export(format: 0, path: Exports.defaultPath(for: ExportFormat.dialogChoices[0], now: state.now), message: nil)
        case .nextPane: focus(&state, PaneRegistry.next(after: state.focus))
        case .previousPane: focus(&state, PaneRegistry.previous(before: state.focus))
        case .focus(let n):
            if n >= 1 && n <= PaneRegistry.all.count { focus(&state, PaneRegistry.all[n - 1].id) }
        case .zoom:
            state.zoomed.toggle()
            state.zoomAnchor = state.zoomed ? (state.paneStates[state.focus] as? any CursorState)?.cursor : nil
            state.resized()
        case .nextTheme:
            state.themeIndex = (state.themeIndex + 1) % state.themes.count
            setStatus(&state, "theme: " + state.theme.name, seconds: 3)
            return [.repaint]
        case .redraw: return [.repaint]
        case .nextLayout: nextLayout(&state)
        case .reload:
            setStatus(&state, "reloading…", seconds: 30)
            return [.reload]
        case .clearFilters:
            guard !state.filter.isEmpty else { return [] }
            setFilter(&state, .none)
        case .drill: drill(&state)
        case .popFilter: popFilter(&state)
        case .back:
            if state.focus == DetailPane.id {
                focus(&state, state.previousFocus == DetailPane.id ? ActorPane.id : state.previousFocus)
            } else if state.zoomed {
                state.zoomed = false
                state.zoomAnchor = nil
                state.resized()
            } else {
                popFilter(&state)
            }
        case .compare: toggleComparison(&state)
        default:
            break
        }
        return []
    }

    static func popFilter(_ state: inout AppState) {
        guard !state.filter.isEmpty else { return }
        setFilter(&state, state.filter.popping())
    }

    /// Replaces the filter and recomputes everything that follows from it.
    static func setFilter(_ state: inout AppState, _ filter: Filter) {
        state.filter = filter
        state.refresh()
        syncDetail(&state)
    }

    static func focus(_ state: inout AppState, _ pane: PaneID) {
        guard PaneRegistry.pane(pane) != nil else { return }
        if pane == DetailPane.id && state.focus != DetailPane.id { state.previousFocus = state.focus }
        state.focus = pane
        if state.zoomed { state.zoomAnchor = (state.paneStates[pane] as? any CursorState)?.cursor }
        if let place = state.layout(for: SizeClass.of(width: state.width, height: state.height)).groups.flatMap(\.places).first(where: {
            $0.panes.contains(pane)
        }),
            place.panes.count > 1
        {
            state.placeChoices[LayoutSolver.key(place)] = pane
        }
        state.resized()
        syncDetail(&state)
    }

    /// The item under the focused pane's cursor, if that pane has one.
    public static func currentItem(_ state: AppState) -> Selectable? {
        PaneRegistry.pane(state.focus)?.currentItem(state)
    }

    /// The detail pane follows the cursor of the pane in focus.
    static func syncDetail(_ state: inout AppState) {
        guard state.focus != DetailPane.id else { return }
        let item = currentItem(state)
        if item != state.detailSubject, let item {
            state.detailSubject = item
            DetailPane.modify(&state) { $0.scroll = 0 }
            // A longer subject may take more rows; a shorter one keeps them until the data,
            // filter or size change, so the panes do not jump as the cursor moves.
            let demand = DetailPane.demand(state)
            if demand.rows > state.paneDemands[DetailPane.id]?.rows ?? 0 { state.paneDemands[DetailPane.id] = demand }
        }
    }

    /// Enter: the item under the cursor becomes filter chips on every pane.
    static func drill(_ state: inout AppState) {
        guard let item = currentItem(state) else { return }
        var filter = state.filter
        for chip in item.chips { filter = filter.pushing(chip) }
        guard filter != state.filter else { return }
        state.filter = filter
        for pane in PaneRegistry.all { state.paneStates[pane.id] = resetCursor(pane, state) }
        state.refresh()
        state.detailSubject = item
        DetailPane.modify(&state) { $0.scroll = 0 }
    }

    /// A pane's state with its cursor back at the top (after a drill-down changes every list).
    static func resetCursor(_ pane: any Pane.Type, _ state: AppState) -> (any Sendable)? {
        guard var s = state.paneStates[pane.id] as? any CursorState else { return state.paneStates[pane.id] }
        s.cursor = 0
        return s
    }

    static func toggleComparison(_ state: inout AppState) {
        if state.comparison != nil {
            state.comparison = nil
            setStatus(&state, "comparison off", seconds: 3)
            return
        }
        switch Comparison.previous(state.dataset, filter: state.filter) {
        case .success(let c):
            state.comparison = c
            setStatus(&state, "comparing with " + c.baselineWindow.description, role: .accent, seconds: 5)
        case .failure(let reason):
            setStatus(&state, "cannot compare: " + reason.description, role: .warning, seconds: 6)
        }
    }

    // MARK: Mouse

    static func mouse(_ state: inout AppState, _ event: MouseEvent) -> [Effect] {
        if state.overlay != .none {
            if event.action == .press { state.overlay = .none }
            return []
        }
        let g = FrameLayout.compute(state)
        if let tabs = g.tabs, tabs.contains(x: event.x, y: event.y) {
            var x = tabs.x
            for pane in PaneRegistry.all {
                let w = TextWidth.width(of: Screen.tabLabel(pane, width: state.width), ascii: state.ascii) + 1
                if event.x < x + w { focus(&state, pane.id); return [] }
                x += w
            }
            return []
        }
        guard let (id, area) = g.panes.first(where: { $0.value.contains(x: event.x, y: event.y) }), let pane = PaneRegistry.pane(id) else { return [] }
        switch event.action {
        case .wheelUp, .wheelDown:
            let previous = state.focus
            state.focus = id
            _ = pane.perform(event.action == .wheelUp ? .up : .down, &state)
            state.focus = previous
            if previous == id { syncDetail(&state) }
            return []
        case .press, .doubleClick:
            if state.focus != id { focus(&state, id) }
            let inner = Block.inner(area)
            guard inner.contains(x: event.x, y: event.y), pane.click(x: event.x, y: event.y, area: inner, &state) else { return [] }
            syncDetail(&state)
            if event.action == .doubleClick { drill(&state) }
        }
        return []
    }
}

/// A pane state with a list cursor, so a drill-down can put every cursor back at the top.
protocol CursorState: Sendable {
    var cursor: Int { get set }
}
