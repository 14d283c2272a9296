/// Byte helpers for large and generated test inputs.
public enum TestBytes {
    /// prefix + `count` copies of `fill` + suffix, built without a 100-million-step loop.
    public static func wrap(_ prefix: String, fill: UInt8, count: Int, _ suffix: String) -> [UInt8] {
        let head = Array(prefix.utf8), tail = Array(suffix.utf8)
        var bytes = [UInt8](repeating: fill, count: head.count + count + tail.count)
        bytes.replaceSubrange(0..<head.count, with: head)
        bytes.replaceSubrange(bytes.count - tail.count..<bytes.count, with: tail)
        return bytes
    }
}

/// A tiny deterministic random generator (SplitMix64): every property test prints its seed,
/// and the same seed replays the same run.
public struct SplitMix: RandomNumberGenerator {
    public var state: UInt64
    public init(seed: UInt64) { state = seed }
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A number in 0..<n (n > 0).
    public mutating func below(_ n: Int) -> Int { Int(next() % UInt64(max(1, n))) }

    /// One of the elements (the collection must not be empty).
    public mutating func pick<C: Collection>(_ c: C) -> C.Element { c[c.index(c.startIndex, offsetBy: below(c.count))] }

    /// True with probability p.
    public mutating func chance(_ p: Double) -> Bool { Double(next() % 1_000_000) / 1_000_000 < p }
}
