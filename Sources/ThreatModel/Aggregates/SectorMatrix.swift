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
        // Each item: its nexus, the set of sectors (with ancestors) and regions it touches.
        var items: [(nexus: Nexus, sectors: Set<String>, regions: Set<String>)] = []
        switch measure {
        case .actors:
            for actor in dataset.actors where selection.actorIDs.contains(actor.id) {
                items.append((actor.nexus, expand(actor.sectors, Vocabulary.sectorLineage), Set(actor.targetRegions)))
            }
        case .events:
            for i in selection.eventIndices {
                let e = dataset.events[i]
                items.append((e.nexus, expand(e.sectors, Vocabulary.sectorLineage), Set(e.targetRegions)))
            }
        }
        // Columns: the nexuses with most items; unknown always shown when present.
        var nexusTotals: [Nexus: Int] = [:]
        for item in items where !item.sectors.isEmpty { nexusTotals[item.nexus, default: 0] += 1 }
        let ranked = nexusTotals.filter { $0.key != .unknown }.sorted { ($0.value, $1.key) > ($1.value, $0.key) }.map(\.key)
        let room = max(1, maxColumns - (nexusTotals[.unknown] != nil ? 1 : 0))
        var columns: [Column]
        if ranked.count > room {
            columns = ranked.prefix(room - 1).map { .nexus($0) } + [.other(Array(ranked.dropFirst(room - 1)))]
        } else {
            columns = ranked.map { .nexus($0) }
        }
        if nexusTotals[.unknown] != nil { columns.append(.nexus(.unknown)) }
        func column(of nexus: Nexus) -> Int? {
            for (k, c) in columns.enumerated() {
                switch c {
                case .nexus(let n): if n == nexus { return k }
                case .other(let list): if list.contains(nexus) { return k }
                }
            }
            return nil
        }

        var cells: [String: [Int]] = [:]
        var columnTotals = Array(repeating: 0, count: columns.count)
        var grand = 0, withoutSector = 0, withoutRegion = 0
        var regionCounts: [String: Int] = [:]
        for item in items {
            if item.regions.isEmpty { withoutRegion += 1 }
            for r in item.regions { regionCounts[r, default: 0] += 1 }
            guard !item.sectors.isEmpty else { withoutSector += 1; continue }
            guard let c = column(of: item.nexus) else { continue }
            grand += 1
            columnTotals[c] += 1
            for s in item.sectors { cells[s, default: Array(repeating: 0, count: columns.count)][c] += 1 }
        }
        // Rows: top-level sectors by total, each followed by its sub-sectors.
        let totals = cells.mapValues { $0.reduce(0, +) }
        let tops = cells.keys.filter { Vocabulary.sector($0)?.parent == nil }.sorted { (totals[$0]!, $1) > (totals[$1]!, $0) }
        var rows: [Row] = []
        for top in tops {
            rows.append(Row(sector: top, depth: 0, cells: cells[top]!, total: totals[top]!))
            let subs = cells.keys.filter { $0 != top && Vocabulary.sectorLineage($0).contains(top) }
                .sorted { (Vocabulary.sectorLineage($0).count, -totals[$0]!, $0) < (Vocabulary.sectorLineage($1).count, -totals[$1]!, $1) }
            for sub in subs { rows.append(Row(sector: sub, depth: Vocabulary.sectorLineage(sub).count - 1, cells: cells[sub]!, total: totals[sub]!)) }
        }
        let regions = regionCounts.map { RegionRow(region: $0.key, count: $0.value) }.sorted { ($0.count, $1.region) > ($1.count, $0.region) }
        return SectorMatrix(measure: measure, columns: columns, rows: rows, columnTotals: columnTotals, grandTotal: grand,
                            regions: regions, withoutSector: withoutSector, withoutRegion: withoutRegion)
    }

    static func expand(_ ids: [String], _ lineage: (String) -> [String]) -> Set<String> {
        var out: Set<String> = []
        for id in ids { out.formUnion(lineage(id)) }
        return out
    }
}
