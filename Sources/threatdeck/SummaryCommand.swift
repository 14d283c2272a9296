import ArgumentParser
import Dashboard
import ThreatModel

struct SummaryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "summary",
        abstract: "Print the dashboard's numbers as plain text: actor breakdown, sector targeting, timeline."
    )

    @Option(name: .customLong("filter"), help: ArgumentHelp("Filter chip, repeatable: \(FilterSpec.syntax)", valueName: "KIND:VALUE"))
    var filters: [String] = []

    @Flag(help: "ASCII only, whatever the locale.")
    var ascii = false

    @Argument(help: "Files or directories; none: the bundled sample.")
    var files: [String] = []

    func run() throws {
        let unicode = ProcessContext.prepareLocale()
        let load = DataLoad.load(files)
        let filter: Filter
        do {
            filter = try FilterSpec.parse(filters, dataset: load.dataset)
        } catch {
            printError("threatdeck summary: \(error.description)")
            throw ExitCode(2)
        }
        print(PlainSummary.render(load.dataset, filter: filter, ascii: ascii || !unicode, loadMilliseconds: load.milliseconds), terminator: "")
        if !load.dataset.files.isEmpty && load.dataset.files.allSatisfy({ !$0.loaded }) { throw ExitCode(2) }
    }
}
