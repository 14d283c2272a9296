import ArgumentParser
import Loading
import Reports
import ThreatModel

/// `export --format navigator --actor A --actor B [--layer-per-actor] [-o FILE]`: the named
/// actors' techniques as one Navigator layer, or one layer per actor next to FILE.
struct ActorLayerExport {
    var actors: [String]
    var perActor: Bool
    var output: String?

    func write(_ d: Dataset, generatedAt: Double) throws {
        var positions: [Int] = []
        for name in actors {
            guard let a = d.actor(name) ?? d.actor(named: name), let p = d.actorPosition(a.id) else {
                printError("threatdeck export: --actor \(name): no actor by that id, name or alias in the loaded data")
                throw ExitCode(2)
            }
            if !positions.contains(p) { positions.append(p) }
        }
        for p in positions where d.actorTechniques[p].isEmpty {
            printError("threatdeck export: \(d.actors[p].name) uses no technique in the loaded data: its layer would be empty")
            throw ExitCode(1)
        }
        var files: [(path: String?, layer: JSONValue)] = []
        if perActor, let output {
            let stem = output.hasSuffix(".json") ? String(output.dropLast(5)) : output
            for p in positions {
                files.append((stem + "-" + Self.slug(d.actors[p].name) + ".json", NavigatorActorLayers.perActor(d, position: p, generatedAt: generatedAt)))
            }
        } else {
            files.append((output, NavigatorActorLayers.combined(d, positions: positions, generatedAt: generatedAt)))
        }
        for (path, layer) in files {
            let bytes = Array((layer.render() + "\n").utf8)
            guard let path else {
                print(String(decoding: bytes, as: UTF8.self), terminator: "")
                continue
            }
            do {
                try LocalFileSystem().writeAtomically(path, bytes, mode: 0o644)
                printError("threatdeck export: wrote \(path)")
            } catch {
                printError("threatdeck export: \(error.message)")
                throw ExitCode(1)
            }
        }
    }

    /// A file-name part from an actor name: letters and digits, the rest as "-".
    static func slug(_ name: String) -> String {
        let kept = name.map { $0.isLetter || $0.isNumber ? String($0) : "-" }.joined()
        return String(kept.prefix(60))
    }
}
