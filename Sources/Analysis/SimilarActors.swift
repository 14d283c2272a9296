import ThreatModel

/// Actors nearest to one by the techniques they use: Jaccard similarity over ATT&CK
/// technique ids (sub-techniques included, direct and through campaigns: the same ids as
/// the one technique figure), with what they share and where they differ.
public struct SimilarActor: Sendable, Equatable {
    public var actorID: String
    public var name: String
    /// |shared| / |either|, 0…1.
    public var jaccard: Double
    public var shared: [String]
    /// Techniques the profiled actor uses and this one does not.
    public var onlyProfiled: [String]
    /// Techniques this one uses and the profiled actor does not.
    public var onlyThis: [String]

    /// Nearest first: the actors sharing the largest part of their techniques with the
    /// actor at `position`; ties by more shared techniques, then by name.
    public static func nearest(_ dataset: Dataset, to position: Int, limit: Int = 5) -> [SimilarActor] {
        guard dataset.actorTechniques.indices.contains(position) else { return [] }
        let mine = dataset.actorTechniques[position]
        guard !mine.isEmpty else { return [] }
        var scored: [(position: Int, shared: Int, jaccard: Double)] = []
        for (k, theirs) in dataset.actorTechniques.enumerated() where k != position && !theirs.isEmpty {
            let shared = sharedCount(mine, theirs)
            guard shared > 0 else { continue }
            scored.append((k, shared, Double(shared) / Double(mine.count + theirs.count - shared)))
        }
        scored.sort { a, b in
            if a.jaccard != b.jaccard { return a.jaccard > b.jaccard }
            if a.shared != b.shared { return a.shared > b.shared }
            return dataset.actors[a.position].name < dataset.actors[b.position].name
        }
        return scored.prefix(limit).map { s in
            let theirs = dataset.actorTechniques[s.position]
            let mineSet = Set(mine), theirSet = Set(theirs)
            return SimilarActor(
                actorID: dataset.actors[s.position].id, name: dataset.actors[s.position].name, jaccard: s.jaccard,
                shared: mine.filter { theirSet.contains($0) }, onlyProfiled: mine.filter { !theirSet.contains($0) },
                onlyThis: theirs.filter { !mineSet.contains($0) })
        }
    }

    /// Both lists sorted: a merge walk.
    static func sharedCount(_ a: [String], _ b: [String]) -> Int {
        var i = 0, j = 0, n = 0
        while i < a.count && j < b.count {
            if a[i] == b[j] {
                n += 1
                i += 1
                j += 1
            } else if a[i] < b[j] {
                i += 1
            } else {
                j += 1
            }
        }
        return n
    }
}
