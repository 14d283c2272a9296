/// Every key the dashboard understands, in one table: the help overlay, the README and
/// the footer hints all read from here, so they cannot drift from what the keys do.
public enum Keymap {
    public struct Binding: Sendable {
        public var keys: String
        public var action: String
    }

    public static let sections: [(title: String, bindings: [Binding])] = [
        ("Moving", [
            Binding(keys: "Tab / Shift-Tab", action: "focus the next / previous pane"),
            Binding(keys: "1 2 3 4", action: "focus actors, sectors, timeline, detail"),
            Binding(keys: "↑ ↓  k j", action: "move the cursor (detail: scroll)"),
            Binding(keys: "← →  h l", action: "actors: into a nexus's actors and back; sectors: nexus column; timeline: time"),
            Binding(keys: "PgUp PgDn", action: "move a page"),
            Binding(keys: "Home End  g G", action: "first / last"),
            Binding(keys: "mouse", action: "click focuses and selects; wheel scrolls"),
        ]),
        ("Filtering", [
            Binding(keys: "Enter", action: "drill down: the selection becomes a filter on every pane"),
            Binding(keys: "Backspace / Esc", action: "pop the last filter"),
            Binding(keys: "x", action: "clear every filter"),
            Binding(keys: "/", action: "search names and aliases (Enter filters, Esc cancels)"),
        ]),
        ("Viewing", [
            Binding(keys: "z", action: "zoom the focused pane to full screen (z again to return)"),
            Binding(keys: "s", action: "sort: by count / by name"),
            Binding(keys: "m", action: "measure: events / actors"),
            Binding(keys: "[ ]", action: "timeline: finer / coarser buckets ( \\ back to automatic)"),
            Binding(keys: "t", action: "next colour theme"),
            Binding(keys: "p", action: "problems found while loading"),
        ]),
        ("Other", [
            Binding(keys: "r", action: "reload the data files"),
            Binding(keys: "?", action: "this help (Esc or ? closes)"),
            Binding(keys: "q", action: "quit"),
        ]),
    ]

    /// Help text lines, keys padded to a column.
    public static func helpLines() -> [String] {
        var out: [String] = []
        for (title, bindings) in sections {
            out.append(title)
            for b in bindings { out.append("  " + b.keys.padding(18) + b.action) }
            out.append("")
        }
        out.append("Esc or ? closes this help.")
        return out
    }
}

extension String {
    func padding(_ width: Int) -> String {
        count >= width ? self + " " : self + String(repeating: " ", count: width - count)
    }
}
