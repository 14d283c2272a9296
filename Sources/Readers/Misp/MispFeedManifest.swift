import ThreatModel
import JSONCore

/// A MISP feed's `manifest.json`: event uuid → when it last changed (and its summary), so a
/// client fetches only events whose `timestamp` moved since the last poll.
public struct MispFeedManifest: Sendable {
    public struct Entry: Hashable, Sendable {
        public var uuid: String
        public var info: String
        /// Unix seconds of the event's last change (string or number in real feeds).
        public var timestamp: Int64
    }

    public var entries: [Entry]

    public init(bytes: [UInt8]) throws(JSONSyntaxError) {
        let d = try JSONDocument(parsing: bytes)
        var out: [Entry] = []
        guard d.kind(d.root) == .object else {
            throw JSONSyntaxError(offset: 0, line: 1, column: 1, path: [], message: "expected a MISP feed manifest: an object of event uuid → summary")
        }
        d.forEachMember(d.root) { uuid, value in
            guard d.kind(value) == .object, CatalogueID.isUUID(uuid) else { return }
            let info = d.member(value, "info").flatMap { d.stringPrefix($0, maxScalars: 500) } ?? ""
            var ts: Int64 = 0
            if let t = d.member(value, "timestamp") {
                if let s = d.string(t), let v = Int64(s) { ts = v } else if let v = d.double(t), v.isFinite, abs(v) < 1e15 { ts = Int64(v) }
            }
            out.append(Entry(uuid: uuid, info: info, timestamp: ts))
        }
        entries = out.sorted { $0.uuid < $1.uuid }
    }

}
