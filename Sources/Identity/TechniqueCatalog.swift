import JSONCore
import ThreatModel

extension DatasetBuilder {
    /// One technique catalogue for all files (the most complete description of each id) and
    /// the tactic columns, in the data's own order, domains in the order they were loaded.
    static func techniqueCatalog(_ results: [IngestResult]) -> ([TechniqueInfo], [TacticInfo]) {
        var byID: [String: TechniqueInfo] = [:]
        var order: [String] = []
        for r in results {
            for t in r.techniques {
                if let existing = byID[t.id] {
                    // Prefer what describes it (ATT&CK's object) over a bare name from a tag.
                    if existing.description == nil && t.description != nil || existing.tactics.isEmpty && !t.tactics.isEmpty { byID[t.id] = t }
                } else {
                    byID[t.id] = t
                    order.append(t.id)
                }
            }
        }
        var tactics: [TacticInfo] = []
        for r in results { for t in r.tactics where !tactics.contains(where: { $0.shortName == t.shortName && $0.domain == t.domain }) { tactics.append(t) } }
        // One column per tactic short name: ICS and enterprise share some (e.g. collection).
        var seen: Set<String> = []
        tactics = tactics.filter { seen.insert($0.shortName).inserted }
        // An entry that does not place itself in the matrix (a converted report's attack
        // pattern with only a name and id) takes ATT&CK's own name and tactics.
        for id in order {
            guard var t = byID[id], t.tactics.isEmpty, let known = AttackVocabulary.technique(id) else { continue }
            t.name = known.name
            t.tactics = known.tactics
            t.domain = t.domain ?? known.domain
            t.url = t.url ?? known.url
            byID[id] = t
        }
        return (order.compactMap { byID[$0] }, tactics)
    }

    /// What step 4 of `build` finds: one technique catalogue, the matrix's tactic columns,
    /// each actor's technique ids (direct, through campaigns, from tagged events; sorted) and
    /// the procedures that say how.
    struct TechniqueFindings {
        var catalog: [TechniqueInfo]
        var tactics: [TacticInfo]
        var used: [[String]]
        /// Per actor: what it uses only through campaigns attributed to it.
        var campaignOnly: [[String]]
        var procedures: [Procedure]
    }

    /// One actor's technique ids, sorted, and those the catalogue lacks (id or parent).
    struct ActorTechniqueIDs: Sendable {
        var used: [String]
        var campaignOnly: [String]
        var missing: [String]
    }

    /// Step 4 of `build`, over the merged and sorted actors and events.
    static func techniques(_ results: [IngestResult], actors: [Actor], events: [Event], localToMerged: [[String: String]]) -> TechniqueFindings {
        let (catalog, tactics) = techniqueCatalog(results)
        let finalPosition = Dictionary(actors.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        // Each use and tagged event by its actor, and the procedures in the files' order;
        // the sets are then made per actor on every core (ATT&CK: 8,984 uses of 166 actors,
        // three set insertions each, were 10 M instructions of the serial build).
        var uses: [(id: String, viaCampaign: Bool)] = []
        var usesOf = [[Int]](repeating: [], count: actors.count)
        var procedures: [Procedure] = []
        for (r, result) in results.enumerated() {
            for u in result.uses {
                guard let merged = localToMerged[r][u.actorID], let p = finalPosition[merged] else { continue }
                usesOf[p].append(uses.count)
                uses.append((u.techniqueID, u.via != nil))
                procedures.append(
                    Procedure(
                        actorPosition: p, techniqueID: u.techniqueID, description: u.description,
                        references: u.references, source: u.source, via: u.via))
            }
        }
        // Events tagged with techniques (MISP) count for their actors too.
        var eventsOf = [[Int]](repeating: [], count: actors.count)
        for (k, e) in events.enumerated() where !e.techniques.isEmpty {
            for a in e.actorIDs { if let p = finalPosition[a] { eventsOf[p].append(k) } }
        }
        let catalogIDs = Set(catalog.map(\.id))
        let (allUses, usesByActor, eventsByActor) = (uses, usesOf, eventsOf)
        let perActor = ParallelMap.map(actors.count) { p in
            var used: Set<String> = [], direct: Set<String> = [], viaCampaign: Set<String> = []
            for t in actors[p].techniques { if let id = t.attackID { used.insert(id); direct.insert(id) } }
            for k in usesByActor[p] {
                let u = allUses[k]
                used.insert(u.id)
                if u.viaCampaign { viaCampaign.insert(u.id) } else { direct.insert(u.id) }
            }
            for k in eventsByActor[p] {
                used.formUnion(events[k].techniques)
                direct.formUnion(events[k].techniques)
            }
            // Only what the catalogue lacks, id or parent, is sorted and added (ATT&CK: none of
            // its actors' 10,000 uses; sorting each actor's set showed in a cold open).
            let missing = used.filter { !catalogIDs.contains($0) || !catalogIDs.contains(TechniqueInfo.root($0)) }
            return ActorTechniqueIDs(used: used.sorted(), campaignOnly: viaCampaign.subtracting(direct).sorted(), missing: missing.sorted())
        }
        var knownIDs = catalogIDs
        var fullCatalog = catalog
        // Named but not described (a native report, a MISP tag): ATT&CK's own entry when
        // ThreatDeck knows it, else a bare one, so filters and the matrix still find it.
        func addBare(_ id: String, name: String?) {
            // A sub-technique's parent belongs in the catalogue too (it is the matrix cell),
            // also when the data describes the sub-technique but not its parent.
            let root = TechniqueInfo.root(id)
            if root != id { addBare(root, name: nil) }
            guard !knownIDs.contains(id) else { return }
            knownIDs.insert(id)
            if let known = AttackVocabulary.technique(id) { fullCatalog.append(known) } else { fullCatalog.append(TechniqueInfo(id: id, name: name ?? id)) }
        }
        // In actor order, so a bare entry takes the name the first actor that lacks it gives.
        for (p, ids) in perActor.enumerated() {
            for id in ids.missing { addBare(id, name: actors[p].techniques.first { $0.attackID == id }?.name) }
        }
        for e in events { for id in e.techniques { addBare(id, name: nil) } }
        for r in results { for t in r.techniques where !knownIDs.contains(t.id) { addBare(t.id, name: t.name) } }
        // Matrix columns: the data's own tactics, else ATT&CK's for the domains its techniques come from.
        var tacticColumns = tactics
        if tacticColumns.isEmpty {
            var domains: [String] = []
            for t in fullCatalog { if let d = t.domain, !domains.contains(d) { domains.append(d) } }
            for d in domains.isEmpty ? ["enterprise-attack"] : domains {
                for t in AttackVocabulary.tactics(d) where !tacticColumns.contains(where: { $0.shortName == t.shortName }) { tacticColumns.append(t) }
            }
        }
        return TechniqueFindings(
            catalog: fullCatalog, tactics: tacticColumns, used: perActor.map(\.used), campaignOnly: perActor.map(\.campaignOnly), procedures: procedures)
    }
}
