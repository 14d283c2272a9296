/// The drawing characters: box lines, bar blocks, shades, markers. One Unicode set for UTF-8
/// terminals, one pure-ASCII set for everything else (and `--ascii`).
public struct GlyphSet: Hashable, Sendable {
    public struct Box: Hashable, Sendable {
        public var horizontal, vertical, topLeft, topRight, bottomLeft, bottomRight: String
        public var teeLeft, teeRight, teeDown, teeUp, cross: String
    }

    public var ascii: Bool
    public var box: Box
    /// Focused pane border: heavier where the set has it, so focus is visible without colour.
    public var boxFocused: Box
    /// Horizontal bar eighths: index 1…8 fills 1/8…8/8 of a cell; index 0 is empty.
    public var barEighths: [String]
    /// Vertical bar eighths for column charts, index 0 empty.
    public var columnEighths: [String]
    /// Four density steps for heat cells, lightest first (a fifth is the full block).
    public var shades: [String]
    public var track: String
    public var pointer: String
    public var bullet: String
    public var ellipsis: String
    public var spanLine: String
    public var spanStart: String
    public var spanEnd: String
    public var marker: String
    public var cursor: String
    public var arrowUp: String
    public var arrowDown: String
    /// Change marks: ▲ up, ▼ down (^ and v in ASCII).
    public var arrowUpSolid: String
    public var arrowDownSolid: String
    /// A span continuing beyond the view: ◂ before, ▸ after.
    public var spanBefore: String
    public var spanAfter: String
    public var treeBranch: String
    public var treeLast: String

    public static let unicode = GlyphSet(
        ascii: false,
        box: Box(horizontal: "─", vertical: "│", topLeft: "┌", topRight: "┐", bottomLeft: "└", bottomRight: "┘",
                 teeLeft: "├", teeRight: "┤", teeDown: "┬", teeUp: "┴", cross: "┼"),
        boxFocused: Box(horizontal: "━", vertical: "┃", topLeft: "┏", topRight: "┓", bottomLeft: "┗", bottomRight: "┛",
                        teeLeft: "┣", teeRight: "┫", teeDown: "┳", teeUp: "┻", cross: "╋"),
        barEighths: [" ", "▏", "▎", "▍", "▌", "▋", "▊", "▉", "█"],
        columnEighths: [" ", "▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"],
        shades: ["·", "░", "▒", "▓", "█"],
        track: "░", pointer: "▸", bullet: "·", ellipsis: "…", spanLine: "━", spanStart: "┣", spanEnd: "┫",
        marker: "▲", cursor: "▼", arrowUp: "↑", arrowDown: "↓", arrowUpSolid: "▲", arrowDownSolid: "▼", spanBefore: "◂", spanAfter: "▸",
        treeBranch: "├", treeLast: "└")

    public static let asciiSet = GlyphSet(
        ascii: true,
        box: Box(horizontal: "-", vertical: "|", topLeft: "+", topRight: "+", bottomLeft: "+", bottomRight: "+",
                 teeLeft: "+", teeRight: "+", teeDown: "+", teeUp: "+", cross: "+"),
        boxFocused: Box(horizontal: "=", vertical: "#", topLeft: "#", topRight: "#", bottomLeft: "#", bottomRight: "#",
                        teeLeft: "#", teeRight: "#", teeDown: "#", teeUp: "#", cross: "#"),
        barEighths: [" ", " ", " ", " ", "=", "=", "=", "=", "#"],
        columnEighths: [" ", ".", ".", "_", "o", "o", "O", "O", "#"],
        shades: [".", ":", "+", "*", "#"],
        track: ".", pointer: ">", bullet: "-", ellipsis: "~", spanLine: "=", spanStart: "[", spanEnd: "]",
        marker: "^", cursor: "v", arrowUp: "^", arrowDown: "v", arrowUpSolid: "^", arrowDownSolid: "v", spanBefore: "<", spanAfter: ">",
        treeBranch: "|", treeLast: "`")

    public static func forMode(ascii: Bool) -> GlyphSet { ascii ? .asciiSet : .unicode }

    /// Every drawing character of the Unicode set: known printable, single-width, so the
    /// buffer can accept them without re-checking each cell.
    static let trustedScalars: [UInt32] = {
        let u = GlyphSet.unicode
        var all: Set<String> = []
        for box in [u.box, u.boxFocused] {
            all.formUnion([box.horizontal, box.vertical, box.topLeft, box.topRight, box.bottomLeft, box.bottomRight,
                           box.teeLeft, box.teeRight, box.teeDown, box.teeUp, box.cross])
        }
        all.formUnion(u.barEighths + u.columnEighths + u.shades)
        all.formUnion([u.track, u.pointer, u.bullet, u.ellipsis, u.spanLine, u.spanStart, u.spanEnd, u.marker, u.cursor,
                       u.arrowUp, u.arrowDown, u.arrowUpSolid, u.arrowDownSolid, u.spanBefore, u.spanAfter, u.treeBranch, u.treeLast,
                       "▰", "▱", "▀", "▄", "╌"])
        return all.filter { $0 != " " && $0.unicodeScalars.count == 1 }.map { $0.unicodeScalars.first!.value }.sorted()
    }()

    /// The trusted scalars in U+2000–U+27FF (boxes, blocks, shapes, arrows: nearly all of
    /// them) as a bitmap, so the per-cell check in `Buffer.set` is a shift and a mask rather
    /// than a hash; the few others (such as the middle dot) are searched.
    static let trustedBits: [UInt64] = {
        var bits = [UInt64](repeating: 0, count: 0x800 / 64)
        for v in trustedScalars where v >= 0x2000 && v < 0x2800 {
            bits[Int(v - 0x2000) / 64] |= 1 << UInt64((v - 0x2000) % 64)
        }
        return bits
    }()
    static let trustedOutliers: [UInt32] = trustedScalars.filter { $0 < 0x2000 || $0 >= 0x2800 }

    @inline(__always)
    static func isTrusted(_ scalar: UInt32) -> Bool {
        let offset = scalar &- 0x2000
        if offset < 0x800 { return trustedBits[Int(offset >> 6)] & (1 << UInt64(offset & 63)) != 0 }
        return trustedOutliers.contains(scalar)
    }
}
