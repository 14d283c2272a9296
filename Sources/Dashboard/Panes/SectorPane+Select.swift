import Analysis
import ThreatModel

extension SectorPane {
    /// A sector (in its Σ row when no column is named) or a region.
    public static func select(_ item: Selectable, _ state: inout AppState) -> Bool {
        switch item {
        case .sector(_, let column):
            let index = column.flatMap { n in state.matrix.columns.firstIndex { if case .nexus(let c) = $0 { return c == n } else { return false } } }
            if column != nil && index == nil { return false }
            modify(&state) { $0.column = index }
        case .region: break
        default: return false
        }
        guard let k = items(state).firstIndex(of: item) else { return false }
        modify(&state) { $0.cursor = k }
        return true
    }
}
