import Reports
import ThreatModel
import TerminalUI
import Analysis

/// Sector × nexus heat map: every cell shows its number next to a density glyph, so colour
/// never carries meaning alone; row and column totals; targeted regions below.
public enum SectorPane: Pane {
    public struct State: CursorState {
        public var cursor = 0
        /// The nexus column under the cursor; nil is the Σ column.
        public var column: Int?
        public var measure: SectorMatrix.Measure = .actors
        public var sort: AppState.SortOrder = .count
        /// The column budget the matrix was computed for (it changes with the width).
        public var columns = 0
    }

    public static let id = PaneID("sectors")
    public static let title = "Sector targeting"
    public static let shortTitle = "Sectors"
    public static let initialState = State()

    public static let bindings: [KeyBinding] = [
        KeyBinding([.up, .character("k"), .down, .character("j")], "↑ ↓  k j", nil, "select a sector or region", hint: "↑↓ sector"),
        KeyBinding([.left, .character("h"), .right, .character("l")], "← →  h l", nil, "move between nexus columns and Σ", hint: "←→ nexus"),
        KeyBinding([.character("m")], "m", .measure, "count actors or events", hint: "m measure"),
        KeyBinding([.character("s")], "s", .sort, "sort sectors by total or by name", hint: "s sort"),
    ]

    public static func frameTitle(_ state: AppState) -> String {
        "Sector targeting · " + (state.matrix.measure == .actors ? "actors" : "events") + " by nexus"
    }

    public static func note(_ state: AppState) -> String {
        state.matrix.measure.rawValue + (self.state(state).sort == .name ? " · A-Z" : "")
    }

    static func rows(_ state: AppState) -> [SectorMatrix.Row] {
        let rows = state.matrix.rows
        guard self.state(state).sort == .name else { return rows }
        // Alphabetical by top-level sector, sub-sectors kept under their parent.
        var groups: [[SectorMatrix.Row]] = []
        for r in rows { if r.depth == 0 { groups.append([r]) } else if !groups.isEmpty { groups[groups.count - 1].append(r) } }
        return groups.sorted { ($0[0].label, $0[0].sector) < ($1[0].label, $1[0].sector) }.flatMap { $0 }
    }

    static func items(_ state: AppState) -> [Selectable] {
        let column = selectedColumnNexus(state)
        return rows(state).map { .sector($0.sector, column: column) } + state.matrix.regions.map { .region($0.region) }
    }

    /// The nexus of the column under the cursor (nil on the Σ column or "Other").
    static func selectedColumnNexus(_ state: AppState) -> Nexus? {
        let columns = state.matrix.columns
        guard let c = self.state(state).column, columns.indices.contains(c) else { return nil }
        if case .nexus(let n) = columns[c] { return n }
        return nil
    }

    public static func currentItem(_ state: AppState) -> Selectable? {
        let items = items(state)
        let c = self.state(state).cursor
        return items.indices.contains(c) ? items[c] : nil
    }

    public static func derive(_ state: inout AppState) {
        let budget = state.matrixColumns
        if self.state(state).columns != budget {
            state.matrix = SectorMatrix.compute(state.dataset, selection: state.selection, measure: self.state(state).measure, maxColumns: budget)
            modify(&state) { $0.columns = budget }
        }
    }

    public static func clamp(_ state: inout AppState) {
        let count = items(state).count
        let columns = state.matrix.columns.count
        modify(&state) { s in
            s.cursor = min(max(0, s.cursor), max(0, count - 1))
            if let c = s.column, c >= columns || c < 0 { s.column = nil }
        }
    }

    public static func perform(_ command: Command, _ state: inout AppState) -> Bool {
        let columns = state.matrix.columns.count
        switch command {
        case .measure:
            modify(&state) {
                $0.measure = $0.measure == .actors ? .events : .actors; $0.columns = 0
            }
            state.refresh()
            return true
        case .sort:
            modify(&state) { $0.sort = $0.sort == .count ? .name : .count }
            return true
        case .left:
            // Σ → the last nexus column → … → the first; no wrap.
            modify(&state) { s in s.column = max(0, (s.column ?? columns) - 1) }
            if columns == 0 { modify(&state) { $0.column = nil } }
            return true
        case .right:
            modify(&state) { s in
                guard let c = s.column else { return }
                s.column = c + 1 >= columns ? nil : c + 1
            }
            return true
        default:
            let page = max(1, FrameLayout.inner(of: id, in: state).height - 2)
            guard let c = LineList.step(command, cursor: self.state(state).cursor, count: items(state).count, page: page) else { return false }
            modify(&state) { $0.cursor = c }
            return true
        }
    }

