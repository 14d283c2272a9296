import Testing
import ThreatModel

/// MISP cluster UUIDs: 8-4-4-4-12 hex digits in either case, 36 bytes, nothing else.
@Suite struct CatalogueIDTests {
    @Test func uuidsInEitherCase() {
        #expect(CatalogueID.isUUID("7cdff317-a673-4474-84ec-4f1754947823"))
        #expect(CatalogueID.isUUID("7CDFF317-A673-4474-84EC-4F1754947823"))
        #expect(!CatalogueID.isUUID(""))
        #expect(!CatalogueID.isUUID("7cdff317-a673-4474-84ec-4f175494782"))
        #expect(!CatalogueID.isUUID("7cdff317-a673-4474-84ec-4f17549478230"))
        #expect(!CatalogueID.isUUID("7cdff317a673-4474-84ec-4f1754947823-"))
    }

    /// Every byte value at every position, against the shape spelled out by character.
    @Test func everyByteValueAtEveryPosition() {
        let good = Array("7cdff317-a673-4474-84ec-4f1754947823".utf8)
        let hex = Set("0123456789abcdefABCDEF".utf8)
        for k in 0..<36 {
            for b in 0...127 {
                var u = good
                u[k] = UInt8(b)
                let expected = [8, 13, 18, 23].contains(k) ? b == 0x2D : hex.contains(UInt8(b))
                #expect(CatalogueID.isUUID(String(decoding: u, as: UTF8.self)) == expected, "byte \(b) at \(k)")
            }
        }
    }
}
