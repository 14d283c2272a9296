import JSONCore
import ThreatModel

extension StixIngest {
    func displayName(_ id: String) -> String {
        if let a = actorIndex[StixKey(id)] { return result.actors[a].name }
        if let c = campaignIndex[StixKey(id)] { return result.campaigns[c].name }
        return String(id.prefix { $0 != "-" })
    }

    func addUnique(_ list: inout [String], _ values: [String]) {
        for v in values where !list.contains(v) { list.append(v) }
    }

    func provenance(_ id: String, references: [Reference], tlp: TLP?) -> Provenance {
        Provenance(file: file, format: format, objectID: id, reference: references.first { $0.url != nil }, tlp: tlp)
    }

    /// The TLP marking of `object_marking_refs`, if any is a TLP marking.
    func marking(_ o: StixObject) -> TLP? {
        TLP.highest(o.strings(.markingRefs, document).map { TLP.stixMarkings[$0] })
    }

    mutating func requiredText(_ o: StixObject, _ field: StixField) -> String? {
        guard let value = o.node(field, document) else {
            sink.error(o.node, "missing property \"\(field.key)\"")
            return nil
        }
        guard let s = document.string(value), !s.isEmpty else {
            sink.error(value, "expected a non-empty string, found \(document.describe(value))")
            return nil
        }
        return s
    }

    mutating func span(_ o: StixObject) -> DayRange? {
        func day(_ node: Int?) -> Day? {
            guard let node else { return nil }
            guard let text = document.string(node), let d = Day(parsing: text) else {
                sink.error(node, "invalid timestamp: expected RFC 3339, e.g. 2026-03-31T00:00:00Z")
                return nil
            }
            return d
        }
        let f = day(o.node(.firstSeen, document)), l = day(o.node(.lastSeen, document))
        if let f, let l, l < f {
            sink.error(o.node(.lastSeen, document)!, "date out of order: last_seen \(l) is before first_seen \(f)")
            return nil
        }
        if let f { return DayRange(start: f, end: l ?? f) }
        if let l { return DayRange(l) }
        return nil
    }

    /// External ids (ATT&CK G0125, T1110.003) from `external_references`.
    func externalIDs(_ o: StixObject, source: String?) -> [String] { Self.externalIDs(o, source: source, in: document) }

    static func externalIDs(_ o: StixObject, source: String?, in document: JSONDocument) -> [String] {
        guard let node = o.node(.externalReferences, document) else { return [] }
        var out: [String] = []
        document.forEachElement(node) { _, ref in
            guard document.kind(ref) == .object, let id = document.member(ref, "external_id").flatMap(document.string) else { return }
            if let source, document.member(ref, "source_name").flatMap(document.string) != source { return }
            if !out.contains(id) { out.append(id) }
        }
        return out
    }

    /// `external_references` as citable references (source name, description, URL, id).
    func references(_ o: StixObject) -> [Reference] { Self.references(o, in: document) }

    static func references(_ o: StixObject, in document: JSONDocument) -> [Reference] {
        guard let node = o.node(.externalReferences, document) else { return [] }
        var out: [Reference] = []
        document.forEachElement(node) { _, ref in
            guard document.kind(ref) == .object else { return }
            // The four members in one pass over the object (ATT&CK cites up to 30 sources per
            // object; four lookups each walked all of its members). The last of a repeated
            // member wins, as `member` has it.
            let slots = document.members(ref, StixIngest.referenceKeys)
            func text(_ k: Int) -> String? { slots[k].flatMap { document.stringPrefix($0, maxScalars: 2000) } }
            guard let name = text(0) else { return }
            let r = Reference(key: name, title: text(1) ?? name, url: text(2), externalID: text(3))
            if !out.contains(r) { out.append(r) }
        }
        return out
    }

    /// The members of an external reference that `references` reads, in its slot order.
    static let referenceKeys = KeyTable(["source_name", "description", "url", "external_id"])

    /// `type--` followed by an RFC 4122 UUID (any version; STIX 2.0 used v4, 2.1 v4/v5).
    static func isValidID(_ id: String, type: String) -> Bool {
        // On the UTF-8 in place: two array copies per object before (ATT&CK checks 22,652
        // ids on both cores of the header pass).
        id.withUTF8View { u in
            type.withUTF8View { t in
                u.count == t.count + 2 + 36 && ByteText.matches(u, t, at: 0) && u[t.count] == 0x2D && u[t.count + 1] == 0x2D
                    && ByteText.isUUID(u, at: t.count + 2)
            }
        }
    }
}
