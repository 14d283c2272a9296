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
    }

    public var count: Int { offsets.count - 1 }

    /// FNV-1a of `bytes`, folded: for tables keyed by short byte strings.
    @inline(__always)
    public static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        // FNV-1a: short keys, good spread, no allocation.
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in bytes { h = (h ^ UInt64(b)) &* 0x0000_0100_0000_01B3 }
        return Int(truncatingIfNeeded: h ^ (h >> 29))
    }

    @inline(__always)
    public func index(of bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        var slot = KeyTable.hash(bytes) & mask
        return names.withUnsafeBufferPointer { all in
            while true {
                let index = slots[slot]
                if index < 0 { return nil }
                let from = offsets[index]
                if offsets[index + 1] - from == bytes.count
                    && (bytes.isEmpty || memcmp(all.baseAddress! + from, bytes.baseAddress!, bytes.count) == 0) { return index }
                slot = (slot + 1) & mask
            }
        }
    }

    public func index(of key: String) -> Int? {
        var key = key
        return key.withUTF8 { index(of: $0) }
    }
}
