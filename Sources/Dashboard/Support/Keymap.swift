import ThreatModel
import Reports
import TerminalUI

/// Every key the dashboard understands, in one table: key dispatch, the help overlay, the
/// footer hints of each pane and the README's key table are all generated from here (a test
/// fails when the README drifts), so what the keys do and what the screen says cannot differ.
public enum Keymap {
    static func chars(_ s: String) -> [Key] { s.map { .character($0) } }

    /// Keys that mean the same in every pane, by section.
    public static let global: [(title: String, bindings: [KeyBinding])] = [
        (
            "Moving",
            [
                KeyBinding([.tab], "Tab", .nextPane, "focus the next pane"),
                KeyBinding([.backTab], "Shift-Tab", .previousPane, "focus the previous pane"),
                KeyBinding(
                    chars("1234567"), "1 … 7", .focus(0),
                    "focus a pane by number: "
                        + PaneRegistry.all.enumerated().map { "\($0.offset + 1) \($0.element.shortTitle)" }.joined(separator: ", ")),
                KeyBinding([.up, .character("k")], "↑ k", .up, "move up"),
                KeyBinding([.down, .character("j")], "↓ j", .down, "move down"),
                KeyBinding([.left, .character("h")], "← h", .left, "move left (per pane: out of a list, earlier in time, a column left)"),
                KeyBinding([.right, .character("l")], "→ l", .right, "move right (per pane: into a list, later in time, a column right)"),
                KeyBinding([.pageUp, .control("b")], "PgUp Ctrl-B", .pageUp, "a page up"),
                KeyBinding([.pageDown, .control("f")], "PgDn Ctrl-F", .pageDown, "a page down"),
                KeyBinding([.control("u")], "Ctrl-U", .halfPageUp, "half a page up"),
                KeyBinding([.control("d")], "Ctrl-D", .halfPageDown, "half a page down"),
                KeyBinding([.home, .character("g")], "Home g", .first, "first"),
                KeyBinding([.end, .character("G")], "End G", .last, "last"),
            ]
        ),
        (
            "Filtering",
            [
                KeyBinding([.enter], "Enter", .drill, "drill down: the selection becomes a filter on every pane", hint: "Enter filter"),
                KeyBinding([.backspace], "Backspace", .popFilter, "pop the last filter"),
                KeyBinding([.escape], "Esc", .back, "close, leave the detail pane, unzoom, else pop the last filter"),
                KeyBinding(chars("x"), "x", .clearFilters, "clear every filter"),
                KeyBinding(chars("/"), "/", .search, "search actors, techniques, sectors, regions, indicators; Enter goes there, ↑ recalls"),
                KeyBinding(chars("n"), "n", .nextMatch, "the next match of the last search ([i/N] in the footer)"),
                KeyBinding(chars("N"), "N", .previousMatch, "the previous match of the last search"),
                KeyBinding(chars(":"), ":", .prompt, "type filters, a saved view or theme:NAME; Tab completes, ↑ recalls"),
                KeyBinding(chars("c"), "c", .compare, "compare with the previous period of equal length (again: off)"),
            ]
        ),
        (
            "Viewing",
            [
                KeyBinding(chars("z"), "z", .zoom, "zoom the focused pane, starting at the selection (again to return)", hint: "z zoom"),
                KeyBinding(chars("t"), "t", .nextTheme, "next colour theme"),
                KeyBinding(chars("L"), "L", .nextLayout, "next layout for this size (by data, built-in ones, config.yaml layouts:)"),
                KeyBinding([.control("l")], "Ctrl-L", .redraw, "redraw the whole screen (linear mode: read the pane again)"),
                KeyBinding(chars("p"), "p", .problems, "sources and problems found while loading"),
            ]
        ),
        (
            "Other",
            [
                KeyBinding(
                    chars("y"), "y", .copy, "copy the selected value (indicator, actor name, technique id, event URL) to the clipboard (OSC 52)"),
                KeyBinding(chars("e"), "e", .export, "export (brief, CSV, JSON, STIX, Navigator): asks before overwriting"),
                KeyBinding(chars("r"), "r", .reload, "reload the data files and feeds"),
                KeyBinding([.character("?"), .function(1)], "? F1", .help, "this help (Esc or ? closes)", hint: "? help"),
                KeyBinding(chars("q"), "q", .quit, "quit", hint: "q quit"),
            ]
        ),
    ]

    static let globalBindings: [KeyBinding] = global.flatMap(\.bindings)

    /// The command a key gives in `pane`: the pane's own keys first, then the global ones.
    public static func command(for key: Key, in pane: PaneID) -> Command? {
        if let p = PaneRegistry.pane(pane), let b = p.bindings.first(where: { $0.command != nil && $0.keys.contains(key) }) { return b.command }
        if case .character(let c) = key, let digit = c.wholeNumberValue, digit >= 1, digit <= PaneRegistry.all.count { return .focus(digit) }
        return globalBindings.first { $0.keys.contains(key) }?.command
    }

    /// The footer for a pane: its own hints, then Enter, zoom, help and quit.
    public static func hints(for pane: PaneID) -> [String] {
        let own = PaneRegistry.pane(pane)?.bindings.compactMap(\.hint) ?? []
        let hasCursor = pane != DetailPane.id
        let common = globalBindings.filter { $0.hint != nil && ($0.command != .drill || hasCursor) }.compactMap(\.hint)
        return own + common
    }

    /// Help overlay lines: global sections, then each pane's own keys.
    public static func helpLines() -> [String] {
        var out: [String] = []
        for (title, bindings) in global {
            out.append(title)
            for b in bindings { out.append("  " + b.label.padding(18) + b.help) }
            out.append("")
        }
        for p in PaneRegistry.all where !p.bindings.isEmpty {
            out.append("\(p.number) \(p.title)")
            for b in p.bindings { out.append("  " + b.label.padding(18) + b.help) }
            out.append("")
        }
        out.append("mouse: click focuses and selects, double-click drills down, wheel scrolls")
        out.append("Esc or ? closes this help.")
        return out
    }

    /// The README's key table (Markdown), generated so it cannot drift.
    public static func markdownTable() -> String {
        var out = ["| keys | where | action |", "|---|---|---|"]
        func escape(_ s: String) -> String { s.replacingOccurrences("|", "\\|") }
        for (_, bindings) in global {
            for b in bindings { out.append("| \(escape(b.label)) | everywhere | \(escape(b.help)) |") }
        }
        for p in PaneRegistry.all {
            for b in p.bindings { out.append("| \(escape(b.label)) | \(p.number) \(p.title) | \(escape(b.help)) |") }
        }
        out.append("| mouse | everywhere | click focuses and selects, double-click drills down, wheel scrolls |")
        return out.joined(separator: "\n")
    }
}

extension String {
    func padding(_ width: Int) -> String {
        count >= width ? self + " " : self + String(repeating: " ", count: width - count)
    }
}
