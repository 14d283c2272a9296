/// Member lookups by the hash the scanner files with each member name: a reader that asks
/// an object for members by name reads the text of a name only where its hash matches.
extension JSONDocument {
    /// The value node of member `key` of object `i`, found by the hash the scanner filed
    /// with each member name (`keyHash(of:)` of `key`): one walk over the object's names on
    /// the tape, the text compared only where the hash matches. Of a repeated member the last
    /// counts, as in `member(_:_:)`; nil when `i` is not an object or has no such member.
    public func member(_ i: Int, _ key: StaticString, hash: Int) -> Int? {
        key.withUTF8Buffer { member(i, named: $0, hash: hash) }
    }

    /// The walk both `member` lookups make: `wanted` is the name's UTF-8, `hash` its `keyHash`.
    func member(_ i: Int, named wanted: UnsafeBufferPointer<UInt8>, hash: Int) -> Int? {
        let object = tape[i]
        guard object.kind == .object else { return nil }
        var found: Int?
        var k = i + 1
        let end = Int(object.end)
        while k < end {
            if tape[k].storedKeyHash == hash, keyEquals(k, wanted) { found = k + 1 }
            k = next(k + 1)
        }
        return found
    }

    /// The value nodes of the members of object `i` named in `keys` (at most
    /// `MemberValues.capacity` names, the program's own), in one walk over its names, each
    /// matched by the hash the scanner filed with it and then by its text (`keyIndex`). Of a
    /// repeated member the last counts, as in `member(_:_:)`; nothing is found when `i` is not
    /// an object.
    public func members(_ i: Int, _ keys: KeyTable) -> MemberValues {
        precondition(keys.count <= MemberValues.capacity, "at most \(MemberValues.capacity) names are looked up in one walk")
        var found = MemberValues()
        let object = tape[i]
        guard object.kind == .object else { return found }
        let end = Int(object.end)
        // One view of the bytes for the whole walk: each name's lookup made its own, which
        // for a mapped file retained and released its owner, from both cores, per name
        // (ATT&CK: 449,309 names).
        bytes.withUnsafeBufferPointer { buffer in
            var k = i + 1
            while k < end {
                if let index = keyIndex(k, in: keys, buffer: buffer) { found.nodes[index] = UInt32(truncatingIfNeeded: k + 1) }
                k = next(k + 1)
            }
        }
        return found
    }

    /// `keyIndex(_:in:)` with the bytes' buffer already in hand.
    @inline(__always)
    func keyIndex(_ k: Int, in keys: KeyTable, buffer: UnsafeBufferPointer<UInt8>) -> Int? {
        let n = tape[k]
        guard n.kind == .string else { return nil }
        if n.escaped { return string(k).flatMap { keys.index(of: $0) } }
        return keys.index(of: UnsafeBufferPointer(start: buffer.baseAddress! + Int(n.start), count: Int(n.end)), hash: n.storedKeyHash)
    }
}
