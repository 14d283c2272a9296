import ArgumentParser
import Dashboard
import LiveSources
import Reports
import Settings
import TerminalUI
import ThreatModel
import Loading

struct SummaryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "summary",
        abstract: "Print the dashboard's numbers as plain text: actors, sectors, techniques, timeline, events.",
        discussion:
            "Reads the config's data and sources like the dashboard; live sources are pulled first, within --timeout. Exit status: 0 ok, 1 a file is missing or a live source failed (even in part), 2 nothing could be read or bad options."
    )

    @OptionGroup(title: "View")
    var viewOptions: ViewOptions

    @Flag(help: "ASCII only, whatever the locale.")
    var ascii = false

    @Flag(help: "Print the JSON summary document (threatdeck-summary@1) instead.")
    var json = false

    @Option(help: "List the newest N events in view.")
    var events: Int = 0

    @Option(help: ArgumentHelp("Explain how an actor's records were merged, its overlaps, umbrellas and nexus claims.", valueName: "ACTOR"))
    var explain: String?

    @OptionGroup(title: "Live sources")
    var feedOptions: FeedOptions

    @Argument(help: "Files or directories; none: the config's `data`, else the bundled sample.")
    var files: [String] = []

    func run() throws {
        let unicode = ProcessContext.prepareLocale()
        let (config, configError) = ProcessContext.loadConfig()
        if let configError { printError("threatdeck summary: config ignored: \(configError)") }
        let paths = files.isEmpty ? config.data : files
        guard DataLoad.checkPaths(paths, command: "threatdeck summary") else { throw ExitCode(1) }
        let live = try feedOptions.sourcesOrExit("threatdeck summary", config: config)
        if feedOptions.insecure { printError("threatdeck: warning: TLS certificate verification is OFF (--insecure)") }
        let load = DataLoad.load(paths, live: live, waitForFeeds: true, maxTLP: viewOptions.tlpLimit(config: config))
        let liveFailed = load.reportLiveFailures("threatdeck summary")
        let empty = DatasetLoader(paths: paths).emptyDirectories()
        for dir in empty { printError("threatdeck summary: \(dir): no .json files in this directory") }
        let filter = try viewOptions.filter(dataset: load.dataset, config: config, command: "threatdeck summary")
        if let explain {
            guard let actor = load.dataset.actor(named: explain) else {
                printError("threatdeck summary: --explain: no actor named \"\(explain)\" in the loaded data")
                throw ExitCode(2)
            }
            print(PlainSummary.explain(actor, dataset: load.dataset, ascii: ascii || !unicode), terminator: "")
            ProcessExit.afterOutput()
        }
        var view = ReportView(dataset: load.dataset, filter: filter, generatedAt: SystemClock().now(), loadMilliseconds: load.milliseconds)
        if let spec = viewOptions.compareSpec {
            switch ReportView.comparing(spec, dataset: load.dataset, filter: filter, generatedAt: view.generatedAt) {
            case .success(let v): view = v
            case .failure(let e):
                printError("threatdeck summary: --compare: \(e)")
                throw ExitCode(2)
            }
        }
        if json {
            print(JSONSummary.document(view).render())
        } else {
            print(PlainSummary.render(view, ascii: ascii || !unicode, events: max(0, events)), terminator: "")
        }
        // 1: a server failed (its error is above) or a directory was empty; 2: no file at all could be read.
        if liveFailed || !empty.isEmpty { ProcessExit.afterOutput(1) }
        if !load.dataset.files.isEmpty && load.dataset.files.allSatisfy({ !$0.loaded }) { ProcessExit.afterOutput(2) }
        ProcessExit.afterOutput()
    }
}
