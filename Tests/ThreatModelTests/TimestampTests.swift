import Testing
import ThreatModel

/// RFC 3339 instants as STIX `modified` writes them: compared by time, offsets applied,
/// anything else refused.
@Suite struct TimestampTests {
    @Test func parsesInstantsWithFractionsAndOffsets() throws {
        let plain = try #require(Timestamp(parsing: "2026-03-31T08:00:00Z"))
        #expect(plain.description == "2026-03-31T08:00:00Z")
        #expect(Timestamp(parsing: "2026-03-31T10:00:00+02:00") == plain)
        #expect(Timestamp(parsing: "2026-03-31t08:00:00z") == plain)
        let half = try #require(Timestamp(parsing: "2026-03-31T08:00:00.5Z"))
        #expect(half.nanoseconds == 500_000_000 && plain < half)
        #expect(Timestamp(parsing: "2026-03-31T08:00:00.123456789123Z")?.nanoseconds == 123_456_789)
    }

    @Test func refusesWhatIsNotAnInstant() {
        for text in [
            "", "2026-03-31", "2026-03-31T08:00:00", "2026-03-31T08:00:00.Z", "2026-13-31T08:00:00Z", "2026-03-31T24:00:00Z",
            "2026-03-31T08:00:00Zx", "2026-03-31T08:00:00+2:00", "2026-03-31T08:00:00+02:60", "2026-03-31 08:00:00 UTC",
        ] {
            #expect(Timestamp(parsing: text) == nil, "\(text)")
        }
    }
}
