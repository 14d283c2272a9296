/// Splits a rectangle into rows or columns by constraints, like ratatui's Layout.
public enum Layout {
    public enum Constraint: Hashable, Sendable {
        /// Exactly n cells (less if space runs out).
        case fixed(Int)
        /// A percentage of the whole.
        case percent(Int)
        /// At least n cells; shares the remainder with other `fill`s by weight.
        case fill(min: Int, weight: Int)

        public static let fill = Constraint.fill(min: 0, weight: 1)
    }

    public static func rows(_ area: Rect, _ constraints: [Constraint]) -> [Rect] {
        split(area.height, constraints).map { Rect(x: area.x, y: area.y + $0.offset, width: area.width, height: $0.size) }
    }

    public static func columns(_ area: Rect, _ constraints: [Constraint]) -> [Rect] {
        split(area.width, constraints).map { Rect(x: area.x + $0.offset, y: area.y, width: $0.size, height: area.height) }
    }

    static func split(_ total: Int, _ constraints: [Constraint]) -> [(offset: Int, size: Int)] {
        var sizes = constraints.map { c -> Int in
            switch c {
            case .fixed(let n): return max(0, n)
            case .percent(let p): return max(0, total * p / 100)
            case .fill(let minimum, _): return max(0, minimum)
            }
        }
        var used = sizes.reduce(0, +)
        // Not enough room: take space back from the last constraints first.
        var k = sizes.count - 1
        while used > total && k >= 0 {
            let cut = min(sizes[k], used - total)
            sizes[k] -= cut
            used -= cut
            k -= 1
        }
        // Spare room goes to fills by weight; without fills, to the last constraint.
        let fills = constraints.enumerated().compactMap { i, c -> (Int, Int)? in
            if case .fill(_, let w) = c { return (i, max(1, w)) }
            return nil
        }
        var spare = total - used
        if spare > 0 {
            if fills.isEmpty {
                if !sizes.isEmpty { sizes[sizes.count - 1] += spare }
            } else {
                let weights = fills.reduce(0) { $0 + $1.1 }
                var given = 0
                for (n, (i, w)) in fills.enumerated() {
                    let share = n == fills.count - 1 ? spare - given : spare * w / weights
                    sizes[i] += share
                    given += share
                }
            }
            spare = 0
        }
        var offset = 0
        return sizes.map { size in
            defer { offset += size }
            return (offset, size)
        }
    }
}
