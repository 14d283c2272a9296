import JSONCore

/// An RFC 3339 instant, compared by time rather than by text: "…00Z" is before "…00.500Z",
/// and "10:00:00+02:00" equals "08:00:00Z". What STIX `modified` and TAXII `date_added`
/// versions are ordered by.
public struct Timestamp: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// Seconds since 1970-01-01T00:00:00Z.
    public let seconds: Int64
    /// Nanoseconds within the second (fractions beyond nine digits are ignored).
    public let nanoseconds: Int32

    public init(seconds: Int64, nanoseconds: Int32 = 0) {
        self.seconds = seconds
        self.nanoseconds = nanoseconds
    }

    /// Nil for anything that is not `YYYY-MM-DDTHH:MM:SS[.frac](Z|±HH:MM)`.
    public init?(parsing text: String) {
        guard let t = text.withUTF8View({ Timestamp.parse($0) }) else { return nil }
        self = t
    }

    /// `init(parsing:)` on the UTF-8 bytes, where they lie: ATT&CK's 22,000 `modified`
    /// times were each a String and an array copy of it.
    package static func parse(_ u: UnsafeView<UInt8>) -> Timestamp? {
        guard u.count >= 20 else { return nil }
        func digits(_ r: Range<Int>) -> Int? {
            var v = 0
            for k in r {
                guard k < u.count, u[k] >= 0x30, u[k] <= 0x39 else { return nil }
                v = v * 10 + Int(u[k] - 0x30)
            }
            return v
        }
        guard let day = Day.parse(u.slice(0..<10)),
            u[10] == 0x54 || u[10] == 0x74 || u[10] == 0x20, u[13] == 0x3A, u[16] == 0x3A,
            let hh = digits(11..<13), let mm = digits(14..<16), let ss = digits(17..<19), hh < 24, mm < 60, ss <= 60
        else { return nil }
        var k = 19
        var nanos = 0
        if u[k] == 0x2E {
            k += 1
            var scale = 100_000_000
            let start = k
            while k < u.count, u[k] >= 0x30, u[k] <= 0x39 {
                nanos += Int(u[k] - 0x30) * scale
                scale /= 10
                k += 1
            }
            guard k > start else { return nil }
        }
        guard k < u.count else { return nil }
        var offset = 0
        if u[k] == 0x5A || u[k] == 0x7A {
            guard k + 1 == u.count else { return nil }
        } else if u[k] == 0x2B || u[k] == 0x2D {
            guard k + 6 == u.count, u[k + 3] == 0x3A, let oh = digits(k + 1..<k + 3), let om = digits(k + 4..<k + 6), oh < 24, om < 60 else { return nil }
            offset = (oh * 3600 + om * 60) * (u[k] == 0x2B ? 1 : -1)
        } else {
            return nil
        }
        return Timestamp(seconds: Int64(day.ordinal) * 86_400 + Int64(hh * 3600 + mm * 60 + ss) - Int64(offset), nanoseconds: Int32(nanos))
    }

    public static func < (a: Timestamp, b: Timestamp) -> Bool { (a.seconds, a.nanoseconds) < (b.seconds, b.nanoseconds) }

    /// UTC, with milliseconds when there are any: "2026-03-31T12:00:00.500Z".
    public var description: String {
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        let rest = Int(seconds - days * 86_400)
        let day = Day(ordinal: Int(days))
        func pad(_ n: Int, _ w: Int) -> String { let s = String(n); return String(repeating: "0", count: max(0, w - s.count)) + s }
        var out = day.description + "T" + pad(rest / 3600, 2) + ":" + pad(rest / 60 % 60, 2) + ":" + pad(rest % 60, 2)
        if nanoseconds != 0 { out += "." + pad(Int(nanoseconds) / 1_000_000, 3) }
        return out + "Z"
    }
}
