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
        /// Three bands or more (SizeClass medium and wide).
        case full
        /// Two bands (SizeClass short).
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
    /// Panes with nothing to show, each folded to one line saying why.
    public var folded: [Folded] = []

    /// A pane folded to one line: which, why, where.
    public struct Folded: Equatable, Sendable {
        public var pane: PaneID
        public var reason: String
        public var line: Rect
    }

    public static func mode(width: Int, height: Int) -> Mode {
        if width < minimumWidth || height < minimumHeight { return .tooSmall }
        switch SizeClass.of(width: width, height: height) {
        case .compact: return .compact
        case .short: return .wide
        case .medium, .wide: return .full
        }
    }

    public static func compute(_ state: AppState) -> FrameLayout {
        if let k = state.kiosk { return wall(k.view, width: state.width, height: state.height) }
        return compute(state, focus: state.focus)
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

    /// The frame for `state` as if `focus` had the focus (every pane asks where it would be).
    static func compute(_ state: AppState, focus: PaneID) -> FrameLayout {
        let width = state.width, height = state.height
        let area = Rect(x: 0, y: 0, width: width, height: height)
        let mode = mode(width: width, height: height)
        let parts = Layout.rows(area, [.fixed(headerHeight), .fill, .fixed(1)])
        var g = FrameLayout(mode: mode, header: parts[0], footer: parts[2], tabs: nil, panes: [:])
        if mode == .tooSmall { return g }
        let body = parts[1]
        let zoomed = state.zoomed && state.focus == focus
        if zoomed || mode == .compact {
            var paneArea = body
            if mode == .compact && !zoomed {
                let split = Layout.rows(body, [.fixed(1), .fill])
                g.tabs = split[0]
                paneArea = split[1]
                // A pane with less to show than the screen ends where its content does.
                let need = (state.paneDemands[focus] ?? .fill).framedRows
                paneArea.height = min(paneArea.height, max(LayoutSolver.minimumPlace, need))
            }
            g.panes[focus] = paneArea
            return g
        }
        let size = SizeClass.of(width: width, height: height)
        let solution = LayoutSolver.solve(state.layout(for: size), area: body, focus: focus, demands: state.paneDemands, last: state.placeChoices)
        g.panes = solution.panes
        g.folded = solution.folded
        return g
    }

    /// The rectangle `pane` has when it is on screen (as it would be if it were focused).
    public static func area(of pane: PaneID, in state: AppState) -> Rect {
        if state.kiosk != nil, let r = compute(state).panes[pane] { return r }
        let g = compute(state, focus: pane)
        return g.panes[pane] ?? Rect(x: 0, y: 0, width: state.width, height: max(0, state.height - 3))
    }

    /// The area inside a pane's border.
    public static func inner(of pane: PaneID, in state: AppState) -> Rect { Block.inner(area(of: pane, in: state)) }

    /// Between header and footer: where overlays go.
    public var overlayArea: Rect { Rect(x: 0, y: header.maxY, width: header.width, height: max(0, footer.y - header.maxY)) }
}
