import ThreatModel

/// A stated share set beside a recount of the loaded data over the same population: the
/// filter that builds that population (the same chips typed by hand give the same figure),
/// the population in words, what is counted, and the subject's share; or, where the loaded
/// data cannot form the population, which part is missing instead of a number.
public struct PopulationRecount: Sendable, Equatable {
    public var finding: Finding
    /// `sponsor:`, `kind:`, `sector:`, `region:` and `window:` chips, as the finding states them.
    public var filter: Filter
    /// The population's stated parts in words: "state-sponsored", "targeted intrusions",
    /// "technology sector", "2025-04-01 → 2026-03-31".
    public var parts: [String]
    /// Parts the finding does not state, so the recount does not narrow by them.
    public var unstated: [String]
    /// Why the loaded data cannot form the population; empty when it can.
    public var missing: [String]
    /// What one unit of `total` is.
    public var noun: Noun
    public var total: Int
    /// Of `total`, those of the finding's subject (its nexus).
    public var subject: Int

    /// subject / total, when there is a number to give.
    public var share: Double? { missing.isEmpty && total > 0 ? Double(subject) / Double(total) : nil }

    /// The recount of a share finding about a nexus; nil for other findings.
    public static func compute(_ finding: Finding, in dataset: Dataset) -> PopulationRecount? {
        guard finding.metric == .share, let nexus = finding.subjectNexus else { return nil }
        let scope = finding.scope
        var chips: [Filter.Chip] = []
        var parts: [String] = [], unstated: [String] = [], missing: [String] = []
        if let t = scope.sponsorship {
            chips.append(.sponsor(t))
            parts.append(t == .state ? "state-sponsored" : t.label)
            if !dataset.actors.contains(where: { $0.type != .unknown }) { missing.append("no loaded actor states whether it is \(parts.last ?? t.label)") }
        } else {
            unstated.append("who (which actors' sponsorship)")
        }
        let counted = scope.countedBy ?? .events
        if scope.countedBy == nil { unstated.append("what is counted (taken as events)") }
        if let a = scope.activity {
            chips.append(.kind(a))
            parts.append(a.noun.plural)
        } else if counted == .events {
            unstated.append("which kinds of activity count (every kind is counted)")
        }
        if let s = finding.sector {
            chips.append(.sector(s))
            parts.append(Vocabulary.sectorName(s) + " sector")
            if counted == .events && !dataset.events.contains(where: { !$0.sectors.isEmpty }) { missing.append("no loaded event states a targeted sector") }
        }
        if let r = finding.region {
            chips.append(.region(r))
            parts.append(Vocabulary.regionName(r))
        }
        if let p = finding.period {
            chips.append(.window(p))
            parts.append(p.description)
        }
        switch counted {
        case .events where dataset.events.isEmpty: missing.append("the loaded data holds no events to count")
        case .victims: missing.append("the loaded data does not count victims")
        default: break
        }
        let filter = Filter(chips)
        var recount = PopulationRecount(
            finding: finding, filter: filter, parts: parts, unstated: unstated, missing: missing,
            noun: counted == .actors ? .actor : scope.activity?.noun ?? .event, total: 0, subject: 0)
        guard missing.isEmpty else { return recount }
        let selection = filter.apply(to: dataset)
        if counted == .actors {
            let positions = dataset.actors.indices.filter { selection.actorMask[$0] }
            recount.total = positions.count
            recount.subject = positions.filter { dataset.actors[$0].nexus == nexus }.count
        } else {
            recount.total = selection.eventIndices.count
            recount.subject = selection.eventIndices.filter { dataset.events[$0].nexus == nexus }.count
        }
        return recount
    }

    /// "state-sponsored · targeted intrusions · Technology sector · 2025-04-01 → 2026-03-31".
    public var populationText: String { parts.isEmpty ? "everything loaded" : parts.joined(separator: " · ") }
}
