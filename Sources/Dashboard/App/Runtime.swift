import Dispatch
import Reports
import ThreatModel
import TerminalUI
import Loading

/// The run loop: input → message → `update` → effects → frame. It blocks on input when
/// nothing is scheduled, so an idle dashboard writes nothing and uses no CPU; sources post
/// their news to the inbox, which wakes the loop. Under `run`, reloads happen on a worker
/// thread and come back as one `.loaded` message: a key during a 30 MB reload is answered at
/// once, and the new data replaces the old in one step.
public final class Runtime {
    public private(set) var state: AppState
    let device: TerminalDevice
    let source: DataSource?
    let clock: Clock
    let exporter: Exporter?
    public let inbox = Inbox()
    private var lastFrame: Buffer?
    private var lastPaletteKey: String = ""
    private var repaint = false
    public private(set) var frames = 0
    /// Reloads on the worker (`run` turns this on); off, `.reload` loads on the loop.
    public var reloadsInBackground = false
    private let worker = DispatchQueue(label: "threatdeck.reload", qos: .userInitiated)
    private var reloading = false
    /// News arrived during a reload: one more follows it.
    private var reloadAgain = false
    public private(set) var exitReason: Input?
    /// Called from the loop at least every `interval` seconds (systemd's watchdog): a loop
    /// that hangs stops calling it, and the service manager restarts the process.
    public var heartbeat: (interval: Double, beat: () -> Void)?
    private var lastBeat: Double = 0
    /// Linear mode: what has been said, so each message says only what it changed.
    private var speech = LinearSession()
    /// Said since the last render, message by message: two reloads in one step are both said.
    private var said: [String] = []
    /// Receives every replayable message as a `MessageScript` line (`--record`): what the
    /// user did, with the clock's ticks, so `snapshot --replay` draws the screen they saw.
    public var recorder: ((String) -> Void)?

    public init(state: AppState, device: TerminalDevice, source: DataSource?, clock: Clock, exporter: Exporter? = nil) {
        self.state = state
        self.device = device
        self.source = source
        self.clock = clock
        self.exporter = exporter
        let s = device.size
        _ = App.update(&self.state, .resize(width: s.width, height: s.height))
        _ = App.update(&self.state, .tick(now: clock.now()))
    }

    /// Starts recording with the size and time the run began from.
    public func startRecording(_ write: @escaping (String) -> Void) {
        recorder = write
        write("resize \(state.width) \(state.height)")
        write("tick \(clock.now())")
    }

    /// `update`, with the message written to the recorder when it can be replayed.
    private func send(_ message: Message) -> [Effect] {
        if let recorder {
            if let line = MessageScript.line(for: message) { recorder(line) } else { recorder("# " + MessageScript.summary(of: message)) }
        }
        let effects = App.update(&state, message)
        if state.linear && speech.started {
            var isKey = false
            if case .key = message { isKey = true }
            said += speech.next(state, afterKey: isKey, reread: effects.contains(.repaint))
        }
        return effects
    }

    /// Draws the current state if it changed since the last frame; every cell after a theme
    /// change or Ctrl-L.
    public func render() {
        if state.linear {
            if !speech.started { said = speech.next(state, afterKey: false) + said }
            repaint = false
            if !said.isEmpty { device.announce(said) }
            said = []
            return
        }
        let frame = Screen.render(state)
        let paletteKey = state.theme.name + state.tier.rawValue
        let full = repaint || paletteKey != lastPaletteKey
        if full || frame != lastFrame {
            device.draw(frame, palette: state.palette, full: full)
            lastFrame = frame
            lastPaletteKey = paletteKey
            repaint = false
            frames += 1
        }
    }

    /// How long the loop may sleep before something on screen must change by itself
    /// (nil: nothing will, so block until input or a source's news).
    public func timeout(now: Double) -> Double? {
        var deadline: Double?
        func consider(_ t: Double) { deadline = deadline.map { min($0, t) } ?? t }
        if let status = state.status, status.until != .infinity { consider(status.until + 0.05) }
        if let k = state.kiosk {
            // The clock on screen changes every second; rotation on its own schedule.
            consider((now + 1).rounded(.down) + 0.01)
            consider(k.lastRotation + k.currentSeconds)
        }
        if let h = heartbeat { consider(lastBeat + h.interval) }
        // A live source's countdown or age on screen.
        if let t = LiveBadge.nextChange(state.dataset.files, after: now) { consider(t + 0.01) }
        return deadline.map { max(0, $0 - now) }
    }

