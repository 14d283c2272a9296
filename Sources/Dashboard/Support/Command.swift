import ThreatModel
import TerminalUI
import Reports
/// What a key asks for. Keys map to commands in `Keymap`; panes and `update` carry them out.
public enum Command: Hashable, Sendable {
    // App
    case quit, help, problems, search, prompt, export, compare, redraw, reload, nextTheme, nextLayout, copy
    case nextPane, previousPane, focus(Int), zoom
    // Filters
    case drill, popFilter, clearFilters, back
    // Movement (each pane gives them its meaning)
    case up, down, left, right, pageUp, pageDown, halfPageUp, halfPageDown, first, last
    // Search (the last `/`): the next and previous match
    case nextMatch, previousMatch
    // Pane settings
    case sort, reverseSort, measure, finer, coarser, automatic, layout, filterType
}
