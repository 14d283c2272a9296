import JSONCore
/// The index columns of one consecutive range of events, built on its own core: nexus
/// positions are local to the range (`DatasetIndex` renumbers them when it joins the ranges).
package struct EventRows: Sendable {
    package var start: [Int32] = []
    package var length: [Int32] = []
    package var nexus: [UInt16] = []
    /// The range's nexuses in first-seen order; `nexus` holds positions in it.
    package var nexuses: [Nexus] = []
    /// Cumulative ends of each event's actor and sector rows, from 0 for the range.
    package var actorEnd: [Int32] = []
    package var actors: [Int32] = []
    package var sectorEnd: [Int32] = []
    package var sectors: [Int16] = []
    package var regions: [[String]] = []

    package init(_ events: [Event], _ range: Range<Int>, actorPositions: StringPositions) {
        start.reserveCapacity(range.count)
        length.reserveCapacity(range.count)
        nexus.reserveCapacity(range.count)
        actorEnd.reserveCapacity(range.count)
        sectorEnd.reserveCapacity(range.count)
        regions.reserveCapacity(range.count)
        let sectorPositions = Vocabulary.sectorPositions
        let lineage = Vocabulary.sectorLineagePositions
        var nexusPosition: [Nexus: UInt16] = [:]
        var lastNexus: (nexus: Nexus, position: UInt16)?
        // Events come in runs of one actor, one nexus, one sector: an equal string is told by
        // comparing with the last one, which for the short ids of most files is cheaper than a hash.
        var lastActor: (id: String, position: Int?)?
        var lastSector: (id: String, position: Int?)?
        // Fields read in place: `for e in events` would copy each event (a retain and a
        // release for each of its strings and arrays).
        events.withUnsafeView { events in
            for k in range {
                start.append(Int32(truncatingIfNeeded: events[k].span.start.ordinal))
                length.append(Int32(truncatingIfNeeded: events[k].span.length))
                let n = events[k].nexus
                if let lastNexus, lastNexus.nexus == n {
                    nexus.append(lastNexus.position)
                } else {
                    // A range has few nexuses: the first sixteen are found by comparing, without
                    // hashing the country code (the dictionary keeps a file of many bounded).
                    let p =
                        nexuses.prefix(16).firstIndex(of: n).map { UInt16(truncatingIfNeeded: $0) }
                        ?? nexusPosition[n]
                        ?? {
                            let p = UInt16(truncatingIfNeeded: nexuses.count)
                            nexuses.append(n)
                            nexusPosition[n] = p
                            return p
                        }()
                    lastNexus = (n, p)
                    nexus.append(p)
                }
                for a in events[k].actorIDs {
                    let p: Int?
                    if let lastActor, lastActor.id == a {
                        p = lastActor.position
                    } else {
                        p = actorPositions.position(of: a)
                        lastActor = (a, p)
                    }
                    if let p { actors.append(Int32(p)) }
                }
                actorEnd.append(Int32(actors.count))
                let from = sectors.count
                for id in events[k].sectors {
                    let p: Int?
                    if let lastSector, lastSector.id == id {
                        p = lastSector.position
                    } else {
                        p = sectorPositions.position(of: id)
                        lastSector = (id, p)
                    }
                    guard let p else { continue }
                    for q in lineage[p] where !sectors[from...].contains(Int16(q)) { sectors.append(Int16(q)) }
                }
                sectorEnd.append(Int32(sectors.count))
                regions.append(Event.targetRegions(events[k].regions, countries: events[k].countries))
            }
        }
    }
}
