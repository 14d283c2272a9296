import ArgumentParser
import ThreatModel
import TerminalUI
#if canImport(Glibc)
import Glibc
#endif

struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check report files; print file:line:col: path: message for every problem.",
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
        var unreadable = false
        var problems = 0
        var errors = 0
        for path in paths {
            loader.paths = [path]
            let fs = LocalFileSystem()
            let result: IngestResult
            do {
                let bytes = try fs.read(path, limit: loader.maxFileSize)
                result = Ingest.read(bytes: bytes, file: path)
            } catch {
                unreadable = true
                print(TerminalText.sanitize("\(path):1:1: $: cannot read: \(error.message)", ascii: !unicode))
                continue
            }
            for p in result.problems {
                problems += 1
                if p.severity == .error { errors += 1 }
                if !quiet { print(TerminalText.sanitize(p.description, ascii: !unicode)) }
            }
            if !quiet && result.problems.isEmpty {
                let what = result.unparsed ? "unreadable" : "\(result.format.rawValue): \(result.actors.count) actors, \(result.events.count) events, \(result.campaigns.count) campaigns, \(result.findings.count) findings"
                print(TerminalText.sanitize("\(path): ok (\(what))", ascii: !unicode))
            }
        }
        if paths.isEmpty {
            printError("threatdeck validate: no files found in \(files.joined(separator: " "))")
            throw ExitCode(2)
        }
        print("\(paths.count) file\(paths.count == 1 ? "" : "s"): \(errors) error\(errors == 1 ? "" : "s"), \(problems - errors) warning\(problems - errors == 1 ? "" : "s")")
        if unreadable { throw ExitCode(2) }
        if problems > 0 { throw ExitCode(1) }
    }
}
