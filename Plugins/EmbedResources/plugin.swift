import Foundation
import PackagePlugin

/// Embeds data files into a target at build time, so a copied release binary carries its
/// sample report and themes, and the embedded copies can never drift from the files:
/// `SampleData` gets sample-data/*.json, `BundledThemes` gets Themes/*.yaml, `BuildInfo` the git
/// HEAD and the README (for the man page).
@main
struct EmbedResources: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let root = context.package.directoryURL
        let enumName = target.name
        var inputs: [(String, URL)] = []
        switch target.name {
        case "SampleData":
            let data = root.appending(path: "sample-data")
            inputs = [
                ("report", data.appending(path: "crowdstrike-2026-tech-intrusions.json")),
                ("syntheticFeed", data.appending(path: "synthetic-activity-feed.json")),
            ]
        case "BundledThemes":
            let themes = root.appending(path: "Themes")
            let names = try FileManager.default.contentsOfDirectory(atPath: themes.path()).filter { $0.hasSuffix(".yaml") }.sorted()
            inputs = names.map { name in
                let identifier = String(name.dropLast(5).map { $0.isLetter || $0.isNumber ? $0 : "_" })
                return ("theme_" + identifier, themes.appending(path: name))
            }
        case "BuildInfo":
            // The README, whose sections the man page is written from (`threatdeck manual`).
            inputs.append(("readme", root.appending(path: "README.md")))
            // The commit the binary is built from, for --version: .git/HEAD and the ref it
            // names (or packed-refs). Nothing from a tarball without .git: "unknown commit".
            var git = root.appending(path: ".git")
            // A worktree's .git is a file naming its git directory; refs live in the common one.
            if let link = try? String(contentsOf: git, encoding: .utf8), link.hasPrefix("gitdir: ") {
                git = URL(fileURLWithPath: link.dropFirst(8).trimmingCharacters(in: .whitespacesAndNewlines), relativeTo: root)
            }
            var common = git
            if let dir = try? String(contentsOf: git.appending(path: "commondir"), encoding: .utf8) {
                common = URL(fileURLWithPath: dir.trimmingCharacters(in: .whitespacesAndNewlines), relativeTo: git.appending(path: "x"))
            }
            let head = git.appending(path: "HEAD")
            if let text = try? String(contentsOf: head, encoding: .utf8) {
                inputs.append(("head", head))
                if text.hasPrefix("ref: ") {
                    let ref = common.appending(path: text.dropFirst(5).trimmingCharacters(in: .whitespacesAndNewlines))
                    let packed = common.appending(path: "packed-refs")
                    if FileManager.default.fileExists(atPath: ref.path()) {
                        inputs.append(("ref", ref))
                    } else if FileManager.default.fileExists(atPath: packed.path()) {
                        inputs.append(("packedRefs", packed))
                    }
                }
            }
        default:
            return []
        }
        let output = context.pluginWorkDirectoryURL.appending(path: enumName + "+Embedded.swift")
        return [
            .buildCommand(
                displayName: "Embedding \(inputs.count) files into \(enumName)",
                executable: try context.tool(named: "EmbedTool").url,
                arguments: [output.path(), enumName] + inputs.map { "\($0.0)=\($0.1.path())" },
                inputFiles: inputs.map(\.1),
                outputFiles: [output]
            ),
        ]
    }
}
