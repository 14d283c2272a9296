extension JSONDocument {
    /// A key an object holds more than once.
    public struct DuplicateKey: Sendable, Equatable {
        /// The later key node, and the first one with the same name.
        public var node: Int
        public var first: Int
        public var key: String
    }

    /// Every repeated key, in document order. RFC 8259 leaves their meaning open and STIX
    /// forbids them; `member` reads the last one (as most readers do), and `threatdeck
    /// validate` warns about each. A walk over the whole tape: for validation, not loading.
    public func duplicateKeys(limit: Int = 1000) -> [DuplicateKey] {
        var out: [DuplicateKey] = []
        var i = 0
        while i < tape.count && out.count < limit {
            if tape[i].kind == .object && tape[i].extra > 1 {
                var seen: [String: Int] = [:]
                forEachMemberIndex(i) { k, _ in
                    let key = string(k) ?? ""
                    if let first = seen[key] { out.append(DuplicateKey(node: k, first: first, key: key)) } else { seen[key] = k }
                }
            }
            i += 1
        }
        return out
    }
}
