import JSONCore
import ThreatModel

extension DatasetBuilder {
    /// The actors of all files, merged: one per identity group, with merge reasons, umbrella
    /// links and shared aliases, and each file's local actor ids mapped to merged ids.
    struct MergedActors {
        var actors: [Actor]
        /// Per result: its local actor id → the merged actor's id.
        var localToMerged: [[String: String]]
        /// Merged actor id → its nexus.
        var nexusOf: [String: Nexus]
    }

    /// Step 1 and 2 of `build`: every actor record, identity groups, one actor per group.
    static func mergeActors(_ results: [IngestResult]) -> MergedActors {
        // 1. Every actor record (on every core: a feed is 10,000 results of a few actors).
        let frozen = results
        var owned: [(result: Int, actor: Int)] = []
        owned.reserveCapacity(results.reduce(0) { $0 + $1.actors.count })
        for (r, result) in results.enumerated() { for a in result.actors.indices { owned.append((r, a)) } }
        let owners = owned
        let records = ParallelMap.map(owners.count, minimum: 512) { k in
            let (r, a) = owners[k]
            return record(frozen[r].actors[a], result: r, format: frozen[r].format, file: frozen[r].file)
        }
        let identity = Identity(records)
        let groups = identity.groups

        // 2. One actor per group, with its merge reasons; groups merge independently.
        // (A feed's 10,000 records may be 14 actors: the size is in the records, not the groups.)
        // The merged actors are numbered and linked in place: copied out of the array and
        // back, each was a retain and release of every list in it (ATT&CK + the galaxy:
        // 4,277 copies and the memmoves with them on one core).
        var actors = ParallelMap.map(groups.count, minimum: records.count >= 512 ? 2 : 64) { g in
            let ordered = groups[g].sorted { (priority(records[$0].format), $0) < (priority(records[$1].format), $1) }
            return merge(ordered.map { records[$0].actor }, labels: ordered.map { records[$0].label })
        }
        var mergedID = [String?](repeating: nil, count: records.count)
        // Each merged id is made unique here, so its position and nexus are filed as it is made.
        var position: [String: Int] = [:], nexusOf: [String: Nexus] = [:]
        position.reserveCapacity(groups.count)
        nexusOf.reserveCapacity(groups.count)
        for (g, members) in groups.enumerated() {
            let base = slug(actors[g].name)
            var id = base
            var n = 2
            while position[id] != nil {
                id = base + "-\(n)"
                n += 1
            }
            position[id] = g
            nexusOf[id] = actors[g].nexus
            actors[g].id = id
            actors[g].identity.reasons = identity.reasonsByGroup[g] + actors[g].identity.reasons
            for m in members { mergedID[m] = id }
        }
        // Umbrellas and shared aliases, in merged ids.
        for (g, joined) in identity.umbrellaLinks {
            actors[g].identity.umbrellaOf = joined.compactMap { groups.indices.contains($0) ? mergedID[groups[$0][0]] : nil }
        }
        for k in actors.indices where !actors[k].identity.umbrellaOf.isEmpty {
            for t in actors[k].identity.umbrellaOf { if let p = position[t] { actors[p].identity.umbrellas.append(actors[k].id) } }
        }
        for (alias, gs) in identity.sharedAliases {
            let ids = gs.compactMap { mergedID[groups[$0][0]] }
            for a in ids {
                guard let p = position[a], actors[p].identity.overlaps.count < 40 else { continue }
                for b in ids where b != a {
                    actors[p].identity.overlaps.append(ActorIdentity.Overlap(actorID: b, alias: alias, how: identity.sharedHow[alias] ?? "an alias of both"))
                }
            }
        }

        var mergedIDs: [[String: String]] = Array(repeating: [:], count: results.count)
        for i in records.indices {
            if let m = mergedID[i] { mergedIDs[records[i].result][records[i].actor.id] = m }
        }
        // Each record holds a copy of its actor: thousands of lists, freed off this thread.
        Discard.elsewhere(consume records)
        return MergedActors(actors: actors, localToMerged: mergedIDs, nexusOf: nexusOf)
    }
}