    /// Handles one input; false when the app should exit.
    @discardableResult
    public func step(_ input: Input) -> Bool {
        var effects: [Effect] = []
        switch input {
        case .key(let k): effects = send(.key(k))
        case .mouse(let m): effects = send(.mouse(m))
        case .resize(let w, let h):
            effects = send(.resize(width: w, height: h))
            // The terminal was resized: its contents are undefined, write every cell.
            repaint = true
        case .exitSignal, .hangup:
            exitReason = input
            return false
        case .wake:
            for message in inbox.take() {
                effects += send(message)
                if case .loaded = message { reloadFinished() }
            }
        case .timeout: break
        }
        effects += send(.tick(now: clock.now()))
        return perform(effects)
    }

    /// Runs effects until none are left (an effect's result is a message, which may ask for more).
    func perform(_ effects: [Effect]) -> Bool {
        var queue = effects
        while !queue.isEmpty {
            let effect = queue.removeFirst()
            switch effect {
            case .quit:
                exitReason = .key(.character("q"))
                return false
            case .reload:
                if reloadsInBackground { startReload() } else { reload() }
            case .repaint:
                repaint = true
            case .copy(let text):
                device.copy(text)
            case .export(let request):
                if !request.overwrite, let exporter, exporter.exists(request, state: state) {
                    queue += send(.exportTargetExists(request, path: request.path))
                    continue
                }
                let result = exporter?.write(request, state: state) ?? .failure(ExportError("exports are not available here"))
                switch result {
                case .success(let path): queue += send(.exported(path: path, error: nil))
                case .failure(let error): queue += send(.exported(path: request.path, error: error.description))
                }
            }
        }
        return true
    }

    /// Loads on the loop and updates at once (benchmarks and tests step the loop themselves).
    public func reload() {
        guard let source else { return }
        let start = clock.now()
        let dataset = source.load(now: start)
        let end = clock.now()
        _ = send(.loaded(dataset, at: end, milliseconds: (end - start) * 1000))
    }

    /// Starts a reload on the worker, or, while one runs, asks for one more after it.
    func startReload() {
        guard let source else { return }
        guard !reloading else {
            reloadAgain = true
            return
        }
        reloading = true
        let start = clock.now()
        _ = send(.reloadStarted(at: start))
        // Sources are built for it: `load` takes its locks and is called once at a time.
        let job = ReloadJob(source: source, clock: clock, inbox: inbox)
        worker.async { job.run(from: start) }
    }

    private func reloadFinished() {
        reloading = false
        if reloadAgain {
            reloadAgain = false
            startReload()
        }
    }

    /// Runs until quit, a signal or hang-up.
    public func run() {
        reloadsInBackground = true
        let inbox = self.inbox
        source?.start { inbox.post(.sourceChanged) }
        defer { source?.stop() }
        render()
        while true {
            if let h = heartbeat, clock.now() - lastBeat >= h.interval * 0.5 {
                h.beat()
                lastBeat = clock.now()
            }
            let input = device.nextInput(timeout: timeout(now: clock.now()), wakeDescriptor: inbox.wakeDescriptor)
            if !step(input) { return }
            render()
        }
    }
}

/// One reload on the worker: loads, then posts the result to the loop's inbox.
private struct ReloadJob: @unchecked Sendable {
    let source: DataSource
    let clock: Clock
    let inbox: Inbox

    func run(from start: Double) {
        let dataset = source.load(now: start)
        let end = clock.now()
        inbox.post(.loaded(dataset, at: end, milliseconds: (end - start) * 1000))
    }
}

/// Writes exports for the run loop (the `e` dialog): the file-system side of an
/// `Effect.export`, injected so `update` stays pure and tests can watch what is written.
public protocol Exporter {
    /// The path written, or why not.
    func write(_ request: ExportRequest, state: AppState) -> Result<String, ExportError>
    /// True when a file is at the request's path already: the dialog asks before replacing it.
    func exists(_ request: ExportRequest, state: AppState) -> Bool
}

extension Exporter {
    public func exists(_ request: ExportRequest, state: AppState) -> Bool { false }
}
