import ArgumentParser
import Dashboard
import TaxiiSource
import TerminalUI
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

    @OptionGroup(title: "TAXII")
    var taxii: TaxiiOptions

    @Argument(help: "Files or directories; none: the bundled sample.")
    var files: [String] = []

    func run() throws {
        let unicode = ProcessContext.prepareLocale()
        let feeds = try taxii.feedsOrExit("threatdeck summary")
        if taxii.insecure { printError("threatdeck: warning: TLS certificate verification is OFF (--insecure)") }
        let load = DataLoad.load(files, feeds: feeds, waitForFeeds: true)
        for feed in feeds { if let e = feed.lastError { printError("threatdeck summary: \(TerminalText.sanitize(e))") } }
        let filter: Filter
        do {
            filter = try FilterSpec.parse(filters, dataset: load.dataset)
        } catch {
            printError("threatdeck summary: \(error.description)")
            throw ExitCode(2)
        }
        print(PlainSummary.render(load.dataset, filter: filter, ascii: ascii || !unicode, loadMilliseconds: load.milliseconds), terminator: "")
        // 1: a server failed (its error is above); 2: nothing at all could be read.
        if feeds.contains(where: { $0.lastError != nil }) { throw ExitCode(1) }
        if !load.dataset.files.isEmpty && load.dataset.files.allSatisfy({ !$0.loaded }) { throw ExitCode(2) }
    }
}
