import ThreatModel
/// A STIX id with its hash made once: ATT&CK's 20,000 relationships looked their two ends up
/// in half a dozen id tables, hashing a 50-character String each time (the dangling-reference
/// check alone: 7.6 → 4.3 ms on ATT&CK enterprise with the hash made once). The hash is
/// Swift's own (seeded per process), of the id's UTF-8, made on every core while object
/// headers are read.
struct StixKey: Hashable, Sendable, CustomStringConvertible {
    let id: String
    private let hash: Int

    init(_ id: String) {
        var h = Hasher()
        h.combine(id)
        self.hash = h.finalize()
        self.id = id
    }

    static func == (a: StixKey, b: StixKey) -> Bool { a.hash == b.hash && a.id == b.id }

    func hash(into hasher: inout Hasher) { hasher.combine(hash) }

    var description: String { id }
}
