import ArgumentParser
import Dashboard
import TaxiiSource
import ThreatModel
import TerminalUI

struct SnapshotCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "snapshot",
        abstract: "Print exactly the frame the dashboard would draw, as text (or with ANSI colour).",
        discussion: "For briefings, tickets, cron mail and tests: the same drawing code as the live screen."
    )

    @Option(help: "Frame size, WIDTHxHEIGHT.")
    var size = "120x40"

    @Flag(help: "Include colours and attributes as ANSI SGR sequences.")
    var ansi = false

    @Option(help: "Focused pane: actors, sectors, timeline, detail.")
    var focus: String = "actors"

    @Flag(help: "Zoom the focused pane to the whole screen.")
    var zoom = false

    @Option(name: .customLong("filter"), help: ArgumentHelp("Filter chip, repeatable: \(FilterSpec.syntax)", valueName: "KIND:VALUE"))
    var filters: [String] = []

    @Option(help: "Theme name or file (with --ansi).")
    var theme: String?

    @Option(help: "Colour tier for --ansi: truecolor, 256, 16, 8, monochrome.")
    var colors: String = "256"

    @Flag(help: "ASCII only, whatever the locale.")
    var ascii = false

    @Option(help: "Kiosk view to draw instead of the dashboard (headline, overview, actors, …, nexus:N).")
    var kioskView: String?

    @Option(help: "Clock for --kiosk-view, seconds since the epoch (default: now).")
    var now: Double?

    @OptionGroup(title: "TAXII")
    var taxii: TaxiiOptions

    @Argument(help: "Files or directories; none: the bundled sample.")
    var files: [String] = []

    func run() throws {
        let unicode = ProcessContext.prepareLocale()
        let parts = size.lowercased().split(separator: "x").compactMap { Int($0) }
        guard parts.count == 2, parts[0] > 0, parts[1] > 0, parts[0] <= 1000, parts[1] <= 1000 else {
            printError("threatdeck snapshot: --size must be WIDTHxHEIGHT, e.g. 120x40")
            throw ExitCode(2)
        }
        guard let pane = PaneID(rawValue: focus) else {
            printError("threatdeck snapshot: --focus must be one of \(PaneID.allCases.map(\.rawValue).joined(separator: ", "))")
            throw ExitCode(2)
        }
        guard let tier = ColorTier(rawValue: colors) else {
            printError("threatdeck snapshot: --colors must be one of \(ColorTier.allCases.map(\.rawValue).joined(separator: ", "))")
            throw ExitCode(2)
        }
        let feeds = try taxii.feedsOrExit("threatdeck snapshot")
        let load = DataLoad.load(files, feeds: feeds, waitForFeeds: true)
        var (themes, _) = ProcessContext.loadThemes()
        let (themeIndex, themeError) = ProcessContext.selectTheme(theme, themes: &themes)
        if let themeError { printError("threatdeck snapshot: \(themeError)") }
        var state = AppState(dataset: load.dataset, width: parts[0], height: parts[1], ascii: ascii || !unicode, themes: themes, tier: tier)
        state.themeIndex = themeIndex
        do {
            state.filter = try FilterSpec.parse(filters, dataset: load.dataset)
        } catch {
            printError("threatdeck snapshot: \(error.description)")
            throw ExitCode(2)
        }
        if taxii.insecure { state.notice = "TLS NOT VERIFIED (--insecure)" }
        state.refresh()
        _ = App.update(&state, .key(.character(Character(String(pane.number)))))
        state.zoomed = zoom
        if let kioskView {
            guard let view = KioskView(name: kioskView) else {
                printError("threatdeck snapshot: unknown kiosk view \"\(kioskView)\"")
                throw ExitCode(2)
            }
            Kiosk.start(&state, config: KioskConfig(views: [view]), now: now ?? SystemClock().now())
        }
        let frame = Screen.render(state)
        if ansi {
            print(AnsiRenderer.render(frame, palette: state.palette), terminator: "")
        } else {
            print(frame.text)
        }
    }
}
