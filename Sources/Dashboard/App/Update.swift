import ThreatModel
import TerminalUI

/// The one place state changes: a message in, the new state and any effects out.
public enum App {
    public static func update(_ state: inout AppState, _ message: Message) -> [Effect] {
        switch message {
        case .resize(let width, let height):
            let columns = state.matrixColumns
            state.width = max(0, width)
            state.height = max(0, height)
            if state.matrixColumns != columns { state.refresh() }
            return []
        case .tick(let now):
            state.now = now
            if let status = state.status, status.until != .infinity, now > status.until { state.status = nil }
            if state.kiosk != nil { return Kiosk.tick(&state, now: now) }
            return []
        case .loaded(let dataset, let at, let ms):
            let before = state.dataset.problems.count
            state.dataset = dataset
            state.loadedAt = at
            state.loadMilliseconds = ms
            state.refresh()
            if state.kiosk != nil { Kiosk.loaded(&state, at: at) }
            let errors = dataset.errorCount
            let stale = dataset.files.filter { $0.staleSince != nil }.count
            if stale > 0 {
                setStatus(&state, "reload: \(stale) file\(stale == 1 ? "" : "s") rejected, last good data kept · p", role: .stale, seconds: 8)
            } else if errors > 0 || dataset.problems.count > before {
                setStatus(&state, "reloaded with \(dataset.problems.count) problem\(dataset.problems.count == 1 ? "" : "s") · p", role: .warning, seconds: 5)
            } else {
                setStatus(&state, "reloaded \(dataset.files.count) file\(dataset.files.count == 1 ? "" : "s")", role: .ok, seconds: 3)
            }
            return []
        case .filesChanged:
            return [.reload]
        case .mouse(let event):
            if state.kiosk != nil { return [] }
            return mouse(&state, event)
        case .key(let key):
            if state.kiosk != nil { return Kiosk.key(&state, key) }
            return self.key(&state, key)
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
        case .help(let scroll):
            switch key {
            case .escape, .character("?"), .character("q"), .enter: state.overlay = .none
            case .down, .character("j"): state.overlay = .help(scroll: scroll + 1)
            case .up, .character("k"): state.overlay = .help(scroll: max(0, scroll - 1))
            case .pageDown: state.overlay = .help(scroll: scroll + 10)
            case .pageUp: state.overlay = .help(scroll: max(0, scroll - 10))
            default: break
            }
            return []
        case .problems(let scroll):
            switch key {
            case .escape, .character("p"), .character("q"), .enter: state.overlay = .none
            case .down, .character("j"): state.overlay = .problems(scroll: min(scroll + 1, Screen.problemsScrollLimit(state)))
            case .up, .character("k"): state.overlay = .problems(scroll: max(0, scroll - 1))
            case .pageDown: state.overlay = .problems(scroll: min(scroll + 10, Screen.problemsScrollLimit(state)))
            case .pageUp: state.overlay = .problems(scroll: max(0, scroll - 10))
            case .home: state.overlay = .problems(scroll: 0)
            case .end: state.overlay = .problems(scroll: Screen.problemsScrollLimit(state))
            default: break
            }
            return []
        case .search(let query, let selected):
            return search(&state, key, query: query, selected: selected)
        case .none:
            break
        }

        switch key {
        case .character("q"): return [.quit]
        case .character("?"), .function(1): state.overlay = .help(scroll: 0)
        case .character("p"): state.overlay = .problems(scroll: 0)
        case .character("/"): state.overlay = .search(query: "", selected: 0)
        case .tab: focus(&state, state.focus.next)
        case .backTab: focus(&state, state.focus.previous)
        case .character("1"): focus(&state, .actors)
        case .character("2"): focus(&state, .sectors)
        case .character("3"): focus(&state, .timeline)
        case .character("4"): focus(&state, .detail)
        case .character("z"): state.zoomed.toggle()
        case .character("t"):
            state.themeIndex = (state.themeIndex + 1) % state.themes.count
            setStatus(&state, "theme: " + state.theme.name, seconds: 3)
        case .character("r"):
            setStatus(&state, "reloading…", seconds: 30)
            return [.reload]
        case .character("x"):
            state.filter = .none
            state.refresh()
        case .enter: drill(&state)
        case .backspace, .escape:
            if !state.filter.isEmpty {
                state.filter = state.filter.popping()
                state.refresh()
            } else if state.zoomed {
                state.zoomed = false
            } else if key == .escape && state.focus == .detail {
                focus(&state, .actors)
            }
        case .character("m"):
            switch state.focus {
            case .sectors:
                state.sectorMeasure = state.sectorMeasure == .actors ? .events : .actors
            default:
                state.actorMeasure = state.breakdown.measure == .events ? .actors : .events
            }
            state.refresh()
        case .character("s"):
            switch state.focus {
            case .sectors: state.sectorSort = state.sectorSort == .count ? .name : .count
            default: state.actorSort = state.actorSort == .count ? .name : .count
            }
            state.refresh()
        case .character("["): zoomTimeline(&state, finer: true)
        case .character("]"): zoomTimeline(&state, finer: false)
        case .character("\\"): state.timelineGranularity = nil
        default:
            move(&state, key)
        }
        return []
    }

