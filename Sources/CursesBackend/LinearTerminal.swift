import CTerminalControl
import TerminalUI
#if canImport(Glibc)
import Glibc
#endif

/// Linear mode's terminal: lines of plain text appended to the output, keys read from the
/// tty in non-canonical mode without echo. No curses screen is opened, so nothing switches to
/// the alternate screen, moves the cursor or paints: a screen reader hears the sentences and
/// a braille display shows them, and the scrollback keeps them. The terminal modes come back
/// on every way out, crashes included, as for the drawn screen.
public final class LinearTerminal: TerminalDevice {
    private let input: Int32 = 0
    private let output: Int32 = 1
    private let signalFD: Int32
    private var saved = termios()
    private var haveSaved = false
    private var decoder = KeyDecoder()
    private var queued: [Key] = []
    private var closed = false
    private let tmux: Bool
    /// How long a lone Esc waits for the rest of a sequence, in milliseconds.
    static let escapeWait: Int32 = 25

    /// Opens the terminal on stdin/stdout: stdin must be a terminal (the caller checks).
    /// `locked` (the wall): Ctrl-C, Ctrl-Z and Ctrl-\ are plain keys that do nothing.
    public init(locked: Bool = false, tmux: Bool = false) {
        self.tmux = tmux
        signalFD = td_install_signal_handlers()
        td_save_terminal_modes(input)
        haveSaved = tcgetattr(input, &saved) == 0
        var raw = saved
        // Keys one at a time, not echoed; signals (Ctrl-C) and output processing stay as they are.
        raw.c_lflag &= ~tcflag_t(ICANON | ECHO | (locked ? ISIG : 0))
        withUnsafeMutableBytes(of: &raw.c_cc) { cc in
            cc[Int(VMIN)] = 1
            cc[Int(VTIME)] = 0
        }
        if haveSaved { tcsetattr(input, TCSANOW, &raw) }
        // A crash restores the saved modes; there is no screen to leave.
        td_arm_terminal_restore(input, "")
    }

    deinit { shutdown() }

    /// Puts the terminal's modes back.
    public func shutdown() {
        guard !closed else { return }
        closed = true
        if haveSaved { tcsetattr(input, TCSANOW, &saved) }
        td_disarm_terminal_restore()
    }

    public var size: (width: Int, height: Int) {
        var ws = winsize()
        guard ioctl(output, UInt(TIOCGWINSZ), &ws) == 0, ws.ws_col > 0, ws.ws_row > 0 else { return (80, 24) }
        return (Int(ws.ws_col), Int(ws.ws_row))
    }

    /// Nothing is drawn in linear mode.
    public func draw(_ buffer: Buffer, palette: Palette, full: Bool) {}

    /// OSC 52: a speaking terminal shows nothing of it, the clipboard still gets the text.
    public func copy(_ text: String) {
        guard !closed, let sequence = ClipboardSequence.make(text, tmux: tmux) else { return }
        var bytes = Array(sequence.utf8)
        _ = td_write_all(output, &bytes, bytes.count)
    }

    public func announce(_ lines: [String]) {
        guard !closed else { return }
        var text = ""
        for line in lines { text += line + "\n" }
        var bytes = Array(text.utf8)
        _ = td_write_all(output, &bytes, bytes.count)
    }

    public func nextInput(timeout: Double?, wakeDescriptor: Int32?) -> Input {
        if let signal = pendingSignal() { return signal }
        if !queued.isEmpty { return .key(queued.removeFirst()) }
        let ms = timeout.map { Int32(max(0, min(Double(Int32.max), ($0 * 1000).rounded(.up)))) } ?? -1
        switch td_wait_input(input, signalFD, wakeDescriptor ?? -1, ms) {
        case 1: return readKeys()
        case 2: return pendingSignal() ?? .timeout
        case 3: return .wake
        case 0: return .timeout
        default: return .hangup
        }
    }

    private func pendingSignal() -> Input? {
        td_drain_signal_pipe()
        let sig = td_take_signal()
        if sig == SIGWINCH { let s = size; return .resize(width: s.width, height: s.height) }
        if sig != 0 { return .exitSignal(sig) }
        return nil
    }

    /// Reads what is there, waiting a moment for the rest of an escape sequence.
    private func readKeys() -> Input {
        var buffer = [UInt8](repeating: 0, count: 256)
        let n = read(input, &buffer, buffer.count)
        if n == 0 { return .hangup }
        if n < 0 { return errno == EINTR || errno == EAGAIN ? .timeout : .hangup }
        queued += decoder.feed(Array(buffer[0..<n]))
        while decoder.isWaiting {
            if td_wait_input(input, -1, -1, Self.escapeWait) == 1 {
                let m = read(input, &buffer, buffer.count)
                if m <= 0 { break }
                queued += decoder.feed(Array(buffer[0..<m]))
            } else {
                queued += decoder.flush()
            }
        }
        return queued.isEmpty ? .timeout : .key(queued.removeFirst())
    }
}
