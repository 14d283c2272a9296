import ThreatModel
import TerminalUI

extension IndicatorPane {
    public static func demand(_ state: AppState) -> PaneDemand {
        let n = Self.state(state).order.count
        if n == 0 {
            return .empty(
                state.dataset.indicators.isEmpty
                    ? "no indicators loaded: MISP events' attributes fill it" : "no indicator in view: Backspace pops the filter")
        }
        return PaneDemand(rows: n + 1)
    }
}
