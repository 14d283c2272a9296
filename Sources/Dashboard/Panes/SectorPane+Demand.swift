import ThreatModel
import TerminalUI

extension SectorPane {
    public static func demand(_ state: AppState) -> PaneDemand {
        if state.matrix.rows.isEmpty {
            return .empty(
                "no sector stated for the " + (state.matrix.measure == .actors ? "actors" : "events")
                    + " in view: sector tags (MISP sector galaxy) or STIX targets identities fill it")
        }
        let inner = FrameLayout.inner(of: id, in: state)
        return PaneDemand(rows: lines(state, area: inner, focused: false).count)
    }
}
