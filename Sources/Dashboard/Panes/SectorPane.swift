import ThreatModel
import TerminalUI

/// Sector × nexus heat map: every cell shows its number next to a density glyph, so colour
/// never carries meaning alone; row and column totals; targeted regions below.
enum SectorPane {
    static func rows(_ state: AppState) -> [SectorMatrix.Row] {
        let rows = state.matrix.rows
        guard state.sectorSort == .name else { return rows }
        // Alphabetical by top-level sector, sub-sectors kept under their parent.
        var groups: [[SectorMatrix.Row]] = []
        for r in rows { if r.depth == 0 { groups.append([r]) } else if !groups.isEmpty { groups[groups.count - 1].append(r) } }
        return groups.sorted { $0[0].label < $1[0].label }.flatMap { $0 }
    }

    static func items(_ state: AppState) -> [Selectable] {
        let column = selectedColumnNexus(state)
        return rows(state).map { .sector($0.sector, column: column) } + state.matrix.regions.map { .region($0.region) }
    }

    /// The nexus of the column under the cursor (nil on the Σ column or "Other").
    static func selectedColumnNexus(_ state: AppState) -> Nexus? {
        let columns = state.matrix.columns
        guard state.sectorColumn < columns.count, state.sectorColumn >= 0 else { return nil }
        if case .nexus(let n) = columns[state.sectorColumn] { return n }
        return nil
    }

    static func heatLevel(_ value: Int, max: Int) -> Int {
        guard value > 0, max > 0 else { return 0 }
        return Swift.max(1, Swift.min(5, Int((Double(value) / Double(max) * 5).rounded(.up))))
    }

