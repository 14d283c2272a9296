import ThreatModel
import TerminalUI

extension ActorPane {
    public static func demand(_ state: AppState) -> PaneDemand {
        if state.selection.actorIDs.isEmpty && state.selection.eventIndices.isEmpty {
            return .empty(
                state.dataset.actors.isEmpty
                    ? "no actors loaded: a report, ATT&CK or a MISP galaxy names them" : "no actor or event in view: Backspace pops the filter")
        }
        return PaneDemand(rows: lines(state, area: FrameLayout.inner(of: id, in: state)).count)
    }
}
