import JSONCore
import ThreatModel

extension DatasetBuilder {
    /// One actor record with what identity needs about it.
    struct Record {
        var result: Int
        var actor: Actor
        var format: Provenance.Format
        var file: String
        /// Keys that identify it exactly: "#G0007", "#stix:intrusion-set--…", "#uuid:…".
        var idKeys: [String]
        /// The catalogue it belongs to and its id there: records of one catalogue with
        /// different ids are distinct by that catalogue's word.
        var catalogue: [(namespace: String, id: String)]
        var nameKey: String
        /// Each distinct alias key (three characters or more, not the name's) beside an alias
        /// as written, as identity pairs them (made once here: folding a name is the costly
        /// part of a key).
        var keyedAliases: [(key: String, alias: String)]
        var label: String
    }

    static func record(_ actor: Actor, result: Int, format: Provenance.Format, file: String) -> Record {
        var idKeys: [String] = []
        var catalogue: [(String, String)] = []
        for id in ownGroupIDs(actor) {
            idKeys.append("#" + id)
            catalogue.append(("attack", id))
        }
        for id in actor.externalIDs where !CatalogueID.isAttackGroup(id.uppercased()) { idKeys.append("#" + id.uppercased()) }
        switch format {
        case .stix, .taxii: idKeys.append("#stix:" + actor.id)
        case .misp: if CatalogueID.isUUID(actor.id) { idKeys.append("#uuid:" + actor.id.lowercased()) }
        default: break
        }
        // Within one file, different objects are different actors by that file's word.
        catalogue.append(("file:" + file, actor.id))
        let nameKey = Actor.nameKey(actor.name)
        var aliasKeys: [String] = []
        // The aliases whose keys count, as written (repeats kept: identity pairs them with the
        // keys in order).
        var written: [String] = []
        for a in actor.aliases {
            let k = Actor.nameKey(a)
            guard k.count >= 3, k != nameKey else { continue }
            written.append(a)
            if !aliasKeys.contains(k) { aliasKeys.append(k) }
        }
        let label: String
        if let g = catalogue.first(where: { $0.0 == "attack" }), format == .stix || format == .taxii {
            label = "ATT&CK \(g.1) '\(actor.name)'"
        } else {
            label = format.label + " '" + actor.name + "' (" + baseName(file) + ")"
        }
        return Record(
            result: result, actor: actor, format: format, file: file, idKeys: idKeys, catalogue: catalogue,
            nameKey: nameKey, keyedAliases: zip(aliasKeys, written).map { ($0, $1) }, label: label)
    }

    /// The ATT&CK group ids that are the record's own identity. One id is taken as given. A
    /// record listing several (MISP's Naikon lists G0019 Naikon and G0013 APT30, whose own
    /// cluster says the two "do not appear to be exact matches") claims only the one whose
    /// ATT&CK name is its own name; the others are groups it mentions, which would otherwise
    /// join actors ATT&CK keeps apart. With none matching, none is identity.
    static func ownGroupIDs(_ actor: Actor) -> [String] {
        var ids: [String] = []
        for id in actor.externalIDs {
            let upper = id.uppercased()
            if CatalogueID.isAttackGroup(upper) && !ids.contains(upper) { ids.append(upper) }
        }
        guard ids.count > 1 else { return ids }
        let own = Actor.nameKey(actor.name)
        return ids.filter { id in AttackVocabulary.groupNames(id)?.first.map { Actor.nameKey($0) == own } ?? false }
    }

    /// The last path component ("a/b.json" → "b.json"), found on bytes: it labels every record.
    static func baseName(_ path: String) -> String {
        let u = path.utf8
        var end = u.endIndex
        while end > u.startIndex, u[u.index(before: end)] == UInt8(ascii: "/") { end = u.index(before: end) }
        let start = u[..<end].lastIndex(of: UInt8(ascii: "/")).map { u.index(after: $0) } ?? u.startIndex
        return start == end ? path : String(path[start..<end])
    }
}
