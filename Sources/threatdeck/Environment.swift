import BundledThemes
import Dashboard
import LiveSources
import Reports
import SampleData
import Settings
import TerminalUI
import ThreatModel
#if canImport(Glibc)
import Glibc
import Loading
#endif

/// Process-level facts the commands share: environment, locale, config and themes.
enum ProcessContext {
    static var environment: [String: String] {
        var env: [String: String] = [:]
        var p = environ
        while let entry = p.pointee {
            let s = String(cString: entry)
            if let eq = s.firstIndex(of: "=") { env[String(s[..<eq])] = String(s[s.index(after: eq)...]) }
            p += 1
        }
        return env
    }

    /// Sets the locale from the environment; true when it is UTF-8 (else ASCII output).
    static func prepareLocale() -> Bool { TerminalLocale.prepare() }

    /// The directory the process started in: where relative export paths go.
    static var workingDirectory: String {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        guard getcwd(&buffer, buffer.count) != nil else { return "" }
        return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    static var configDirectory: String {
        let env = environment
        if let xdg = env["XDG_CONFIG_HOME"], xdg.hasPrefix("/") { return xdg + "/threatdeck" }
        return (env["HOME"] ?? "") + "/.config/threatdeck"
    }

    /// $XDG_CACHE_HOME/threatdeck (default ~/.cache/threatdeck): the feed caches.
    static var cacheDirectory: String {
        let env = environment
        if let xdg = env["XDG_CACHE_HOME"], xdg.hasPrefix("/") { return xdg + "/threatdeck" }
        return (env["HOME"] ?? "/tmp") + "/.cache/threatdeck"
    }

    /// `~/x` as `$HOME/x` (paths in the config).
    static func expandHome(_ path: String) -> String {
        path.hasPrefix("~/") ? (environment["HOME"] ?? "") + path.dropFirst() : path
    }

    static var configPath: String { environment["THREATDECK_CONFIG"].flatMap { $0.isEmpty ? nil : $0 } ?? configDirectory + "/config.yaml" }

    static func readText(_ path: String) -> String? {
        guard let bytes = try? LocalFileSystem().read(path, limit: 4 << 20) else { return nil }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The config file, or defaults plus the reason it could not be used.
    static func loadConfig() -> (Config, SettingsError?) {
        let path = configPath
        guard let text = readText(path) else { return (Config(), nil) }
        do {
            return (try Config.parse(text, file: path), nil)
        } catch {
            return (Config(), error)
        }
    }

    /// Bundled plus user themes, and problems with any of them.
    static func loadThemes() -> (themes: [Theme], errors: [SettingsError]) {
        let dir = configDirectory + "/themes"
        let user = (LocalFileSystem().list(dir) ?? []).filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }.compactMap { path in
            readText(path).map { (path: path, text: $0) }
        }
        return ThemeLoader.load(bundled: BundledThemes.files, user: user)
    }

    /// Picks `--theme NAME|PATH`; a path is loaded as a theme file. Nil name: the default.
    static func selectTheme(_ choice: String?, themes: inout [Theme]) -> (name: String?, error: SettingsError?) {
        guard let choice, !choice.isEmpty else { return (nil, nil) }
        if themes.contains(where: { $0.name == choice }) { return (choice, nil) }
        if choice.contains("/") || choice.hasSuffix(".yaml") {
            guard let text = readText(choice) else {
                return (nil, SettingsError(file: choice, line: 1, column: 1, key: "", message: "cannot read theme file"))
            }
            do {
                let base = Dictionary(themes.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
                let theme = try ThemeLoader.parse(text, file: choice, base: base)
                themes.removeAll { $0.name == theme.name }
                themes.insert(theme, at: 0)
                return (theme.name, nil)
            } catch {
                return (nil, error)
            }
        }
        return (
            nil,
            SettingsError(
                file: "--theme", line: 1, column: 1, key: choice,
                message: "no such theme (known: \(themes.map(\.name).joined(separator: ", ")))")
        )
    }

    /// Settings problems as the `p` list shows them: file:line:col: key: message, in full.
    static func problems(_ errors: [SettingsError]) -> [Problem] {
        errors.map { Problem(file: $0.file, line: $0.line, column: $0.column, path: $0.key.isEmpty ? "$" : $0.key, message: $0.message) }
    }
}

/// The embedded sample report and feed as a data source (what `threatdeck` opens with no files).
final class SampleSource: DataSource {
    let maxTLP: TLP?
    init(maxTLP: TLP?) { self.maxTLP = maxTLP }
    func load(now: Double) -> Dataset { SampleData.dataset(maxTLP: maxTLP) }
    func hasChanges() -> Bool { false }
}

/// Everything a command loads data from, and the load itself.
struct DataLoad {
    var source: DataSource
    var dataset: Dataset
    var milliseconds: Double
    var label: String
    var live: [LivePoller]

    /// Files (or, with neither files nor live sources, the sample) and live sources. With
    /// `waitForFeeds`, each source is pulled first, retrying within its deadline (summary,
    /// snapshot, export); the dashboard instead starts at once from the cache and pulls in
    /// the background.
    static func load(_ paths: [String], live: [LivePoller] = [], waitForFeeds: Bool = false, watch: Bool = false, maxTLP: TLP? = nil) -> DataLoad {
        let start = SystemClock.monotonic()
        let source: DataSource
        if !live.isEmpty {
            let combined = CombinedSource(paths: paths, live: live, watch: watch, maxTLP: maxTLP)
            if waitForFeeds { runBlocking { await combined.pullAll() } }
            source = combined
        } else if paths.isEmpty {
            source = SampleSource(maxTLP: maxTLP)
        } else {
            var loader = DatasetLoader(paths: paths, maxTLP: maxTLP)
            // Summary, snapshot and export load once: nothing will ask whether a file was
            // only touched since.
            loader.hashesFirstReads = !waitForFeeds
            source = FileDataSource(loader: loader, watch: watch)
        }
        let dataset = source.load(now: SystemClock().now())
        let ms = (SystemClock.monotonic() - start) * 1000
        let label = paths.isEmpty && live.isEmpty ? "built-in sample" : (paths + live.map(\.label)).joined(separator: " ")
        return DataLoad(source: source, dataset: dataset, milliseconds: ms, label: label, live: live)
    }

    /// Says on stderr why each live source failed (and about parts of one that did); true
    /// when any did, for a non-zero exit: a partial pull never passes for a whole one.
    func reportLiveFailures(_ command: String) -> Bool {
        var failed = false
        for poller in live {
            guard let error = poller.lastError else { continue }
            failed = true
            printError("\(command): \(TerminalText.sanitize(poller.label)): \(TerminalText.sanitize(error.description))")
        }
        return failed
    }

    /// Paths that do not exist: said on stderr, as cat and jq do, with exit status 1.
    static func checkPaths(_ paths: [String], command: String) -> Bool {
        let loader = DatasetLoader(paths: paths)
        let missing = loader.missingPaths()
        for m in missing { printError("\(command): \(m): no such file or directory") }
        return missing.isEmpty
    }
}

/// Writes to stderr without Foundation.
func printError(_ text: String) {
    var line = text
    if !line.hasSuffix("\n") { line += "\n" }
    let bytes = Array(line.utf8)
    var offset = 0
    while offset < bytes.count {
        let n = bytes.withUnsafeBytes { write(2, $0.baseAddress! + offset, $0.count - offset) }
        if n <= 0 { break }
        offset += n
    }
}
