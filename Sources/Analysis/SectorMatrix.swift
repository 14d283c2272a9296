import ThreatModel
/// Sector × nexus counts with row and column totals, plus targeted regions.
///
/// Counts are distinct actors (or events): an actor targeting AI research counts once in
/// "AI research" and once in its parent "Technology", however many sub-sectors it hits.
public struct SectorMatrix: Sendable {
    public enum Measure: String, Sendable, CaseIterable {
        case actors, events
    }

    public enum Column: Hashable, Sendable {
        case nexus(Nexus)
        /// Every nexus beyond the widest columns, folded together.
        case other([Nexus])

        public var label: String {
            switch self {
            case .nexus(let n): return n.shortName
            case .other: return "Other"
            }
        }
    }

    public struct Row: Sendable, Equatable {
        public var sector: String
        public var depth: Int
        public var cells: [Int]
        public var total: Int
        public var label: String { Vocabulary.sector(sector)?.name ?? sector }
    }

    public struct RegionRow: Sendable, Equatable {
        public var region: String
        public var count: Int
    }

    public var measure: Measure
    public var columns: [Column]
    public var rows: [Row]
    public var columnTotals: [Int]
    public var grandTotal: Int
    public var regions: [RegionRow]
    /// Items in scope with no sector at all: shown, so the matrix never looks complete when it is not.
    public var withoutSector: Int
    public var withoutRegion: Int

    public var maxCell: Int { rows.flatMap(\.cells).max() ?? 0 }

    public static func compute(_ dataset: Dataset, selection: Selection, measure: Measure = .actors, maxColumns: Int = 6) -> SectorMatrix {
        let index = dataset.index
        // Items (actors or events) as (nexus position, sector positions, regions), from the
        // dataset's precomputed columns: no sets or strings are built per item.
        var itemNexus: [UInt16] = []
        var itemSectors: [ArraySlice<Int16>] = []
        var itemRegions: [[String]] = []
        switch measure {
        case .actors:
            for p in dataset.actors.indices where selection.actorMask[p] {
                itemNexus.append(index.actorNexus[p])
                itemSectors.append(index.actorSectors[p][...])
                itemRegions.append(index.actorRegions[p])
            }
        case .events:
            itemNexus.reserveCapacity(selection.eventIndices.count)
            itemSectors.reserveCapacity(selection.eventIndices.count)
            for i in selection.eventIndices {
                itemNexus.append(index.eventNexus[i])
                itemSectors.append(index.sectors(ofEvent: i))
                itemRegions.append(index.eventRegions[i])
            }
        }
        let (columns, columnOf) = columnsOf(index, itemNexus: itemNexus, itemSectors: itemSectors, maxColumns: maxColumns)

        let sectorCount = Vocabulary.sectors.count
        var cells = [Int](repeating: 0, count: sectorCount * max(1, columns.count))
        var columnTotals = Array(repeating: 0, count: columns.count)
        var grand = 0, withoutSector = 0, withoutRegion = 0
        var regionCounts: [String: Int] = [:]
        for k in itemNexus.indices {
            if itemRegions[k].isEmpty { withoutRegion += 1 }
            for r in itemRegions[k] { regionCounts[r, default: 0] += 1 }
            guard !itemSectors[k].isEmpty else { withoutSector += 1; continue }
            let c = columnOf[Int(itemNexus[k])]
            guard c >= 0 else { continue }
            grand += 1
            columnTotals[c] += 1
            for s in itemSectors[k] { cells[Int(s) * columns.count + c] += 1 }
        }
        func row(_ p: Int) -> [Int] { Array(cells[p * columns.count..<(p + 1) * columns.count]) }
        var totals = [Int](repeating: 0, count: sectorCount)
        for p in 0..<sectorCount { totals[p] = row(p).reduce(0, +) }
        let rows = sectorRows(totals: totals, row: row)
        let regions = regionCounts.map { RegionRow(region: $0.key, count: $0.value) }.sorted { ($0.count, $1.region) > ($1.count, $0.region) }
        return SectorMatrix(
            measure: measure, columns: columns, rows: rows, columnTotals: columnTotals, grandTotal: grand,
            regions: regions, withoutSector: withoutSector, withoutRegion: withoutRegion)
    }

    /// Columns: the nexuses with most items; Disputed and Unknown always shown when present,
    /// last; the rest folded into "other". Returns each nexus position's column (-1: none).
    static func columnsOf(_ index: DatasetIndex, itemNexus: [UInt16], itemSectors: [ArraySlice<Int16>], maxColumns: Int) -> ([Column], [Int]) {
        var nexusTotals = [Int](repeating: 0, count: index.nexuses.count)
        for (k, n) in itemNexus.enumerated() where !itemSectors[k].isEmpty { nexusTotals[Int(n)] += 1 }
        let special = [Nexus.disputed, .unknown].compactMap { n in index.nexuses.firstIndex(of: n) }.filter { nexusTotals[$0] > 0 }
        let ranked = index.nexuses.indices.filter { index.nexuses[$0].code != nil && nexusTotals[$0] > 0 }
            .sorted { (nexusTotals[$0], index.nexuses[$1]) > (nexusTotals[$1], index.nexuses[$0]) }
        let room = max(1, maxColumns - special.count)
        var columns: [Column]
        var columnOf = [Int](repeating: -1, count: index.nexuses.count)
        if ranked.count > room {
            let shown = Array(ranked.prefix(max(0, room - 1)))
            columns = shown.map { .nexus(index.nexuses[$0]) } + [.other(ranked.dropFirst(shown.count).map { index.nexuses[$0] })]
            for (c, p) in shown.enumerated() { columnOf[p] = c }
            for p in ranked.dropFirst(shown.count) { columnOf[p] = shown.count }
        } else {
            columns = ranked.map { .nexus(index.nexuses[$0]) }
            for (c, p) in ranked.enumerated() { columnOf[p] = c }
        }
        for p in special {
            columnOf[p] = columns.count
            columns.append(.nexus(index.nexuses[p]))
        }

        return (columns, columnOf)
    }

    /// Rows: top-level sectors by total, each followed by its sub-sectors.
    static func sectorRows(totals: [Int], row: (Int) -> [Int]) -> [Row] {
        let present = totals.indices.filter { totals[$0] > 0 }
        let sectors = Vocabulary.sectors
        let tops = present.filter { sectors[$0].parent == nil }.sorted { (totals[$0], sectors[$1].id) > (totals[$1], sectors[$0].id) }
        var rows: [Row] = []
        for top in tops {
            rows.append(Row(sector: sectors[top].id, depth: 0, cells: row(top), total: totals[top]))
            let subs = present.filter { $0 != top && Vocabulary.sectorLineagePositions[$0].contains(top) }
                .sorted {
                    (Vocabulary.sectorLineagePositions[$0].count, -totals[$0], sectors[$0].id) < (
                        Vocabulary.sectorLineagePositions[$1].count, -totals[$1], sectors[$1].id
                    )
                }
            for sub in subs {
                rows.append(Row(sector: sectors[sub].id, depth: Vocabulary.sectorLineagePositions[sub].count - 1, cells: row(sub), total: totals[sub]))
            }
        }
        return rows
    }
}
