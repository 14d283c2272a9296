import JSONCore

/// Strings to their positions in a list. ASCII keys and probes (ids, codes, slugs: nearly all)
/// are found in a `PositionTable` hashed eight bytes a step from a seed drawn once per
/// process; anything else in a `[String: Int]`, whose SipHash costs ~400 instructions per
/// actor id (indexing 100,000 events looked up some 200,000 of them) but follows Swift's
/// canonical equivalence, as a byte hash cannot.
package struct StringPositions: Sendable {
    private let keys: [String]
    /// Nil when a key is not ASCII: then every probe goes to `all`.
    private let table: PositionTable?
    /// Every key, first position kept: asked when a key or the probe is not ASCII.
    private let all: [String: Int]
    /// Unknown to any file, so that none can choose keys that all land on one slot.
    private static let seed = UInt64.random(in: .min ... .max)

    /// The first of equal keys is the one found.
    package init(_ keys: [String]) {
        var table: PositionTable? = PositionTable(capacity: keys.count)
        for (k, key) in keys.enumerated() {
            guard let hash = KeyTable.asciiHash(key, seed: Self.seed) else {
                table = nil
                break
            }
            _ = table?.insert(k, hash: hash) { keys[$0] == key }
        }
        self.keys = keys
        self.table = table
        all = Dictionary(keys.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
    }

    /// The position of the first key equal to `key`.
    package func position(of key: String) -> Int? {
        guard let table, let hash = KeyTable.asciiHash(key, seed: Self.seed) else { return all[key] }
        return table.find(hash: hash) { keys[$0] == key }
    }
}
