import ThreatModel

/// The MISP events a feed or a search holds: each event's records, size and `timestamp`, and
/// problems per event until a good version arrives. The bytes themselves are not kept: they
/// go to the cache as they arrive (`MispEventCache`), so a feed holds its records, not its
/// files twice over.
struct MispEventStore {
    struct Stored {
        var timestamp: Int64
        var size: Int
        var result: IngestResult
    }

    var events: [String: Stored] = [:]
    /// Per event uuid: why its current version could not be read (kept until it can).
    var problems: [String: String] = [:]
    /// Bytes of every event held, as fetched: what `PullLimits.maxTotalBytes` bounds.
    private(set) var bytes = 0

    /// The version held of `uuid` is at least as new as `timestamp` (and readable).
    func isCurrent(_ uuid: String, timestamp: Int64) -> Bool {
        guard let e = events[uuid] else { return false }
        return e.timestamp >= timestamp && problems[uuid] == nil
    }

    mutating func keep(_ uuid: String, _ stored: Stored) {
        bytes += stored.size - (events[uuid]?.size ?? 0)
        events[uuid] = stored
        problems[uuid] = nil
    }

    /// Drops events (and their problems) that `listed` no longer names: withdrawn by the feed.
    /// Returns their uuids.
    mutating func keepOnly(_ listed: Set<String>) -> [String] {
        let gone = events.keys.filter { !listed.contains($0) }
        for uuid in gone { bytes -= events.removeValue(forKey: uuid)?.size ?? 0 }
        problems = problems.filter { listed.contains($0.key) }
        return gone
    }

    /// What the poller shows: the events' records in uuid order, a warning per unreadable event.
    func contents(label: String, detail: String) -> LiveContents {
        let results = events.keys.sorted().map { events[$0]!.result }
        let warnings = problems.sorted { $0.key < $1.key }.map {
            Problem(file: label, line: 1, column: 1, path: "$[\"\($0.key)\"]", message: $0.value, severity: .warning)
        }
        return LiveContents(results: results, problems: warnings, bytes: bytes, detail: detail, hasRecords: !events.isEmpty)
    }

    /// "5 events · 1 unreadable".
    var summary: String {
        "\(events.count) events" + (problems.isEmpty ? "" : " · \(problems.count) unreadable")
    }
}
