import ArgumentParser
import Dashboard
import LiveSources
import Reports
import Settings
import TerminalUI
import ThreatModel
import Loading

struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract:
            "Export the view: a Markdown brief, a CSV table, the JSON summary, a STIX 2.1 bundle, an ATT&CK Navigator layer or the indicators in view, one per line.",
        discussion: "Writes to stdout, or atomically to -o FILE (a temporary file renamed into place: nothing is left half written)."
    )

    @Option(help: "md, csv (or csv:TABLE), json, stix, navigator or iocs (MISP indicator values in view, one per line, plain).")
    var format: String

    @Option(help: "For CSV: actors, nexus, sectors, timeline, techniques, events or indicators.")
    var table: String?

    @Option(name: .shortAndLong, help: "Write to FILE instead of stdout.")
    var output: String?

    @Option(
        name: .customLong("actor"),
        help: ArgumentHelp(
            "For navigator: the actors of the layer (repeatable; id, name or alias): one layer scored by how many of them use each technique.",
            valueName: "NAME"))
    var actors: [String] = []

    @Flag(help: "For navigator with --actor: one layer per actor, written to -o FILE as FILE-NAME.json each.")
    var layerPerActor = false

    @OptionGroup(title: "View")
    var viewOptions: ViewOptions

    @OptionGroup(title: "Live sources")
    var feedOptions: FeedOptions

    @Argument(help: "Files or directories; none: the config's `data`, else the bundled sample.")
    var files: [String] = []

    func validate() throws {
        guard ExportFormat(format: format, table: table) != nil else {
            if format.lowercased() == "csv" {
                throw ValidationError("--table \(table ?? ""): expected one of \(ExportFormat.Table.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            throw ValidationError("--format \(format): expected one of \(ExportFormat.names)")
        }
        if table != nil && format.lowercased() != "csv" { throw ValidationError("--table applies to --format csv only") }
        if !actors.isEmpty && ExportFormat(format: format, table: table) != .navigator { throw ValidationError("--actor applies to --format navigator only") }
        if layerPerActor && (actors.isEmpty || output == nil) { throw ValidationError("--layer-per-actor needs --actor and -o FILE") }
    }

    func run() throws {
        _ = ProcessContext.prepareLocale()
        let exportFormat = ExportFormat(format: format, table: table)!
        let (config, configError) = ProcessContext.loadConfig()
        if let configError { printError("threatdeck export: config ignored: \(configError)") }
        let paths = files.isEmpty ? config.data : files
        guard DataLoad.checkPaths(paths, command: "threatdeck export") else { throw ExitCode(1) }
        let live = try feedOptions.sourcesOrExit("threatdeck export", config: config)
        let load = DataLoad.load(paths, live: live, waitForFeeds: true, maxTLP: viewOptions.tlpLimit(config: config))
        // An export of a pull that failed, even in part, would pass for a whole one: none is written.
        if load.reportLiveFailures("threatdeck export") {
            printError("threatdeck export: a live source failed; no export written")
            throw ExitCode(1)
        }
        // Nothing readable: no brief of nothing that says the file was loaded.
        if !load.dataset.files.isEmpty && load.dataset.files.allSatisfy({ !$0.loaded }) {
            for p in load.dataset.problems.filter({ $0.severity == .error }).prefix(5) { printError("threatdeck export: \(p.description)") }
            printError("threatdeck export: nothing could be read; no export written")
            throw ExitCode(2)
        }
        let filter = try viewOptions.filter(dataset: load.dataset, config: config, command: "threatdeck export")
        var view = ReportView(dataset: load.dataset, filter: filter, generatedAt: SystemClock().now())
        if let spec = viewOptions.compareSpec {
            switch ReportView.comparing(spec, dataset: load.dataset, filter: filter, generatedAt: view.generatedAt) {
            case .success(let v): view = v
            case .failure(let e):
                printError("threatdeck export: --compare: \(e)")
                throw ExitCode(2)
            }
        }
        if !actors.isEmpty {
            try ActorLayerExport(actors: actors, perActor: layerPerActor, output: output).write(load.dataset, generatedAt: view.generatedAt)
            ProcessExit.afterOutput()
        }
        if let output {
            switch Exports.write(exportFormat, view, to: output, fileSystem: LocalFileSystem()) {
            case .success(let path): printError("threatdeck export: wrote \(path)")
            case .failure(let e):
                printError("threatdeck export: \(e)")
                throw ExitCode(1)
            }
        } else {
            switch Exports.render(exportFormat, view) {
            case .success(let bytes): print(String(decoding: bytes, as: UTF8.self), terminator: "")
            case .failure(let e):
                printError("threatdeck export: \(e)")
                throw ExitCode(1)
            }
        }
        ProcessExit.afterOutput()
    }
}
