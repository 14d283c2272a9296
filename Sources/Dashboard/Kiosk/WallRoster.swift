import Analysis
import Reports
import TerminalUI
import ThreatModel

/// The actors in view as a roster in as many columns as the wall is wide, most events first,
/// each marked in its nexus colour: the list that grows with the wall instead of blank rows.
enum WallRoster {
    /// The actors in view, most events first (then by name).
    static func actors(_ b: ActorBreakdown) -> [(nexus: Nexus, row: ActorBreakdown.ActorRow)] {
        b.actorsByNexus.flatMap { n, rows in rows.map { (nexus: n, row: $0) } }
            .sorted { ($1.row.events, $0.row.name, $0.row.actorID) < ($0.row.events, $1.row.name, $1.row.actorID) }
    }

    /// Columns of `cellWidth` that fit `width` with two spaces between them.
    static func columns(width: Int, cellWidth: Int) -> Int { max(1, (width + 2) / (cellWidth + 2)) }

    /// Draws the roster from the top of `area`; returns the rows used (0: nothing to list).
    @discardableResult
    static func render(_ state: AppState, into buffer: inout Buffer, area: Rect) -> Int {
        let list = actors(state.breakdown)
        guard !list.isEmpty, area.height >= 2, area.width >= 20 else { return 0 }
        let longest = list.prefix(200).map { TextWidth.width(of: $0.row.name, ascii: state.ascii) }.max() ?? 10
        // Counts only when there are events to count (ATT&CK alone has none).
        let withEvents = list.contains { $0.row.events > 0 }
        let cellWidth = min(area.width, 40, max(24, longest + (withEvents ? 12 : 3)))
        let cols = columns(width: area.width, cellWidth: cellWidth)
        let rows = min(area.height - 1, (list.count + cols - 1) / cols)
        let shown = min(list.count, rows * cols)
        // One cell would only say how many there are: the counts below say it larger.
        guard shown >= 2 || list.count == 1 else { return 0 }
        // The last cell says how many more there are when the list does not fit.
        let listed = shown < list.count ? shown - 1 : shown
        let heading = "Actors in view" + (withEvents ? ", most events first (" : " (") + Noun.actor.count(list.count) + ")"
        buffer.put(heading, x: area.x, y: area.y, style: Style(.title, attributes: .bold), maxWidth: area.width)
        let g = state.glyphs
        for k in 0..<shown {
            let column = k / rows, line = k % rows
            let cell = Rect(x: area.x + column * (cellWidth + 2), y: area.y + 1 + line, width: cellWidth, height: 1)
            guard k < listed else {
                buffer.put(
                    "and " + Noun.grouped(list.count - listed) + " more", x: cell.x, y: cell.y, style: Style(.muted, attributes: .bold), maxWidth: cell.width)
                continue
            }
            let (n, r) = list[k]
            buffer.put(g.ascii ? "#" : "▌", x: cell.x, y: cell.y, style: Style(Role.nexus(n.code)))
            let count = withEvents ? Noun.event.count(r.events) : ""
            let countWidth = TextWidth.width(of: count, ascii: state.ascii)
            buffer.put(
                r.name, x: cell.x + 2, y: cell.y, style: Style(r.collective || r.umbrella ? .muted : .text, attributes: .bold),
                maxWidth: max(0, cell.width - countWidth - 3))
            buffer.putRight(count, maxX: cell.maxX, y: cell.y, style: Style(.muted), maxWidth: countWidth)
        }
        return rows + 1
    }
}
