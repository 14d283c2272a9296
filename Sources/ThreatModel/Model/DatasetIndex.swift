import JSONCore
/// Columns over the events that the aggregates scan on every filter change: start day,
/// length, nexus and actors as small integers. Built once per dataset, so counting 100,000
/// events touches arrays of integers rather than copying `Event` values and hashing strings.
public struct DatasetIndex: Sendable {
    /// Every nexus that occurs, in first-seen order; events and actors refer to it by position.
    public let nexuses: [Nexus]
    /// Per event: start day ordinal, length in days, nexus position.
    public let eventStart: [Int32]
    public let eventLength: [Int32]
    public let eventNexus: [UInt16]
    /// Per event, its actors as positions in `Dataset.actors` (compressed rows:
    /// event k's actors are `eventActors[eventActorStart[k]..<eventActorStart[k + 1]]`).
    public let eventActorStart: [Int32]
    public let eventActors: [Int32]
    /// The same rows turned round: actor k's events, ascending, are
    /// `actorEvents[actorEventStart[k]..<actorEventStart[k + 1]]`.
    public let actorEventStart: [Int32]
    public let actorEvents: [Int32]
    /// Per actor, its nexus position.
    public let actorNexus: [UInt16]
    /// Per actor and per event: the sector positions they target, ancestors included, each once.
    public let actorSectors: [[Int16]]
    public let eventSectorStart: [Int32]
    public let eventSectors: [Int16]
    /// Per actor and per event: targeted regions (stated regions plus those of targeted countries).
    public let actorRegions: [[String]]
    public let eventRegions: [[String]]

    /// `actorPositions`: the dataset's actors by id.
    package init(actors: [Actor], events: [Event], actorPositions: StringPositions) {
        // Ranges of events on every core, joined in order: the columns are the same as one pass's.
        let parts =
            events.count >= ParallelMap.manyEvents
            ? ParallelMap.ranges(events.count, parts: 4) { EventRows(events, $0, actorPositions: actorPositions) }
            : [EventRows(events, events.indices, actorPositions: actorPositions)]
        var nexuses: [Nexus] = []
        var nexusPosition: [Nexus: UInt16] = [:]
        func position(_ n: Nexus) -> UInt16 {
            if let p = nexusPosition[n] { return p }
            let p = UInt16(truncatingIfNeeded: nexuses.count)
            nexuses.append(n)
            nexusPosition[n] = p
            return p
        }
        var start = [Int32](), length = [Int32](), nexus = [UInt16](), rowStart = [Int32](), flat = [Int32]()
        var sectorStart = [Int32](), sectorFlat = [Int16](), regions = [[String]]()
        start.reserveCapacity(events.count)
        length.reserveCapacity(events.count)
        nexus.reserveCapacity(events.count)
        rowStart.reserveCapacity(events.count + 1)
        sectorStart.reserveCapacity(events.count + 1)
        regions.reserveCapacity(events.count)
        flat.reserveCapacity(parts.reduce(0) { $0 + $1.actors.count })
        sectorFlat.reserveCapacity(parts.reduce(0) { $0 + $1.sectors.count })
        rowStart.append(0)
        sectorStart.append(0)
        for part in parts {
            // First-seen order over all events: a range's new nexuses follow the earlier ranges'.
            let global = part.nexuses.map(position)
            start.append(contentsOf: part.start)
            length.append(contentsOf: part.length)
            nexus.append(contentsOf: part.nexus.lazy.map { global[Int($0)] })
            let actorBase = Int32(flat.count), sectorBase = Int32(sectorFlat.count)
            flat.append(contentsOf: part.actors)
            rowStart.append(contentsOf: part.actorEnd.lazy.map { $0 + actorBase })
            sectorFlat.append(contentsOf: part.sectors)
            sectorStart.append(contentsOf: part.sectorEnd.lazy.map { $0 + sectorBase })
            regions.append(contentsOf: part.regions)
        }
        func expanded(_ sectors: [String]) -> [Int16] {
            var out: [Int16] = []
            for id in sectors {
                guard let p = Vocabulary.sectorPositions.position(of: id) else { continue }
                for q in Vocabulary.sectorLineagePositions[p] where !out.contains(Int16(q)) { out.append(Int16(q)) }
            }
            return out
        }
        // By index: `map` over the actors copied each one (a retain and release of its every
        // list, three times over, on the thread that builds the dataset).
        actorNexus = actors.indices.map { position(actors[$0].nexus) }
        actorSectors = actors.indices.map { expanded(actors[$0].sectors) }
        actorRegions = actors.indices.map { actors[$0].targetRegions }
        eventSectorStart = sectorStart
        eventSectors = sectorFlat
        eventRegions = regions
        self.nexuses = nexuses
        eventStart = start
        eventLength = length
        eventNexus = nexus
        eventActorStart = rowStart
        eventActors = flat
        // Counting sort by actor: rows stay in event order, so each actor's events ascend.
        var starts = [Int32](repeating: 0, count: actors.count + 1)
        for a in flat { starts[Int(a) + 1] += 1 }
        for k in 0..<actors.count { starts[k + 1] += starts[k] }
        var next = starts
        var byActor = [Int32](repeating: 0, count: flat.count)
        for k in 0..<events.count {
            for j in Int(rowStart[k])..<Int(rowStart[k + 1]) {
                let a = Int(flat[j])
                byActor[Int(next[a])] = Int32(k)
                next[a] += 1
            }
        }
        actorEventStart = starts
        actorEvents = byActor
    }

    /// The events of the actor at position `k`, ascending.
    @inline(__always)
    public func events(ofActor k: Int) -> ArraySlice<Int32> {
        actorEvents[Int(actorEventStart[k])..<Int(actorEventStart[k + 1])]
    }

    /// The actor positions of event `k`.
    @inline(__always)
    public func actors(ofEvent k: Int) -> ArraySlice<Int32> {
        eventActors[Int(eventActorStart[k])..<Int(eventActorStart[k + 1])]
    }
}

extension DatasetIndex {
    /// The expanded sector positions of event `k`.
    @inline(__always)
    public func sectors(ofEvent k: Int) -> ArraySlice<Int16> {
        eventSectors[Int(eventSectorStart[k])..<Int(eventSectorStart[k + 1])]
    }
}
