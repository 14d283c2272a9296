import Analysis
import ThreatModel

extension TechniquePane {
    /// A technique, in the ranked list and in the matrix alike (whichever is drawn).
    public static func select(_ item: Selectable, _ state: inout AppState) -> Bool {
        guard case .technique(let id) = item else { return false }
        let row = listRows(state).firstIndex { $0.row.techniqueID == id }
        var cell: (column: Int, row: Int)?
        for (c, column) in state.techniques.matrix.enumerated() {
            if let r = column.rows.firstIndex(where: { $0.techniqueID == id }) { cell = (c, r); break }
        }
        guard row != nil || cell != nil else { return false }
        modify(&state) { s in
            if let row { s.cursor = row }
            if let cell { s.column = cell.column; s.row = cell.row }
        }
        return currentItem(state) == item
    }
}
