import Reports
import ThreatModel
import TerminalUI

/// Everything that can change the app's state; `update` is the only place that does.
public enum Message: Sendable {
    case key(Key)
    case mouse(MouseEvent)
    case resize(width: Int, height: Int)
    /// The clock moved on (seconds since the epoch): kiosk rotation, freshness, status expiry.
    case tick(now: Double)
    /// A reload began on the run loop's worker (the footer says so until it ends).
    case reloadStarted(at: Double)
    /// A reload finished (performed by the run loop after an `Effect.reload`): the new data
    /// replaces the old in this one message.
    case loaded(Dataset, at: Double, milliseconds: Double)
    /// A source has news (a file changed, a feed pulled): sent by the source itself.
    case sourceChanged
    /// An export the app asked for finished (the footer names the file) or failed.
    case exported(path: String, error: String?)
    /// An export would replace the file at `path` (the whole path): the dialog asks first.
    case exportTargetExists(ExportRequest, path: String)
}

/// Work `update` asks the run loop to do: the Elm shape, so `update` stays pure.
public enum Effect: Equatable, Sendable {
    case quit
    /// Reload the data sources (changed files only; unchanged ones are kept as parsed).
    case reload
    /// Write every cell again (a new theme, Ctrl-L): the terminal may hold anything.
    case repaint
    /// Write an export of the current view.
    case export(ExportRequest)
    /// Put text on the user's clipboard (OSC 52, through the terminal).
    case copy(String)
}
