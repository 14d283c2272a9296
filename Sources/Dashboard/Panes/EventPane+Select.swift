import Analysis
import ThreatModel

extension EventPane {
    /// An event in view.
    public static func select(_ item: Selectable, _ state: inout AppState) -> Bool {
        guard case .event(let id) = item else { return false }
        let events = state.dataset.events
        guard let k = self.state(state).order.firstIndex(where: { events[$0].id == id }) else { return false }
        modify(&state) { $0.cursor = k }
        return true
    }
}
