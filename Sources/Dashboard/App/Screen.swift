import ThreatModel
import TerminalUI

/// Composes a whole frame from the state: header, panes (all at once when wide, tabs when
/// small, one when zoomed), footer and overlays. Pure: same state, same frame; the live
/// terminal and `snapshot` both draw through here.
public enum Screen {
    public static let minimumWidth = 60
    public static let minimumHeight = 18

    public enum Mode: Equatable, Sendable {
        /// All four panes.
        case full
        /// Actors and sectors side by side, the timeline (or detail, when focused) below.
        case wide
        /// One pane at a time under a tab bar: 80×24 and the like.
        case compact
        case tooSmall
    }

    public struct Geometry: Equatable, Sendable {
        public var mode: Mode
        public var header: Rect
        public var footer: Rect
        public var tabs: Rect?
        public var panes: [PaneID: Rect]
    }

    public static func mode(width: Int, height: Int) -> Mode {
        if width < minimumWidth || height < minimumHeight { return .tooSmall }
        if width >= 100 && height >= 34 { return .full }
        if width >= 100 && height >= 24 { return .wide }
        return .compact
    }

    public static func geometry(_ state: AppState) -> Geometry {
        let area = Rect(x: 0, y: 0, width: state.width, height: state.height)
        let mode = mode(width: state.width, height: state.height)
        let parts = Layout.rows(area, [.fixed(HeaderBar.height), .fill, .fixed(1)])
        var g = Geometry(mode: mode, header: parts[0], footer: parts[2], tabs: nil, panes: [:])
        let body = parts[1]
        if mode == .tooSmall { return g }
        if state.zoomed || mode == .compact {
            var paneArea = body
            if mode == .compact && !state.zoomed {
                let split = Layout.rows(body, [.fixed(1), .fill])
                g.tabs = split[0]
                paneArea = split[1]
            }
            g.panes[state.focus] = paneArea
            return g
        }
        if mode == .full {
            let rows = Layout.rows(body, [.percent(44), .percent(30), .fill(min: 5, weight: 1)])
            let top = Layout.columns(rows[0], [.percent(45), .fill])
            g.panes[.actors] = top[0]
            g.panes[.sectors] = top[1]
            g.panes[.timeline] = rows[1]
            g.panes[.detail] = rows[2]
        } else {
            let rows = Layout.rows(body, [.percent(56), .fill])
            let top = Layout.columns(rows[0], [.percent(45), .fill])
            g.panes[.actors] = top[0]
            g.panes[.sectors] = top[1]
            g.panes[state.focus == .detail ? .detail : .timeline] = rows[1]
        }
        return g
    }

    /// The note on a pane's top border (measure, granularity, sort).
    static func note(_ pane: PaneID, _ state: AppState) -> String {
        switch pane {
        case .actors: return "by " + state.breakdown.measure.rawValue + (state.actorSort == .name ? " · A-Z" : "")
        case .sectors: return state.matrix.measure.rawValue + (state.sectorSort == .name ? " · A-Z" : "")
        case .timeline:
            let g = state.timelineGranularity?.rawValue ?? "auto"
            return "per " + g
        case .detail: return state.detailScroll > 0 ? "line \(state.detailScroll + 1)" : ""
        }
    }

    static func title(_ pane: PaneID, _ state: AppState) -> String {
        switch pane {
        case .detail: return DetailPane.title(state)
        case .sectors: return "Sector targeting · " + (state.matrix.measure == .actors ? "actors" : "events") + " by nexus"
        default: return pane.title
        }
    }

    public static func render(_ state: AppState) -> Buffer {
        var buffer = Buffer(width: state.width, height: state.height, ascii: state.ascii)
        buffer.fill(buffer.area, Cell(" ", style: Style(.text)))
        let g = geometry(state)
        if g.mode == .tooSmall {
            let lines = ["terminal too small", "need \(minimumWidth)×\(minimumHeight), have \(state.width)×\(state.height)", "enlarge the window, or q to quit"]
            for (k, line) in lines.enumerated() {
                let w = TextWidth.width(of: line, ascii: state.ascii)
                let y = state.height / 2 - 1 + k
                buffer.put(line, x: max(0, (state.width - w) / 2), y: y, style: Style(k == 0 ? .warning : .muted, attributes: k == 0 ? .bold : []))
            }
            return buffer
        }
        HeaderBar.render(state, into: &buffer, area: g.header)
        if let tabs = g.tabs { renderTabs(state, into: &buffer, area: tabs) }
        for pane in PaneID.allCases {
            guard let area = g.panes[pane] else { continue }
            let focused = state.focus == pane && state.overlay == .none
            Block(title: title(pane, state), note: note(pane, state), focused: state.focus == pane, glyphs: state.glyphs).render(into: &buffer, area: area)
            let inner = Block.inner(area)
            switch pane {
            case .actors: ActorPane.render(state, into: &buffer, area: inner, focused: focused)
            case .sectors: SectorPane.render(state, into: &buffer, area: inner, focused: focused)
            case .timeline: TimelinePane.render(state, into: &buffer, area: inner.inset(left: 1, right: 1), focused: focused)
            case .detail: DetailPane.render(state, into: &buffer, area: inner.inset(left: 1, right: 1), focused: focused)
            }
        }
        FooterBar.render(state, into: &buffer, area: g.footer)
        renderOverlay(state, into: &buffer, area: overlayArea(g, state))
        if let kiosk = state.kiosk { KioskScreen.decorate(state, kiosk, into: &buffer) }
        return buffer
    }

