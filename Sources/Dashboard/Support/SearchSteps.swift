import Reports
import Analysis
import ThreatModel

/// The last `/` search, for `n` and `N` (as less and vim step through matches): its matches
/// in order and the one the cursor went to, shown as `[i/N]` like k9s does.
public struct SearchSteps: Equatable, Sendable {
    public var query: String
    public var targets: [Selectable]
    /// "Murky Panda (China · actor)": what the footer names at each step.
    public var labels: [String]
    public var index: Int

    init(query: String, matches: [Search.Match], index: Int) {
        self.query = query
        targets = matches.map(\.target)
        labels = matches.map { $0.label + " (" + $0.detail + ")" }
        self.index = min(max(0, index), max(0, matches.count - 1))
    }

    /// "[2/5]": the step, as k9s writes it.
    public var counter: String { "[\(index + 1)/\(targets.count)]" }

    /// Moves by `delta` matches, round the ends as vim does ("search hit BOTTOM, continuing at TOP").
    /// True when the step went round an end.
    @discardableResult
    mutating func step(_ delta: Int) -> Bool {
        let n = max(1, targets.count)
        let next = index + delta
        index = ((next % n) + n) % n
        return next < 0 || next >= n
    }
}
