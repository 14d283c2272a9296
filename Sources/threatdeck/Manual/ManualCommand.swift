import ArgumentParser

/// `threatdeck manual`: the man page (roff), as scripts/install.sh installs it; see `ManualPage`.
struct ManualCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "manual",
        abstract: "Print the man page (roff), as installed by scripts/install.sh.",
        shouldDisplay: false
    )

    func run() throws {
        print(ManualPage.page(), terminator: "")
    }
}