    static func focus(_ state: inout AppState, _ pane: PaneID) {
        state.focus = pane
        syncDetail(&state)
    }

    /// Cursor movement, per pane.
    static func move(_ state: inout AppState, _ key: Key) {
        let page = max(1, paneHeight(state) - 2)
        func step(_ cursor: Int, count: Int) -> Int? {
            switch key {
            case .down, .character("j"): return min(cursor + 1, max(0, count - 1))
            case .up, .character("k"): return max(0, cursor - 1)
            case .pageDown: return min(cursor + page, max(0, count - 1))
            case .pageUp: return max(0, cursor - page)
            case .home, .character("g"): return 0
            case .end, .character("G"): return max(0, count - 1)
            default: return nil
            }
        }
        switch state.focus {
        case .actors:
            let items = ActorPane.items(state)
            // → from a nexus row goes into its actors; ← from an actor goes back to its nexus.
            if key == .right || key == .character("l"), items.indices.contains(state.actorCursor), case .nexus(let n) = items[state.actorCursor] {
                state.actorNexus = n
                let updated = ActorPane.items(state)
                if let first = updated.firstIndex(where: { if case .actor = $0 { return true } else { return false } }) { state.actorCursor = first }
                break
            }
            if key == .left || key == .character("h"), items.indices.contains(state.actorCursor), case .actor = items[state.actorCursor],
               let n = state.actorNexus, let row = items.firstIndex(of: .nexus(n)) {
                state.actorCursor = row
                break
            }
            if let c = step(state.actorCursor, count: items.count) {
                state.actorCursor = c
                if items.indices.contains(c), case .nexus(let n) = items[c] { state.actorNexus = n }
                // The actor list changes with the nexus: keep the cursor on the same row.
                let updated = ActorPane.items(state)
                if items.indices.contains(c), let k = updated.firstIndex(of: items[c]) { state.actorCursor = k }
            }
        case .sectors:
            let count = SectorPane.items(state).count
            if let c = step(state.sectorRow, count: count) { state.sectorRow = c }
            let columns = state.matrix.columns.count
            switch key {
            case .left, .character("h"): state.sectorColumn = max(0, min(state.sectorColumn, columns) - 1)
            case .right, .character("l"): state.sectorColumn = min(columns, state.sectorColumn + 1)
            default: break
            }
        case .timeline:
            let width = paneWidth(state, .timeline)
            let view = TimelinePane.view(state, width: width)
            let all = view.series.buckets
            let spans = TimelinePane.spans(view)
            var index = view.offset + view.cursor
            switch key {
            case .left, .character("h"): index -= 1
            case .right, .character("l"): index += 1
            case .pageUp: index -= max(1, view.buckets.count / 2)
            case .pageDown: index += max(1, view.buckets.count / 2)
            case .home, .character("g"): index = 0
            case .end, .character("G"): index = all.count - 1
            case .down, .character("j"): state.timelineSpan = min(state.timelineSpan + 1, spans.count - 1)
            case .up, .character("k"): state.timelineSpan = max(-1, state.timelineSpan - 1)
            default: break
            }
            if !all.isEmpty {
                index = max(0, min(all.count - 1, index))
                state.timelineCursor = all[index].range.start
            }
        case .detail:
            let lines = DetailPane.lines(state).count
            switch key {
            case .down, .character("j"): state.detailScroll = min(state.detailScroll + 1, max(0, lines - 1))
            case .up, .character("k"): state.detailScroll = max(0, state.detailScroll - 1)
            case .pageDown: state.detailScroll = min(state.detailScroll + page, max(0, lines - 1))
            case .pageUp: state.detailScroll = max(0, state.detailScroll - page)
            case .home, .character("g"): state.detailScroll = 0
            case .end, .character("G"): state.detailScroll = max(0, lines - 1)
            default: break
            }
            return
        }
        syncDetail(&state)
    }

    /// The item under the focused pane's cursor, if that pane has one.
    public static func currentItem(_ state: AppState) -> Selectable? {
        switch state.focus {
        case .actors:
            let items = ActorPane.items(state)
            return items.indices.contains(state.actorCursor) ? items[state.actorCursor] : nil
        case .sectors:
            let items = SectorPane.items(state)
            return items.indices.contains(state.sectorRow) ? items[state.sectorRow] : nil
        case .timeline:
            let view = TimelinePane.view(state, width: paneWidth(state, .timeline))
            let spans = TimelinePane.spans(view)
            if state.timelineSpan >= 0, spans.indices.contains(state.timelineSpan) {
                let s = spans[state.timelineSpan]
                return .span(id: s.id, name: s.name, range: s.range)
            }
            guard view.buckets.indices.contains(view.cursor) else { return nil }
            let b = view.buckets[view.cursor]
            return .bucket(b.range, label: view.series.granularity.label(b.range))
        case .detail:
            return nil
        }
    }

    static func syncDetail(_ state: inout AppState) {
        if let item = currentItem(state), item != state.detailSubject {
            state.detailSubject = item
            state.detailScroll = 0
        }
    }

