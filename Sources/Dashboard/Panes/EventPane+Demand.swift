import ThreatModel
import TerminalUI

extension EventPane {
    public static func demand(_ state: AppState) -> PaneDemand {
        let n = state.selection.eventIndices.count
        if n == 0 {
            return .empty(
                state.dataset.events.isEmpty
                    ? "no events loaded: catalogues (ATT&CK, galaxies) hold none; MISP events or reports with activity fill it"
                    : "no event in view: Backspace pops the filter")
        }
        return PaneDemand(rows: n + 1)
    }
}
