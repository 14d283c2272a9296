import Reports
import ThreatModel
import TerminalUI
import Analysis

/// ATT&CK techniques used by the actors in view: a matrix with one column per tactic in
/// kill-chain order (from the data's own tactic and matrix objects), each cell shaded and
/// numbered by how many actors in view use the technique; or, where the matrix does not fit
/// (80×24), the ranked list with sub-techniques under their parent.
public enum TechniquePane: Pane {
    public enum Layout: String, Sendable, CaseIterable {
        case automatic, matrix, list
    }

    public struct State: CursorState {
        /// The list cursor (an index into the ranked rows as listed).
        public var cursor = 0
        /// The matrix cursor: tactic column and row within it.
        public var column = 0
        public var row = 0
        public var layout: Layout = .automatic
    }

    public static let id = PaneID("techniques")
    public static let title = "Techniques"
    public static let initialState = State()
    /// The narrowest a tactic column may be for the matrix to be drawn.
    static let minimumColumn = 9

    public static let bindings: [KeyBinding] = [
        KeyBinding([.up, .character("k"), .down, .character("j")], "↑ ↓  k j", nil, "select a technique", hint: "↑↓ technique"),
        KeyBinding([.left, .character("h"), .right, .character("l")], "← →  h l", nil, "matrix: the previous / next tactic column", hint: "←→ tactic"),
        KeyBinding([.character("v")], "v", .layout, "layout: automatic → matrix → ranked list", hint: "v layout"),
    ]

    public static func frameTitle(_ state: AppState) -> String {
        let u = state.techniques
        return "Techniques · " + Format.plural(u.ranked.count, "technique") + " used by " + Format.count(u.actorsWithTechniques) + " of "
            + Format.plural(u.actorsInView, "actor") + " in view"
    }

    public static func note(_ state: AppState) -> String {
        (usesMatrix(state) ? "matrix" : "ranked") + (self.state(state).layout == .automatic ? "" : " (v)")
    }

    /// The rows of the list layout: each technique, then its sub-techniques under it.
    static func listRows(_ state: AppState) -> [(row: TechniqueUsage.Row, depth: Int)] {
        var out: [(TechniqueUsage.Row, Int)] = []
        for r in state.techniques.ranked {
            out.append((r, 0))
            for s in r.subtechniques { out.append((s, 1)) }
        }
        return out
    }

    static func usesMatrix(_ state: AppState) -> Bool {
        switch self.state(state).layout {
        case .matrix: return !state.techniques.matrix.isEmpty
        case .list: return false
        case .automatic:
            let inner = FrameLayout.inner(of: id, in: state)
            let m = state.techniques.matrix
            // A matrix only where tactics are known: one "no tactic" column is a list.
            let hasTactics = m.contains { !$0.tactic.shortName.isEmpty }
            return hasTactics && inner.width >= m.count * minimumColumn && inner.height >= 8
        }
    }

    public static func currentItem(_ state: AppState) -> Selectable? {
        let s = self.state(state)
        if usesMatrix(state) {
            let m = state.techniques.matrix
            guard m.indices.contains(s.column), m[s.column].rows.indices.contains(s.row) else { return nil }
            return .technique(m[s.column].rows[s.row].techniqueID)
        }
        let rows = listRows(state)
        return rows.indices.contains(s.cursor) ? .technique(rows[s.cursor].row.techniqueID) : nil
    }

    public static func clamp(_ state: inout AppState) {
        let rows = listRows(state).count
        let m = state.techniques.matrix
        modify(&state) { s in
            s.cursor = min(max(0, s.cursor), max(0, rows - 1))
            s.column = min(max(0, s.column), max(0, m.count - 1))
            s.row = min(max(0, s.row), max(0, (m.indices.contains(s.column) ? m[s.column].rows.count : 0) - 1))
        }
    }

