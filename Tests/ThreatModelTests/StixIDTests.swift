import Testing
@testable import Readers

/// STIX ids: `type--` and a UUID of 8-4-4-4-12 hex digits in either case, nothing else.
@Suite struct StixIDTests {
    @Test func acceptsUUIDsAfterTheirType() {
        #expect(StixIngest.isValidID("intrusion-set--0042a9f5-f053-4769-b3ef-9ad018dfa298", type: "intrusion-set"))
        #expect(StixIngest.isValidID("tool--ABCDEF01-2345-6789-abcd-ef0123456789", type: "tool"))
    }

    @Test func refusesAnythingElse() {
        let good = "0042a9f5-f053-4769-b3ef-9ad018dfa298"
        var bad = [
            "malware--" + good, "tool-" + good, "tool--" + good + "0", "tool--" + good.dropLast(), "tool--" + good.replacing("-", with: "0"),
            "tool--" + "g" + good.dropFirst(), "tool--0042a9f5f-053-4769-b3ef-9ad018dfa298", "tool--0042a9f5-f053-4769-b3ef-9ad018dfa29\u{e9}",
        ]
        // Every position in turn: a dash where a digit belongs and a digit where a dash does.
        for k in 0..<36 {
            var u = Array(good.utf8)
            u[k] = u[k] == UInt8(ascii: "-") ? UInt8(ascii: "a") : UInt8(ascii: "-")
            bad.append("tool--" + String(decoding: u, as: UTF8.self))
            u[k] = 0x00
            bad.append("tool--" + String(decoding: u, as: UTF8.self))
        }
        for id in bad { #expect(!StixIngest.isValidID(id, type: "tool"), "\(id)") }
    }
}
