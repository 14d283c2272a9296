import Reports
import ThreatModel

/// Whether a wall view has anything to show, and its name for the footer: a view with nothing
/// is skipped in the rotation and named there ("skipped: What changed, no changes yet").
enum WallContent {
    /// The view's name as the footer says it.
    static func title(_ view: KioskView) -> String {
        switch view {
        case .headline: return "Headline"
        case .overview: return "Overview"
        case .changes: return "What changed"
        case .pane(let p): return PaneRegistry.pane(p)?.title ?? p.rawValue
        case .nexus(let rank): return "Nexus \(rank)"
        case .grid: return "Grid"
        }
    }

    /// Why the view has nothing to show under the wall's base filter, or nil when it has.
    /// Uses the digest of the last load (base filter), not the current view's filter.
    static func emptiness(_ view: KioskView, _ state: AppState, _ k: KioskState) -> String? {
        let d = state.dataset
        let actors = k.previous?.actorIDs.count ?? state.selection.actorIDs.count
        let events = k.previous?.eventIDs.count ?? state.selection.eventIndices.count
        if actors == 0 && events == 0 && view != .changes { return d.actors.isEmpty && d.events.isEmpty ? "no data loaded" : "nothing in view" }
        switch view {
        case .changes:
            return k.changes.isEmpty ? "no changes yet" : nil
        case .nexus(let rank):
            let leading = (k.previous?.shares ?? [:]).filter { $0.key.code != nil && $0.value > 0 }.count
            return leading < rank ? (leading == 0 ? "no stated nexus in view" : "only " + Noun("nexus", plural: "nexuses").count(leading) + " in view") : nil
        case .pane(EventPane.id):
            return events == 0 ? "no events in view" : nil
        case .pane(TimelinePane.id):
            // The wall's timeline draws event counts only (campaign spans are the desk's).
            return events == 0 ? "no dated events in view" : nil
        case .pane(TechniquePane.id):
            return state.techniques.actorsWithTechniques == 0 && !d.actors.contains(where: { !$0.techniques.isEmpty }) ? "no techniques stated" : nil
        default:
            return nil
        }
    }

    /// "What changed, no changes yet; Nexus 2, only 1 nexus in view" for the views skipped now.
    static func skipped(_ state: AppState, _ k: KioskState) -> String? {
        var seen = Set<KioskView>()
        let parts = k.config.views.compactMap { v -> String? in
            guard seen.insert(v).inserted, let why = emptiness(v, state, k) else { return nil }
            return title(v) + ", " + why
        }
        return parts.isEmpty ? nil : "skipped: " + parts.joined(separator: "; ")
    }
}
