import ArgumentParser
import JSONCore
import Reports
import ThreatModel
import TerminalUI
#if canImport(Glibc)
import Glibc
import Loading
import Readers
#endif

struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check report files (ThreatDeck JSON, STIX 2.x, MISP galaxies and events, MISP feeds); print file:line:col: path: message for every problem.",
        discussion: "Exit status: 0 no problems, 1 problems found, 2 a file could not be read."
    )

    @Argument(help: "Files or directories (ThreatDeck JSON, STIX 2.x, MISP galaxy).")
    var files: [String]

    @Flag(help: "Only print the summary line.")
    var quiet = false

    func run() throws {
        let unicode = ProcessContext.prepareLocale()
        var loader = DatasetLoader(paths: files)
        let paths = loader.expandedPaths()
        var unreadable = 0
        let missing = Set(loader.missingPaths())
        for path in missing.sorted() {
            // As cat and jq do: on stderr, naming the file; it counts as an error below.
            printError(TerminalText.sanitize("threatdeck validate: \(path): no such file or directory", ascii: !unicode))
        }
        unreadable += missing.count
        for empty in loader.emptyDirectories() { printError("threatdeck validate: \(empty): no .json files in this directory") }
        var problems = 0
        var errors = 0
        for path in paths where !missing.contains(path) {
            loader.paths = [path]
            let fs = LocalFileSystem()
            let result: IngestResult
            let bytes: [UInt8]
            do {
                bytes = try fs.read(path, limit: loader.maxFileSize)
                result = Ingest.read(bytes: bytes, file: path)
            } catch {
                unreadable += 1
                printError(TerminalText.sanitize("threatdeck validate: \(path): cannot read: \(error.message)", ascii: !unicode))
                continue
            }
            var found = result.problems
            // Repeated keys: invalid in STIX, ambiguous everywhere; the last one is read.
            if let document = try? JSONDocument(parsing: bytes) {
                for d in document.duplicateKeys() {
                    let (line, column) = document.lineColumn(of: d.node)
                    let (fl, fc) = document.lineColumn(of: d.first)
                    found.append(
                        Problem(
                            file: path, line: line, column: column, path: document.renderedPath(to: d.node),
                            message: "duplicate key \"\(d.key)\" (first at \(fl):\(fc)); the last one is read", severity: .warning))
                }
            }
            for p in found {
                problems += 1
                if p.severity == .error { errors += 1 }
                if !quiet { print(TerminalText.sanitize(p.description, ascii: !unicode)) }
            }
            if !quiet && found.isEmpty {
                var what =
                    result.unparsed
                    ? "unreadable"
                    : "\(result.format.label): "
                        + [
                            Format.plural(result.actors.count, "actor"), Format.plural(result.events.count, "event"),
                            Format.plural(result.campaigns.count, "campaign"), Format.plural(result.findings.count, "finding"),
                            Format.plural(result.techniques.count, "technique"),
                        ].joined(separator: ", ")
                if result.format == .mispEvent && result.events.isEmpty && result.actors.isEmpty {
                    what += "; an empty list of MISP events, as a search with no hits returns: nothing to load"
                }
                print(TerminalText.sanitize("\(path): ok (\(what))", ascii: !unicode))
            }
        }
        if paths.isEmpty {
            printError("threatdeck validate: no files found in \(files.joined(separator: " "))")
            throw ExitCode(2)
        }
        for p in loader.feedManifestProblems() {
            problems += 1
            if !quiet { print(TerminalText.sanitize(p.description, ascii: !unicode)) }
        }
        var line = Format.plural(paths.count, "file") + ": " + Format.plural(errors + unreadable, "error") + ", " + Format.plural(problems - errors, "warning")
        if unreadable > 0 { line += " (\(unreadable) not readable)" }
        print(line)
        if unreadable > 0 { throw ExitCode(2) }
        if problems > 0 { throw ExitCode(1) }
    }
}
