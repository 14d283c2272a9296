import Testing
@testable import ThreatModel

@Suite struct DayTests {
    @Test func roundTripsCivilDates() {
        for (y, m, d) in [(1970, 1, 1), (2000, 2, 29), (2025, 4, 1), (2026, 3, 31), (1999, 12, 31), (2400, 2, 29)] {
            let day = Day(year: y, month: m, day: d)!
            #expect(day.components == (y, m, d))
        }
        #expect(Day(year: 1970, month: 1, day: 1)!.ordinal == 0)
        #expect(Day(year: 2026, month: 3, day: 31)!.description == "2026-03-31")
    }

    @Test func rejectsImpossibleDates() {
        #expect(Day(year: 2025, month: 2, day: 29) == nil)
        #expect(Day(year: 2026, month: 13, day: 1) == nil)
        #expect(Day(year: 2026, month: 4, day: 31) == nil)
        #expect(Day(parsing: "2026-02-30") == nil)
    }

    @Test func parsesDatesAndTimestamps() {
        #expect(Day(parsing: "2026-03-31")?.description == "2026-03-31")
        #expect(Day(parsing: "2015-12-01T05:00:00.000Z")?.description == "2015-12-01")
        #expect(Day(parsing: "2015-12-01T23:59:59+05:30")?.description == "2015-12-01")
        for bad in ["2026-3-31", "31/03/2026", "2026-03-31T", "2026-03-31T25:00:00Z", "2026-03-31T10:00:00", "2026-03-31 junk", ""] {
            #expect(Day(parsing: bad) == nil, "\(bad)")
        }
    }

    @Test func monthArithmetic() {
        let d = Day(year: 2025, month: 11, day: 15)!
        #expect(d.addingMonths(3).description == "2026-02-01")
        #expect(d.addingMonths(-11).description == "2024-12-01")
    }
}
