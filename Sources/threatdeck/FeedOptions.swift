import ArgumentParser
import Dispatch
import LiveSources
import Settings
import Synchronization
import ThreatModel
#if canImport(Glibc)
import Glibc
#endif

/// Live sources: `--taxii URL [--collection ID|TITLE]`, `--misp-feed URL|DIR` and
/// `--misp-search URL`, with `--ca-file`, `--insecure`, `--poll`, `--timeout`, `--max-bytes`
/// and `--max-source-bytes`; shared by the dashboard, `summary`, `snapshot` and `export`, plus
/// the config's `sources:`. Credentials and API keys never come from here: see README.
struct FeedOptions: ParsableArguments {
    @Option(name: .customLong("misp-feed"), help: ArgumentHelp("A MISP feed (URL or directory with manifest.json); repeatable.", valueName: "URL|DIR"))
    var mispFeeds: [String] = []

    @Option(
        name: .customLong("misp-search"),
        help: ArgumentHelp("A MISP instance's REST search (/events/restSearch), key from THREATDECK_MISP_KEY or --misp-key-file; repeatable.", valueName: "URL")
    )
    var mispSearches: [String] = []

    @Option(name: .customLong("misp-key-file"), help: ArgumentHelp("A private file (chmod 600) holding the MISP API key.", valueName: "FILE"))
    var mispKeyFile: String?

    @Option(name: .customLong("taxii"), help: ArgumentHelp("A TAXII 2.1 server (discovery or API root URL); repeatable.", valueName: "URL"))
    var urls: [String] = []

    @Option(
        name: .customLong("collection"), help: ArgumentHelp("Collection id or title, one per --taxii (default: the only readable one).", valueName: "ID|TITLE"))
    var collections: [String] = []

    @Option(name: .customLong("ca-file"), help: "PEM file of CA certificates to trust for TAXII servers and MISP.")
    var caFile: String?

    @Flag(help: "Do not verify TLS certificates of TAXII servers and MISP (shown as a warning on screen).")
    var insecure = false

    @Option(help: "Seconds between polls (default: TAXII 60, MISP feeds 3600, MISP searches 300).")
    var poll: Double?

    @Option(help: ArgumentHelp("Seconds a whole pull may take: connect, TLS, every response and retries (default 60).", valueName: "SECONDS"))
    var timeout: Double?

    @Option(help: ArgumentHelp("The most one response may carry (default 256M).", valueName: "SIZE"))
    var maxBytes: String?

    @Option(help: ArgumentHelp("The most one live source may hold: a collection, a feed, a search (default 1G).", valueName: "SIZE"))
    var maxSourceBytes: String?

    @Option(help: "Objects per TAXII page (default 1000).")
    var pageSize: Int?

    func validate() throws {
        if collections.count > urls.count { throw ValidationError("--collection given without a matching --taxii") }
        for u in urls + mispSearches where !(u.hasPrefix("http://") || u.hasPrefix("https://")) {
            throw ValidationError("\(urls.contains(u) ? "--taxii" : "--misp-search") \(u): expected an http:// or https:// URL")
        }
        if let poll, poll < 1 { throw ValidationError("--poll must be at least 1 second") }
        if let timeout, !(timeout >= 0.5 && timeout <= 86_400) { throw ValidationError("--timeout must be between 0.5 and 86400 seconds") }
        for (name, value) in [("--max-bytes", maxBytes), ("--max-source-bytes", maxSourceBytes)] {
            if let value, ByteSize.parse(value) == nil { throw ValidationError("\(name) \(value): expected a size such as 256M, 1G or 65536 (bytes)") }
        }
        if let caFile, access(caFile, R_OK) != 0 { throw ValidationError("--ca-file \(caFile): cannot read it") }
        for f in mispFeeds where !(f.hasPrefix("http://") || f.hasPrefix("https://")) && access(f, R_OK) != 0 {
            throw ValidationError("--misp-feed \(f): not a URL, and no such directory")
        }
    }

    /// The limits for a source: its config's, else the command line's, else the defaults.
    func limits(_ setting: Config.LimitSettings = Config.LimitSettings()) -> PullLimits {
        PullLimits(
            deadlineSeconds: setting.timeout ?? timeout ?? PullLimits.defaultDeadlineSeconds,
            maxResponseBytes: setting.maxBytes ?? maxBytes.flatMap(ByteSize.parse) ?? PullLimits.defaultMaxResponseBytes,
            maxTotalBytes: setting.maxSourceBytes ?? maxSourceBytes.flatMap(ByteSize.parse) ?? PullLimits.defaultMaxTotalBytes)
    }