    public static func perform(_ command: Command, _ state: inout AppState) -> Bool {
        switch command {
        case .layout:
            modify(&state) { s in
                let all = Layout.allCases
                s.layout = all[(all.firstIndex(of: s.layout)! + 1) % all.count]
            }
            clamp(&state)
            App.setStatus(&state, "techniques: " + (usesMatrix(state) ? "matrix" : "ranked list"), seconds: 2)
            return true
        default: break
        }
        let page = max(1, FrameLayout.inner(of: id, in: state).height - 3)
        if usesMatrix(state) {
            let m = state.techniques.matrix
            guard !m.isEmpty else { return command != .drill }
            var s = self.state(state)
            switch command {
            case .left: s.column = max(0, s.column - 1)
            case .right: s.column = min(m.count - 1, s.column + 1)
            default:
                guard let r = LineList.step(command, cursor: s.row, count: m[min(s.column, m.count - 1)].rows.count, page: page) else { return false }
                s.row = r
            }
            s.row = min(s.row, max(0, m[min(s.column, m.count - 1)].rows.count - 1))
            let updated = s
            modify(&state) { $0 = updated }
            return true
        }
        if command == .left || command == .right { return true }
        guard let c = LineList.step(command, cursor: self.state(state).cursor, count: listRows(state).count, page: page) else { return false }
        modify(&state) { $0.cursor = c }
        return true
    }

    public static func click(x: Int, y: Int, area: Rect, _ state: inout AppState) -> Bool {
        if usesMatrix(state) {
            let m = state.techniques.matrix
            let width = max(1, area.width / max(1, m.count))
            let column = (x - area.x) / width
            guard m.indices.contains(column) else { return false }
            let top = matrixTop(state, height: area.height - 2)
            let row = top + (y - area.y - 2)
            guard y >= area.y + 2, m[column].rows.indices.contains(row) else { return false }
            modify(&state) {
                $0.column = column; $0.row = row
            }
            return true
        }
        guard let item = LineList.item(at: y, lines: listLines(state, area: area), cursor: self.state(state).cursor, area: area, anchor: state.scrollAnchor(id))
        else { return false }
        modify(&state) { $0.cursor = item }
        return true
    }

    static func heat(_ count: Int, _ max: Int) -> Int { SectorPane.heatLevel(count, max: max) }

    static func listLines(_ state: AppState, area: Rect, wall: Bool = false) -> [PaneLine] {
        let u = state.techniques
        let g = state.glyphs
        var lines: [PaneLine] = []
        if u.ranked.isEmpty {
            let why = state.dataset.techniqueCount == 0 ? "The loaded data names no ATT&CK techniques." : "No actor in view uses a known technique."
            return [.text(why, style: Style(.muted))]
        }
        lines.append(
            PaneLine { buffer, row in
                buffer.put("technique", x: row.x, y: row.y, style: Style(.muted))
                buffer.putRight("actors", maxX: row.maxX, y: row.y, style: Style(.muted))
            })
        let compare = state.comparison
        let maxCount = u.maxCount
        for (k, entry) in listRows(state).enumerated() {
            if wall && entry.depth > 0 { continue }
            // What the line needs of the state, taken here: a closure that captured the state
            // copied all of it once per line (ATT&CK: 600 lines, the frame's largest cost).
            let r = entry.row
            let tactic = r.tactics.first.map { state.dataset.tacticName($0) } ?? ""
            var delta = ""
            if let compare, entry.depth == 0 { delta = " " + Format.delta(r.count - (compare.baselineTechniques.row(r.techniqueID)?.count ?? 0)) }
            lines.append(
                PaneLine(item: k) { buffer, row in
                    let countText = Format.count(r.count)
                    let right = countText + delta
                    let rightWidth = max(6, TextWidth.width(of: right, ascii: buffer.ascii))
                    let barWidth = max(0, min(16, row.width / 5))
                    let labelWidth = max(1, row.width - rightWidth - barWidth - 2)
                    let indent = entry.depth > 0 ? " " + g.treeBranch + " " : ""
                    let label = indent + r.techniqueID + " " + r.name + (tactic.isEmpty || entry.depth > 0 ? "" : " · " + tactic)
                    buffer.put(
                        label, x: row.x, y: row.y, style: Style(entry.depth > 0 ? .muted : .text, attributes: entry.depth == 0 ? .bold : []),
                        maxWidth: labelWidth)
                    if barWidth > 0 {
                        HorizontalBar(
                            fraction: Double(r.count) / Double(max(1, maxCount)), style: Style(Role.heat[max(0, heat(r.count, maxCount) - 1)]), glyphs: g
                        )
                        .render(into: &buffer, area: Rect(x: row.x + labelWidth + 1, y: row.y, width: barWidth, height: 1))
                    }
                    buffer.putRight(right, maxX: row.maxX, y: row.y, style: Style(.text, attributes: .bold), maxWidth: rightWidth)
                })
        }
        return lines
    }

