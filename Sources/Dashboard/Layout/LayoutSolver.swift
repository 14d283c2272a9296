import TerminalUI

/// Turns a layout, the panes' demands and the focus into rectangles. Pure. Rows go where
/// content is: each place gets what its pane has to show, weights share the rest, a pane
/// with nothing to show folds to one line at the foot of the screen, and room nobody
/// needs stays blank at the bottom rather than inside every pane.
public enum LayoutSolver {
    /// Where each shown pane goes, and the folded panes with their one line.
    public struct Solution: Equatable, Sendable {
        public var panes: [PaneID: Rect] = [:]
        public var folded: [FrameLayout.Folded] = []
    }

    /// The rows a place gets before weights share the rest: its border and one line.
    static let minimumPlace = 3

    /// The key under which a place remembers the pane it showed last.
    public static func key(_ place: LayoutSpec.Place) -> String { place.panes.map(\.rawValue).joined(separator: "|") }

    /// The pane a place shows: the focused one when it lives there, else the one shown
    /// last, else the first with something to show; nil when all of them are empty.
    static func shown(_ place: LayoutSpec.Place, focus: PaneID, demands: [PaneID: PaneDemand], last: [String: PaneID]) -> PaneID? {
        if place.panes.contains(focus) { return focus }
        if let l = last[key(place)], place.panes.contains(l), demands[l]?.empty == nil { return l }
        return place.panes.first { demands[$0]?.empty == nil }
    }

    public static func solve(_ spec: LayoutSpec, area: Rect, focus: PaneID, demands: [PaneID: PaneDemand], last: [String: PaneID]) -> Solution {
        var out = Solution()
        var groups: [(weight: Int, places: [(pane: PaneID, weight: Int)])] = []
        var folded: [(PaneID, String)] = []
        for group in spec.groups {
            var places: [(pane: PaneID, weight: Int)] = []
            for place in group.places {
                if let pane = shown(place, focus: focus, demands: demands, last: last) {
                    places.append((pane, place.weight))
                } else {
                    for pane in place.panes { folded.append((pane, demands[pane]?.empty ?? "nothing to show")) }
                }
            }
            if !places.isEmpty { groups.append((group.weight, places)) }
        }
        // A pane the layout does not name is shown, when focused, in the largest place.
        if !spec.panes.contains(focus), let g = groups.indices.max(by: { groups[$0].weight < groups[$1].weight }) {
            groups[g].places[0].pane = focus
        }
        let foldRows = min(folded.count, max(0, area.height - minimumPlace))
        for (k, f) in folded.prefix(foldRows).enumerated() {
            out.folded.append(FrameLayout.Folded(pane: f.0, reason: f.1, line: Rect(x: area.x, y: area.maxY - foldRows + k, width: area.width, height: 1)))
        }
        let body = Rect(x: area.x, y: area.y, width: area.width, height: area.height - foldRows)
        func need(_ pane: PaneID) -> Int { (demands[pane] ?? .fill).framedRows }
        switch spec.axis {
        case .rows:
            let heights = share(body.height, needs: groups.map { $0.places.map { need($0.pane) }.max() ?? 0 }, weights: groups.map(\.weight))
            var y = body.y
            for (g, group) in groups.enumerated() where heights[g] > 0 {
                let widths = split(body.width, group.places.map(\.weight))
                var x = body.x
                for (k, place) in group.places.enumerated() {
                    out.panes[place.pane] = Rect(x: x, y: y, width: widths[k], height: heights[g])
                    x += widths[k]
                }
                y += heights[g]
            }
        case .columns:
            let widths = split(body.width, groups.map(\.weight))
            var x = body.x
            for (g, group) in groups.enumerated() {
                let heights = share(body.height, needs: group.places.map { need($0.pane) }, weights: group.places.map(\.weight))
                var y = body.y
                for (k, place) in group.places.enumerated() where heights[k] > 0 {
                    out.panes[place.pane] = Rect(x: x, y: y, width: widths[g], height: heights[k])
                    y += heights[k]
                }
                x += widths[g]
            }
        }
        return out
    }

    /// `total` cut in proportion to `weights`; the remainder goes to the first parts.
    static func split(_ total: Int, _ weights: [Int]) -> [Int] {
        let sum = max(1, weights.reduce(0, +))
        var parts = weights.map { total * $0 / sum }
        var rest = total - parts.reduce(0, +)
        var k = 0
        while rest > 0 && !parts.isEmpty {
            parts[k % parts.count] += 1
            rest -= 1
            k += 1
        }
        return parts
    }

    /// Water-filling: every part gets up to `minimumPlace`, then the rest is shared by
    /// weight among the parts that still want more, until each has what it needs or
    /// nothing is left. What nobody needs is not handed out.
    public static func share(_ total: Int, needs: [Int], weights: [Int]) -> [Int] {
        var got = needs.map { _ in 0 }
        var left = total
        for k in needs.indices {
            let g = min(needs[k], minimumPlace, left)
            got[k] = g
            left -= g
        }
        while left > 0 {
            let wanting = needs.indices.filter { got[$0] < needs[$0] }
            if wanting.isEmpty { break }
            let weight = max(1, wanting.reduce(0) { $0 + weights[$1] })
            var given = 0
            for k in wanting {
                let g = min(needs[k] - got[k], max(0, left * weights[k] / weight))
                got[k] += g
                given += g
            }
            if given == 0 {
                got[wanting[0]] += 1
                given = 1
            }
            left -= given
        }
        return got
    }
}
