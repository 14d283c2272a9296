import Dashboard
import ThreatModel
import SampleData
import BundledThemes
import TaxiiSource
import TerminalUI
#if canImport(Glibc)
import Glibc
#endif

/// Process-level facts the commands share: environment, locale, config and themes, data.
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

    static var configDirectory: String {
        let env = environment
        if let xdg = env["XDG_CONFIG_HOME"], xdg.hasPrefix("/") { return xdg + "/threatdeck" }
        return (env["HOME"] ?? "") + "/.config/threatdeck"
    }

    /// $XDG_CACHE_HOME/threatdeck (default ~/.cache/threatdeck): the TAXII pull cache.
    static var cacheDirectory: String {
        let env = environment
        if let xdg = env["XDG_CACHE_HOME"], xdg.hasPrefix("/") { return xdg + "/threatdeck" }
        return (env["HOME"] ?? "/tmp") + "/.cache/threatdeck"
    }

    static var configPath: String { configDirectory + "/config.yaml" }

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

    /// Picks `--theme NAME|PATH`; a path is loaded as a theme file.
    static func selectTheme(_ choice: String?, themes: inout [Theme]) -> (index: Int, error: SettingsError?) {
        guard let choice, !choice.isEmpty else { return (0, nil) }
        if let i = themes.firstIndex(where: { $0.name == choice }) { return (i, nil) }
        if choice.contains("/") || choice.hasSuffix(".yaml") {
            guard let text = readText(choice) else {
                return (0, SettingsError(file: choice, line: 1, column: 1, key: "", message: "cannot read theme file"))
            }
            do {
                let base = Dictionary(themes.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
                let theme = try ThemeLoader.parse(text, file: choice, base: base)
                themes.removeAll { $0.name == theme.name }
                themes.insert(theme, at: 0)
                return (0, nil)
            } catch {
                return (0, error)
            }
        }
        return (0, SettingsError(file: "--theme", line: 1, column: 1, key: choice,
                                 message: "no such theme (known: \(themes.map(\.name).joined(separator: ", ")))"))
    }
}

/// Monotonic and wall time from the OS.
struct SystemClock: Clock {
    func now() -> Double {
        var ts = timespec()
        clock_gettime(CLOCK_REALTIME, &ts)
        return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
    }

    static func monotonic() -> Double {
        var ts = timespec()
        clock_gettime(CLOCK_MONOTONIC, &ts)
        return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
    }
}

/// The embedded sample report and feed as a data source (what `threatdeck` opens with no files).
final class SampleSource: DataSource {
    func load(now: Double) -> Dataset { SampleData.dataset() }
    func hasChanges() -> Bool { false }
}

/// Loads the files named on the command line (or the sample), timing it.
struct DataLoad {
    var source: DataSource
    var dataset: Dataset
    var milliseconds: Double
    var label: String

    /// Files (or, with neither files nor feeds, the sample) and TAXII feeds. With
    /// `waitForFeeds`, each feed is polled once first (summary, snapshot); the dashboard
    /// instead starts at once from the cache and polls in the background.
    static func load(_ paths: [String], feeds: [TaxiiFeed] = [], waitForFeeds: Bool = false) -> DataLoad {
        let start = SystemClock.monotonic()
        let source: DataSource
        if !feeds.isEmpty {
            if waitForFeeds {
                runBlocking {
                    for feed in feeds { await feed.poll() }
                }
            }
            source = CombinedSource(paths: paths, feeds: feeds, clock: { SystemClock().now() })
        } else {
            source = paths.isEmpty ? SampleSource() : FileDataSource(loader: DatasetLoader(paths: paths))
        }
        let dataset = source.load(now: SystemClock().now())
        let ms = (SystemClock.monotonic() - start) * 1000
        let label = paths.isEmpty && feeds.isEmpty ? "built-in sample" : (paths + feeds.map(\.label)).joined(separator: " ")
        return DataLoad(source: source, dataset: dataset, milliseconds: ms, label: label)
    }
}

/// Writes to stderr without Foundation.
func printError(_ text: String) {
    var line = text
    if !line.hasSuffix("\n") { line += "\n" }
    var bytes = Array(line.utf8)
    var offset = 0
    while offset < bytes.count {
        let n = bytes.withUnsafeMutableBytes { write(2, $0.baseAddress! + offset, $0.count - offset) }
        if n <= 0 { break }
        offset += n
    }
}