    /// First visible matrix row so the cursor stays in view.
    static func matrixTop(_ state: AppState, height: Int) -> Int {
        let s = self.state(state)
        let longest = state.techniques.matrix.map(\.rows.count).max() ?? 0
        return LineList.top(lineCount: longest, height: max(1, height), cursorLine: s.row)
    }

    static func renderMatrix(_ state: AppState, into buffer: inout Buffer, area: Rect, focused: Bool) {
        let u = state.techniques
        let m = u.matrix
        let g = state.glyphs
        let s = self.state(state)
        let width = max(1, area.width / max(1, m.count))
        let top = matrixTop(state, height: area.height - 2)
        for (c, column) in m.enumerated() {
            let x = area.x + c * width
            let w = c == m.count - 1 ? area.maxX - x : width
            let cellWidth = max(1, w - 1)
            buffer.put(column.tactic.name, x: x, y: area.y, style: Style(.title, attributes: .bold), maxWidth: cellWidth)
            let actors = Set(column.rows.flatMap(\.actorPositions)).count
            buffer.put(Format.plural(column.rows.count, "tech") + " · " + Format.count(actors), x: x, y: area.y + 1, style: Style(.muted), maxWidth: cellWidth)
            for (k, r) in column.rows.enumerated().dropFirst(top).prefix(max(0, area.height - 2)) {
                let y = area.y + 2 + k - top
                let level = heat(r.count, u.maxCount)
                let count = Format.count(r.count)
                let countWidth = TextWidth.width(of: count)
                let style = Style(level >= 4 ? .background : .text, background: level > 0 ? Role.heat[level - 1] : nil, attributes: level == 5 ? .bold : [])
                buffer.fill(Rect(x: x, y: y, width: cellWidth, height: 1), Cell(" ", style: style))
                buffer.put(r.name, x: x, y: y, style: style, maxWidth: max(0, cellWidth - countWidth - 1))
                buffer.putRight(count, maxX: x + cellWidth, y: y, style: style.with(.bold))
                if focused && c == s.column && k == s.row {
                    // Reverse video, not a pointer glyph: the cell's first letter stays readable.
                    buffer.restyle(Rect(x: x, y: y, width: cellWidth, height: 1)) { $0.with([.reverse, .underline]) }
                }
            }
            let longest = column.rows.count
            if top > 0 { buffer.put(g.arrowUp, x: x + cellWidth - 1, y: area.y + 1, style: Style(.muted)) }
            if top + area.height - 2 < longest { buffer.put(g.arrowDown, x: x + cellWidth - 1, y: area.maxY - 1, style: Style(.muted)) }
        }
    }

    public static func render(_ state: AppState, into buffer: inout Buffer, area: Rect, focused: Bool) {
        guard !area.isEmpty else { return }
        if usesMatrix(state) {
            renderMatrix(state, into: &buffer, area: area, focused: focused)
        } else {
            LineList.render(
                listLines(state, area: area), cursor: self.state(state).cursor, focused: focused, into: &buffer, area: area, glyphs: state.glyphs,
                anchor: state.scrollAnchor(id))
        }
    }

    public static func renderWall(_ state: AppState, into buffer: inout Buffer, area: Rect) {
        LineList.render(listLines(state, area: area, wall: true), cursor: nil, focused: false, into: &buffer, area: area, glyphs: state.glyphs)
    }
}

extension PaneID {
    /// The techniques pane.
    public static let techniques = TechniquePane.id
}
