import JSONCore
import Loading
import Readers
import ThreatModel

/// The private on-disk cache of a MISP feed or search: a directory (0700) with one file per
/// event (0600, written atomically as the event arrives) and an index of uuids, timestamps
/// and when they were pulled, written last. A pull writes only the events it fetched, and
/// nothing is held in memory to write it; a restart shows every event at once.
struct MispEventCache {
    let directory: String
    let fileSystem: any FileSystem

    /// The cache of a source named `key` under `root` (nil: no cache).
    init?(root: String?, prefix: String, key: String, fileSystem: any FileSystem) {
        guard let root else { return nil }
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in key.utf8 { h = (h ^ UInt64(b)) &* 0x0000_0100_0000_01B3 }
        directory = root + "/" + prefix + String(h, radix: 16)
        self.fileSystem = fileSystem
    }

    var index: String { directory + "/index.json" }

    func path(_ uuid: String) -> String { directory + "/" + uuid + ".json" }

    /// Only uuids as MISP writes them name files: a hostile server must not choose a path.
    static func isSafe(_ uuid: String) -> Bool {
        !uuid.isEmpty && uuid.count <= 64
            && uuid.utf8.allSatisfy { ($0 >= 0x30 && $0 <= 0x39) || ($0 >= 0x61 && $0 <= 0x66) || ($0 >= 0x41 && $0 <= 0x46) || $0 == 0x2D }
    }

    func write(_ uuid: String, _ bytes: [UInt8]) {
        guard Self.isSafe(uuid) else { return }
        try? fileSystem.makeDirectories(directory, mode: 0o700)
        try? fileSystem.writeAtomically(path(uuid), bytes, mode: 0o600)
    }

    func remove(_ uuids: [String]) {
        for uuid in uuids where Self.isSafe(uuid) { fileSystem.remove(path(uuid)) }
    }

    /// The index of what `store` holds; `extra` are more top-level members ("\"since\":123").
    func writeIndex(_ store: MispEventStore, location: String, fetched: Double, extra: String) {
        var out = "{\"location\":" + JSONDocument.quote(location) + ",\"fetched\":\(fetched)" + (extra.isEmpty ? "" : "," + extra) + ",\"events\":{"
        out += store.events.keys.sorted().map { JSONDocument.quote($0) + ":\(store.events[$0]!.timestamp)" }.joined(separator: ",")
        out += "}}\n"
        try? fileSystem.makeDirectories(directory, mode: 0o700)
        try? fileSystem.writeAtomically(index, Array(out.utf8), mode: 0o600)
    }

    /// The cached events, read and parsed on every core, with when they were pulled and the
    /// index document for more members; nil when there is no cache. An event whose file is
    /// missing or unreadable is left out (the next pull fetches it).
    func load(label: String, format: Provenance.Format, limit: Int) -> (store: MispEventStore, fetched: Double, document: JSONDocument)? {
        guard let bytes = try? fileSystem.read(index, limit: 64 << 20), let d = try? JSONDocument(parsing: bytes),
            let list = d.member(d.root, "events"), d.kind(list) == .object
        else { return nil }
        var listed: [(uuid: String, timestamp: Int64)] = []
        d.forEachMember(list) { uuid, value in
            guard Self.isSafe(uuid) else { return }
            let ts = d.double(value).flatMap { $0.isFinite && abs($0) < 1e15 ? Int64($0) : nil } ?? 0
            listed.append((uuid, ts))
        }
        let (fileSystem, items) = (self.fileSystem, listed.map { (uuid: $0.uuid, path: path($0.uuid)) })
        let read = ParallelMap.map(items.count) { k -> (size: Int, result: IngestResult)? in
            guard let raw = try? fileSystem.read(items[k].path, limit: limit) else { return nil }
            return (raw.count, Ingest.read(bytes: raw, file: label + "/" + items[k].uuid + ".json", format: format))
        }
        var store = MispEventStore()
        for (k, e) in listed.enumerated() {
            guard let r = read[k], !r.result.unparsed else { continue }
            store.keep(e.uuid, .init(timestamp: e.timestamp, size: r.size, result: r.result))
        }
        let fetched = d.member(d.root, "fetched").flatMap(d.double).flatMap { $0 > 0 && $0.isFinite ? $0 : nil } ?? 0
        return (store, fetched, d)
    }
}