    public static func click(x: Int, y: Int, area: Rect, _ state: inout AppState) -> Bool {
        guard
            let item = LineList.item(
                at: y, lines: lines(state, area: area, focused: true), cursor: self.state(state).cursor, area: area,
                anchor: state.scrollAnchor(id))
        else { return false }
        modify(&state) { $0.cursor = item }
        return true
    }

    static func heatLevel(_ value: Int, max: Int) -> Int {
        guard value > 0, max > 0 else { return 0 }
        return Swift.max(1, Swift.min(5, Int((Double(value) / Double(max) * 5).rounded(.up))))
    }

    static func columnCode(_ c: SectorMatrix.Column) -> String? {
        switch c {
        case .nexus(let n): return n.code ?? (n == .disputed ? "disputed" : nil)
        case .other: return "other"
        }
    }

    static func lines(_ state: AppState, area: Rect, focused: Bool, wall: Bool = false) -> [PaneLine] {
        let m = state.matrix
        let own = self.state(state)
        var lines: [PaneLine] = []
        let sectorRows = rows(state)
        if m.rows.isEmpty {
            let nothing = state.dataset.actors.isEmpty && state.dataset.events.isEmpty
            lines.append(
                .text(
                    nothing ? "No data loaded." : (m.measure == .actors ? "No actor in view has a stated sector." : "No event in view has a stated sector."),
                    style: Style(.muted)))
        }
        let grid = SectorGrid(m, contentWidth: LineList.content(area).width, ascii: state.ascii)
        let cursorColumn = own.column ?? m.columns.count
        if !m.rows.isEmpty { lines.append(headerLine(m, grid, focused: focused, cursorColumn: cursorColumn)) }
        let cursor = focused ? (row: own.cursor, column: cursorColumn) : nil
        lines += rowLines(sectorRows, m, grid, glyphs: state.glyphs, cursor: cursor, wall: wall)
        if !m.rows.isEmpty { lines.append(totalLine(m, grid)) }
        let noun: Noun = m.measure == .actors ? .actor : .event
        if m.withoutSector > 0 {
            lines.append(.text(noun.count(m.withoutSector) + " in view " + (m.withoutSector == 1 ? "has" : "have") + " no stated sector", style: Style(.muted)))
        }
        if wall { return lines }
        lines.append(.blank)
        lines.append(
            .text(
                "Targeted regions (\(noun.plural))" + (m.withoutRegion > 0 ? " · " + noun.count(m.withoutRegion) + " state none" : ""),
                style: Style(.title, attributes: .bold)))
        if m.regions.isEmpty { lines.append(.text("  none stated", style: Style(.muted))) }
        lines += regionLines(m, labelWidth: grid.labelWidth, glyphs: state.glyphs, firstItem: sectorRows.count)
        return lines
    }

    /// "actors by nexus", the column heads and Σ; the cursor's column underlined.
    static func headerLine(_ m: SectorMatrix, _ grid: SectorGrid, focused: Bool, cursorColumn: Int) -> PaneLine {
        PaneLine { buffer, row in
            buffer.put(m.measure == .actors ? "actors by nexus" : "events by nexus", x: row.x, y: row.y, style: Style(.muted), maxWidth: grid.labelWidth)
            for (k, c) in m.columns.enumerated() {
                let x = grid.x(ofColumn: k, from: row.x)
                let style = Style(Role.nexus(columnCode(c)), attributes: focused && k == cursorColumn ? [.bold, .underline] : .bold)
                buffer.putRight(grid.columnLabel(c), maxX: x + grid.cellWidth, y: row.y, style: style, maxWidth: grid.cellWidth - 1)
            }
            let sx = grid.x(ofColumn: m.columns.count, from: row.x)
            buffer.putRight(
                "Σ", maxX: sx + grid.totalWidth, y: row.y,
                style: Style(.title, attributes: focused && cursorColumn == m.columns.count ? [.bold, .underline] : .bold))
        }
    }

