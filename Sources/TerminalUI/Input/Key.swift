/// A key press, already decoded by the backend.
public enum Key: Hashable, Sendable {
    case character(Character)
    case up, down, left, right
    case pageUp, pageDown, home, end
    case enter, escape, backspace, tab, backTab, delete
    case function(Int)
    /// Ctrl+letter, lower case (Ctrl-C arrives as a signal, not here).
    case control(Character)
}

