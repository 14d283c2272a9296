import JSONCore
import ThreatModel

extension DatasetBuilder {
    /// Gives one file's records the shape the merge gives them when no other file changes
    /// them: each event that states no nexus takes its actors' (as the merge gives those actors
    /// alone), and the events are in the merge's order. Done in place on the loader's copy,
    /// while nothing else holds it, so a merge that changes no event keeps the file's array
    /// instead of copying every event (160 bytes each) on every reload. `build` gives the same
    /// dataset with or without this; it is a saving, never a rule of its own.
    public static func prepare(_ result: inout IngestResult) {
        guard !result.events.isEmpty else { return }
        if !result.actors.isEmpty {
            let alone = Dictionary(result.actors.lazy.map { ($0.id, nexusAlone($0)) }, uniquingKeysWith: { a, _ in a })
            let parts = result.events.count >= ParallelMap.manyEvents ? 8 : 1
            ParallelMap.updateInPlace(&result.events, parts: parts) { event in
                guard !event.nexusFromActors, event.nexus == .unknown else { return }
                let theirs = Nexus.agreed(ofActors: event.actorIDs, in: alone)
                guard theirs != .unknown else { return }
                event.nexus = theirs
                event.nexusFromActors = true
            }
        }
        sortByDate(&result.events)
    }
}
