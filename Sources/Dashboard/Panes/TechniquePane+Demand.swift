import ThreatModel
import TerminalUI

extension TechniquePane {
    public static func demand(_ state: AppState) -> PaneDemand {
        if state.techniques.ranked.isEmpty {
            return .empty("no ATT&CK technique in view: ATT&CK bundles, STIX uses and MISP attack-pattern tags fill it")
        }
        if usesMatrix(state) { return PaneDemand(rows: 2 + (state.techniques.matrix.map(\.rows.count).max() ?? 0)) }
        return PaneDemand(rows: listLines(state, area: FrameLayout.inner(of: id, in: state)).count)
    }
}
