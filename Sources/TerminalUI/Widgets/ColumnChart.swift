/// Vertical bars, one per value, with eighth-cell resolution: the timeline's histogram.
/// Values share the width evenly (some columns one cell wider when it does not divide);
/// a highlighted index is drawn in the accent style.
public struct ColumnChart: Widget {
    public var values: [Int]
    public var maxValue: Int
    public var styles: [Style]
    public var highlighted: Int?
    public var glyphs: GlyphSet
    /// A second series drawn as a dashed mark at its height in each column (a comparison's baseline).
    public var baseline: [Int]?

    public init(values: [Int], maxValue: Int? = nil, styles: [Style] = [], highlighted: Int? = nil, glyphs: GlyphSet, baseline: [Int]? = nil) {
        self.values = values
        self.maxValue = maxValue ?? max(values.max() ?? 0, baseline?.max() ?? 0)
        self.styles = styles
        self.highlighted = highlighted
        self.glyphs = glyphs
        self.baseline = baseline
    }

    /// Left edge (relative) and width of column `i` of `count` in `width` cells.
    public static func column(_ i: Int, of count: Int, width: Int) -> (x: Int, width: Int) {
        guard count > 0 else { return (0, 0) }
        let a = i * width / count, b = (i + 1) * width / count
        return (a, max(0, b - a))
    }

    public func render(into buffer: inout Buffer, area: Rect) {
        guard area.width > 0, area.height > 0, maxValue > 0 else { return }
        for (i, value) in values.enumerated() {
            let (dx0, columnWidth) = ColumnChart.column(i, of: values.count, width: area.width)
            let x0 = area.x + dx0
            if x0 >= area.maxX || columnWidth == 0 { continue }
            // Height in eighths; any non-zero value shows at least one eighth.
            var eighths = Int((Double(value) / Double(maxValue) * Double(area.height * 8)).rounded())
            if value > 0 { eighths = max(1, eighths) }
            var style = i < styles.count ? styles[i] : Style(.barFill)
            if i == highlighted { style = Style(.accent, attributes: .bold) }
            for row in 0..<area.height {
                let y = area.maxY - 1 - row
                let filled = min(8, max(0, eighths - row * 8))
                guard filled > 0 else { continue }
                let glyph = glyphs.ascii ? (row * 8 + 8 <= eighths || filled >= 4 ? glyphs.columnEighths[8] : glyphs.columnEighths[4]) : glyphs.columnEighths[filled]
                for dx in 0..<columnWidth where x0 + dx < area.maxX {
                    buffer.set(x0 + dx, y, Cell(glyph, style: style))
                }
            }
            if let baseline, i < baseline.count, baseline[i] > 0 {
                let row = min(area.height - 1, Int((Double(baseline[i]) / Double(maxValue) * Double(area.height)).rounded(.up)) - 1)
                let y = area.maxY - 1 - max(0, row)
                for dx in 0..<columnWidth where x0 + dx < area.maxX {
                    buffer.set(x0 + dx, y, Cell(glyphs.ascii ? "-" : "╌", style: Style(.warning, attributes: .bold)))
                }
            }
        }
    }
}
