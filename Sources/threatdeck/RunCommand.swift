import ArgumentParser
import CursesBackend
import Analysis
import Dashboard
import LiveSources
import Reports
import Settings
import ThreatModel
import TerminalUI
#if canImport(Glibc)
import Glibc
import Loading
#endif

struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Open the dashboard (the default command).",
        discussion: """
            Keys: Tab focus · arrows/hjkl move · Enter drill down · Esc back · / search, n/N next match · : filter · e export · z zoom · ? help · q quit.
            When stdout is not a terminal, or TERM is unset, unknown or dumb, prints the plain-text summary instead.
            Kiosk mode locks the keyboard: type the word "unlock" to return to the interactive dashboard.
            """
    )

    @Argument(help: "Files or directories; none: the config's `data`, else the bundled sample.")
    var files: [String] = []

    @Option(help: "Layout: a built-in one (actors-wide, events-medium, profile-short, …), one from config.yaml layouts:, or auto (chosen by the data).")
    var layout: String?

    @Option(help: "Theme name (see `threatdeck themes`) or a theme file.")
    var theme: String?

    @Option(help: "Colour: auto, always or never (NO_COLOR is honoured under auto).")
    var color: Config.ColorChoice?

    @Flag(help: "Draw with ASCII only (automatic in a non-UTF-8 locale).")
    var ascii = false

    @Flag(help: "No OSC 8 hyperlinks for URLs.")
    var noLinks = false

    @Flag(
        help:
            "Linear mode for screen readers and braille displays: plain sentences, one line after each key; no drawing, no colour (also `linear: true` in the config)."
    )
    var linear = false

    @OptionGroup(title: "View")
    var viewOptions: ViewOptions

    @Flag(help: "Reload automatically when the files change.")
    var watch = false

    @Flag(help: "Kiosk mode for a wall screen: rotating views, live reload, locked keyboard.")
    var kiosk = false

    @Option(help: "Kiosk: seconds per view (default 20).")
    var rotate: Double?

    @Option(help: "Kiosk: comma-separated views (\(KioskView.syntax)).")
    var views: String?

    @Option(
        help:
            "Kiosk: seconds without a good load before STALE (default 3600); a rejected reload says \"reload rejected HH:MM:SS (file:line:col)\" at once and keeps the last good data."
    )
    var staleAfter: Double?

    @OptionGroup(title: "Live sources (TAXII credentials: THREATDECK_TAXII_USER/PASSWORD or THREATDECK_TAXII_TOKEN; MISP: THREATDECK_MISP_KEY)")
    var feedOptions: FeedOptions

    @Option(
        help: ArgumentHelp(
            "Write what happens (keys, resizes, mouse, clock ticks) to FILE as a script `threatdeck snapshot --replay FILE` draws again: for bug reports.",
            valueName: "FILE"))
    var record: String?

    @Flag(name: .customLong("self-test-crash"), help: .hidden)
    var selfTestCrash = false

    func validate() throws {
        if let rotate, rotate < 1 { throw ValidationError("--rotate must be at least 1 second") }
        if let staleAfter, staleAfter < 1 { throw ValidationError("--stale-after must be at least 1 second") }
        if let views { _ = try Self.kioskViews(views) }
    }

    /// Kiosk views from `--views` (commas outside parentheses separate views).
    static func kioskViews(_ text: String) throws -> [KioskView] {
        var names: [String] = []
        var depth = 0
        var current = ""
        for c in text {
            if c == "(" { depth += 1 }
            if c == ")" { depth -= 1 }
            if c == "," && depth == 0 { names.append(current); current = "" } else { current.append(c) }
        }
        names.append(current)
        return try names.map { name in
            guard let v = KioskView(name: name) else { throw ValidationError("--views: unknown view \"\(name)\" (\(KioskView.syntax))") }
            return v
        }
    }

    /// A terminal to run on: the curses screen, or linear mode's lines of text.
    struct Device {
        var device: TerminalDevice
        var tier: ColorTier
        var shutdown: () -> Void
    }

    func run() throws {
        let unicode = ProcessContext.prepareLocale()
        let env = ProcessContext.environment
        let (config, configError) = ProcessContext.loadConfig()
        let paths = files.isEmpty ? config.data : files
        guard DataLoad.checkPaths(paths, command: "threatdeck") else { throw ExitCode(1) }
        let live = try feedOptions.sourcesOrExit("threatdeck", config: config)
        let maxTLP = viewOptions.tlpLimit(config: config, kiosk: kiosk)
        // Live sources start from their cache at once and pull in the background.
        let load = DataLoad.load(paths, live: live, watch: watch || kiosk, maxTLP: maxTLP)
        let filter = try viewOptions.filter(dataset: load.dataset, config: config, command: "threatdeck")
        let useASCII = ascii || config.ascii == true || !unicode
        let linear = self.linear || config.linear == true

        let check: TerminalCheck.Result?
        switch linear ? (isatty(0) == 1 ? .success(nil) : .failure(.notATerminal)) : TerminalCheck.check(environment: env).map(Optional.some) {
        case .success(let result):
            check = result
        case .failure(let reason):
            // No interactive UI possible: say why, and give the numbers instead.
            printError("threatdeck: \(reason); printing the summary instead (threatdeck summary does this on purpose)")
            if !live.isEmpty { printError("threatdeck: live sources are shown from their cache here; `threatdeck summary --taxii …` pulls first") }
            print(PlainSummary.render(ReportView(dataset: load.dataset, filter: filter, loadMilliseconds: load.milliseconds), ascii: useASCII), terminator: "")
            return
        }
        let clock = SystemClock()
        var options = try startOptions(load: load, filter: filter, config: config, configError: configError, env: env, now: clock.now())
        options.ascii = useASCII
        options.linear = linear
        let insecure = live.contains { $0.source.settings.insecure }
        if insecure { options.notice = "TLS NOT VERIFIED (--insecure)" }
        if kiosk { options.kiosk = config.kiosk(rotate: rotate, views: try views.map(Self.kioskViews), staleAfter: staleAfter, maxTLP: maxTLP) }

        let terminal = open(check, config: config, links: options.links, env: env)
        options.tier = terminal.tier
        let runtime = Runtime(
            state: AppState.start(options), device: terminal.device, source: load.source, clock: clock,
            exporter: FileExporter(fileSystem: LocalFileSystem(), home: env["HOME"]))
        // Whatever ends the loop (quit, a signal, an error thrown below), the terminal comes back first.
        defer { terminal.shutdown() }
        try prepare(runtime, terminal: terminal, env: env)
        runtime.run()
        terminal.shutdown()
        if case .exitSignal(let sig) = runtime.exitReason { throw ExitCode(128 + sig) }
        if case .hangup = runtime.exitReason { throw ExitCode(129) }
    }

    /// The options every run starts from: themes, filter, views, comparison, links, directories.
    func startOptions(load: DataLoad, filter: Filter, config: Config, configError: SettingsError?, env: [String: String], now: Double) throws -> StartOptions {
        var (themes, themeErrors) = ProcessContext.loadThemes()
        let (themeName, themeError) = ProcessContext.selectTheme(theme ?? config.theme, themes: &themes)
        var options = StartOptions(dataset: load.dataset, width: 80, height: 24)
        options.themes = themes
        options.themeName = themeName
        options.filter = filter
        options.now = now
        options.loadMilliseconds = load.milliseconds
        options.sourceLabel = load.label
        options.savedViews = config.views
        options.compare = viewOptions.compareSpec
        options.links = !noLinks && (config.links ?? true) && Hyperlinks.supported(env)
        options.workingDirectory = ProcessContext.workingDirectory
        options.homeDirectory = env["HOME"]
        try SettingsNotice.checkLayoutOption(layout, config: config, command: "threatdeck")
        SettingsNotice.apply(
            to: &options, config: config, layout: layout ?? viewOptions.savedLayout(config: config), configError: configError, themeError: themeError,
            themeErrors: themeErrors)
        return options
    }

    /// The curses screen, or (no check: linear mode) the plain-text lines.
    func open(_ check: TerminalCheck.Result?, config: Config, links: Bool, env: [String: String]) -> Device {
        guard let check else {
            let linear = LinearTerminal(locked: kiosk, tmux: !(env["TMUX"] ?? "").isEmpty)
            return Device(device: linear, tier: .monochrome, shutdown: { linear.shutdown() })
        }
        let choice = color ?? config.color ?? .auto
        let forced: ColorTier? = choice == .never ? .monochrome : (choice == .always ? .truecolor : nil)
        let terminal = CursesTerminal(check: check, options: .init(tier: forced, locked: kiosk, hyperlinks: links), environment: env)
        return Device(device: terminal, tier: terminal.tier, shutdown: { terminal.shutdown() })
    }

    /// The watchdog, the recording and the crash self-test, as asked for.
    func prepare(_ runtime: Runtime, terminal: Device, env: [String: String]) throws {
        if kiosk, let watchdog = Watchdog(environment: env) {
            watchdog.send("READY=1")
            runtime.heartbeat = (watchdog.interval, { watchdog.send("WATCHDOG=1") })
        }
        if let record {
            // Unbuffered, a line per write: a crash leaves every message before it on disk.
            let fd = Glibc.open(record, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
            guard fd >= 0 else {
                terminal.shutdown()
                printError("threatdeck: cannot write --record \(record): \(String(cString: strerror(errno)))")
                throw ExitCode(1)
            }
            runtime.startRecording { line in
                let bytes = Array((line + "\n").utf8)
                _ = bytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
            }
        }
        if selfTestCrash { Self.crashAfterFirstKey(runtime, terminal.device) }
    }

    /// For the end-to-end test of crash safety: draws, waits for a key, then traps the way a
    /// failed precondition would, with the terminal in raw mode. Always the same trap (a
    /// runtime message written to stderr first, then the signal): the harder case, since the
    /// message comes before the crash handler runs.
    static func crashAfterFirstKey(_ runtime: Runtime, _ terminal: TerminalDevice) -> Never {
        runtime.render()
        _ = terminal.nextInput(timeout: nil, wakeDescriptor: nil)
        fatalError("self-test: a trap with the screen in raw mode")
    }
}

extension Config.ColorChoice: ExpressibleByArgument {}
