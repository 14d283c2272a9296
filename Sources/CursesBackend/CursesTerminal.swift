import CNCurses
import CTerminalControl
import TerminalUI
#if canImport(Glibc)
import Glibc
#endif

/// The ncurses screen: puts buffers on the terminal (ncurses does the terminal diffing, we
/// skip cells that did not change), decodes keys and mouse, and restores the terminal on
/// every way out — quit, signals, hang-up, and crashes (see `td_arm_terminal_restore`).
public final class CursesTerminal: TerminalDevice {
    public struct Options: Sendable {
        public var tier: ColorTier?
        /// Kiosk: raw mode, so Ctrl-C, Ctrl-Z and Ctrl-\ are plain keys that do nothing.
        public var locked: Bool
        public var mouse: Bool
        /// OSC 8 hyperlinks for URLs on screen (never in kiosk mode).
        public var hyperlinks: Bool

        public init(tier: ColorTier? = nil, locked: Bool = false, mouse: Bool = true, hyperlinks: Bool = false) {
            self.tier = tier
            self.locked = locked
            self.mouse = mouse
            self.hyperlinks = hyperlinks && !locked
        }
    }

    public private(set) var tier: ColorTier
    public let terminalName: String
    private let signalFD: Int32
    private var screen: OpaquePointer?
    private var pairs: [PairKey: Int32] = [:]
    private var nextPair: Int32 = 1
    private var maxPairs: Int32
    private var previous: Buffer?
    private let hyperlinks: Bool
    /// Inside tmux (`$TMUX`): clipboard sequences go through its passthrough too.
    private let tmux: Bool
    private var closed = false
    /// The size last reported to the app, so a KEY_RESIZE that changes nothing is dropped.
    private var reportedSize: (rows: Int32, cols: Int32) = (0, 0)

    struct PairKey: Hashable {
        var fg: Int32
        var bg: Int32
    }

    /// Sequences terminals send whatever TERM says: PuTTY, screen, tmux and rxvt send
    /// `ESC [ 1 ~`/`ESC [ 4 ~` for Home/End, xterm `ESC O H` or `ESC [ H`. Under a TERM that
    /// names another (xterm-256color inside tmux, a jump host's default), ncurses would hand
    /// over Esc, `[`, `4`, `~` as four keys. Sequences terminfo leaves unbound are added, and
    /// those bound only to an extended capability (TERM=linux: `kcbt2=\E[Z`, a code above
    /// KEY_MAX that no program knows) are taken over.
    static func defineCommonKeys() {
        let sequences: [(String, Int32)] = [
            ("[A", KEY_UP), ("[B", KEY_DOWN), ("[C", KEY_RIGHT), ("[D", KEY_LEFT),
            ("OA", KEY_UP), ("OB", KEY_DOWN), ("OC", KEY_RIGHT), ("OD", KEY_LEFT),
            ("[H", KEY_HOME), ("[F", KEY_END), ("OH", KEY_HOME), ("OF", KEY_END),
            ("[1~", KEY_HOME), ("[4~", KEY_END), ("[7~", KEY_HOME), ("[8~", KEY_END),
            ("[2~", KEY_IC), ("[3~", KEY_DC), ("[5~", KEY_PPAGE), ("[6~", KEY_NPAGE), ("[Z", KEY_BTAB),
        ]
        for (tail, code) in sequences {
            let sequence = "\u{1B}" + tail
            let bound = key_defined(sequence)
            if bound == 0 || bound > KEY_MAX { define_key(sequence, code) }
        }
    }

    /// Opens the terminal. Call `TerminalCheck.check` first: this assumes stdin/stdout are
    /// a terminal that terminfo knows.
    public init(check: TerminalCheck.Result, options: Options, environment: [String: String]) {
        hyperlinks = options.hyperlinks
        tmux = !(environment["TMUX"] ?? "").isEmpty
        signalFD = td_install_signal_handlers()
        // The shell's modes, before ncurses changes them: what a crash must put back.
        td_save_terminal_modes(1)
        terminalName = check.terminfoName
        screen = terminalName.withCString { td_newterm($0) }
        if let screen { set_term(screen) }
        // Short escape delay: Esc must feel instant, and arrow keys still decode over SSH.
        set_escdelay(25)
        if options.locked { raw() } else { cbreak() }
        noecho()
        nonl()
        keypad(td_stdscr(), true)
        Self.defineCommonKeys()
        leaveok(td_stdscr(), true)
        curs_set(0)
        // Input is read after poll() says it is there; never block inside ncurses.
        nodelay(td_stdscr(), true)
        var detected = ColorTier.monochrome
        if has_colors() {
            start_color()
            use_default_colors()
            detected = ColorTier.detect(colors: Int(td_colors()), directColor: check.directColor, environment: environment)
        }
        if let forced = options.tier {
            // --color always: never below 8 colours when the terminal has any; never above what it has.
            tier = has_colors() ? min(max(forced, .color8), max(detected, .color8)) : .monochrome
            if forced == .monochrome { tier = .monochrome }
        } else {
            tier = detected
        }
        maxPairs = Int32(max(1, td_color_pairs()))
        if options.mouse && !options.locked {
            mousemask(td_mouse_all(), nil)
            mouseinterval(0)
        }
        // What a crash must write to give the shell its terminal back.
        var restore = ""
        for cap in ["rmcup", "cnorm", "sgr0", "rmkx"] { restore += String(cString: cap.withCString { td_tigetstr($0) }) }
        restore += "\u{1B}[?1000l\u{1B}[?1002l\u{1B}[?1003l\u{1B}[?1006l"
        restore.withCString { td_arm_terminal_restore(1, $0) }
        td_capture_stderr()
        reportedSize = (td_lines(), td_cols())
    }

