import ThreatModel
/// ATT&CK techniques by how many actors in view use them: ranked, and as a matrix with one
/// column per tactic in kill-chain order. An actor uses a technique when an intrusion set or
/// threat actor `uses` it, a campaign attributed to it does, its native `techniques` or its
/// MISP event tags name it. Sub-techniques roll up into their parent (an actor using
/// T1566.001 counts once for T1566) and are listed under it. Revoked and deprecated objects
/// and relationships were dropped at ingest and never count.
public struct TechniqueUsage: Sendable {
    public struct Row: Sendable, Equatable {
        public var techniqueID: String
        public var name: String
        public var tactics: [String]
        /// Positions in `Dataset.actors`, ascending.
        public var actorPositions: [Int]
        public var count: Int { actorPositions.count }
        public var subtechniques: [Row]
    }

    public struct Column: Sendable, Equatable {
        public var tactic: TacticInfo
        public var rows: [Row]
    }

    /// Parents, most used first (ties by id).
    public var ranked: [Row]
    /// Tactic columns that have techniques in view, in the data's kill-chain order.
    public var matrix: [Column]
    public var maxCount: Int
    public var actorsInView: Int
    public var actorsWithTechniques: Int

    public static let empty = TechniqueUsage(ranked: [], matrix: [], maxCount: 0, actorsInView: 0, actorsWithTechniques: 0)

    /// The row of a technique or sub-technique, if anyone in view uses it.
    public func row(_ id: String) -> Row? {
        let root = TechniqueInfo.root(id)
        guard let parent = ranked.first(where: { $0.techniqueID == root }) else { return nil }
        return root == id ? parent : parent.subtechniques.first { $0.techniqueID == id }
    }

    public static func compute(_ dataset: Dataset, selection: Selection) -> TechniqueUsage {
        var byRoot: [String: [Int]] = [:]
        var bySub: [String: [Int]] = [:]
        var inView = 0, withTechniques = 0
        for p in dataset.actors.indices where selection.actorMask[p] {
            inView += 1
            let used = dataset.actorTechniques[p]
            if used.isEmpty { continue }
            withTechniques += 1
            // An actor's positions are appended together, so a root already counted for this
            // actor is the one whose list ends with it: no set of roots per actor.
            for id in used {
                let root = TechniqueInfo.root(id)
                if byRoot[root]?.last != p { byRoot[root, default: []].append(p) }
                if root != id { bySub[id, default: []].append(p) }
            }
        }
        guard !byRoot.isEmpty else {
            return TechniqueUsage(ranked: [], matrix: [], maxCount: 0, actorsInView: inView, actorsWithTechniques: 0)
        }
        var subsOf: [String: [String]] = [:]
        for id in bySub.keys { subsOf[TechniqueInfo.root(id), default: []].append(id) }
        func info(_ id: String) -> (name: String, tactics: [String]) {
            if let k = dataset.techniqueIndex(id) { return (dataset.techniqueCatalog[k].name, dataset.techniqueCatalog[k].tactics) }
            return (id, [])
        }
        var ranked: [Row] = []
        for (root, actors) in byRoot {
            var subs: [Row] = []
            for sub in subsOf[root] ?? [] {
                let i = info(sub)
                subs.append(Row(techniqueID: sub, name: i.name, tactics: i.tactics, actorPositions: bySub[sub]!, subtechniques: []))
            }
            subs.sort { ($0.count, $1.techniqueID) > ($1.count, $0.techniqueID) }
            var i = info(root)
            // A parent known only through its sub-techniques takes their tactics.
            if i.tactics.isEmpty { i.tactics = Array(Set(subs.flatMap(\.tactics))).sorted() }
            if dataset.techniqueIndex(root) == nil, let sub = subs.first, let parentName = sub.name.split(separator: ":").first, sub.name.contains(":") {
                i.name = String(parentName)
            }
            ranked.append(Row(techniqueID: root, name: i.name, tactics: i.tactics, actorPositions: actors, subtechniques: subs))
        }
        ranked.sort { ($0.count, $1.techniqueID) > ($1.count, $0.techniqueID) }
        var matrix: [Column] = []
        var placed: Set<String> = []
        for tactic in dataset.tactics {
            let rows = ranked.filter { $0.tactics.contains(tactic.shortName) }
            if !rows.isEmpty {
                matrix.append(Column(tactic: tactic, rows: rows))
                for r in rows { placed.insert(r.techniqueID) }
            }
        }
        // Techniques whose tactics the data does not describe (a bare id in a report).
        let unplaced = ranked.filter { !placed.contains($0.techniqueID) }
        if !unplaced.isEmpty { matrix.append(Column(tactic: TacticInfo(shortName: "", name: "No tactic given"), rows: unplaced)) }
        return TechniqueUsage(ranked: ranked, matrix: matrix, maxCount: ranked.first?.count ?? 0, actorsInView: inView, actorsWithTechniques: withTechniques)
    }
}
