import ArgumentParser
import Dashboard
import JSONCore
import LiveSources
import Reports
import Settings
import ThreatModel
import TerminalUI
#if canImport(Glibc)
import Glibc
import Loading
#endif

struct SnapshotCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "snapshot",
        abstract: "Print exactly the frame the dashboard (or the wall) would draw, as text or with ANSI colour.",
        discussion: "For briefings, tickets, cron mail and tests: the same drawing code and the same starting state as the live screen."
    )

    @Option(help: "Frame size, WIDTHxHEIGHT.")
    var size = "120x40"

    @Flag(help: "Include colours and attributes as ANSI SGR sequences.")
    var ansi = false

    @Option(help: "Focused pane: \(PaneRegistry.ids.map(\.rawValue).joined(separator: ", ")); default: the one the screen starts on.")
    var focus: String?

    @Option(help: "Layout: a built-in one (actors-wide, events-medium, profile-short, …), one from config.yaml layouts:, or auto (chosen by the data).")
    var layout: String?

    @Flag(help: "Zoom the focused pane to the whole screen.")
    var zoom = false

    @OptionGroup(title: "View")
    var viewOptions: ViewOptions

    @Option(help: "Theme name or file (with --ansi).")
    var theme: String?

    @Option(help: "Colour tier for --ansi: truecolor, 256, 16, 8, monochrome.")
    var colors: String = "256"

    @Flag(help: "ASCII only, whatever the locale.")
    var ascii = false

    @Flag(help: "Print what linear mode says (for screen readers) instead of the frame: the start, then the lines after each --replay message.")
    var linear = false

    @Flag(help: "Draw the wall: with --view NAME a kiosk view (\(KioskView.syntax)), else the first of the rotation.")
    var kiosk = false

    @Option(help: "Kiosk view to draw (the same as --kiosk --view NAME).")
    var kioskView: String?

    @Option(help: "Clock, seconds since the epoch (default: now).")
    var now: Double?

    @Option(help: ArgumentHelp("Replay messages from a file first: `key j`, `key Down`, `resize 100 30`, `tick SECONDS`, one per line.", valueName: "FILE"))
    var replay: String?

    @OptionGroup(title: "Live sources")
    var feedOptions: FeedOptions

    @Argument(help: "Files or directories; none: the config's `data`, else the bundled sample.")
    var files: [String] = []

    func run() throws {
        let unicode = ProcessContext.prepareLocale()
        let (parts, pane, tier) = try checkedOptions()
        var kioskViewName = kioskView
        var savedViewOptions = viewOptions
        if kiosk, kioskViewName == nil, let v = viewOptions.view, KioskView(name: v) != nil {
            kioskViewName = v
            savedViewOptions.view = nil
        }
        let (config, configError) = ProcessContext.loadConfig()
        let paths = files.isEmpty ? config.data : files
        guard DataLoad.checkPaths(paths, command: "threatdeck snapshot") else { throw ExitCode(1) }
        let live = try feedOptions.sourcesOrExit("threatdeck snapshot", config: config)
        let maxTLP = savedViewOptions.tlpLimit(config: config, kiosk: kiosk || kioskViewName != nil)
        // The themes' YAML (10 M instructions) is read on another thread while the data loads:
        // the load leaves a core idle at times, and nothing of it needs a theme.
        let (bundledAndUser, load) = ParallelMap.pair({ ProcessContext.loadThemes() }, { DataLoad.load(paths, live: live, waitForFeeds: true, maxTLP: maxTLP) })
        let liveFailed = load.reportLiveFailures("threatdeck snapshot")
        var (themes, themeErrors) = bundledAndUser
        let (themeName, themeError) = ProcessContext.selectTheme(theme ?? config.theme, themes: &themes)
        if let themeError { printError("threatdeck snapshot: \(themeError)") }
        if let configError { printError("threatdeck snapshot: config ignored: \(configError)") }
        let clock = now ?? SystemClock().now()

        var options = StartOptions(dataset: load.dataset, width: parts[0], height: parts[1])
        options.ascii = ascii || !unicode
        options.themes = themes
        options.themeName = themeName
        options.tier = tier
        options.filter = try savedViewOptions.filter(dataset: load.dataset, config: config, command: "threatdeck snapshot")
        options.focus = pane
        options.zoomed = zoom
        options.now = clock
        options.savedViews = config.views
        options.compare = savedViewOptions.compareSpec
        try SettingsNotice.checkLayoutOption(layout, config: config, command: "threatdeck snapshot")
        let layoutProblems = SettingsNotice.apply(
            to: &options, config: config, layout: layout ?? savedViewOptions.savedLayout(config: config), configError: configError, themeError: themeError,
            themeErrors: themeErrors)
        for problem in layoutProblems { printError("threatdeck snapshot: \(problem)") }
        if live.contains(where: { $0.source.settings.insecure }) { options.notice = "TLS NOT VERIFIED (--insecure)" }
        if kiosk || kioskViewName != nil { options.kiosk = try Self.kioskSettings(config, maxTLP: maxTLP, view: kioskViewName) }
        options.linear = linear
        var state = AppState.start(options)
        var speech: LinearSession? = linear ? LinearSession() : nil
        var said = speech?.next(state, afterKey: false) ?? []
        if let replay { try Self.replay(replay, into: &state, speech: &speech, said: &said) }
        if linear {
            for line in said { print(line) }
            ProcessExit.afterOutput()
        }
        let frame = Screen.render(state)
        if ansi {
            print(AnsiRenderer.render(frame, palette: state.palette), terminator: "")
        } else {
            print(frame.text)
        }
        // The frame shows a failed live source as such; the exit status says it too.
        ProcessExit.afterOutput(liveFailed ? 1 : 0)
    }

    /// `--size`, `--focus` and `--colors` as values, or a message and exit status 2.
    func checkedOptions() throws -> (size: [Int], pane: PaneID?, tier: ColorTier) {
        let parts = size.lowercased().split(separator: "x").compactMap { Int($0) }
        guard parts.count == 2, parts[0] > 0, parts[1] > 0, parts[0] <= 1000, parts[1] <= 1000 else {
            printError("threatdeck snapshot: --size must be WIDTHxHEIGHT, e.g. 120x40")
            throw ExitCode(2)
        }
        let pane = focus.map(PaneID.init(rawValue:))
        if let pane, PaneRegistry.pane(pane) == nil {
            printError("threatdeck snapshot: --focus must be one of \(PaneRegistry.ids.map(\.rawValue).joined(separator: ", "))")
            throw ExitCode(2)
        }
        guard let tier = ColorTier(rawValue: colors) else {
            printError("threatdeck snapshot: --colors must be one of \(ColorTier.allCases.map(\.rawValue).joined(separator: ", "))")
            throw ExitCode(2)
        }
        return (parts, pane, tier)
    }

    /// The wall's settings from the config, showing only `view` when one is named.
    static func kioskSettings(_ config: Config, maxTLP: TLP?, view name: String?) throws -> KioskConfig {
        var k = config.kiosk(rotate: nil, views: nil, staleAfter: nil, maxTLP: maxTLP)
        if let name {
            guard let view = KioskView(name: name) else {
                printError("threatdeck snapshot: unknown kiosk view \"\(name)\" (\(KioskView.syntax))")
                throw ExitCode(2)
            }
            k.entries = [KioskEntry(view)]
        }
        return k
    }

    /// `--replay FILE`: each message applied in order; with `speech`, what linear mode says after each.
    static func replay(_ path: String, into state: inout AppState, speech: inout LinearSession?, said: inout [String]) throws {
        guard let text = ProcessContext.readText(path) else {
            printError("threatdeck snapshot: cannot read --replay \(path)")
            throw ExitCode(2)
        }
        for (n, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let trimmed = String(line)
            if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
            guard let message = MessageScript.parse(trimmed) else {
                printError("threatdeck snapshot: \(path):\(n + 1): cannot read \"\(trimmed.prefix(60))\" (key NAME, resize W H, tick SECONDS)")
                throw ExitCode(2)
            }
            let effects = App.update(&state, message)
            guard speech != nil else { continue }
            var isKey = false
            if case .key = message { isKey = true }
            said += speech!.next(state, afterKey: isKey, reread: effects.contains(.repaint))
        }
    }
}
