import Reports
import Analysis
import ThreatModel

extension SectorPane {
    /// "Technology: 12 actors; China 8, Russia 2." per sector (the chosen nexus column first
    /// when one is chosen), then the targeted regions.
    public static func spoken(_ state: AppState) -> SpokenPane {
        let m = state.matrix
        let unit = m.measure == .actors ? "actor" : "event"
        let chosen = self.state(state).column.flatMap { m.columns.indices.contains($0) ? $0 : nil }
        let column = selectedColumnNexus(state)
        var lines: [SpokenLine] = []
        if m.rows.isEmpty { lines.append(SpokenLine(m.grandTotal == 0 ? "Nothing in view names a sector." : "No sector rows.")) }
        for r in rows(state) {
            var text = (r.depth > 0 ? "sub-sector " : "") + r.label + ": "
            if let c = chosen {
                text += m.columns[c].label + " " + Format.plural(r.cells[c], unit) + ", of " + Format.count(r.total) + " in all"
            } else {
                let parts = zip(m.columns, r.cells).filter { $0.1 > 0 }.map { $0.0.label + " " + Format.count($0.1) }
                text += Format.plural(r.total, unit) + (parts.isEmpty ? "" : "; " + parts.joined(separator: ", "))
            }
            lines.append(SpokenLine(text + ".", item: .sector(r.sector, column: column)))
        }
        if m.withoutSector > 0 { lines.append(SpokenLine(Format.plural(m.withoutSector, unit) + " in view name no sector.")) }
        lines.append(.heading("Targeted regions."))
        for r in m.regions {
            lines.append(SpokenLine(Vocabulary.regionName(r.region) + ": " + Format.plural(r.count, unit) + ".", item: .region(r.region)))
        }
        let heading = "Sector targeting: " + unit + "s by nexus" + (chosen.map { ", column " + m.columns[$0].label } ?? "") + "."
        return SpokenPane(heading: heading, lines: lines)
    }
}
