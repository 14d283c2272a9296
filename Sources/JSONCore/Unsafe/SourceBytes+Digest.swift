extension SourceBytes {
    /// A fast 64-bit hash of a file's bytes (words at a time), to tell a touched file from a changed one.
    public func digest() -> UInt64 {
        // Four independent lanes of 8 bytes: one lane's multiply waits for the one before it,
        // four keep the core busy (it runs before a cold open's parse, on its critical path).
        var h: (UInt64, UInt64, UInt64, UInt64) = (0x9E37_79B9_7F4A_7C15 ^ UInt64(count), 0xC2B2_AE3D_27D4_EB4F, 0x1656_67B1_9E37_79F9, 0x85EB_CA77_C2B2_AE63)
        let prime: UInt64 = 0x0000_0100_0000_01B3
        @inline(__always) func mix(_ h: inout UInt64, _ w: UInt64) {
            h = (h ^ w) &* prime
            h ^= h >> 29
        }
        withUnsafeBytes { raw in
            let quads = raw.count / 32
            for k in 0..<quads {
                let o = k * 32
                mix(&h.0, raw.loadUnaligned(fromByteOffset: o, as: UInt64.self))
                mix(&h.1, raw.loadUnaligned(fromByteOffset: o + 8, as: UInt64.self))
                mix(&h.2, raw.loadUnaligned(fromByteOffset: o + 16, as: UInt64.self))
                mix(&h.3, raw.loadUnaligned(fromByteOffset: o + 24, as: UInt64.self))
            }
            for k in (quads * 32)..<raw.count { mix(&h.0, UInt64(raw[k])) }
        }
        var out = h.0
        for lane in [h.1, h.2, h.3] { mix(&out, lane) }
        return out
    }
}