    /// Every live source of the command line and the config, each with its poller, or the
    /// reason on stderr and exit status 2: what every command does with them.
    func sourcesOrExit(_ command: String, config: Config = Config()) throws -> [LivePoller] {
        do {
            let env = ProcessContext.environment
            let taxii = try feeds(config: config, configPath: ProcessContext.configPath, environment: env)
            return (taxii as [any LiveSource] + mispFeedSources(config: config) + mispSearchSources(config: config, environment: env)).map { LivePoller($0) }
        } catch {
            printError("\(command): \(error)")
            throw ExitCode(2)
        }
    }

    func mispFeedSources(config: Config) -> [MispFeed] {
        let cache = ProcessContext.cacheDirectory
        var out = mispFeeds.map {
            MispFeed(.init(location: $0, pollSeconds: poll ?? 3600, caFile: caFile, insecure: insecure, cacheDirectory: cache, limits: limits()))
        }
        for s in config.mispFeeds {
            out.append(
                MispFeed(
                    .init(
                        location: s.location, pollSeconds: s.poll ?? poll ?? 3600, caFile: s.caFile ?? caFile,
                        insecure: s.insecure || insecure, cacheDirectory: cache, limits: limits(s.limits))))
        }
        return out
    }

    func mispSearchSources(config: Config, environment: [String: String]) -> [MispSearch] {
        let cache = ProcessContext.cacheDirectory
        var out = mispSearches.map {
            MispSearch(
                .init(
                    url: $0, key: MispKey.resolve(environment: environment, file: mispKeyFile), pollSeconds: poll ?? 300, caFile: caFile,
                    insecure: insecure, cacheDirectory: cache, limits: limits()))
        }
        for s in config.mispSearches {
            let file = (s.keyFile ?? mispKeyFile).map(ProcessContext.expandHome)
            out.append(
                MispSearch(
                    .init(
                        url: s.url, key: MispKey.resolve(environment: environment, file: file), pollSeconds: s.poll ?? poll ?? 300,
                        caFile: s.caFile ?? caFile, insecure: s.insecure || insecure, cacheDirectory: cache, limits: limits(s.limits))))
        }
        return out
    }

    /// TAXII feeds for the command line's servers and the config file's sources.
    func feeds(config: Config, configPath: String, environment: [String: String]) throws -> [TaxiiFeed] {
        let cache = ProcessContext.cacheDirectory
        var out: [TaxiiFeed] = []
        let fromEnvironment = TaxiiCredentials.fromEnvironment(environment)
        for (k, url) in urls.enumerated() {
            let options = TaxiiClient.Options(caFile: caFile, insecure: insecure, pageSize: pageSize ?? 1000, limits: limits())
            out.append(
                TaxiiFeed(
                    .init(
                        url: url, collection: k < collections.count ? collections[k] : nil, pollSeconds: poll ?? 60,
                        options: options, credentials: fromEnvironment, cacheDirectory: cache)))
        }
        for s in config.taxii {
            var credentials = fromEnvironment
            if s.hasCredentials {
                try TaxiiCredentials.checkPrivate(configPath)
                if let token = s.token { credentials = .bearer(token: token) } else { credentials = .basic(user: s.username ?? "", password: s.password ?? "") }
            }
            let options = TaxiiClient.Options(
                caFile: s.caFile ?? caFile, insecure: s.insecure || insecure, pageSize: pageSize ?? 1000, limits: limits(s.limits))
            out.append(
                TaxiiFeed(
                    .init(
                        url: s.url, collection: s.collection, pollSeconds: s.poll ?? poll ?? 60, options: options,
                        credentials: credentials, cacheDirectory: cache)))
        }
        return out
    }
}

/// Waits for async work from a synchronous command (summary, snapshot, taxii ls).
func runBlocking<T: Sendable>(_ body: @escaping @Sendable () async -> T) -> T {
    let box = Mutex<T?>(nil)
    let done = DispatchSemaphore(value: 0)
    Task.detached {
        let value = await body()
        box.withLock { $0 = value }
        done.signal()
    }
    done.wait()
    return box.withLock { $0! }
}
