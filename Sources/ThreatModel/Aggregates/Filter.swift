/// What the analyst has narrowed the dataset to: a stack of chips, all of which must hold.
///
/// Drilling down pushes a chip; Backspace pops the last. Every aggregate takes a filter, so
/// the three panes always describe the same slice.
public struct Filter: Hashable, Sendable {
    public enum Chip: Hashable, Sendable {
        case nexus(Nexus)
        case actor(String)
        case sector(String)
        case region(String)
        case window(DayRange)
        case text(String)
        case motivation(Motivation)

        /// "nexus:China", "sector:AI research", "2025-04-01→2026-03-31".
        public var label: String {
            switch self {
            case .nexus(let n): return "nexus:" + n.name
            case .actor(let id): return "actor:" + id
            case .sector(let s): return "sector:" + Vocabulary.sectorName(s)
            case .region(let r): return "region:" + Vocabulary.regionName(r)
            case .window(let w): return "time:" + w.description
            case .text(let t): return "text:\"" + t + "\""
            case .motivation(let m): return "motive:" + m.rawValue
            }
        }
    }

    public var chips: [Chip]

    public init(_ chips: [Chip] = []) { self.chips = chips }

    public static let none = Filter()
    public var isEmpty: Bool { chips.isEmpty }

    public func pushing(_ chip: Chip) -> Filter {
        var f = self
        if !f.chips.contains(chip) { f.chips.append(chip) }
        return f
    }

    public func popping() -> Filter {
        var f = self
        if !f.chips.isEmpty { f.chips.removeLast() }
        return f
    }

    public var window: DayRange? {
        chips.reduce(nil as DayRange?) { acc, chip in
            guard case .window(let w) = chip else { return acc }
            guard let acc else { return w }
            // Two windows: their intersection (or an empty one when disjoint).
            let start = max(acc.start, w.start), end = min(acc.end, w.end)
            return start <= end ? DayRange(start: start, end: end) : DayRange(start: end, end: end.adding(days: -1))
        }
    }

    public var sectors: [String] { chips.compactMap { if case .sector(let s) = $0 { return s } else { return nil } } }
    public var regions: [String] { chips.compactMap { if case .region(let r) = $0 { return r } else { return nil } } }
    public var nexuses: [Nexus] { chips.compactMap { if case .nexus(let n) = $0 { return n } else { return nil } } }

    // MARK: Matching

    /// Applies the filter to a dataset once, so panes can test membership cheaply.
    public func apply(to dataset: Dataset) -> Selection {
        let window = self.window
        var activeActors: Set<String>?
        if let window {
            var active: Set<String> = []
            for e in dataset.events where e.span.overlaps(window) { active.formUnion(e.actorIDs) }
            for c in dataset.campaigns where c.span?.overlaps(window) == true { active.formUnion(c.actorIDs) }
            activeActors = active
        }
        var actorIDs: Set<String> = []
        for actor in dataset.actors where matches(actor, activeActors: activeActors) { actorIDs.insert(actor.id) }
        var events: [Int] = []
        for (i, e) in dataset.events.enumerated() where matches(e, dataset: dataset, window: window) { events.append(i) }
        var campaigns: [Int] = []
        for (i, c) in dataset.campaigns.enumerated() where matches(c, dataset: dataset, window: window) { campaigns.append(i) }
        return Selection(filter: self, actorIDs: actorIDs, eventIndices: events, campaignIndices: campaigns)
    }

    func matches(_ actor: Actor, activeActors: Set<String>?) -> Bool {
        for chip in chips {
            switch chip {
            case .nexus(let n): if actor.nexus != n { return false }
            case .actor(let id): if actor.id != id { return false }
            case .sector(let s): if !actor.sectors.contains(where: { Vocabulary.sectorLineage($0).contains(s) }) { return false }
            case .region(let r): if !actor.targetRegions.contains(where: { Vocabulary.regionLineage($0).contains(r) }) { return false }
            case .window: if let activeActors, !activeActors.contains(actor.id) { return false }
            case .text(let t): if !Filter.textMatches(t, actor.allNames) { return false }
            case .motivation(let m): if !actor.motivations.contains(m) { return false }
            }
        }
        return true
    }

    func matches(_ event: Event, dataset: Dataset, window: DayRange?) -> Bool {
        for chip in chips {
            switch chip {
            case .nexus(let n): if event.nexus != n { return false }
            case .actor(let id): if !event.actorIDs.contains(id) { return false }
            case .sector(let s): if !event.sectors.contains(where: { Vocabulary.sectorLineage($0).contains(s) }) { return false }
            case .region(let r): if !event.targetRegions.contains(where: { Vocabulary.regionLineage($0).contains(r) }) { return false }
            case .window: if let window, !event.span.overlaps(window) { return false }
            case .text(let t):
                let names = event.actorIDs.flatMap { dataset.actor($0)?.allNames ?? [] }
                if !Filter.textMatches(t, [event.summary] + names) { return false }
            case .motivation(let m):
                if !event.actorIDs.contains(where: { dataset.actor($0)?.motivations.contains(m) == true }) { return false }
            }
        }
        return true
    }

    func matches(_ campaign: Campaign, dataset: Dataset, window: DayRange?) -> Bool {
        for chip in chips {
            switch chip {
            case .nexus(let n): if campaign.nexus != n { return false }
            case .actor(let id): if !campaign.actorIDs.contains(id) { return false }
            case .sector(let s):
                let sectors = campaign.sectors + campaign.actorIDs.flatMap { dataset.actor($0)?.sectors ?? [] }
                if !sectors.contains(where: { Vocabulary.sectorLineage($0).contains(s) }) { return false }
            case .region(let r):
                let regions = campaign.regions + campaign.actorIDs.flatMap { dataset.actor($0)?.targetRegions ?? [] }
                if !regions.contains(where: { Vocabulary.regionLineage($0).contains(r) }) { return false }
            case .window: if let window, campaign.span?.overlaps(window) != true { return false }
            case .text(let t):
                let names = campaign.actorIDs.flatMap { dataset.actor($0)?.allNames ?? [] }
                if !Filter.textMatches(t, [campaign.name] + names) { return false }
            case .motivation(let m):
                if !campaign.actorIDs.contains(where: { dataset.actor($0)?.motivations.contains(m) == true }) { return false }
            }
        }
        return true
    }

    /// Case- and punctuation-insensitive substring match ("murky" finds "MURKY PANDA").
    public static func textMatches(_ query: String, _ texts: [String]) -> Bool {
        let q = Vocabulary.fold(query)
        if q.isEmpty { return true }
        return texts.contains { Vocabulary.fold($0).contains(q) }
    }
}

/// The result of applying a filter: which actors, events and campaigns are in view.
public struct Selection: Sendable {
    public let filter: Filter
    public let actorIDs: Set<String>
    public let eventIndices: [Int]
    public let campaignIndices: [Int]
}
