import Foundation
import Testing
import TestSupport

/// What the shells are offered (`threatdeck complete`, which the installed scripts call):
/// subcommands and options from the parser, and values for --filter, --theme, --view, --format.
/// EndToEndTests runs each shell's completion for real in tmux.
@Suite struct ShellCompletionTests {
    static func words(_ line: String, shell: String = "fish", cli: CLI) -> [String] {
        let r = cli.run(["complete", "--shell", shell, "--", line])
        #expect(r.status == 0, "\(r.stderr)")
        return r.stdout.split(separator: "\n").map { String($0.split(separator: "\t").first ?? "") }.filter { $0 != ":files" }
    }

    @Test func filterValuesComeFromTheDataHonestly() throws {
        let cli = CLI("complete-filter")
        defer { cli.remove() }
        let kinds = Self.words("threatdeck --filter ", cli: cli)
        #expect(kinds.contains("nexus:") && kinds.contains("actor:") && kinds.contains("technique:"))
        #expect(!kinds.contains("theme:"))  // a setting of the dashboard, not a filter
        let ch = Self.words("threatdeck --filter nexus:Ch", cli: cli)
        #expect(ch.contains("nexus:China") && ch.contains("nexus:Chile") && ch.contains("nexus:Chad"), "\(ch)")
        #expect(ch.allSatisfy { $0.hasPrefix("nexus:Ch") })  // nothing the shell would cut back
        #expect(Self.words("threatdeck --filter nexus:CH", cli: cli) == ["nexus:CH"])
        #expect(Self.words("threatdeck summary --filter actor:murk", cli: cli) == ["actor:murky Panda"])
        // Values from the files named on the line, not from the sample.
        let galaxy = TestPaths.sharedData + "/misp-galaxy/threat-actor.json"
        let apt = Self.words("threatdeck \(galaxy) --filter actor:APT2", cli: cli)
        #expect(apt.contains("actor:APT28") && apt.contains("actor:APT29"), "\(apt.prefix(5))")
        // And what the command then does with a word that means several things.
        let run = cli.run(["summary", "--filter", "nexus:Ch"])
        #expect(run.status == 2)
        #expect(run.stderr.contains("could be") && run.stderr.contains("Switzerland (CH)"), "\(run.stderr)")
    }

    @Test func optionsThemesViewsAndFormats() throws {
        let cli = CLI("complete-options")
        defer { cli.remove() }
        try cli.config("views:\n  apac-tech: [sector:technology]\n  apac-gov: [sector:government]\n")
        #expect(Self.words("threatdeck --fi", cli: cli) == ["--filter"])
        #expect(Self.words("threatdeck export --fo", cli: cli) == ["--format"])
        #expect(Set(Self.words("threatdeck export --format ", cli: cli)) == ["md", "csv", "json", "stix", "navigator", "iocs"])
        #expect(Self.words("threatdeck --theme hi", cli: cli) == ["high-contrast"])
        #expect(Self.words("threatdeck --view apac", cli: cli) == ["apac-gov", "apac-tech"])
        #expect(Self.words("threatdeck snapshot --layout profile-", cli: cli) == ["profile-short", "profile-medium", "profile-wide"])
        #expect(Self.words("threatdeck export --format navigator --actor Murky", cli: cli) == ["Murky Panda"])
        #expect(Self.words("threatdeck snapshot --focus te", cli: cli) == ["techniques"])
        #expect(Self.words("threatdeck --max-tlp am", cli: cli) == ["amber", "amber+strict"])
        #expect(Self.words("threatdeck sum", cli: cli) == ["summary"])
        // Live sources: the options, and file names for a key file or a feed directory.
        #expect(Set(Self.words("threatdeck summary --misp-", cli: cli)) == ["--misp-feed", "--misp-search", "--misp-key-file"])
        for option in ["--misp-key-file", "--misp-feed"] {
            #expect(cli.run(["complete", "--shell", "fish", "--", "threatdeck \(option) "]).stdout.contains(":files"), "\(option)")
        }
        // bash is given the part after its own word break (":" and "=") to put in place.
        #expect(Self.words("threatdeck --filter=nexus:Swi", shell: "bash", cli: cli) == ["Switzerland"])
        #expect(Self.words("threatdeck --filter nexus:Swi", shell: "bash", cli: cli) == ["Switzerland"])
    }
}
