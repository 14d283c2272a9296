import ArgumentParser
import CursesBackend
import Dashboard
import TaxiiSource
import ThreatModel
import TerminalUI
#if canImport(Glibc)
import Glibc
#endif

struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Open the dashboard (the default command).",
        discussion: """
        Keys: Tab focus · arrows/hjkl move · Enter drill down · Esc back · / search · z zoom · ? help · q quit.
        When stdout is not a terminal, or TERM is unset, unknown or dumb, prints the plain-text summary instead.
        Kiosk mode locks the keyboard: type the word "unlock" to return to the interactive dashboard.
        """
    )

    @Argument(help: "Files or directories; none: the config's `data`, else the bundled sample.")
    var files: [String] = []

    @Option(help: "Theme name (see `threatdeck themes`) or a theme file.")
    var theme: String?

    @Option(help: "Colour: auto, always or never (NO_COLOR is honoured under auto).")
    var color: Config.ColorChoice?

    @Flag(help: "Draw with ASCII only (automatic in a non-UTF-8 locale).")
    var ascii = false

    @Option(name: .customLong("filter"), help: ArgumentHelp("Start with a filter chip, repeatable: \(FilterSpec.syntax)", valueName: "KIND:VALUE"))
    var filters: [String] = []

    @Flag(help: "Reload automatically when the files change.")
    var watch = false

    @Flag(help: "Kiosk mode for a wall screen: rotating views, live reload, locked keyboard.")
    var kiosk = false

    @Option(help: "Kiosk: seconds per view (default 20).")
    var rotate: Double?

    @Option(help: "Kiosk: comma-separated views (headline, overview, actors, sectors, timeline, detail, nexus:N).")
    var views: String?

    @Option(help: "Kiosk: seconds after the last good load before the STALE banner (default 3600).")
    var staleAfter: Double?

    @OptionGroup(title: "TAXII (credentials: THREATDECK_TAXII_USER/PASSWORD or THREATDECK_TAXII_TOKEN)")
    var taxii: TaxiiOptions

    func validate() throws {
        if let rotate, rotate < 1 { throw ValidationError("--rotate must be at least 1 second") }
        if let staleAfter, staleAfter < 1 { throw ValidationError("--stale-after must be at least 1 second") }
        if let views {
            for name in views.split(separator: ",") where KioskView(name: String(name).trimmingSpaces) == nil {
                throw ValidationError("--views: unknown view \"\(name)\" (headline, overview, actors, sectors, timeline, detail, nexus:N)")
            }
        }
    }

    func run() throws {
        let unicode = ProcessContext.prepareLocale()
        let env = ProcessContext.environment
        let (config, configError) = ProcessContext.loadConfig()
        let paths = files.isEmpty ? config.data : files
        let feeds = try taxii.feedsOrExit("threatdeck", config: config)
        let insecure = feeds.contains { $0.configuration.options.insecure }
        // Feeds start from their cache at once and poll in the background.
        let load = DataLoad.load(paths, feeds: feeds)
        var filter = Filter.none
        do {
            filter = try FilterSpec.parse(filters, dataset: load.dataset)
        } catch {
            printError("threatdeck: \(error.description)")
            throw ExitCode(2)
        }
        let useASCII = ascii || config.ascii == true || !unicode

        let check: TerminalCheck.Result
        switch TerminalCheck.check(environment: env) {
        case .success(let result):
            check = result
        case .failure(let reason):
            // No full-screen UI possible: say why, and give the numbers instead.
            printError("threatdeck: \(reason); printing the summary instead (threatdeck summary does this on purpose)")
            if !feeds.isEmpty { printError("threatdeck: TAXII feeds are shown from their cache here; `threatdeck summary --taxii …` pulls first") }
            print(PlainSummary.render(load.dataset, filter: filter, ascii: useASCII, loadMilliseconds: load.milliseconds), terminator: "")
            return
        }

        var (themes, themeErrors) = ProcessContext.loadThemes()
        let (themeIndex, themeError) = ProcessContext.selectTheme(theme ?? config.theme, themes: &themes)
        let choice = color ?? config.color ?? .auto
        let forced: ColorTier? = choice == .never ? .monochrome : (choice == .always ? .truecolor : nil)

        var state = AppState(dataset: load.dataset, width: 80, height: 24, ascii: useASCII, themes: themes)
        state.themeIndex = themeIndex
        state.filter = filter
        state.loadMilliseconds = load.milliseconds
        state.sourceLabel = load.label
        if insecure { state.notice = "TLS NOT VERIFIED (--insecure)" }
        state.refresh()
        let clock = SystemClock()
        state.now = clock.now()
        state.loadedAt = state.now
        if let configError {
            App.show(&state, "config ignored, defaults used: \(configError)", role: .error, seconds: 20)
        } else if let themeError {
            App.show(&state, "theme: \(themeError); using \(state.theme.name)", role: .error, seconds: 20)
        } else if let first = themeErrors.first {
            App.show(&state, "theme file skipped: \(first)", role: .warning, seconds: 15)
        }

        let terminal = CursesTerminal(check: check, options: .init(tier: forced, locked: kiosk), environment: env)
        state.tier = terminal.tier
        if kiosk {
            var k = KioskConfig()
            k.rotateSeconds = rotate ?? config.kioskRotate ?? k.rotateSeconds
            if let views { k.views = views.split(separator: ",").compactMap { KioskView(name: String($0).trimmingSpaces) } } else if let v = config.kioskViews { k.views = v }
            k.staleAfterSeconds = staleAfter ?? config.kioskStaleAfter ?? k.staleAfterSeconds
            k.watchSeconds = config.kioskWatch ?? k.watchSeconds
            Kiosk.start(&state, config: k, now: clock.now())
            themeErrors.removeAll()
        }
        var watchInterval: Double? = kiosk ? state.kiosk?.config.watchSeconds : (watch ? 2 : nil)
        let combined = load.source as? CombinedSource
        if let combined {
            combined.start()
            watchInterval = min(watchInterval ?? 1, 1)
        }
        let runtime = Runtime(state: state, device: terminal, source: load.source, clock: clock, watchInterval: watchInterval)
        // Whatever ends the loop (quit, a signal, an error thrown below), the terminal comes back first.
        defer { terminal.shutdown() }
        runtime.run()
        terminal.shutdown()
        if let feeds = combined?.feeds { runBlocking { for f in feeds { await f.stop() } } }
        if case .exitSignal(let sig) = runtime.exitReason { throw ExitCode(128 + sig) }
        if case .hangup = runtime.exitReason { throw ExitCode(129) }
    }
}

extension String {
    var trimmingSpaces: String {
        var s = Substring(self)
        while s.first == " " { s.removeFirst() }
        while s.last == " " { s.removeLast() }
        return String(s)
    }
}

extension Config.ColorChoice: ExpressibleByArgument {}
