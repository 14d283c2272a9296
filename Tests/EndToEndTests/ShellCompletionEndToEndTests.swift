import Foundation
import Testing
import TestSupport

/// Each shell's completion for real: bash, zsh and fish in tmux with the script
/// `threatdeck complete --script SHELL` prints (what scripts/install.sh installs), Tab pressed,
/// the screen read.
@Suite(.serialized, .enabled(if: Tmux.available || Prerequisites.strict, "tmux is not installed"))
struct ShellCompletionEndToEndTests {
    static var binDirectory: String { (Tmux.binary as NSString).deletingLastPathComponent }

    static func shell(_ name: String) throws -> Tmux? {
        guard Subprocess.run([name, "--version"]).status == 0 else {
            if Prerequisites.strict { Issue.record("\(name) is not installed") }
            return nil
        }
        let args: [String] = ["bash": ["bash", "--norc", "--noprofile"], "zsh": ["zsh", "-f"], "fish": ["fish", "--no-config"]][name]!
        let t = try Tmux(width: 160, height: 40, command: args, environment: ["PATH": binDirectory + ":/usr/bin:/bin", "SHELL": name])
        let script = t.workDirectory + "/completion." + name
        let r = Subprocess.capture([Tmux.binary, "complete", "--script", name])
        try r.stdout.write(toFile: script, atomically: true, encoding: .utf8)
        switch name {
        case "zsh": t.type("autoload -U compinit; compinit -u; source " + script + "; clear")
        default: t.type("source " + script + "; clear")
        }
        t.send("Enter")
        usleep(500_000)
        return t
    }

    /// Types `line`, presses Tab (twice where the shell lists on the second), returns the screen.
    static func complete(_ t: Tmux, _ line: String, tabs: Int = 2, until: String) -> String {
        t.send("C-u")
        t.type(line)
        for _ in 0..<tabs {
            t.send("Tab")
            if t.wait(timeout: 3, { $0.contains(until) }) != nil { break }
        }
        return t.capture()
    }

    @Test(arguments: ["bash", "zsh", "fish"])
    func filterThemeViewAndFormatValues(shell name: String) throws {
        guard let t = try Self.shell(name) else { return }
        try FileManager.default.createDirectory(atPath: t.workDirectory + "/config/threatdeck", withIntermediateDirectories: true)
        try "views:\n  apac-tech: [sector:technology]\n".write(toFile: t.workDirectory + "/config/threatdeck/config.yaml", atomically: true, encoding: .utf8)
        var screen = Self.complete(t, "threatdeck --filter nexus:Ch", until: "Chile")
        #expect(screen.contains("China") && screen.contains("Chad") && screen.contains("Chile"), "\(name): \(screen)")
        screen = Self.complete(t, "threatdeck --filter actor:Murky", tabs: 1, until: "Murky Panda")
        #expect(screen.contains("Murky\\ Panda") || screen.contains("\"Murky Panda") || screen.contains("'Murky Panda"), "\(name): \(screen)")
        screen = Self.complete(t, "threatdeck --theme high", tabs: 1, until: "high-contrast")
        #expect(screen.contains("--theme high-contrast"), "\(name): \(screen)")
        screen = Self.complete(t, "threatdeck export --format n", tabs: 1, until: "navigator")
        #expect(screen.contains("--format navigator"), "\(name): \(screen)")
        screen = Self.complete(t, "threatdeck summary --view ap", tabs: 1, until: "apac-tech")
        #expect(screen.contains("--view apac-tech"), "\(name): \(screen)")
        screen = Self.complete(t, "threatdeck --fil", tabs: 1, until: "--filter")
        #expect(screen.contains("threatdeck --filter"), "\(name): \(screen)")
    }
}
