import ArgumentParser
import Dispatch
import LiveSources
import Settings
import Synchronization
import ThreatModel
#if canImport(Glibc)
import Glibc
#endif

/// Live sources: `--taxii URL [--collection ID|TITLE]` and `--misp-feed URL|DIR`, with
/// `--ca-file`, `--insecure`, `--poll`; shared by the dashboard, `summary`, `snapshot` and
/// `export`, plus the config's `sources:`. Credentials never come from here: see README.
struct FeedOptions: ParsableArguments {
    @Option(name: .customLong("misp-feed"), help: ArgumentHelp("A MISP feed (URL or directory with manifest.json); repeatable.", valueName: "URL|DIR"))
    var mispFeeds: [String] = []

    @Option(name: .customLong("taxii"), help: ArgumentHelp("A TAXII 2.1 server (discovery or API root URL); repeatable.", valueName: "URL"))
    var urls: [String] = []

    @Option(name: .customLong("collection"), help: ArgumentHelp("Collection id or title, one per --taxii (default: the only readable one).", valueName: "ID|TITLE"))
    var collections: [String] = []

    @Option(name: .customLong("ca-file"), help: "PEM file of CA certificates to trust for TAXII servers and MISP feeds.")
    var caFile: String?

    @Flag(help: "Do not verify TLS certificates of TAXII servers and MISP feeds (shown as a warning on screen).")
    var insecure = false

    @Option(help: "Seconds between TAXII polls (default 60).")
    var poll: Double?

    @Option(help: "Objects per TAXII page (default 1000).")
    var pageSize: Int?

    func validate() throws {
        if collections.count > urls.count { throw ValidationError("--collection given without a matching --taxii") }
        for u in urls where !(u.hasPrefix("http://") || u.hasPrefix("https://")) {
            throw ValidationError("--taxii \(u): expected an http:// or https:// URL")
        }
        if let poll, poll < 1 { throw ValidationError("--poll must be at least 1 second") }
        if let caFile, access(caFile, R_OK) != 0 { throw ValidationError("--ca-file \(caFile): cannot read it") }
        for f in mispFeeds where !(f.hasPrefix("http://") || f.hasPrefix("https://")) && access(f, R_OK) != 0 {
            throw ValidationError("--misp-feed \(f): not a URL, and no such directory")
        }
    }

    var insecureAny: Bool { insecure }

    /// MISP feeds from the command line and the config, or exit 2 with the reason.
    func mispFeedsOrExit(_ command: String, config: Config) -> [MispFeed] {
        let cache = ProcessContext.cacheDirectory
        var out: [MispFeed] = []
        for f in mispFeeds {
            out.append(MispFeed(.init(location: f, pollSeconds: poll ?? 3600, caFile: caFile, insecure: insecure, cacheDirectory: cache)))
        }
        for s in config.mispFeeds {
            out.append(MispFeed(.init(location: s.location, pollSeconds: s.poll ?? poll ?? 3600, caFile: s.caFile ?? caFile,
                                      insecure: s.insecure || insecure, cacheDirectory: cache)))
        }
        return out
    }

    /// `feeds`, or the reason on stderr and exit status 2: what every command does with them.
    func feedsOrExit(_ command: String, config: Config = Config()) throws -> [TaxiiFeed] {
        do {
            return try feeds(config: config, configPath: ProcessContext.configPath, environment: ProcessContext.environment)
        } catch {
            printError("\(command): \(error)")
            throw ExitCode(2)
        }
    }

    /// Feeds for the command line's servers and the config file's sources.
    func feeds(config: Config, configPath: String, environment: [String: String]) throws -> [TaxiiFeed] {
        let cache = ProcessContext.cacheDirectory
        var out: [TaxiiFeed] = []
        let fromEnvironment = TaxiiCredentials.fromEnvironment(environment)
        for (k, url) in urls.enumerated() {
            let options = TaxiiClient.Options(caFile: caFile, insecure: insecure, pageSize: pageSize ?? 1000)
            out.append(TaxiiFeed(.init(url: url, collection: k < collections.count ? collections[k] : nil, pollSeconds: poll ?? 60,
                                           options: options, credentials: fromEnvironment, cacheDirectory: cache)))
        }
        for s in config.taxii {
            var credentials = fromEnvironment
            if s.hasCredentials {
                try TaxiiCredentials.checkPrivate(configPath)
                if let token = s.token { credentials = .bearer(token: token) } else { credentials = .basic(user: s.username ?? "", password: s.password ?? "") }
            }
            let options = TaxiiClient.Options(caFile: s.caFile ?? caFile, insecure: s.insecure || insecure, pageSize: pageSize ?? 1000)
            out.append(TaxiiFeed(.init(url: s.url, collection: s.collection, pollSeconds: s.poll ?? poll ?? 60, options: options,
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