    /// One line per sector row (items 0..<rows.count): label in its tree, a shaded cell per
    /// nexus, the row's total; the focused cell reversed.
    static func rowLines(
        _ sectorRows: [SectorMatrix.Row], _ m: SectorMatrix, _ grid: SectorGrid, glyphs g: GlyphSet, cursor: (row: Int, column: Int)?, wall: Bool
    ) -> [PaneLine] {
        let maxCell = m.maxCell
        var lines: [PaneLine] = []
        for (r, rowData) in sectorRows.enumerated() {
            let isLastChild = rowData.depth > 0 && (r + 1 == sectorRows.count || sectorRows[r + 1].depth == 0)
            // Items are the sector rows in this order, then the regions: row r is item r.
            lines.append(
                PaneLine(item: r) { buffer, row in
                    let label = rowData.depth == 0 ? rowData.label : " " + (isLastChild ? g.treeLast : g.treeBranch) + " " + rowData.label
                    buffer.put(
                        label, x: row.x, y: row.y, style: Style(rowData.depth == 0 ? .text : .muted, attributes: rowData.depth == 0 ? .bold : []),
                        maxWidth: grid.labelWidth - 1)
                    for (k, value) in rowData.cells.enumerated() {
                        let x = grid.x(ofColumn: k, from: row.x)
                        let level = heatLevel(value, max: maxCell)
                        let glyphStyle = Style(level == 0 ? .muted : Role.heat[level - 1])
                        // Shade glyph for density, then the number itself.
                        buffer.put(g.shades[min(4, level)], x: x + 1, y: row.y, style: glyphStyle)
                        let numberStyle = Style(level == 0 ? .muted : .text, attributes: level == 5 || wall ? .bold : [])
                        buffer.putRight(Format.count(value), maxX: x + grid.cellWidth, y: row.y, style: numberStyle, maxWidth: grid.cellWidth - 3)
                        if let cursor, k == cursor.column && r == cursor.row {
                            buffer.restyle(Rect(x: x, y: row.y, width: grid.cellWidth, height: 1)) { $0.with(.reverse) }
                        }
                    }
                    let sx = grid.x(ofColumn: m.columns.count, from: row.x)
                    buffer.putRight(
                        Format.count(rowData.total), maxX: sx + grid.totalWidth, y: row.y, style: Style(.text, attributes: .bold), maxWidth: grid.totalWidth)
                })
        }
        return lines
    }

    /// "Σ (distinct)": each column's distinct count and the grand total.
    static func totalLine(_ m: SectorMatrix, _ grid: SectorGrid) -> PaneLine {
        PaneLine { buffer, row in
            buffer.put("Σ (distinct)", x: row.x, y: row.y, style: Style(.muted), maxWidth: grid.labelWidth)
            for (k, total) in m.columnTotals.enumerated() {
                buffer.putRight(
                    Format.count(total), maxX: grid.x(ofColumn: k + 1, from: row.x), y: row.y, style: Style(.text, attributes: .bold),
                    maxWidth: grid.cellWidth - 1)
            }
            let sx = grid.x(ofColumn: m.columns.count, from: row.x)
            buffer.putRight(
                Format.count(m.grandTotal), maxX: sx + grid.totalWidth, y: row.y, style: Style(.title, attributes: .bold), maxWidth: grid.totalWidth)
        }
    }

    /// A bar per targeted region, items after the sector rows.
    static func regionLines(_ m: SectorMatrix, labelWidth: Int, glyphs g: GlyphSet, firstItem: Int) -> [PaneLine] {
        let maxRegion = m.regions.map(\.count).max() ?? 1
        return m.regions.enumerated().map { k, region in
            PaneLine(item: firstItem + k) { buffer, row in
                let name = Vocabulary.region(region.region)?.name ?? region.region
                buffer.put(name, x: row.x, y: row.y, style: Style(.text), maxWidth: labelWidth)
                let barWidth = max(1, row.width - labelWidth - 8)
                HorizontalBar(fraction: Double(region.count) / Double(max(1, maxRegion)), glyphs: g)
                    .render(into: &buffer, area: Rect(x: row.x + labelWidth, y: row.y, width: barWidth, height: 1))
                buffer.putRight(Format.count(region.count), maxX: row.maxX, y: row.y, style: Style(.text), maxWidth: 7)
            }
        }
    }

    public static func render(_ state: AppState, into buffer: inout Buffer, area: Rect, focused: Bool) {
        LineList.render(
            lines(state, area: area, focused: focused), cursor: self.state(state).cursor, focused: focused, into: &buffer, area: area, glyphs: state.glyphs,
            anchor: state.scrollAnchor(id))
    }

    public static func renderWall(_ state: AppState, into buffer: inout Buffer, area: Rect) {
        LineList.render(lines(state, area: area, focused: false, wall: true), cursor: nil, focused: false, into: &buffer, area: area, glyphs: state.glyphs)
    }
}

extension PaneID {
    /// The sectors pane.
    public static let sectors = SectorPane.id
}
