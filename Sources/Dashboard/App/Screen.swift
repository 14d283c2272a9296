import Reports
import ThreatModel
import TerminalUI

/// Composes a whole frame from the state: header, panes (several when wide, tabs when
/// small, one when zoomed), footer and overlays. Pure: same state, same frame; the live
/// terminal and `snapshot` both draw through here.
public enum Screen {
    public static let minimumWidth = FrameLayout.minimumWidth
    public static let minimumHeight = FrameLayout.minimumHeight

    /// A tab's label: "1 Actors by nexus" when the bar has room, "1 Actors" when not.
    static func tabLabel(_ pane: any Pane.Type, width: Int) -> String {
        let long = PaneRegistry.all.reduce(0) { $0 + $1.title.count + 4 } <= width
        return " \(pane.number) " + (long ? pane.title : pane.shortTitle) + " "
    }

    public static func render(_ state: AppState) -> Buffer {
        var buffer = Buffer(width: state.width, height: state.height, ascii: state.ascii)
        buffer.fill(buffer.area, Cell(" ", style: Style(.text)))
        if let kiosk = state.kiosk, let wall = KioskScreen.render(state, kiosk) { return wall }
        let g = FrameLayout.compute(state)
        if g.mode == .tooSmall {
            renderTooSmall(state, into: &buffer)
            return buffer
        }
        HeaderBar.render(state, into: &buffer, area: g.header)
        if let tabs = g.tabs { renderTabs(state, into: &buffer, area: tabs) }
        for pane in PaneRegistry.all {
            guard let area = g.panes[pane.id] else { continue }
            let focused = state.focus == pane.id && state.overlay == .none
            Block(title: pane.frameTitle(state), note: pane.note(state), focused: state.focus == pane.id, glyphs: state.glyphs).render(
                into: &buffer, area: area)
            pane.render(state, into: &buffer, area: Block.inner(area), focused: focused)
        }
        for f in g.folded { renderFolded(f, state, into: &buffer) }
        FooterBar.render(state, into: &buffer, area: g.footer)
        OverlayScreen.render(state, into: &buffer, area: g.overlayArea)
        return buffer
    }

    /// A pane with nothing to show, in one line: its key, its name and why it is empty.
    static func renderFolded(_ f: FrameLayout.Folded, _ state: AppState, into buffer: inout Buffer) {
        guard let pane = PaneRegistry.pane(f.pane) else { return }
        var x = f.line.x + 1
        x += buffer.put("\(pane.number) \(pane.title)", x: x, y: f.line.y, style: Style(.muted, attributes: .bold), maxWidth: f.line.maxX - x)
        x += buffer.put(" · " + f.reason, x: x, y: f.line.y, style: Style(.muted), maxWidth: f.line.maxX - x)
    }

    static func renderTooSmall(_ state: AppState, into buffer: inout Buffer) {
        let lines = ["terminal too small", "need \(minimumWidth)×\(minimumHeight), have \(state.width)×\(state.height)", "enlarge the window, or q to quit"]
        for (k, line) in lines.enumerated() {
            let w = TextWidth.width(of: line, ascii: state.ascii)
            let y = state.height / 2 - 1 + k
            buffer.put(line, x: max(0, (state.width - w) / 2), y: y, style: Style(k == 0 ? .warning : .muted, attributes: k == 0 ? .bold : []))
        }
    }

    static func renderTabs(_ state: AppState, into buffer: inout Buffer, area: Rect) {
        var x = area.x
        for pane in PaneRegistry.all {
            let style = pane.id == state.focus ? Style(.accent, attributes: [.reverse, .bold]) : Style(.muted)
            x += buffer.put(tabLabel(pane, width: area.width), x: x, y: area.y, style: style, maxWidth: area.maxX - x)
            x += 1
            if x >= area.maxX { break }
        }
    }
}
