import Readers
import ThreatModel

/// What one MISP feed pull fetched: each wanted event's records or why not, the events left out
/// because the feed would pass its cap, and the failure that stopped the pull early (the
/// deadline), if any.
struct MispDownloads {
    /// An event read: its size as fetched and its records.
    typealias Fetched = (size: Int, result: IngestResult)

    var downloads: [(entry: MispFeedManifest.Entry, result: Result<Fetched, MispFetchFailure>)] = []
    var overCap: [MispFeedManifest.Entry] = []
    /// Problems per event uuid found while fetching (over the cap).
    var problems: [String: String] = [:]
    var stop: PullError?
    /// Whether any event failed for a reason worth retrying soon.
    var transient = false

    mutating func skip(_ entry: MispFeedManifest.Entry, limit: Int) {
        overCap.append(entry)
        problems[entry.uuid] =
            "\(entry.uuid).json not fetched: the feed would pass its \(PullLimits.describe(bytes: limit)) limit for one source (max-source-bytes)"
    }
}
