import ThreatModel

/// One actor's techniques by ATT&CK tactic, in kill-chain order: parent techniques with
/// their sub-techniques rolled up, each marked as used directly or only through a campaign.
/// Counted from the same ids as the one technique figure (`ActorTechniques`).
public struct TacticStrip: Sendable, Equatable {
    /// A parent technique under a tactic.
    public struct Entry: Sendable, Equatable {
        public var id: String
        public var name: String
        /// Its sub-techniques the actor uses.
        public var subTechniques: [String]
        /// True when every id under it (itself and its subs) comes only through campaigns.
        public var onlyThroughCampaigns: Bool
    }

    /// A tactic and its entries.
    public struct Column: Sendable, Equatable {
        public var tactic: String
        public var entries: [Entry]
    }

    public var columns: [Column]

    public init(_ dataset: Dataset, position: Int) {
        let figures = ActorTechniques(dataset, position: position)
        let viaCampaign = Set(figures.campaignOnly)
        var byParent: [String: [String]] = [:]
        for id in figures.ids { byParent[TechniqueInfo.root(id), default: []].append(id) }
        var byTactic: [String: [Entry]] = [:]
        for (parent, ids) in byParent.sorted(by: { $0.key < $1.key }) {
            let info = dataset.technique(parent)
            var tactics = info?.tactics ?? []
            if tactics.isEmpty { tactics = Array(Set(ids.flatMap { dataset.technique($0)?.tactics ?? [] })).sorted() }
            let entry = Entry(
                id: parent, name: info?.name ?? parent, subTechniques: ids.filter { $0 != parent },
                onlyThroughCampaigns: ids.allSatisfy { viaCampaign.contains($0) })
            for t in tactics.isEmpty ? [""] : tactics { byTactic[t, default: []].append(entry) }
        }
        var columns: [Column] = []
        for tactic in dataset.tactics where byTactic[tactic.shortName] != nil {
            columns.append(Column(tactic: tactic.name, entries: byTactic[tactic.shortName]!))
        }
        let known = Set(dataset.tactics.map(\.shortName))
        for (t, entries) in byTactic.sorted(by: { $0.key < $1.key }) where !known.contains(t) {
            columns.append(Column(tactic: t.isEmpty ? "No tactic given" : dataset.tacticName(t), entries: entries))
        }
        self.columns = columns
    }
}
