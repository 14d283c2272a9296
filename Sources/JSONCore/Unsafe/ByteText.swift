#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Checks of ASCII text where it lies, for readers that validate identifiers without
/// building Strings. Non-generic on purpose: the same checks in an extension of
/// `UnsafeView where Element == UInt8` were called unspecialised from other modules.
public enum ByteText {
    /// Whether the bytes of `text` from `offset` on begin with all of `prefix`.
    @inlinable
    public static func matches(_ text: UnsafeView<UInt8>, _ prefix: UnsafeView<UInt8>, at offset: Int) -> Bool {
        guard offset >= 0, prefix.count <= text.count - offset else { return false }
        guard let here = text.buffer.baseAddress, let there = prefix.buffer.baseAddress else { return prefix.isEmpty }
        return memcmp(here + offset, there, prefix.count) == 0
    }

    /// Whether the 36 bytes of `text` from `offset` are a UUID: `8-4-4-4-12` hex digits, in
    /// either case, a byte at a time on the bytes where they lie: 620 instructions a STIX
    /// id, where the view's checked subscript and a table of byte classes took 880 (ATT&CK
    /// checks 22,652), and sixteen bytes at a step in Swift's SIMD types 2,700.
    @inlinable
    public static func isUUID(_ text: UnsafeView<UInt8>, at offset: Int) -> Bool {
        guard offset >= 0, 36 <= text.count - offset, let base = text.buffer.baseAddress else { return false }
        let p = base + offset
        var bad: UInt8 = 0
        for k in 0..<36 {
            let b = p[k]
            if k == 8 || k == 13 || k == 18 || k == 23 {
                bad |= b == 0x2D ? 0 : 1
            } else {
                // A digit, or a letter a to f once folded to lower case.
                bad |= b &- 0x30 < 10 || (b | 0x20) &- 0x61 < 6 ? 0 : 1
            }
        }
        return bad == 0
    }
}
