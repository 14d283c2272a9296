import ArgumentParser
import BuildInfo

@main
struct ThreatDeckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "threatdeck",
        abstract: "A terminal dashboard for cyber-threat-intelligence analysts.",
        discussion: """
            With no file, opens the bundled sample report (CrowdStrike findings as covered in the \
            news, June 2026) and a clearly labelled synthetic activity feed. Files may be ThreatDeck \
            report JSON, STIX 2.x bundles (OpenCTI, MITRE ATT&CK), MISP galaxy clusters, MISP events or MISP feeds; \
            directories load every .json file inside.
            """,
        version: BuildInfo.description,
        subcommands: [
            RunCommand.self, ValidateCommand.self, SummaryCommand.self, SnapshotCommand.self, ExportCommand.self, ThemesCommand.self, TaxiiCommand.self,
            ManualCommand.self, CompleteCommand.self,
        ],
        defaultSubcommand: RunCommand.self
    )
}
