import JSONCore
import ThreatModel
/// Share and count by nexus, the actors under each nexus, and the motivation split.
///
/// A share a report states (with its qualifier) wins over a recount of the loaded data: a
/// recount of a few hundred events cannot overrule a vendor's measurement of thousands of
/// intrusions. Both are returned, labelled, so the pane can show which is which.
public struct ActorBreakdown: Sendable {
    public enum Measure: String, Sendable, CaseIterable {
        case events, actors
    }

    /// What a row counts: one nexus, or the folded long tail of countries.
    public enum RowKey: Hashable, Sendable {
        case nexus(Nexus)
        case other([Nexus])
    }

    public struct NexusRow: Sendable, Equatable {
        public var key: RowKey
        public var count: Int
        /// count / total, 0…1.
        public var share: Double

        public init(key: RowKey, count: Int, share: Double) {
            self.key = key
            self.count = count
            self.share = share
        }

        /// The nexus of a single-nexus row.
        public var nexus: Nexus? { if case .nexus(let n) = key { return n } else { return nil } }
    }

    public struct ActorRow: Sendable, Equatable {
        public var actorID: String
        public var name: String
        public var type: ActorType
        public var motivations: [Motivation]
        public var events: Int
        public var collective: Bool
        /// A name that would join distinct actors (kept apart from them).
        public var umbrella: Bool
    }

    public struct MotivationRow: Sendable, Equatable {
        /// nil: no motivation stated.
        public var motivation: Motivation?
        public var count: Int
    }

    /// A share finding that applies to the current scope, with what it leaves for the rest.
    public struct StatedShare: Sendable, Equatable {
        public var finding: Finding
        /// Other share findings about the same subject (e.g. "more than half"), weaker bounds.
        public var corroborating: [Finding]
        /// The loaded data recounted over the finding's own population (not the view's).
        public var recount: PopulationRecount?
        /// "more than 58%" for the subject leaves "less than 42%" for everyone else.
        public var remainderValue: Double { 100 - finding.value }
        public var remainderQualifier: Finding.Qualifier { finding.qualifier.complement }
    }

    public var measure: Measure
    public var total: Int
    public var rows: [NexusRow]
    public var actorsByNexus: [Nexus: [ActorRow]]
    public var motivations: [MotivationRow]
    /// Actors in scope (whatever the measure).
    public var actorCount: Int
    public var stated: [StatedShare]
    /// Events in view per actor id (whatever the measure), for lists elsewhere.
    public var eventsPerActor: [String: Int]

    public static func compute(_ dataset: Dataset, selection: Selection, measure: Measure? = nil) -> ActorBreakdown {
        // Events are the better measure of activity, but only when there are enough of them:
        // seven sightings over a thousand catalogued actors would say nothing about shares.
        let chosen = measure ?? (selection.eventIndices.count >= max(1, selection.actorIDs.count) ? .events : .actors)
        let index = dataset.index
        let (eventCounts, eventNexusCounts) = countEvents(dataset, selection: selection)
        var nexusCounts = chosen == .events ? eventNexusCounts : [Int](repeating: 0, count: index.nexuses.count)
        var total = chosen == .events ? selection.eventIndices.count : 0
        var eventsPerActor: [String: Int] = [:]
        var actorCount = 0
        var motivationByIndex = [Int](repeating: 0, count: Motivation.allCases.count)
        var noMotivation = 0
        var rowsByNexus = [[ActorRow]](repeating: [], count: index.nexuses.count)
        for position in dataset.actors.indices where selection.actorMask[position] {
            actorCount += 1
            let actor = dataset.actors[position]
            eventsPerActor[actor.id] = eventCounts[position]
            rowsByNexus[Int(index.actorNexus[position])].append(
                ActorRow(
                    actorID: actor.id, name: actor.name, type: actor.type, motivations: actor.motivations,
                    events: eventCounts[position], collective: actor.collective, umbrella: actor.umbrella))
            if chosen == .actors {
                nexusCounts[Int(index.actorNexus[position])] += 1
                total += 1
            }
            if actor.motivations.isEmpty { noMotivation += 1 }
            for m in actor.motivations { if let k = Motivation.allCases.firstIndex(of: m) { motivationByIndex[k] += 1 } }
        }
        var actorsByNexus: [Nexus: [ActorRow]] = [:]
        for (k, rows) in rowsByNexus.enumerated() where !rows.isEmpty {
            actorsByNexus[index.nexuses[k]] = rows.sorted { ($1.events, $0.name, $0.actorID) < ($0.events, $1.name, $1.actorID) }
        }
        var countByNexus: [Nexus: Int] = [:]
        for (k, n) in nexusCounts.enumerated() where n > 0 { countByNexus[index.nexuses[k]] = n }
        return ActorBreakdown(
            measure: chosen, total: total, rows: nexusRows(countByNexus, total: total), actorsByNexus: actorsByNexus,
            motivations: motivationRows(motivationByIndex, none: noMotivation), actorCount: actorCount,
            stated: statedShares(dataset, filter: selection.filter), eventsPerActor: eventsPerActor)
    }

