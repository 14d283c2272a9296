#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A fixed set of member names, looked up by their raw UTF-8 bytes: how readers dispatch on
/// keys in hot loops without building a `String` per key.
public struct KeyTable: Sendable {
    private let keys: [[UInt8]]
    /// Open addressing: slot → index into `keys`, or -1.
    private let slots: [Int]
    private let mask: Int

    public init(_ names: [String]) {
        keys = names.map { Array($0.utf8) }
        var size = 16
        while size < names.count * 4 { size *= 2 }
        mask = size - 1
        var slots = Array(repeating: -1, count: size)
        for (index, key) in keys.enumerated() {
            var slot = KeyTable.hash(key.withUnsafeBufferPointer { $0 }) & (size - 1)
            while slots[slot] != -1 { slot = (slot + 1) & (size - 1) }
            slots[slot] = index
        }
        self.slots = slots
    }

    public var count: Int { keys.count }

    @inline(__always)
    static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        // FNV-1a: short keys, good spread, no allocation.
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in bytes { h = (h ^ UInt64(b)) &* 0x0000_0100_0000_01B3 }
        return Int(truncatingIfNeeded: h ^ (h >> 29))
    }

    @inline(__always)
    public func index(of bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        var slot = KeyTable.hash(bytes) & mask
        while true {
            let index = slots[slot]
            if index < 0 { return nil }
            let key = keys[index]
            if key.count == bytes.count && key.withUnsafeBufferPointer({ k in
                bytes.isEmpty || memcmp(k.baseAddress!, bytes.baseAddress!, bytes.count) == 0
            }) { return index }
            slot = (slot + 1) & mask
        }
    }

    public func index(of key: String) -> Int? {
        var key = key
        return key.withUTF8 { index(of: $0) }
    }
}
