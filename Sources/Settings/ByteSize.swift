/// Sizes as people write them in a config or on the command line: `256M`, `1G`, `512k`,
/// `1.5GiB`, `65536` (bytes). Powers of 1024, as the limits are described.
public enum ByteSize {
    /// The number of bytes, or nil for anything else (zero, negative, over 1 TiB, garbage).
    public static func parse(_ text: String) -> Int? {
        var s = text.lowercased().filter { $0 != " " && $0 != "_" }
        for suffix in ["ib", "b"] where s.hasSuffix(suffix) && s.count > suffix.count {
            s.removeLast(suffix.count)
            break
        }
        var factor = 1.0
        if let last = s.last, let power = ["k": 1, "m": 2, "g": 3, "t": 4][String(last)] {
            factor = Double(1 << (10 * power))
            s.removeLast()
        }
        guard !s.isEmpty, s.allSatisfy({ $0.isNumber || $0 == "." }), let value = Double(s), value.isFinite, value > 0 else { return nil }
        let bytes = value * factor
        guard bytes >= 1, bytes <= Double(1 << 40) else { return nil }
        return Int(bytes.rounded())
    }
}
