#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A fixed set of member names, looked up by their raw UTF-8 bytes: how readers dispatch on
/// keys in hot loops without building a `String` per key.
public struct KeyTable: Sendable {
    /// Every name's bytes back to back (one array: a lookup retains no per-name array);
    /// name k is `names[offsets[k]..<offsets[k + 1]]`.
    private let names: [UInt8]
    private let offsets: [Int]
    /// Open addressing: slot → index of a name, or -1.
    private let slots: [Int]
    private let mask: Int
    /// Each name's hash as a member name's node keeps it (`JSONDocument.keyHashMask`): a
    /// slot whose name hashes otherwise is passed without reading any text.
    private let hashes: [Int]

    public init(_ names: [String]) {
        var bytes: [UInt8] = []
        var offsets = [0]
        for name in names {
            bytes.append(contentsOf: name.utf8)
            offsets.append(bytes.count)
        }
        var size = 16
        while size < names.count * 4 { size *= 2 }
        mask = size - 1
        var slots = Array(repeating: -1, count: size)
        bytes.withUnsafeBufferPointer { all in
            for index in names.indices {
                let key = UnsafeBufferPointer(rebasing: all[offsets[index]..<offsets[index + 1]])
                var slot = KeyTable.hash(key) & (size - 1)
                while slots[slot] != -1 { slot = (slot + 1) & (size - 1) }
                slots[slot] = index
            }
        }
        self.names = bytes
        self.offsets = offsets
        self.slots = slots
        hashes = names.map(JSONDocument.keyHash(of:))
    }

    public var count: Int { offsets.count - 1 }

    /// A hash of `bytes` for tables keyed by short byte strings, eight bytes at a step: a
    /// byte at a time (FNV-1a) was a chain of 19 multiplies for "external_references", and
    /// key lookups were the hottest code of reading ATT&CK. Each step folds the high half
    /// into the low, which the table's mask keeps.
    @inline(__always)
    public static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var high: UInt64 = 0
        return hash(bytes, seed: 0xcbf2_9ce4_8422_2325, high: &high)
    }

    /// `hash(_:)` from `seed`, OR-ing every word it reads into `high` (whose top bits then
    /// tell whether any byte was not ASCII).
    @inline(__always)
    static func hash(_ bytes: UnsafeBufferPointer<UInt8>, seed: UInt64, high: inout UInt64) -> Int {
        let n = bytes.count
        var h: UInt64 = seed ^ UInt64(truncatingIfNeeded: n)
        guard let base = bytes.baseAddress, n > 0 else { return Int(truncatingIfNeeded: h) }
        let raw = UnsafeRawPointer(base)
        @inline(__always) func mix(_ w: UInt64) {
            high |= w
            h = (h ^ w) &* 0x9E37_79B9_7F4A_7C15
            h ^= h >> 32
        }
        if n >= 8 {
            var k = 0
            while k + 8 <= n {
                mix(raw.loadUnaligned(fromByteOffset: k, as: UInt64.self))
                k += 8
            }
            // The last eight bytes again, overlapping: the tail without a byte loop.
            if k < n { mix(raw.loadUnaligned(fromByteOffset: n - 8, as: UInt64.self)) }
        } else {
            var w: UInt64 = 0
            for k in 0..<n { w |= UInt64(base[k]) << (8 * UInt64(k)) }
            mix(w)
        }
        h ^= h >> 29
        h &*= 0xBF58_476D_1CE4_E5B9
        return Int(truncatingIfNeeded: h ^ (h >> 32))
    }

    /// The hash of a string's UTF-8, as `hash(_:)` gives for its bytes.
    public static func hash(_ text: String) -> Int {
        var text = text
        return text.withUTF8 { hash($0) }
    }

    /// The hash of an ASCII string's bytes from `seed` (drawn per process, for tables of keys
    /// from files: from a fixed start a file could choose keys that all land on one slot), or
    /// nil when it is not ASCII: Swift compares strings by canonical equivalence ("é" as one
    /// scalar or two, "K" and the Kelvin sign), which a hash of the bytes cannot follow.
    public static func asciiHash(_ text: String, seed: UInt64) -> Int? {
        var text = text
        return text.withUTF8 { bytes in
            var high: UInt64 = 0
            let h = hash(bytes, seed: seed, high: &high)
            return high & 0x8080_8080_8080_8080 == 0 ? h : nil
        }
    }

    @inline(__always)
    public func index(of bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        index(of: bytes, hash: KeyTable.hash(bytes))
    }

    /// `index(of:)` with the bytes' hash already made (`JSONDocument.keyHash`, or its low
    /// bits: a table's mask is far narrower).
    @inline(__always)
    public func index(of bytes: UnsafeBufferPointer<UInt8>, hash: Int) -> Int? {
        var slot = hash & mask
        return names.withUnsafeBufferPointer { all in
            while true {
                let index = slots[slot]
                if index < 0 { return nil }
                let from = offsets[index]
                if hashes[index] == hash & JSONDocument.keyHashMask && offsets[index + 1] - from == bytes.count
                    && (bytes.isEmpty || memcmp(all.baseAddress! + from, bytes.baseAddress!, bytes.count) == 0)
                {
                    return index
                }
                slot = (slot + 1) & mask
            }
        }
    }

    public func index(of key: String) -> Int? {
        var key = key
        return key.withUTF8 { index(of: $0) }
    }
}