    deinit { shutdown() }

    /// Restores the terminal: cursor, echo, modes, alternate screen.
    public func shutdown() {
        guard !closed else { return }
        closed = true
        if screen != nil {
            mousemask(0, nil)
            curs_set(1)
            endwin()
            if let screen { delscreen(screen) }
            screen = nil
        }
        td_disarm_terminal_restore()
        td_release_stderr()
    }

    public var size: (width: Int, height: Int) { (Int(td_cols()), Int(td_lines())) }

    /// OSC 52, after the frame (ncurses has flushed its output): only bytes on the tty.
    public func copy(_ text: String) {
        guard !closed, let sequence = ClipboardSequence.make(text, tmux: tmux) else { return }
        var bytes = Array(sequence.utf8)
        _ = td_write_all(1, &bytes, bytes.count)
    }

    // MARK: Output

    public func draw(_ buffer: Buffer, palette: Palette, full repaint: Bool) {
        guard !closed else { return }
        if buffer.width != Int(td_cols()) || buffer.height != Int(td_lines()) { return }
        let full = repaint || previous == nil || previous!.width != buffer.width || previous!.height != buffer.height
        if full {
            erase()
            // Ctrl-L, a new theme, a resize: the terminal may show anything, write it all again.
            if repaint { clearok(td_stdscr(), true) }
        }
        var scalars = [wchar_t](repeating: 0, count: 8)
        for y in 0..<buffer.height {
            for x in 0..<buffer.width {
                let cell = buffer[x, y]
                if cell.isContinuation { continue }
                if !full, let p = previous, p[x, y] == cell { continue }
                let (fg, bg, attributes) = palette.resolve(cell.style)
                let pair = pairNumber(fg, bg)
                var n = 0
                cell.forEachScalar { v in
                    if n < 5 {
                        scalars[n] = wchar_t(bitPattern: v)
                        n += 1
                    }
                }
                scalars[n] = 0
                let attrs = curses(attributes)
                if y == buffer.height - 1 && x + Int(cell.width) >= buffer.width {
                    _ = td_put_last_cell(Int32(y), Int32(x), scalars, attrs, pair)
                } else {
                    _ = td_put_cell(Int32(y), Int32(x), scalars, attrs, pair)
                }
            }
        }
        previous = buffer
        refresh()
        if hyperlinks {
            // After curses has drawn: the same text again, inside OSC 8 (see Hyperlinks).
            let overlay = Hyperlinks.overlay(buffer, palette: palette, spans: Hyperlinks.spans(in: buffer))
            if !overlay.isEmpty {
                var bytes = Array(overlay.utf8)
                _ = td_write_all(1, &bytes, bytes.count)
            }
        }
    }

    private func curses(_ a: Attributes) -> attr_t {
        var out = td_a_normal()
        if a.contains(.bold) { out |= td_a_bold() }
        if a.contains(.dim) { out |= td_a_dim() }
        if a.contains(.underline) { out |= td_a_underline() }
        if a.contains(.reverse) { out |= td_a_reverse() }
        if a.contains(.italic) { out |= td_a_italic() }
        return out
    }

    private func colorNumber(_ c: TerminalColor) -> Int32 {
        switch c {
        case .default: return -1
        case .index(let i): return Int32(i)
        case .rgb(let rgb): return Int32(rgb.r) << 16 | Int32(rgb.g) << 8 | Int32(rgb.b)
        }
    }

    private func pairNumber(_ fg: TerminalColor, _ bg: TerminalColor) -> Int32 {
        if tier == .monochrome { return 0 }
        let key = PairKey(fg: colorNumber(fg), bg: colorNumber(bg))
        if key.fg == -1 && key.bg == -1 { return 0 }
        if let p = pairs[key] { return p }
        guard nextPair < maxPairs else { return 0 }
        let p = nextPair
        nextPair += 1
        _ = td_init_pair(p, key.fg, key.bg)
        pairs[key] = p
        return p
    }

    // MARK: Input

