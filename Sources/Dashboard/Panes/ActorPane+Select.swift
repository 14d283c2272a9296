import Analysis
import ThreatModel

extension ActorPane {
    /// A nexus, motivation or actor: an actor's nexus is opened so its row is listed.
    public static func select(_ item: Selectable, _ state: inout AppState) -> Bool {
        switch item {
        case .actor(let id):
            guard let n = state.breakdown.actorsByNexus.first(where: { $0.value.contains { $0.actorID == id } })?.key else { return false }
            modify(&state) { $0.nexus = n }
        case .nexus, .nexusGroup, .motivation: break
        default: return false
        }
        guard let k = items(state).firstIndex(of: item) else { return false }
        modify(&state) { $0.cursor = k }
        return true
    }
}
