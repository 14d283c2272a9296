import ArgumentParser
import LiveSources
import TerminalUI

struct TaxiiCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "taxii",
        abstract: "Talk to a TAXII 2.1 server.",
        subcommands: [List.self]
    )

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "ls",
            abstract: "List a TAXII server's API roots and collections.",
            discussion: "Credentials come from THREATDECK_TAXII_USER/THREATDECK_TAXII_PASSWORD or THREATDECK_TAXII_TOKEN."
        )

        @Argument(help: "Discovery or API root URL.")
        var url: String

        @Option(name: .customLong("ca-file"), help: "PEM file of CA certificates to trust.")
        var caFile: String?

        @Flag(help: "Do not verify the server's TLS certificate.")
        var insecure = false

        @Option(help: ArgumentHelp("Seconds the whole listing may take (default 60).", valueName: "SECONDS"))
        var timeout: Double = PullLimits.defaultDeadlineSeconds

        func run() throws {
            let unicode = ProcessContext.prepareLocale()
            if insecure { printError("threatdeck: warning: TLS certificate verification is OFF (--insecure)") }
            let client = TaxiiClient(
                options: .init(caFile: caFile, insecure: insecure, timeoutSeconds: max(0.5, timeout)),
                credentials: TaxiiCredentials.fromEnvironment(ProcessContext.environment))
            let url = self.url
            let deadline = PullDeadline(seconds: max(0.5, timeout))
            let output: Result<[String], TaxiiError> = runBlocking {
                var lines: [String] = []
                var roots: [String]
                do {
                    let d = try await client.discover(url, deadline: deadline)
                    lines.append("discovery: \(d.title)")
                    roots = d.apiRoots.isEmpty ? [url] : d.apiRoots
                } catch TaxiiError.unexpected {
                    roots = [url]
                } catch {
                    return .failure(error as? TaxiiError ?? .unexpected(url: url, problem: "\(error)"))
                }
                for root in roots {
                    do {
                        let info = try await client.apiRoot(root, deadline: deadline)
                        lines.append("api root: \(root)  \(info.title)  [\(info.versions.joined(separator: ", "))]")
                        for c in try await client.collections(root, deadline: deadline) {
                            lines.append("  collection: \(c.id)  \(c.title)\(c.canRead ? "" : "  (not readable)")")
                        }
                    } catch {
                        lines.append("api root: \(root)  error: \(error)")
                    }
                }
                return .success(lines)
            }
            switch output {
            case .success(let lines): for l in lines { print(TerminalText.sanitize(l, ascii: !unicode)) }
            case .failure(let error):
                printError("threatdeck taxii ls: \(TerminalText.sanitize(error.description, ascii: !unicode))")
                throw ExitCode(1)
            }
        }
    }
}
