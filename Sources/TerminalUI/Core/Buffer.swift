/// An in-memory screen: what widgets draw into and backends put on the terminal.
///
/// All text enters through `put`, which sanitises it (see `TerminalText`), so no widget can
/// write a control sequence by accident, and which never splits a wide grapheme.
public struct Buffer: Hashable, Sendable {
    public let width: Int
    public let height: Int
    /// ASCII-only output: non-ASCII data is escaped, glyph sets use ASCII.
    public let ascii: Bool
    public private(set) var cells: [Cell]

    public init(width: Int, height: Int, ascii: Bool = false) {
        self.width = max(0, width)
        self.height = max(0, height)
        self.ascii = ascii
        cells = Array(repeating: .blank, count: self.width * self.height)
    }

    public var area: Rect { Rect(x: 0, y: 0, width: width, height: height) }

    public subscript(x: Int, y: Int) -> Cell {
        get { cells[y * width + x] }
    }

    public func inBounds(_ x: Int, _ y: Int) -> Bool { x >= 0 && y >= 0 && x < width && y < height }

    /// Sets one cell, repairing any wide grapheme it cuts in half. The cell's text must be
    /// one printable grapheme; anything else (or non-ASCII in an ASCII buffer) is replaced
    /// by its sanitised first grapheme, so even glyph cells cannot smuggle a control.
    public mutating func set(_ x: Int, _ y: Int, _ cell: Cell) {
        guard inBounds(x, y) else { return }
        if !Buffer.isSafe(cell, ascii: ascii) {
            let g = TerminalText.graphemes(cell.text, ascii: ascii).first ?? .space
            set(x, y, Cell(packed: g.packed, width: UInt8(g.width), style: cell.style))
            return
        }
        let i = y * width + x
        // The common case: a narrow cell over narrow cells, nothing to repair.
        if cell.width == 1 && cells[i].width == 1 {
            cells[i] = cell
            return
        }
        // Overwriting half of a wide grapheme blanks the other half.
        if cells[i].isContinuation, x > 0 { cells[i - 1] = Cell(" ", width: 1, style: cells[i - 1].style) }
        if cells[i].width == 2, x + 1 < width { cells[i + 1] = Cell(" ", width: 1, style: cells[i + 1].style) }
        cells[i] = cell
        if cell.width == 2 {
            if x + 1 < width {
                if cells[i + 1].width == 2, x + 2 < width { cells[i + 2] = Cell(" ", width: 1, style: cells[i + 2].style) }
                cells[i + 1] = Cell("", width: 0, style: cell.style)
            } else {
                cells[i] = Cell(" ", width: 1, style: cell.style)
            }
        }
    }

    @inline(__always)
    static func isSafe(_ cell: Cell, ascii: Bool) -> Bool {
        let p = cell.packed
        if p < 0x100 {
            if p == 0 { return cell.width == 0 }
            return p >= 0x20 && p < 0x7F && cell.width == 1
        }
        if ascii { return false }
        if let only = cell.singleScalar {
            if cell.width == 1 && GlyphSet.isTrusted(only.value) { return true }
            // The common case (box drawing, blocks): one printable scalar of the right width.
            return only.value >= 0xA0 && !TerminalText.isHostile(only) && TextWidth.width(of: only) == Int(cell.width)
        }
        // Clusters: accept only what TerminalText itself would produce for them.
        let g = TerminalText.graphemes(cell.text, ascii: false)
        return g.count == 1 && g[0].text == cell.text && g[0].width == Int(cell.width)
    }

    /// Fills a rectangle with one cell.
    public mutating func fill(_ rect: Rect, _ cell: Cell = .blank) {
        let cell = Buffer.isSafe(cell, ascii: ascii) && cell.width == 1 ? cell : Cell(" ", style: cell.style)
        let r = rect.intersection(area)
        guard !r.isEmpty else { return }
        for y in r.y..<r.maxY { for x in r.x..<r.maxX { cells[y * width + x] = cell } }
        // Wide graphemes straddling the edges lose their other half.
        for y in r.y..<r.maxY {
            if r.x > 0, cells[y * width + r.x - 1].width == 2 { cells[y * width + r.x - 1] = Cell(" ", width: 1, style: cells[y * width + r.x - 1].style) }
            if r.maxX < width, cells[y * width + r.maxX].isContinuation {
                cells[y * width + r.maxX] = Cell(" ", width: 1, style: cells[y * width + r.maxX].style)
            }
        }
    }

    /// Restyles a rectangle, keeping its text (selection highlight, heat background).
    public mutating func restyle(_ rect: Rect, _ transform: (Style) -> Style) {
        let r = rect.intersection(area)
        guard !r.isEmpty else { return }
        for y in r.y..<r.maxY { for x in r.x..<r.maxX { cells[y * width + x].style = transform(cells[y * width + x].style) } }
    }

