import JSONCore

/// The shapes of catalogue ids that identify an actor across sources: an ATT&CK group id
/// (G0096) and a MISP cluster UUID. Checked on bytes: every record of a feed is checked.
public enum CatalogueID {
    /// "G" and four digits, as ATT&CK numbers its groups.
    public static func isAttackGroup(_ s: String) -> Bool {
        let u = Array(s.utf8)
        return u.count == 5 && u[0] == 0x47 && u[1...].allSatisfy { $0 >= 0x30 && $0 <= 0x39 }
    }

    /// An RFC 4122 UUID in its 8-4-4-4-12 hex form, either case (the check STIX ids' UUIDs get).
    public static func isUUID(_ s: String) -> Bool {
        s.withUTF8View { u in u.count == 36 && ByteText.isUUID(u, at: 0) }
    }
}