    static func renderTabs(_ state: AppState, into buffer: inout Buffer, area: Rect) {
        var x = area.x
        for pane in PaneID.allCases {
            let label = " \(pane.number) \(pane.title) "
            let style = pane == state.focus ? Style(.accent, attributes: [.reverse, .bold]) : Style(.muted)
            x += buffer.put(label, x: x, y: area.y, style: style, maxWidth: area.maxX - x)
            x += 1
            if x >= area.maxX { break }
        }
    }

    /// Between header and footer: where overlays are drawn.
    static func overlayArea(_ g: Geometry, _ state: AppState) -> Rect {
        Rect(x: 0, y: g.header.maxY, width: state.width, height: g.footer.y - g.header.maxY)
    }

    /// How far the problems overlay can scroll at the current size (its lines wrap).
    static func problemsScrollLimit(_ state: AppState) -> Int {
        problemsOverlay(state, scroll: 0).maxScroll(in: overlayArea(geometry(state), state), ascii: state.ascii)
    }

    /// Live sources with their status first, then files showing old data, then each problem.
    static func problemsOverlay(_ state: AppState, scroll: Int) -> Overlay {
        let problems = state.problems
        var lines: [(text: String, style: Style)] = []
        for f in state.dataset.files where f.status != nil {
            lines.append((f.path + ": " + f.status!, Style(f.status!.hasPrefix("error") ? .stale : .ok, attributes: .bold)))
        }
        for f in state.dataset.files where f.staleSince != nil && f.status == nil {
            lines.append((f.path + ": showing the last good data" + ((f.staleSince ?? "").isEmpty ? "" : " (stale since \(f.staleSince!))"), Style(.stale, attributes: .bold)))
        }
        if problems.isEmpty { lines.append(("No problems: every file loaded cleanly.", Style(.ok))) }
        for p in problems.prefix(2000) {
            lines.append((p.description, Style(p.severity == .error ? .error : .warning)))
        }
        return Overlay(title: "Sources and problems (\(problems.count))", note: "Esc closes", lines: lines, scroll: scroll, glyphs: state.glyphs,
                       preferredWidth: max(60, state.width - 4), wrap: true)
    }

    static func renderOverlay(_ state: AppState, into buffer: inout Buffer, area: Rect) {
        switch state.overlay {
        case .none: return
        case .help(let scroll):
            let lines = Keymap.helpLines().map { line -> (text: String, style: Style) in
                (line, line.hasPrefix("  ") || line.isEmpty ? Style(.text) : Style(.title, attributes: .bold))
            }
            Overlay(title: "Keys", note: "Esc closes", lines: lines, scroll: scroll, glyphs: state.glyphs, preferredWidth: 84).render(into: &buffer, area: area)
        case .problems(let scroll):
            problemsOverlay(state, scroll: scroll).render(into: &buffer, area: area)
        case .search(let query, let selected):
            let matches = Search.matches(state.dataset, query)
            var lines: [(text: String, style: Style)] = [("/" + query + "▏", Style(.accent, attributes: .bold))]
            if query.isEmpty {
                lines.append(("Type a name or alias (Murky, HAFNIUM, Typhoon…), a sector or a region.", Style(.muted)))
            } else if matches.isEmpty {
                lines.append(("No match. Enter filters by this text anyway; Esc cancels.", Style(.muted)))
            }
            let visible = 12
            let top = max(0, min(selected - visible / 2, matches.count - visible))
            for (k, m) in matches.enumerated().dropFirst(top).prefix(visible) {
                let pointer = k == selected ? state.glyphs.pointer + " " : "  "
                lines.append((pointer + m.label + "  (" + m.detail + ")", k == selected ? Style(.text, background: .selection, attributes: .bold) : Style(.text)))
            }
            if matches.count > visible { lines.append(("\(matches.count) matches", Style(.muted))) }
            Overlay(title: "Search", note: "Enter filter · Esc cancel", lines: lines, glyphs: state.glyphs, preferredWidth: 70)
                .render(into: &buffer, area: Rect(x: area.x, y: area.y, width: area.width, height: min(area.height, lines.count + 2)))
        }
    }
}