    static func lines(_ state: AppState, area: Rect, focused: Bool) -> [PaneLine] {
        let m = state.matrix
        let g = state.glyphs
        var lines: [PaneLine] = []
        let sectorRows = rows(state)
        if m.rows.isEmpty {
            lines.append(.text(m.measure == .actors ? "No actor in view has a stated sector." : "No event in view has a stated sector.", style: Style(.muted)))
        }
        // Column geometry: label, one column per nexus, then Σ.
        let content = area.width - 1
        let totalWidth = 6
        // Cells as wide as the widest nexus label (plus a gap), the sector names take the rest.
        let widestLabel = m.columns.map { TextWidth.width(of: $0.label, ascii: state.ascii) }.max() ?? 4
        let columnCount = max(1, m.columns.count)
        var cellWidth = max(5, min(widestLabel + 1, 9, (content - 12 - totalWidth) / columnCount))
        // Names that do not fit become ISO codes (CN, RU, KP): short, and familiar to analysts;
        // the cells then shrink to what a code and a number need, and sector names get the rest.
        let useCodes = widestLabel + 1 > cellWidth
        if useCodes { cellWidth = min(cellWidth, 6) }
        func columnLabel(_ c: SectorMatrix.Column) -> String {
            guard useCodes else { return c.label }
            switch c {
            case .nexus(let n): return n.code ?? "unkn"
            case .other: return "oth"
            }
        }
        let labelWidth = max(8, min(28, content - totalWidth - cellWidth * m.columns.count))
        let maxCell = m.maxCell
        let cursorColumn = min(state.sectorColumn, m.columns.count)

        if !m.rows.isEmpty {
            lines.append(PaneLine { buffer, row in
                buffer.put(m.measure == .actors ? "actors by nexus" : "events by nexus", x: row.x, y: row.y, style: Style(.muted), maxWidth: labelWidth)
                for (k, c) in m.columns.enumerated() {
                    let x = row.x + labelWidth + k * cellWidth
                    let style = Style(Role.nexus(columnCode(c)), attributes: focused && k == cursorColumn ? [.bold, .underline] : .bold)
                    buffer.putRight(columnLabel(c), maxX: x + cellWidth, y: row.y, style: style, maxWidth: cellWidth - 1)
                }
                let sx = row.x + labelWidth + m.columns.count * cellWidth
                buffer.putRight("Σ", maxX: sx + totalWidth, y: row.y, style: Style(.title, attributes: focused && cursorColumn == m.columns.count ? [.bold, .underline] : .bold))
            })
        }
        for (r, rowData) in sectorRows.enumerated() {
            let isLastChild = rowData.depth > 0 && (r + 1 == sectorRows.count || sectorRows[r + 1].depth == 0)
            // Items are the sector rows in this order, then the regions: row r is item r.
            lines.append(PaneLine(item: r) { buffer, row in
                let label = rowData.depth == 0 ? rowData.label : " " + (isLastChild ? g.treeLast : g.treeBranch) + " " + rowData.label
                buffer.put(label, x: row.x, y: row.y, style: Style(rowData.depth == 0 ? .text : .muted, attributes: rowData.depth == 0 ? .bold : []), maxWidth: labelWidth - 1)
                for (k, value) in rowData.cells.enumerated() {
                    let x = row.x + labelWidth + k * cellWidth
                    let level = heatLevel(value, max: maxCell)
                    let glyphStyle = Style(level == 0 ? .muted : Role.heat[level - 1])
                    // Shade glyph for density, then the number itself.
                    buffer.put(g.shades[min(4, level)], x: x + 1, y: row.y, style: glyphStyle)
                    let numberStyle = Style(level == 0 ? .muted : .text, attributes: level == 5 ? .bold : [])
                    buffer.putRight(String(value), maxX: x + cellWidth, y: row.y, style: numberStyle, maxWidth: cellWidth - 3)
                    if focused && k == cursorColumn && r == cursorRow(state) {
                        buffer.restyle(Rect(x: x, y: row.y, width: cellWidth, height: 1)) { $0.with(.reverse) }
                    }
                }
                let sx = row.x + labelWidth + m.columns.count * cellWidth
                buffer.putRight(String(rowData.total), maxX: sx + totalWidth, y: row.y, style: Style(.text, attributes: .bold))
            })
        }
        if !m.rows.isEmpty {
            lines.append(PaneLine { buffer, row in
                buffer.put("Σ (distinct)", x: row.x, y: row.y, style: Style(.muted), maxWidth: labelWidth)
                for (k, total) in m.columnTotals.enumerated() {
                    buffer.putRight(String(total), maxX: row.x + labelWidth + (k + 1) * cellWidth, y: row.y, style: Style(.text, attributes: .bold))
                }
                let sx = row.x + labelWidth + m.columns.count * cellWidth
                buffer.putRight(String(m.grandTotal), maxX: sx + totalWidth, y: row.y, style: Style(.title, attributes: .bold))
            })
        }
        if m.withoutSector > 0 {
            let what = m.measure == .actors ? "actors" : "events"
            lines.append(.text("\(m.withoutSector) \(what) in view have no stated sector", style: Style(.muted)))
        }
        lines.append(.blank)
        lines.append(.text("Targeted regions (\(m.measure == .actors ? "actors" : "events"))" + (m.withoutRegion > 0 ? " · \(m.withoutRegion) unstated" : ""),
                           style: Style(.title, attributes: .bold)))
        if m.regions.isEmpty { lines.append(.text("  none stated", style: Style(.muted))) }
        let maxRegion = m.regions.map(\.count).max() ?? 1
        for (k, region) in m.regions.enumerated() {
            lines.append(PaneLine(item: sectorRows.count + k) { buffer, row in
                let name = Vocabulary.region(region.region)?.name ?? region.region
                buffer.put(name, x: row.x, y: row.y, style: Style(.text), maxWidth: labelWidth)
                let barWidth = max(1, row.width - labelWidth - 8)
                HorizontalBar(fraction: Double(region.count) / Double(maxRegion), glyphs: g)
                    .render(into: &buffer, area: Rect(x: row.x + labelWidth, y: row.y, width: barWidth, height: 1))
                buffer.putRight(String(region.count), maxX: row.maxX, y: row.y, style: Style(.text))
            })
        }
        return lines
    }

    static func render(_ state: AppState, into buffer: inout Buffer, area: Rect, focused: Bool) {
        LineList.render(lines(state, area: area, focused: focused), cursor: state.sectorRow, focused: focused, into: &buffer, area: area, glyphs: state.glyphs)
    }

    static func cursorRow(_ state: AppState) -> Int { state.sectorRow }

    static func columnCode(_ c: SectorMatrix.Column) -> String? {
        switch c {
        case .nexus(let n): return n.code
        case .other: return "other"
        }
    }
}
