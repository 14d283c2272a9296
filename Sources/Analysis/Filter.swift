import JSONCore
import ThreatModel
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
        /// Actors that use an ATT&CK technique (a parent id takes its sub-techniques too).
        case technique(String)
        /// Actors of a type (`sponsor:state` for state-sponsored actors), and events one of
        /// whose actors is of it: the population findings are stated over.
        case sponsor(ActorType)
        /// Events of these kinds, named as typed (`kind:targeted-intrusion` is a set of them).
        case kind(EventKindSet)
        /// MISP events by tag, galaxy, org, attribute type or indicator (`tag:tlp:red`, `ioc:…`).
        case pivot(Pivot)
        /// Everything the chip does not hold for (`!nexus:unknown`).
        indirect case not(Chip)

        /// "nexus:China", "sector:AI research", "2025-04-01→2026-03-31", "!tag:tlp:red".
        public var label: String {
            switch self {
            case .nexus(let n): return "nexus:" + n.name
            case .actor(let id): return "actor:" + id
            case .sector(let s): return "sector:" + Vocabulary.sectorName(s)
            case .region(let r): return "region:" + Vocabulary.regionName(r)
            case .window(let w): return "time:" + w.description
            case .text(let t): return "text:\"" + t + "\""
            case .motivation(let m): return "motive:" + m.rawValue
            case .technique(let t): return "technique:" + t
            case .sponsor(let t): return "sponsor:" + t.rawValue
            case .kind(let k): return "kind:" + k.name
            case .pivot(let p): return p.label
            case .not(let chip): return "!" + chip.label
            }
        }

        /// Whether an actor is in view by this chip only through its activity (events in view).
        var isAboutActivity: Bool {
            switch self {
            case .window, .text, .kind, .pivot: return true
            case .not(let chip): return chip.isAboutActivity
            default: return false
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
    ///
    /// One rule for every pane: an event is in view when it passes every chip (a window chip
    /// by overlap); an actor is in view when it passes the actor-level chips and, for chips
    /// about activity (window, text), when it has an event in view, was active in the window,
    /// or (text) its names match. So the header's actor count and the actors listed with
    /// events in view never disagree.
    public func apply(to dataset: Dataset) -> Selection {
        let window = self.window
        let matcher = TextMatcher(chips: chips, dataset: dataset)
        let test = EventTest(filter: self, dataset: dataset, window: window)
        // Events are tested in ranges on every core (a million events is a quarter second on
        // one), and the ranges joined in order, so the indices stay ascending.
        let count = dataset.events.count
        let ranges = ParallelMap.ranges(count, parts: count >= 50_000 ? 16 : 1) { range -> [Int] in
            var text = matcher
            var out: [Int] = []
            dataset.index.withColumns { columns in
                for i in range where test.matches(i, dataset: dataset, columns: columns, text: &text) { out.append(i) }
            }
            return out
        }
        var events: [Int] = []
        events.reserveCapacity(ranges.reduce(0) { $0 + $1.count })
        for r in ranges { events.append(contentsOf: r) }
        var withEvent = [Bool](repeating: false, count: dataset.actors.count)
        if window != nil || chips.contains(where: \.isAboutActivity) {
            for i in events { for a in dataset.index.actors(ofEvent: i) { withEvent[Int(a)] = true } }
        }
        var activeInWindow: [Bool]?
        if let window {
            var active = [Bool](repeating: false, count: dataset.actors.count)
            for (i, e) in dataset.events.enumerated() where e.span.overlaps(window) { for a in dataset.index.actors(ofEvent: i) { active[Int(a)] = true } }
            for c in dataset.campaigns where c.span?.overlaps(window) == true {
                for id in c.actorIDs { if let p = dataset.actorPosition(id) { active[p] = true } }
            }
            activeInWindow = active
        }
        var actorIDs: Set<String> = []
        var actorMask = [Bool](repeating: false, count: dataset.actors.count)
        for k in dataset.actors.indices where matches(k, dataset: dataset, activeInWindow: activeInWindow, hasEventInView: withEvent[k]) {
            actorIDs.insert(dataset.actors[k].id)
            actorMask[k] = true
        }
        var campaigns: [Int] = []
        for (i, c) in dataset.campaigns.enumerated() where matches(c, dataset: dataset, window: window) { campaigns.append(i) }
        return Selection(
            filter: self, actorIDs: actorIDs, actorMask: actorMask, eventIndices: events, campaignIndices: campaigns,
            eventCount: dataset.events.count)
    }

    package func matches(_ position: Int, dataset: Dataset, activeInWindow: [Bool]?, hasEventInView: Bool) -> Bool {
        chips.allSatisfy { Filter.actor(position, matches: $0, dataset: dataset, activeInWindow: activeInWindow, hasEventInView: hasEventInView) }
    }

    /// Whether the actor at `position` passes `chip`. Fields are read in place: a copy of the
    /// actor per test retains all of its strings.
    static func actor(_ position: Int, matches chip: Chip, dataset: Dataset, activeInWindow: [Bool]?, hasEventInView: Bool) -> Bool {
        switch chip {
        case .nexus(let n): return dataset.actors[position].nexus == n
        case .actor(let id): return dataset.actors[position].id == id
        case .sector(let s): return dataset.actors[position].sectors.contains { Vocabulary.sectorLineage($0).contains(s) }
        case .region(let r): return dataset.actors[position].targetRegions.contains { Vocabulary.regionLineage($0).contains(r) }
        case .window: return activeInWindow.map { $0[position] } ?? true || hasEventInView
        case .text(let t): return hasEventInView || Filter.textMatches(t, dataset.actors[position].allNames)
        case .motivation(let m): return dataset.actors[position].motivations.contains(m)
        case .technique(let t): return dataset.actorUses(position, technique: t)
        case .sponsor(let type): return dataset.actors[position].type == type
        case .kind, .pivot: return hasEventInView
        case .not(let inner):
            // An activity chip negated: actors with events in view (of the other kinds) stay.
            if inner.isAboutActivity { return hasEventInView }
            return !actor(position, matches: inner, dataset: dataset, activeInWindow: activeInWindow, hasEventInView: hasEventInView)
        }
    }

    package func matches(_ campaign: Campaign, dataset: Dataset, window: DayRange?) -> Bool {
        chips.allSatisfy { Filter.campaign(campaign, matches: $0, dataset: dataset, window: window) }
    }

    static func campaign(_ campaign: Campaign, matches chip: Chip, dataset: Dataset, window: DayRange?) -> Bool {
        switch chip {
        case .nexus(let n): return campaign.nexus == n
        case .actor(let id): return campaign.actorIDs.contains(id)
        case .sector(let s):
            let sectors = campaign.sectors + campaign.actorIDs.flatMap { dataset.actor($0)?.sectors ?? [] }
            return sectors.contains { Vocabulary.sectorLineage($0).contains(s) }
        case .region(let r):
            let regions = campaign.regions + campaign.actorIDs.flatMap { dataset.actor($0)?.targetRegions ?? [] }
            return regions.contains { Vocabulary.regionLineage($0).contains(r) }
        case .window: return window.map { campaign.span?.overlaps($0) == true } ?? true
        case .text(let t):
            let names = campaign.actorIDs.flatMap { dataset.actor($0)?.allNames ?? [] }
            return Filter.textMatches(t, [campaign.name] + names)
        case .motivation(let m): return campaign.actorIDs.contains { dataset.actor($0)?.motivations.contains(m) == true }
        case .technique(let t): return campaign.actorIDs.contains { id in dataset.actorPosition(id).map { dataset.actorUses($0, technique: t) } ?? false }
        case .sponsor(let type): return campaign.actorIDs.contains { dataset.actor($0)?.type == type }
        // A campaign is a span of activity of no one kind: kinds say nothing about it.
        case .kind, .pivot: return true
        case .not(let inner):
            switch inner {
            case .kind, .pivot: return true
            default: break
            }
            return !Filter.campaign(campaign, matches: inner, dataset: dataset, window: window)
        }
    }

    /// Case- and punctuation-insensitive substring match ("murky" finds "MURKY PANDA").
    public static func textMatches(_ query: String, _ texts: [String]) -> Bool {
        let q = Vocabulary.fold(query)
        if q.isEmpty { return true }
        return texts.contains { contains(Vocabulary.fold($0), q) }
    }

    /// `text.contains(q)` for folded strings; on the bytes when both are ASCII (the generic
    /// searcher costs a grapheme break per letter), by Characters otherwise.
    package static func contains(_ text: String, _ q: String) -> Bool {
        if text.utf8.allSatisfy({ $0 < 0x80 }) && q.utf8.allSatisfy({ $0 < 0x80 }) { return Array(text.utf8).containsSubsequence(Array(q.utf8)) }
        return text.contains(q)
    }
}

/// The result of applying a filter: which actors, events and campaigns are in view.
public struct Selection: Sendable {
    public let filter: Filter
    public let actorIDs: Set<String>
    /// Ascending, so in start-date order (the dataset keeps events sorted by start).
    public let eventIndices: [Int]
    public let campaignIndices: [Int]
    private let eventMask: [UInt64]
    /// Per actor position: in view.
    public let actorMask: [Bool]

    public init(filter: Filter, actorIDs: Set<String>, actorMask: [Bool], eventIndices: [Int], campaignIndices: [Int], eventCount: Int) {
        self.filter = filter
        self.actorIDs = actorIDs
        self.actorMask = actorMask
        self.eventIndices = eventIndices
        self.campaignIndices = campaignIndices
        var mask = [UInt64](repeating: 0, count: (eventCount + 63) / 64)
        for i in eventIndices { mask[i >> 6] |= 1 << UInt64(i & 63) }
        eventMask = mask
    }

    /// The events in view whose date or span overlaps `range` (the timeline's bucket rule).
    public func eventIndices(overlapping range: DayRange, in dataset: Dataset) -> [Int] {
        let columns = dataset.index
        return eventIndices.filter { i in
            let start = Int(columns.eventStart[i])
            return start <= range.end.ordinal && start + Int(columns.eventLength[i]) - 1 >= range.start.ordinal
        }
    }

    /// Whether event `index` of the dataset is in view, in constant time.
    public func containsEvent(_ index: Int) -> Bool {
        index >= 0 && index >> 6 < eventMask.count && eventMask[index >> 6] & (1 << UInt64(index & 63)) != 0
    }
}

/// Text-chip matching over many events without allocating per event: actor names are folded
/// once, summaries are folded into a reused buffer (ASCII) before a substring search.
struct TextMatcher {
    private var queries: [String: [UInt8]] = [:]
    /// Per query, per actor position: whether one of the actor's names matches.
    private var actorHits: [String: [Bool]] = [:]
    private var buffer: [UInt8] = []

    package init(chips: [Filter.Chip], dataset: Dataset) {
        for chip in chips {
            guard case .text(let t) = chip else { continue }
            let q = Vocabulary.fold(t)
            queries[t] = Array(q.utf8)
            actorHits[t] = dataset.actors.map { actor in actor.allNames.contains { Filter.contains(Vocabulary.fold($0), q) } }
        }
        buffer.reserveCapacity(256)
    }

    package mutating func matches<C: Collection<Int32>>(_ query: String, summary: String, actors: C) -> Bool {
        guard let q = queries[query], !q.isEmpty else { return true }
        if let hits = actorHits[query], actors.contains(where: { hits.indices.contains(Int($0)) && hits[Int($0)] }) { return true }
        return foldedContains(summary, q)
    }

    /// Vocabulary.fold(text).contains(q) for ASCII text, without building the folded string.
    private mutating func foldedContains(_ text: String, _ q: [UInt8]) -> Bool {
        buffer.removeAll(keepingCapacity: true)
        guard Vocabulary.foldASCII(text, spaced: true, into: &buffer) else { return Vocabulary.fold(text).utf8.elementsEqualSubsequence(q) }
        return buffer.containsSubsequence(q)
    }
}

extension Collection where Element == UInt8 {
    /// Whether `needle` occurs as a contiguous run.
    func elementsEqualSubsequence(_ needle: [UInt8]) -> Bool { Array(self).containsSubsequence(needle) }
}

/// A filter resolved against one dataset's integer columns, so testing 100,000 events reads
/// integers instead of copying `Event` values.
struct EventTest {
    package let chips: [Filter.Chip]
    /// Per chip (by its position in `chips`, unused for other kinds): arrays, not
    /// dictionaries, since they are read for every chip of every event.
    let nexusPositions: [UInt16?]
    package let actorPositions: [Int32?]
    let motivated: [Set<Int32>?]
    /// Per sector chip: the sector's position in the vocabulary (nil for a sector it lacks).
    let sectorPositions: [Int16?]
    /// Per sponsor chip: the positions of the actors of its type.
    let typed: [Set<Int32>?]
    /// Per pivot chip: the positions of the events it holds for.
    let pivoted: [Set<Int32>?]
    package let window: DayRange?

    package init(filter: Filter, dataset: Dataset, window: DayRange?) {
        chips = filter.chips
        self.window = window
        var nexusPositions = [UInt16?](repeating: nil, count: chips.count), actorPositions = [Int32?](repeating: nil, count: chips.count)
        var motivated = [Set<Int32>?](repeating: nil, count: chips.count)
        var sectorPositions = [Int16?](repeating: nil, count: chips.count)
        var typed = [Set<Int32>?](repeating: nil, count: chips.count), pivoted = typed
        for (k, chip) in chips.enumerated() {
            var chip = chip
            while case .not(let inner) = chip { chip = inner }
            switch chip {
            case .sector(let s): sectorPositions[k] = Vocabulary.sectorPositions.position(of: s).flatMap { Int16(exactly: $0) }
            case .nexus(let n): nexusPositions[k] = dataset.index.nexuses.firstIndex(of: n).map { UInt16($0) }
            case .actor(let id): actorPositions[k] = dataset.actorPosition(id).map { Int32($0) }
            case .motivation(let m):
                motivated[k] = Set(dataset.actors.indices.filter { dataset.actors[$0].motivations.contains(m) }.map { Int32($0) })
            case .sponsor(let type): typed[k] = Set(dataset.actors.indices.filter { dataset.actors[$0].type == type }.map { Int32($0) })
            case .pivot(let p): pivoted[k] = p.events(in: dataset)
            default: break
            }
        }
        self.nexusPositions = nexusPositions
        self.actorPositions = actorPositions
        self.motivated = motivated
        self.sectorPositions = sectorPositions
        self.typed = typed
        self.pivoted = pivoted
    }

    package func matches(_ i: Int, dataset: Dataset, columns: EventColumns, text matcher: inout TextMatcher) -> Bool {
        for k in chips.indices where !event(i, matches: chips[k], at: k, dataset: dataset, columns: columns, text: &matcher) { return false }
        return true
    }

    /// Whether event `i` passes chip `chip`, the `k`th (its resolved positions are at `k`).
    func event(_ i: Int, matches chip: Filter.Chip, at k: Int, dataset: Dataset, columns: EventColumns, text matcher: inout TextMatcher) -> Bool {
        switch chip {
        case .nexus:
            guard let p = nexusPositions[k] else { return false }
            return columns.nexus[i] == p
        case .actor:
            guard let p = actorPositions[k] else { return false }
            return columns.actors(i).contains(p)
        case .window:
            guard let window else { return true }
            let start = Int(columns.start[i]), end = start + Int(columns.length[i]) - 1
            return start <= window.end.ordinal && end >= window.start.ordinal
        case .sector(let s):
            // The index holds each event's sectors with their ancestors, as positions.
            if let p = sectorPositions[k] { return columns.sectors(i).contains(p) }
            return dataset.events[i].sectors.contains { Vocabulary.sectorLineage($0).contains(s) }
        case .region(let r):
            return dataset.events[i].regions.contains { Vocabulary.regionLineage($0).contains(r) }
                || dataset.events[i].countries.contains { c in Vocabulary.country(c).map { Vocabulary.regionLineage($0.region).contains(r) } ?? false }
        case .text(let t):
            return matcher.matches(t, summary: dataset.events[i].summary, actors: columns.actors(i))
        case .motivation:
            guard let set = motivated[k] else { return false }
            return columns.actors(i).contains { set.contains($0) }
        case .technique(let t):
            // Tagged with it, or done by an actor that uses it.
            if dataset.events[i].techniques.contains(where: { $0 == t || $0.hasPrefix(t + ".") }) { return true }
            return columns.actors(i).contains { dataset.actorUses(Int($0), technique: t) }
        case .sponsor:
            guard let set = typed[k] else { return false }
            return columns.actors(i).contains { set.contains($0) }
        case .kind(let kinds):
            return kinds.kinds.contains(dataset.events[i].kind)
        case .pivot:
            return pivoted[k]?.contains(Int32(i)) ?? false
        case .not(let inner):
            return !event(i, matches: inner, at: k, dataset: dataset, columns: columns, text: &matcher)
        }
    }
}
