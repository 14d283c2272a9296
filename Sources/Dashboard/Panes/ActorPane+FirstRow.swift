import ThreatModel
import Analysis

extension ActorPane {
    /// Puts the cursor on the largest nexus row (never a zero row such as "Disputed 0" when
    /// the data is mostly of unknown nexus): the first selection is where the data is.
    static func startOnLargestRow(_ state: inout AppState) {
        let rows = nexusRows(state)
        guard let largest = rows.indices.max(by: { (rows[$0].count, $1) < (rows[$1].count, $0) }), rows[largest].count > 0 else { return }
        modify(&state) { $0.cursor = largest }
    }
}
