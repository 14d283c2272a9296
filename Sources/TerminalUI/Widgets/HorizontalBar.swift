/// A horizontal bar with eighth-cell resolution on a track: the building block of the
/// share-by-nexus chart. The value is also printed by the caller; the bar only shows size.
public struct HorizontalBar: Widget {
    public var fraction: Double
    public var style: Style
    public var trackStyle: Style
    public var glyphs: GlyphSet
    /// Draw the empty part of the track (a light shade) or leave it blank.
    public var showTrack: Bool

    public init(fraction: Double, style: Style = Style(.barFill), trackStyle: Style = Style(.barTrack), glyphs: GlyphSet, showTrack: Bool = true) {
        self.fraction = fraction
        self.style = style
        self.trackStyle = trackStyle
        self.glyphs = glyphs
        self.showTrack = showTrack
    }

    public func render(into buffer: inout Buffer, area: Rect) {
        guard area.width > 0, area.height > 0 else { return }
        let clamped = fraction.isFinite ? min(1, max(0, fraction)) : 0
        let eighths = Int((clamped * Double(area.width * 8)).rounded())
        // A non-zero value never disappears: at least one eighth.
        let shown = clamped > 0 ? max(1, eighths) : 0
        let full = Cell(glyphs.barEighths[8], style: style), track = Cell(showTrack ? glyphs.track : " ", style: trackStyle)
        for column in 0..<area.width {
            let filled = min(8, max(0, shown - column * 8))
            let x = area.x + column
            if filled == 8 {
                buffer.set(x, area.y, full)
            } else if filled > 0 {
                // ASCII has no partial blocks: round half up to a full character.
                let glyph = glyphs.ascii ? (filled >= 4 ? glyphs.barEighths[8] : glyphs.barEighths[4]) : glyphs.barEighths[filled]
                buffer.set(x, area.y, Cell(glyph, style: style))
            } else {
                buffer.set(x, area.y, track)
            }
        }
    }
}
