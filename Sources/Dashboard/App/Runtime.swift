import ThreatModel
import TerminalUI

/// What the run loop reads from a terminal.
public enum Input: Equatable, Sendable {
    case key(Key)
    case mouse(MouseEvent)
    case resize(width: Int, height: Int)
    /// SIGINT, SIGTERM, SIGHUP, SIGQUIT: leave now, restoring the terminal.
    case exitSignal(Int32)
    /// The terminal went away (SSH dropped): leave without spinning.
    case hangup
    case timeout
}

/// The terminal seam: the ncurses backend in the app, a scripted twin in tests and benchmarks.
public protocol TerminalDevice: AnyObject {
    var size: (width: Int, height: Int) { get }
    /// Puts the frame on the screen (only what changed).
    func draw(_ buffer: Buffer, palette: Palette)
    /// Blocks until input, a signal or the timeout (nil: no timeout).
    func nextInput(timeout: Double?) -> Input
}

/// Wall and monotonic time, injected so kiosk rotation and freshness can be tested fast.
public protocol Clock: Sendable {
    /// Seconds since the epoch.
    func now() -> Double
}

/// Where data comes from and how long it took: files through `DatasetLoader` (and, later,
/// other sources), one reload at a time.
public protocol DataSource: AnyObject {
    func load(now: Double) -> Dataset
    func hasChanges() -> Bool
}

/// Files and directories on disk as a `DataSource`.
public final class FileDataSource: DataSource {
    public var loader: DatasetLoader

    public init(loader: DatasetLoader) { self.loader = loader }

    public func load(now: Double) -> Dataset { loader.load(now: now > 0 ? ClockFormat.dateTime(now) : "") }
    public func hasChanges() -> Bool { loader.hasChanges() }
}

/// The run loop: input → message → `update` → effects → frame. It blocks on input when
/// nothing is scheduled, so an idle dashboard writes nothing and uses no CPU.
public final class Runtime {
    public private(set) var state: AppState
    let device: TerminalDevice
    let source: DataSource?
    let clock: Clock
    /// Seconds between checks for changed files; nil: only `r` reloads.
    let watchInterval: Double?
    private var lastWatch: Double = 0
    private var lastFrame: Buffer?
    private var lastPaletteKey: String = ""
    public private(set) var frames = 0
    public private(set) var exitReason: Input?

    public init(state: AppState, device: TerminalDevice, source: DataSource?, clock: Clock, watchInterval: Double? = nil) {
        self.state = state
        self.device = device
        self.source = source
        self.clock = clock
        self.watchInterval = watchInterval
        let s = device.size
        _ = App.update(&self.state, .resize(width: s.width, height: s.height))
        _ = App.update(&self.state, .tick(now: clock.now()))
        lastWatch = clock.now()
    }

    /// Draws the current state if it changed since the last frame.
    public func render() {
        let frame = Screen.render(state)
        let paletteKey = state.theme.name + state.tier.rawValue
        if frame != lastFrame || paletteKey != lastPaletteKey {
            device.draw(frame, palette: state.palette)
            lastFrame = frame
            lastPaletteKey = paletteKey
            frames += 1
        }
    }

    /// How long the loop may sleep before something on screen must change by itself
    /// (nil: nothing will, so block until input).
    public func timeout(now: Double) -> Double? {
        var deadline: Double?
        func consider(_ t: Double) { deadline = deadline.map { min($0, t) } ?? t }
        if let status = state.status, status.until != .infinity { consider(status.until + 0.05) }
        if let k = state.kiosk {
            // The clock on screen changes every second; rotation on its own schedule.
            consider((now + 1).rounded(.down) + 0.01)
            consider(k.lastRotation + k.config.rotateSeconds)
        }
        if let w = watchInterval { consider(lastWatch + w) }
        return deadline.map { max(0, $0 - now) }
    }

    /// Handles one input; false when the app should exit.
    @discardableResult
    public func step(_ input: Input) -> Bool {
        let now = clock.now()
        var effects: [Effect] = []
        switch input {
        case .key(let k): effects = App.update(&state, .key(k))
        case .mouse(let m): effects = App.update(&state, .mouse(m))
        case .resize(let w, let h): effects = App.update(&state, .resize(width: w, height: h))
        case .exitSignal, .hangup:
            exitReason = input
            return false
        case .timeout: break
        }
        effects += App.update(&state, .tick(now: now))
        if let w = watchInterval, now - lastWatch >= w {
            lastWatch = now
            if source?.hasChanges() == true { effects += App.update(&state, .filesChanged) }
        }
        for effect in effects {
            switch effect {
            case .quit:
                exitReason = .key(.character("q"))
                return false
            case .reload:
                reload()
            }
        }
        return true
    }

    public func reload() {
        guard let source else { return }
        let start = clock.now()
        let dataset = source.load(now: start)
        let end = clock.now()
        _ = App.update(&state, .loaded(dataset, at: end, milliseconds: (end - start) * 1000))
    }

    /// Runs until quit, a signal or hang-up.
    public func run() {
        render()
        while true {
            let input = device.nextInput(timeout: timeout(now: clock.now()))
            if !step(input) { return }
            render()
        }
    }
}