    /// Enter: the item under the cursor becomes filter chips on every pane.
    static func drill(_ state: inout AppState) {
        guard let item = currentItem(state) else { return }
        var filter = state.filter
        for chip in item.chips { filter = filter.pushing(chip) }
        guard filter != state.filter else { return }
        state.filter = filter
        state.detailSubject = item
        state.detailScroll = 0
        state.actorCursor = 0
        state.sectorRow = 0
        state.timelineSpan = -1
        state.timelineCursor = nil
        state.refresh()
        state.detailSubject = item
    }

    static func zoomTimeline(_ state: inout AppState, finer: Bool) {
        let current = state.timelineGranularity ?? TimelinePane.view(state, width: paneWidth(state, .timeline)).series.granularity
        let next = finer ? current.finer : current.coarser
        if let next { state.timelineGranularity = next }
        setStatus(&state, "timeline: per " + (next ?? current).rawValue, seconds: 2)
    }

    static func search(_ state: inout AppState, _ key: Key, query: String, selected: Int) -> [Effect] {
        let matches = Search.matches(state.dataset, query)
        switch key {
        case .escape: state.overlay = .none
        case .enter:
            state.overlay = .none
            if matches.indices.contains(selected) {
                var filter = state.filter
                for chip in matches[selected].target.chips { filter = filter.pushing(chip) }
                state.filter = filter
                state.detailSubject = matches[selected].target
            } else if !query.isEmpty {
                state.filter = state.filter.pushing(.text(query))
            }
            state.actorCursor = 0
            state.sectorRow = 0
            state.refresh()
        case .down, .tab: state.overlay = .search(query: query, selected: min(selected + 1, max(0, matches.count - 1)))
        case .up, .backTab: state.overlay = .search(query: query, selected: max(0, selected - 1))
        case .backspace, .delete:
            if query.isEmpty { state.overlay = .none } else { state.overlay = .search(query: String(query.dropLast()), selected: 0) }
        case .character(let c):
            if query.count < 80 { state.overlay = .search(query: query + String(c), selected: 0) }
        default: break
        }
        return []
    }

    // MARK: Geometry helpers

    static func paneWidth(_ state: AppState, _ pane: PaneID) -> Int {
        var probe = state
        probe.focus = pane
        let g = Screen.geometry(probe)
        let area = g.panes[pane] ?? Rect(x: 0, y: 0, width: state.width, height: state.height)
        // Timeline content sits inside the border and a one-cell margin each side.
        return max(1, area.width - 2 - (pane == .timeline || pane == .detail ? 2 : 0))
    }

    static func paneHeight(_ state: AppState) -> Int {
        let g = Screen.geometry(state)
        return max(1, (g.panes[state.focus]?.height ?? state.height) - 2)
    }

    // MARK: Mouse

    static func mouse(_ state: inout AppState, _ event: MouseEvent) -> [Effect] {
        if state.overlay != .none {
            if event.action == .press { state.overlay = .none }
            return []
        }
        let g = Screen.geometry(state)
        if let tabs = g.tabs, tabs.contains(x: event.x, y: event.y) {
            // Tab labels are laid out left to right: find which one was hit.
            var x = tabs.x
            for pane in PaneID.allCases {
                let w = TextWidth.width(of: " \(pane.number) \(pane.title) ", ascii: state.ascii) + 1
                if event.x < x + w { focus(&state, pane); return [] }
                x += w
            }
            return []
        }
        guard let (pane, area) = g.panes.first(where: { $0.value.contains(x: event.x, y: event.y) }) else { return [] }
        switch event.action {
        case .wheelUp, .wheelDown:
            let previous = state.focus
            state.focus = pane
            _ = key(&state, event.action == .wheelUp ? .up : .down)
            if previous != pane { state.focus = previous }
            return []
        case .press, .doubleClick:
            focus(&state, pane)
            let inner = Block.inner(area)
            guard inner.contains(x: event.x, y: event.y) else { return [] }
            switch pane {
            case .actors, .sectors:
                let lines = pane == .actors ? ActorPane.lines(state, area: inner, focused: true) : SectorPane.lines(state, area: inner, focused: true)
                let cursor = pane == .actors ? state.actorCursor : state.sectorRow
                let cursorLine = lines.firstIndex { $0.item == cursor }
                let top = LineList.top(lineCount: lines.count, height: inner.height, cursorLine: cursorLine)
                let index = top + event.y - inner.y
                guard lines.indices.contains(index), let item = lines[index].item else { return [] }
                if pane == .actors {
                    let before = ActorPane.items(state)
                    state.actorCursor = item
                    if before.indices.contains(item), case .nexus(let n) = before[item] { state.actorNexus = n }
                } else {
                    state.sectorRow = item
                }
            case .timeline:
                let view = TimelinePane.view(state, width: inner.width - 2)
                if let k = TimelinePane.bucket(at: event.x - (inner.x + 1) - view.gutter, view) {
                    state.timelineCursor = view.buckets[k].range.start
                    state.timelineSpan = -1
                }
            case .detail:
                return []
            }
            syncDetail(&state)
            if event.action == .doubleClick { drill(&state) }
        }
        return []
    }
}
