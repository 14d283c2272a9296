import TerminalUI

/// A few counts in the big digit font, each over its label, arranged in the bands that cover
/// the most rows of the space: the wall's larger type for a view with little to list.
struct WallFigures {
    /// "24" over "actors in view": the figure is what BlockDigits draws (digits, signs, commas).
    struct Figure: Equatable {
        var value: String
        var label: String
        var role: Role = .accent
    }

    var figures: [Figure]

    /// How the figures are laid out in `area`: bands (rows), figures per band, and the scale.
    struct Arrangement: Equatable {
        var bands: Int
        var perBand: Int
        var scale: Int
        var covered: Int
    }

    /// The arrangement covering the most rows (a larger scale breaks ties); nil when not even
    /// scale 1 fits.
    static func arrange(_ figures: [Figure], in area: Rect, ascii: Bool) -> Arrangement? {
        guard !figures.isEmpty, !area.isEmpty else { return nil }
        var best: Arrangement?
        for bands in 1...figures.count {
            let perBand = (figures.count + bands - 1) / bands
            let bandHeight = area.height / bands
            let columnWidth = area.width / perBand - 2
            // One row under the figure for its label.
            let scale = figures.map { BlockDigits.scale(toFit: $0.value, width: columnWidth, height: bandHeight - 1, ascii: ascii) }.min() ?? 0
            guard scale > 0 else { continue }
            let covered = bands * (BlockDigits.height(scale: scale, ascii: ascii) + 1)
            let candidate = Arrangement(bands: bands, perBand: perBand, scale: scale, covered: covered)
            if best == nil || (covered, scale) > (best!.covered, best!.scale) { best = candidate }
        }
        return best
    }

    /// Draws the figures; returns the rows covered (0 when nothing fits).
    @discardableResult
    func render(into buffer: inout Buffer, area: Rect, glyphs: GlyphSet) -> Int {
        // When all do not fit, the first ones (the most telling) still do.
        var figures = self.figures
        var arrangement = Self.arrange(figures, in: area, ascii: glyphs.ascii)
        while arrangement == nil && figures.count > 1 {
            figures.removeLast()
            arrangement = Self.arrange(figures, in: area, ascii: glyphs.ascii)
        }
        guard let a = arrangement else { return 0 }
        let h = BlockDigits.height(scale: a.scale, ascii: glyphs.ascii)
        let bandHeight = area.height / a.bands
        for (k, f) in figures.enumerated() {
            let band = k / a.perBand, column = k % a.perBand
            let inBand = min(a.perBand, figures.count - band * a.perBand)
            let columnWidth = area.width / inBand
            let cell = Rect(x: area.x + (column % inBand) * columnWidth, y: area.y + band * bandHeight, width: columnWidth, height: bandHeight)
            let top = cell.y + max(0, (cell.height - h - 1) / 2)
            let w = BlockDigits.width(of: f.value, scale: a.scale)
            BlockDigits(f.value, style: Style(f.role, attributes: .bold), glyphs: glyphs, scale: a.scale)
                .render(into: &buffer, area: Rect(x: cell.x + max(0, (cell.width - w) / 2), y: top, width: min(w, cell.width), height: h))
            let labelWidth = TextWidth.width(of: f.label, ascii: glyphs.ascii)
            buffer.put(f.label, x: cell.x + max(0, (cell.width - labelWidth) / 2), y: top + h, style: Style(.text, attributes: .bold), maxWidth: cell.width)
        }
        return a.covered
    }
}