    /// Events in view per actor position and per nexus position, counted in ranges on every
    /// core for a large selection and added up.
    static func countEvents(_ dataset: Dataset, selection: Selection) -> (actors: [Int], nexuses: [Int]) {
        let index = dataset.index
        let selected = selection.eventIndices
        let (actorTotal, nexusTotal) = (dataset.actors.count, index.nexuses.count)
        let counted = ParallelMap.ranges(selected.count, parts: selected.count >= 100_000 ? 8 : 1) { range -> ([Int], [Int]) in
            var actors = [Int](repeating: 0, count: actorTotal)
            var nexuses = [Int](repeating: 0, count: nexusTotal)
            index.withColumns { columns in
                for i in selected[range] {
                    for a in columns.actors(i) { actors[Int(a)] += 1 }
                    nexuses[Int(columns.nexus[i])] += 1
                }
            }
            return (actors, nexuses)
        }
        var actors = counted[0].0, nexuses = counted[0].1
        for part in counted.dropFirst() {
            for k in actors.indices { actors[k] += part.0[k] }
            for k in nexuses.indices { nexuses[k] += part.1[k] }
        }
        return (actors, nexuses)
    }

    /// Countries largest first; then Disputed and Unknown, always rows of their own (even at
    /// zero: "all attributed, none disputed" is worth seeing).
    static func nexusRows(_ countByNexus: [Nexus: Int], total: Int) -> [NexusRow] {
        var rows = countByNexus.map { NexusRow(key: .nexus($0.key), count: $0.value, share: total > 0 ? Double($0.value) / Double(total) : 0) }
        if total > 0 {
            for n in [Nexus.disputed, .unknown] where !rows.contains(where: { $0.key == .nexus(n) }) {
                rows.append(NexusRow(key: .nexus(n), count: 0, share: 0))
            }
        }
        rows.sort { a, b in
            let ka = a.nexus ?? .unknown, kb = b.nexus ?? .unknown
            if (ka.code == nil) != (kb.code == nil) { return kb.code == nil }
            if ka.code == nil { return ka < kb }
            return (a.count, kb) > (b.count, ka)
        }
        return rows
    }

    /// Motivations by how many actors state each, then "none stated".
    static func motivationRows(_ byIndex: [Int], none: Int) -> [MotivationRow] {
        var rows: [MotivationRow] = []
        for (k, n) in byIndex.enumerated() where n > 0 { rows.append(MotivationRow(motivation: Motivation.allCases[k], count: n)) }
        if none > 0 { rows.append(MotivationRow(motivation: nil, count: none)) }
        rows.sort { a, b in
            if (a.motivation == nil) != (b.motivation == nil) { return b.motivation == nil }
            if a.count != b.count { return a.count > b.count }
            return (a.motivation?.rawValue ?? "") < (b.motivation?.rawValue ?? "")
        }
        return rows
    }

    /// The rows as panes and summaries show them: the `countries` largest countries, the rest
    /// folded into one "Other (N)" row, then Disputed and Unknown.
    public func folded(countries limit: Int) -> [NexusRow] {
        let countryRows = rows.filter { $0.nexus?.code != nil }
        let rest = rows.filter { $0.nexus?.code == nil }
        guard countryRows.count > limit + 1 else { return countryRows + rest }
        let shown = Array(countryRows.prefix(limit))
        let tail = countryRows.dropFirst(limit)
        let count = tail.reduce(0) { $0 + $1.count }
        let other = NexusRow(key: .other(tail.compactMap(\.nexus)), count: count, share: total > 0 ? Double(count) / Double(total) : 0)
        return shown + [other] + rest
    }

    /// True when `n` is folded into Other at this limit.
    public func isFolded(_ n: Nexus, countries limit: Int) -> Bool {
        folded(countries: limit).contains { if case .other(let list) = $0.key { return list.contains(n) } else { return false } }
    }

    /// The row for a key (an Other row matches any Other row: the tail can differ between periods).
    public func row(for key: RowKey) -> NexusRow? {
        if case .other(let list) = key {
            let members = rows.filter { $0.nexus.map(list.contains) ?? false }
            let count = members.reduce(0) { $0 + $1.count }
            return NexusRow(key: key, count: count, share: total > 0 ? Double(count) / Double(total) : 0)
        }
        return rows.first { $0.key == key }
    }

    /// Share findings whose scope is compatible with the filter, strongest statement first.
    static func statedShares(_ dataset: Dataset, filter: Filter) -> [StatedShare] {
        let applicable = dataset.findings.filter { f in
            guard f.metric == .share, f.subjectNexus != nil else { return false }
            for s in filter.sectors {
                guard let fs = f.sector else { return false }
                // Compatible when one contains the other: a technology finding still speaks for
                // a technology filter, not for a government one.
                if !Vocabulary.sectorLineage(fs).contains(s) && !Vocabulary.sectorLineage(s).contains(fs) { return false }
            }
            for r in filter.regions {
                guard let fr = f.region else { return false }
                if !Vocabulary.regionLineage(fr).contains(r) && !Vocabulary.regionLineage(r).contains(fr) { return false }
            }
            if let w = filter.window, let p = f.period, !p.overlaps(w) { return false }
            for chip in filter.chips {
                switch chip {
                case .actor, .text, .motivation, .technique: return false
                default: continue
                }
            }
            return true
        }
        var bySubject: [Nexus: [Finding]] = [:]
        var order: [Nexus] = []
        for f in applicable {
            let n = f.subjectNexus!
            if bySubject[n] == nil { order.append(n) }
            bySubject[n, default: []].append(f)
        }
        return order.map { n in
            // The most informative statement: stated with a period first, then the tighter bound.
            let ranked = bySubject[n]!.sorted { a, b in
                let ka = (a.period != nil ? 1 : 0, a.sector != nil ? 1 : 0, a.value)
                let kb = (b.period != nil ? 1 : 0, b.sector != nil ? 1 : 0, b.value)
                return ka > kb
            }
            return StatedShare(finding: ranked[0], corroborating: Array(ranked.dropFirst()), recount: PopulationRecount.compute(ranked[0], in: dataset))
        }
    }
}
