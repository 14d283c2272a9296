/// What a run loop reads from a terminal.
public enum Input: Equatable, Sendable {
    case key(Key)
    case mouse(MouseEvent)
    case resize(width: Int, height: Int)
    /// SIGINT, SIGTERM, SIGHUP, SIGQUIT: leave now, restoring the terminal.
    case exitSignal(Int32)
    /// The terminal went away (SSH dropped): leave without spinning.
    case hangup
    /// Something outside the terminal has news (a feed pulled, a file changed): drain the inbox.
    case wake
    case timeout
}
