import JSONCore

/// A calendar day (proleptic Gregorian, UTC), stored as days since 1970-01-01.
///
/// Threat reports speak in days; keeping them as integers makes bucketing and comparison
/// cheap and avoids time-zone surprises from `Date`.
public struct Day: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let ordinal: Int

    public init(ordinal: Int) { self.ordinal = ordinal }

    /// Nil for impossible dates such as 2025-02-30.
    public init?(year: Int, month: Int, day: Int) {
        guard (1...12).contains(month), day >= 1, day <= Day.daysIn(month: month, year: year), (1...9999).contains(year) else { return nil }
        self.init(civilYear: year, month: month, day: day)
    }

    /// Any proleptic Gregorian date, without the 0001–9999 bound of dates in data: bucket
    /// arithmetic steps past 9999-12-31 (to 10000-01-01) and must not fail there.
    public init(civilYear year: Int, month: Int, day: Int) {
        let year = max(-1_000_000, min(1_000_000, year))
        let month = max(1, min(12, month))
        let day = max(1, min(31, day))
        // Howard Hinnant's days_from_civil.
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        ordinal = era * 146097 + doe - 719468
    }

    public var components: (year: Int, month: Int, day: Int) {
        let z = ordinal + 719468
        let era = (z >= 0 ? z : z - 146096) / 146097
        let doe = z - era * 146097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }

    public var year: Int { components.year }
    public var month: Int { components.month }

    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    public static func < (a: Day, b: Day) -> Bool { a.ordinal < b.ordinal }

    public func adding(days: Int) -> Day { Day(ordinal: ordinal + days) }

    /// First day of the month `months` after this day's month.
    public func addingMonths(_ months: Int) -> Day {
        let c = components
        let total = c.year * 12 + (c.month - 1) + months
        let year = total >= 0 ? total / 12 : (total - 11) / 12
        return Day(civilYear: year, month: total - year * 12 + 1, day: 1)
    }

    /// ISO 8601 calendar date, e.g. 2026-03-31.
    public var description: String {
        let c = components
        return Day.pad(c.year, 4) + "-" + Day.pad(c.month, 2) + "-" + Day.pad(c.day, 2)
    }

    package static func pad(_ value: Int, _ width: Int) -> String {
        let s = String(value)
        return s.count >= width ? s : String(repeating: "0", count: width - s.count) + s
    }

    public static let monthAbbreviations = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    /// "Mar 2026".
    public var monthLabel: String { Day.monthAbbreviations[month - 1] + " " + String(year) }

    /// Parses `YYYY-MM-DD` or an RFC 3339 timestamp (`2026-03-31T12:00:00Z`, fractions and
    /// offsets allowed). The day is the timestamp's own calendar day, as written.
    public init?(parsing text: String) {
        guard let day = text.withUTF8View({ Day.parse($0) }) else { return nil }
        self = day
    }

    /// `init(parsing:)` on the UTF-8 bytes (no copy of them).
    package static func parse(_ utf8: UnsafeView<UInt8>) -> Day? {
        guard utf8.count >= 10 else { return nil }
        func digits(_ range: Range<Int>) -> Int? {
            var value = 0
            for k in range {
                let c = utf8[k]
                guard c >= 0x30 && c <= 0x39 else { return nil }
                value = value * 10 + Int(c - 0x30)
            }
            return value
        }
        guard utf8[4] == 0x2D, utf8[7] == 0x2D, let y = digits(0..<4), let m = digits(5..<7), let d = digits(8..<10) else { return nil }
        if utf8.count > 10 {
            // The rest must look like a time: THH:MM:SS[.frac](Z|±HH:MM).
            guard utf8[10] == 0x54 || utf8[10] == 0x74 || utf8[10] == 0x20, utf8.count >= 20,
                let hh = digits(11..<13), let mm = digits(14..<16), let ss = digits(17..<19),
                utf8[13] == 0x3A, utf8[16] == 0x3A, hh < 24, mm < 60, ss <= 60
            else { return nil }
            var k = 19
            if utf8[k] == 0x2E {
                k += 1
                let fracStart = k
                while k < utf8.count, utf8[k] >= 0x30, utf8[k] <= 0x39 { k += 1 }
                guard k > fracStart else { return nil }
            }
            guard k < utf8.count else { return nil }
            if utf8[k] == 0x5A || utf8[k] == 0x7A {
                guard k + 1 == utf8.count else { return nil }
            } else if utf8[k] == 0x2B || utf8[k] == 0x2D {
                guard k + 6 == utf8.count, utf8[k + 3] == 0x3A, digits(k + 1..<k + 3) != nil, digits(k + 4..<k + 6) != nil else { return nil }
            } else {
                return nil
            }
        }
        return Day(year: y, month: m, day: d)
    }
}

/// An inclusive span of days.
public struct DayRange: Hashable, Sendable, CustomStringConvertible {
    public var start: Day
    public var end: Day

    public init(start: Day, end: Day) {
        self.start = min(start, end)
        self.end = max(start, end)
    }

    public init(_ day: Day) { self.init(start: day, end: day) }

    public func contains(_ day: Day) -> Bool { day >= start && day <= end }
    public func overlaps(_ other: DayRange) -> Bool { start <= other.end && other.start <= end }
    public var length: Int { end.ordinal - start.ordinal + 1 }

    public func union(_ other: DayRange) -> DayRange {
        DayRange(start: min(start, other.start), end: max(end, other.end))
    }

    public var description: String { start == end ? start.description : "\(start) → \(end)" }
}
