import TerminalUI
import Analysis
import ThreatModel

/// Column geometry of the sector × nexus matrix: a label column, one column per nexus
/// (headed by ISO codes when the names do not fit), then Σ.
struct SectorGrid {
    let labelWidth: Int
    let cellWidth: Int
    let totalWidth = 6
    let useCodes: Bool

    init(_ m: SectorMatrix, contentWidth content: Int, ascii: Bool) {
        let widestLabel = m.columns.map { TextWidth.width(of: $0.label, ascii: ascii) }.max() ?? 4
        let columnCount = max(1, m.columns.count)
        var cellWidth = max(5, min(widestLabel + 1, 9, (content - 12 - totalWidth) / columnCount))
        // Names that do not fit become ISO codes (CN, RU, KP): short and familiar to analysts.
        useCodes = widestLabel + 1 > cellWidth
        if useCodes { cellWidth = min(cellWidth, 6) }
        self.cellWidth = cellWidth
        labelWidth = max(8, min(28, content - totalWidth - cellWidth * m.columns.count))
    }

    func columnLabel(_ c: SectorMatrix.Column) -> String {
        guard useCodes else { return c.label }
        switch c {
        case .nexus(let n): return n.code ?? (n == .disputed ? "disp" : "unkn")
        case .other: return "oth"
        }
    }

    /// Where column `k` starts, from a row starting at `x`.
    func x(ofColumn k: Int, from x: Int) -> Int { x + labelWidth + k * cellWidth }
}