    /// Writes text from (x, y), clipped to `maxWidth` columns (default: to the right edge).
    /// With `ellipsis`, text that does not fit ends in "…" instead of being cut silently.
    /// Returns the columns used.
    @discardableResult
    public mutating func put(_ text: String, x: Int, y: Int, style: Style = .plain, maxWidth: Int? = nil, ellipsis: Bool = true) -> Int {
        // Printable ASCII that fits needs no sanitising or width lookups: write it directly.
        let utf8 = text.utf8
        if y >= 0, y < height, x >= 0, utf8.count <= min(maxWidth ?? (width - x), width - x), utf8.count <= TerminalText.defaultLimit,
            utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F })
        {
            var col = x
            for b in utf8 {
                let i = y * width + col
                if cells[i].width == 1 {
                    cells[i] = Cell.ascii(b, style: style)
                } else {
                    set(col, y, Cell.ascii(b, style: style))
                }
                col += 1
            }
            return utf8.count
        }
        return putGraphemes(TerminalText.graphemes(text, ascii: ascii), x: x, y: y, style: style, maxWidth: maxWidth, ellipsis: ellipsis)
    }

    @discardableResult
    public mutating func putGraphemes(_ graphemes: [Grapheme], x: Int, y: Int, style: Style = .plain, maxWidth: Int? = nil, ellipsis: Bool = true) -> Int {
        guard y >= 0, y < height, x < width else { return 0 }
        let limit = min(maxWidth ?? (width - x), width - max(0, x))
        guard limit > 0 else { return 0 }
        let total = graphemes.reduce(0) { $0 + $1.width }
        let cut = total > limit
        let room = cut && ellipsis ? limit - 1 : limit
        var col = x
        var used = 0
        for g in graphemes {
            if used + g.width > room { break }
            if col >= 0 { set(col, y, Cell(packed: g.packed, width: UInt8(g.width), style: style)) }
            col += g.width
            used += g.width
        }
        if cut && ellipsis {
            // Pad a gap left by a wide grapheme that did not fit, then the ellipsis.
            while used < limit - 1 { set(col, y, Cell(" ", width: 1, style: style)); col += 1; used += 1 }
            set(col, y, Cell(ascii ? "~" : "…", width: 1, style: style))
            used += 1
        }
        return used
    }

    /// Text right-aligned so that it ends at column `maxX` (exclusive).
    @discardableResult
    public mutating func putRight(_ text: String, maxX: Int, y: Int, style: Style = .plain, maxWidth: Int? = nil) -> Int {
        let g = TerminalText.graphemes(text, ascii: ascii)
        let w = min(g.reduce(0) { $0 + $1.width }, maxWidth ?? Int.max)
        return putGraphemes(g, x: maxX - w, y: y, style: style, maxWidth: w)
    }

    /// The screen as plain lines, trailing spaces kept, wide graphemes once.
    public var lines: [String] {
        // Each line's bytes gathered straight from the cells and decoded once (a String per
        // cell, each from an array of its bytes, was 12 M instructions for a 200x60 snapshot).
        // A cell holds whole graphemes, so decoding a line is decoding its cells in turn.
        var bytes: [UInt8] = []
        bytes.reserveCapacity(width * 3)
        return (0..<height).map { y in
            bytes.removeAll(keepingCapacity: true)
            appendBytes(ofRow: y, upTo: width, to: &bytes)
            return String(decoding: bytes, as: UTF8.self)
        }
    }

    /// The screen as text with trailing spaces removed from each line.
    public var text: String {
        // Trimmed by cell and decoded once: trimming each line's String from its end walked
        // it back grapheme by grapheme (13 M instructions, a fifth of an empty snapshot).
        var bytes: [UInt8] = []
        bytes.reserveCapacity(height * (width + 1))
        for y in 0..<height {
            if y > 0 { bytes.append(0x0A) }
            let row = y * width
            var end = width
            // Spaces, and cells that print nothing (continuations have no bytes).
            while end > 0, cells[row + end - 1].packed == 0x20 || cells[row + end - 1].packed == 0 { end -= 1 }
            appendBytes(ofRow: y, upTo: end, to: &bytes)
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The UTF-8 bytes of row `y`'s cells before column `end`, continuations skipped.
    private func appendBytes(ofRow y: Int, upTo end: Int, to bytes: inout [UInt8]) {
        let row = y * width
        for x in 0..<end {
            let c = cells[row + x]
            guard !c.isContinuation else { continue }
            var p = c.packed
            while p != 0 {
                bytes.append(UInt8(truncatingIfNeeded: p))
                p >>= 8
            }
        }
    }
}
