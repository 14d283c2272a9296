import ThreatModel
import Reports
import TerminalUI

/// Where the header, footer, tabs and each visible pane go for a size, focus and zoom: the
/// one geometry that drawing, mouse hits and page sizes all use. Pure.
public struct FrameLayout: Equatable, Sendable {
    public static let minimumWidth = 60
    public static let minimumHeight = 18
    public static let headerHeight = 2

    public enum Mode: Equatable, Sendable {
        /// Top row (left and right slots), middle band, bottom band.
        case full
        /// Top row, and one band below shared by the middle and bottom slots.
        case wide
        /// One pane at a time under a tab bar: 80×24 and the like.
        case compact
        case tooSmall
    }

    public var mode: Mode
    public var header: Rect
    public var footer: Rect
    public var tabs: Rect?
    public var panes: [PaneID: Rect]

    public static func mode(width: Int, height: Int) -> Mode {
        if width < minimumWidth || height < minimumHeight { return .tooSmall }
        if width >= 100 && height >= 34 { return .full }
        if width >= 100 && height >= 24 { return .wide }
        return .compact
    }

    public static func compute(_ state: AppState) -> FrameLayout {
        if let k = state.kiosk { return wall(k.view, width: state.width, height: state.height) }
        return compute(width: state.width, height: state.height, focus: state.focus, zoomed: state.zoomed, slotPanes: state.slotPanes)
    }

    /// A wall view: header (clock, freshness), the view's panes in a grid of rows, and a
    /// ticker line. The whole frame is one cell smaller each way, for the screen-care shift.
    public static func wall(_ view: KioskView, width: Int, height: Int) -> FrameLayout {
        let w = max(0, width - 1), h = max(0, height - 1)
        let area = Rect(x: 0, y: 0, width: w, height: h)
        let parts = Layout.rows(area, [.fixed(headerHeight), .fill, .fixed(1)])
        var g = FrameLayout(mode: width < minimumWidth || height < minimumHeight ? .tooSmall : .full, header: parts[0], footer: parts[2], tabs: nil, panes: [:])
        let rows = view.rows
        guard !rows.isEmpty, g.mode != .tooSmall else { return g }
        let bands = Layout.rows(parts[1], rows.map { _ in .fill })
        for (r, row) in rows.enumerated() {
            let cells = Layout.columns(bands[r], row.map { _ in .fill })
            for (c, pane) in row.enumerated() where g.panes[pane] == nil { g.panes[pane] = cells[c] }
        }
        return g
    }

    public static func compute(width: Int, height: Int, focus: PaneID, zoomed: Bool, slotPanes: [PaneSlot: PaneID]) -> FrameLayout {
        let area = Rect(x: 0, y: 0, width: width, height: height)
        let mode = mode(width: width, height: height)
        let parts = Layout.rows(area, [.fixed(headerHeight), .fill, .fixed(1)])
        var g = FrameLayout(mode: mode, header: parts[0], footer: parts[2], tabs: nil, panes: [:])
        if mode == .tooSmall { return g }
        let body = parts[1]
        if zoomed || mode == .compact {
            var paneArea = body
            if mode == .compact && !zoomed {
                let split = Layout.rows(body, [.fixed(1), .fill])
                g.tabs = split[0]
                paneArea = split[1]
            }
            g.panes[focus] = paneArea
            return g
        }
        /// The pane a slot shows: the focused one when it lives there, else the last shown.
        func shown(_ slot: PaneSlot) -> PaneID {
            if let p = PaneRegistry.pane(focus), p.slot == slot { return focus }
            if let last = slotPanes[slot] { return last }
            return PaneRegistry.all.first { $0.slot == slot }?.id ?? focus
        }
        if mode == .full {
            let rows = Layout.rows(body, [.percent(44), .percent(30), .fill(min: 5, weight: 1)])
            let top = Layout.columns(rows[0], [.percent(45), .fill])
            g.panes[shown(.left)] = top[0]
            g.panes[shown(.right)] = top[1]
            g.panes[shown(.middle)] = rows[1]
            g.panes[shown(.bottom)] = rows[2]
        } else {
            let rows = Layout.rows(body, [.percent(56), .fill])
            let top = Layout.columns(rows[0], [.percent(45), .fill])
            g.panes[shown(.left)] = top[0]
            g.panes[shown(.right)] = top[1]
            // Middle and bottom share the band: the bottom (detail) only while focused.
            let focusedSlot = PaneRegistry.pane(focus)?.slot
            g.panes[focusedSlot == .bottom ? focus : shown(.middle)] = rows[1]
        }
        return g
    }

    /// The rectangle `pane` has when it is on screen (as it would be if it were focused).
    public static func area(of pane: PaneID, in state: AppState) -> Rect {
        if state.kiosk != nil, let r = compute(state).panes[pane] { return r }
        let g = compute(width: state.width, height: state.height, focus: pane, zoomed: state.zoomed && state.focus == pane,
                        slotPanes: state.slotPanes)
        return g.panes[pane] ?? Rect(x: 0, y: 0, width: state.width, height: max(0, state.height - 3))
    }

    /// The area inside a pane's border.
    public static func inner(of pane: PaneID, in state: AppState) -> Rect { Block.inner(area(of: pane, in: state)) }

    /// Between header and footer: where overlays go.
    public var overlayArea: Rect { Rect(x: 0, y: header.maxY, width: header.width, height: max(0, footer.y - header.maxY)) }
}
