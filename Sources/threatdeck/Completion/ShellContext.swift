import BundledThemes
import Dashboard
import Settings
import Loading
import ThreatModel

/// What completion reads, and only when a word needs it: the config (saved views, data), the
/// themes, and the data a filter would apply to (the files on the command line, else the
/// config's, else the bundled sample).
final class ShellContext {
    var arguments: [String] = []
    private var config: Config?
    private var dataset: Dataset?

    func settings() -> Config {
        if let config { return config }
        let loaded = ProcessContext.loadConfig().0
        config = loaded
        return loaded
    }

    func themes() -> [String] { ProcessContext.loadThemes().themes.map(\.name) }

    func views() -> ShellCompletion {
        let views = settings().views
        var result = ShellCompletion(candidates: views.keys.sorted().map { .init(word: $0, description: "saved view: " + views[$0]!.joined(separator: " ")) })
        if arguments.contains("--kiosk") { result.candidates += ShellCompletion.kioskViews("").candidates }
        return result
    }

    func comparisons() -> ShellCompletion {
        var words = [ShellCompletion.Candidate(word: "previous", description: "the period of equal length just before")]
        if let p = data().reportPeriod {
            words.append(.init(word: "window:" + p.start.description + ".." + p.end.description, description: "the report period"))
        }
        return ShellCompletion(candidates: words)
    }

    /// The files named as arguments (words that are neither options nor their values).
    func files() -> [String] {
        var out: [String] = []
        var skip = false
        for word in arguments {
            if skip { skip = false; continue }
            if word.hasPrefix("-") { skip = !word.contains("=") && !CommandTable.flags.contains(word); continue }
            out.append(word)
        }
        return out.filter { DatasetLoader(paths: [$0]).missingPaths().isEmpty }
    }

    func data() -> Dataset {
        if let dataset { return dataset }
        let named = files()
        let loaded = DataLoad.load(named.isEmpty ? settings().data : named).dataset
        dataset = loaded
        return loaded
    }

    func completion() -> CompletionContext {
        CompletionContext(dataset: data(), views: settings().views, themes: themes())
    }
}