    public func nextInput(timeout: Double?, wakeDescriptor: Int32?) -> Input {
        // A signal first: an exit request or a resize must never wait behind buffered keys.
        if let signal = pendingSignal() { return signal }
        // Keys already buffered by ncurses (a paste, an escape sequence) come next.
        if let key = readKey() { return key }
        let ms = timeout.map { Int32(max(0, min(Double(Int32.max), ($0 * 1000).rounded(.up)))) } ?? -1
        switch td_wait_input(0, signalFD, wakeDescriptor ?? -1, ms) {
        case 1:
            return readKey() ?? .timeout
        case 2:
            return pendingSignal() ?? .timeout
        case 3:
            return .wake
        case 0:
            return .timeout
        default:
            return .hangup
        }
    }

    /// An exit request or a resize, if one arrived (the self-pipe is drained either way).
    private func pendingSignal() -> Input? {
        td_drain_signal_pipe()
        let sig = td_take_signal()
        if sig == SIGWINCH { return resized() }
        if sig != 0 { return .exitSignal(sig) }
        return nil
    }

    /// After SIGWINCH: the new size from the terminal, given to ncurses once. resizeterm
    /// queues a KEY_RESIZE of its own when the size changes; that key only re-reports the
    /// size and never calls resizeterm again, so a resize cannot feed itself.
    private func resized() -> Input {
        var ws = winsize()
        if ioctl(1, UInt(TIOCGWINSZ), &ws) == 0, ws.ws_row > 0, ws.ws_col > 0,
            Int32(ws.ws_row) != td_lines() || Int32(ws.ws_col) != td_cols()
        {
            resizeterm(Int32(ws.ws_row), Int32(ws.ws_col))
        }
        previous = nil
        reportedSize = (td_lines(), td_cols())
        return .resize(width: Int(td_cols()), height: Int(td_lines()))
    }

    /// What one read from ncurses gave: input, nothing buffered, or something to skip.
    private enum Read {
        case input(Input)
        case empty
        case skip
    }

    /// The next decoded input among those ncurses has buffered; skips what means nothing
    /// (unknown keys, a KEY_RESIZE that changed nothing) in a loop, never by recursion.
    private func readKey() -> Input? {
        while true {
            switch readOnce() {
            case .input(let i): return i
            case .empty: return nil
            case .skip: continue
            }
        }
    }

    private func readOnce() -> Read {
        var ch: wint_t = 0
        let r = td_get_wch(&ch)
        if r == ERR { return .empty }
        if r == KEY_CODE_YES {
            switch Int32(ch) {
            case KEY_UP: return .input(.key(.up))
            case KEY_DOWN: return .input(.key(.down))
            case KEY_LEFT: return .input(.key(.left))
            case KEY_RIGHT: return .input(.key(.right))
            case KEY_PPAGE: return .input(.key(.pageUp))
            case KEY_NPAGE: return .input(.key(.pageDown))
            case KEY_HOME: return .input(.key(.home))
            case KEY_END: return .input(.key(.end))
            case KEY_BTAB: return .input(.key(.backTab))
            case KEY_BACKSPACE: return .input(.key(.backspace))
            case KEY_DC: return .input(.key(.delete))
            case KEY_ENTER: return .input(.key(.enter))
            case KEY_RESIZE:
                // Queued by resizeterm: report a size change once, else read on; never
                // resize again from here.
                if (td_lines(), td_cols()) != reportedSize {
                    reportedSize = (td_lines(), td_cols())
                    previous = nil
                    return .input(.resize(width: Int(td_cols()), height: Int(td_lines())))
                }
                return .skip
            case KEY_MOUSE: return mouse()
            default:
                for n in 1...12 where Int32(ch) == td_key_f(Int32(n)) { return .input(.key(.function(n))) }
                return .skip
            }
        }
        switch ch {
        case 9: return .input(.key(.tab))
        case 10, 13: return .input(.key(.enter))
        case 27: return .input(.key(.escape))
        case 127, 8: return .input(.key(.backspace))
        case 1...26: return .input(.key(.control(Character(Unicode.Scalar(UInt8(ch) + 96)))))
        default:
            guard let scalar = Unicode.Scalar(UInt32(ch)) else { return .skip }
            return .input(.key(.character(Character(scalar))))
        }
    }

    private func mouse() -> Read {
        var event = MEVENT()
        guard getmouse(&event) == OK else { return .skip }
        let b = event.bstate
        let x = Int(event.x), y = Int(event.y)
        if b & td_button4_pressed() != 0 { return .input(.mouse(MouseEvent(.wheelUp, x: x, y: y))) }
        if td_button5_pressed() != 0 && b & td_button5_pressed() != 0 { return .input(.mouse(MouseEvent(.wheelDown, x: x, y: y))) }
        if b & td_button1_double() != 0 { return .input(.mouse(MouseEvent(.doubleClick, x: x, y: y))) }
        if b & (td_button1_pressed() | td_button1_clicked()) != 0 { return .input(.mouse(MouseEvent(.press, x: x, y: y))) }
        return .skip
    }
}
