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

    /// Every byte value at every kind of position: hex digits of either case where a digit
    /// belongs, only a dash where a dash does.
    @Test func everyByteValueAtADigitAndADash() {
        let good = Array("0042a9f5-f053-4769-b3ef-9ad018dfa298".utf8)
        let hex = Set("0123456789abcdefABCDEF".utf8)
        for b in 0...255 {
            for k in [0, 8, 35] {
                var u = good
                u[k] = UInt8(b)
                let id = "tool--" + String(decoding: u, as: UTF8.self)
                let expected = k == 8 ? b == 0x2D : hex.contains(UInt8(b))
                #expect(StixIngest.isValidID(id, type: "tool") == expected, "byte \(b) at \(k)")
            }
        }
    }
}
