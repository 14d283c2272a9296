import JSONCore
import ThreatModel

extension NativeIngest {
    /// The object elements of an array; anything else is reported and skipped.
    mutating func objects(in node: Int, what: String) -> [Int] { objectsWithPositions(in: node, what: what).nodes }

    /// The object elements of array `node` and their positions in it; the others are reported.
    mutating func objectsWithPositions(in node: Int, what: String) -> (nodes: [Int], positions: [Int]) {
        guard document.kind(node) == .array else {
            sink.error(node, "expected an array of \(what)s, found \(document.describe(node))")
            return ([], [])
        }
        var out: [Int] = [], positions: [Int] = []
        var wrong: [Int] = []
        document.forEachElement(node) { position, element in
            if document.kind(element) == .object {
                out.append(element)
                positions.append(position)
            } else {
                wrong.append(element)
            }
        }
        for element in wrong { sink.error(element, "expected a \(what) object, found \(document.describe(element))") }
        return (out, positions)
    }

    mutating func readID(_ idNode: Int?, seen: inout [String: Int], what: String) -> String? {
        guard let idNode, let id = readID(idNode, what: what) else { return nil }
        if let first = seen[id] {
            let (line, column) = document.lineColumn(of: first)
            sink.error(idNode, "duplicate \(what) id \"\(id)\" (first used at \(line):\(column))")
            return nil
        }
        seen[id] = idNode
        return id
    }

    /// A well-formed id, not yet checked for duplicates.
    mutating func readID(_ idNode: Int?, what: String) -> String? {
        guard let idNode else { return nil }
        guard let id = document.string(idNode) else {
            sink.error(idNode, "expected a string id, found \(document.describe(idNode))")
            return nil
        }
        guard NativeIngest.isValidID(id) else {
            sink.error(idNode, "invalid id \"\(id.prefix(40))\": use letters, digits, '.', '_', ':' or '-' (at most 128)")
            return nil
        }
        return id
    }

    mutating func text(_ v: Int?, maxLength: Int = 4000) -> String? {
        guard let v else { return nil }
        return limitedText(v, maxLength: maxLength)
    }

    /// A non-empty string of at most `maxLength` characters; longer ones are cut (and
    /// reported) without decoding more than the part that is kept.
    mutating func limitedText(_ v: Int, maxLength: Int = 4000) -> String? {
        guard document.kind(v) == .string else {
            sink.error(v, "expected a string, found \(document.describe(v))")
            return nil
        }
        let raw = document.rawStringLength(v)
        if raw == 0 {
            sink.error(v, "empty string")
            return nil
        }
        if raw > maxLength {
            let kept = document.stringPrefix(v, maxScalars: maxLength) ?? ""
            if kept.unicodeScalars.count == maxLength && raw > kept.utf8.count {
                sink.error(v, "string of \(raw) bytes is longer than \(maxLength) characters; truncated")
                return kept
            }
        }
        return document.string(v)
    }

    mutating func textArrayWithNodes(_ array: Int) -> [(String, Int)] {
        guard document.kind(array) == .array else {
            sink.error(array, "expected an array of strings, found \(document.describe(array))")
            return []
        }
        var out: [(String, Int)] = []
        var k = array + 1
        let end = document.next(array)
        while k < end {
            if let s = element(k) { out.append((s, k)) }
            k = document.next(k)
        }
        return out
    }

    /// One element of an array of strings: a non-empty string, else reported.
    mutating func element(_ element: Int) -> String? {
        if document.kind(element) != .string || document.rawStringLength(element) == 0 {
            sink.error(element, "expected a non-empty string, found \(document.kind(element) == .string ? "an empty string" : document.describe(element))")
            return nil
        }
        return limitedText(element)
    }

    /// How a string an array may not hold is reported.
    enum Rejection {
        case unknown(String), dangling(String)
    }

    /// The strings of array `a` that `valid` accepts, in order (each once when `unique`),
    /// and how many of its elements were strings at all; the others are reported. Short
    /// strings go through `cache`: a value met before is neither decoded nor judged again.
    mutating func strings(
        _ a: Int, cache: inout StringInterner, unique: Bool, rejection: Rejection,
        valid: (String) -> Bool
    ) -> (kept: [String], texts: Int) {
        guard document.kind(a) == .array else {
            sink.error(a, "expected an array of strings, found \(document.describe(a))")
            return ([], 0)
        }
        var kept: [String] = []
        var texts = 0
        // The kept strings' entries while all are interned: the key to an equal array met before.
        var entries = EntryList(), shareable = true
        var k = a + 1
        let end = document.next(a)
        while k < end {
            defer { k = document.next(k) }
            let s: String
            let ok: Bool
            var entry = -1
            if let e = cache.entry(k, in: document) {
                s = cache.string(e)
                ok = judge(e, in: &cache, valid)
                entry = e
            } else {
                guard let text = element(k) else { continue }
                s = text
                ok = valid(s)
            }
            texts += 1
            if ok {
                if !unique || !kept.contains(s) {
                    kept.append(s)
                    if shareable { shareable = entries.append(entry) }
                }
                continue
            }
            switch rejection {
            case .unknown(let what): sink.error(k, "unknown \(what) \"\(s.prefix(60))\"\(suggestion(for: s, what: what))")
            case .dangling(let what): sink.error(k, "dangling reference: no \(what) with id \"\(s)\"")
            }
        }
        return (shareable && !kept.isEmpty ? cache.shared(kept, entries: entries) : kept, texts)
    }

    mutating func textArray(_ a: Int?) -> [String] {
        guard let a else { return [] }
        var out: [String] = []
        for (s, _) in textArrayWithNodes(a) where !out.contains(s) { out.append(s) }
        return out
    }

    mutating func enumValue<E: RawRepresentable>(_ v: Int?, _ key: String, _ type: E.Type) -> E? where E.RawValue == String, E: CaseIterable {
        guard let v else { return nil }
        guard let s = document.string(v) else {
            sink.error(v, "expected a string, found \(document.describe(v))")
            return nil
        }
        guard let value = E(rawValue: s) else {
            let allowed = E.allCases.map { "\"\($0.rawValue)\"" }.joined(separator: ", ")
            sink.error(v, "unknown \(key) \"\(s.prefix(60))\"; expected one of \(allowed)")
            return nil
        }
        return value
    }

    mutating func enumArray<E: RawRepresentable & CaseIterable & Equatable>(_ a: Int?, _ key: String, _ type: E.Type) -> [E] where E.RawValue == String {
        guard let a else { return [] }
        var out: [E] = []
        for (s, element) in textArrayWithNodes(a) {
            if let value = E(rawValue: s) {
                if !out.contains(value) { out.append(value) }
            } else {
                let allowed = E.allCases.map { "\"\($0.rawValue)\"" }.joined(separator: ", ")
                sink.error(element, "unknown \(key.hasSuffix("s") ? String(key.dropLast()) : key) \"\(s.prefix(60))\"; expected one of \(allowed)")
            }
        }
        return out
    }

    mutating func vocabularyArray(_ a: Int?, what: String, cache: inout StringInterner, valid: (String) -> Bool) -> [String] {
        guard let a else { return [] }
        return strings(a, cache: &cache, unique: true, rejection: .unknown(what), valid: valid).kept
    }

    mutating func vocabularyValue(_ v: Int?, what: String, valid: (String) -> Bool) -> String? {
        guard let v else { return nil }
        guard let s = document.string(v) else {
            sink.error(v, "expected a string, found \(document.describe(v))")
            return nil
        }
        guard valid(s) else {
            sink.error(v, "unknown \(what) \"\(s.prefix(60))\"\(suggestion(for: s, what: what))")
            return nil
        }
        return s
    }

    func suggestion(for raw: String, what: String) -> String {
        switch what {
        case "sector": return Vocabulary.sectorID(matching: raw).map { " (did you mean \"\($0)\"?)" } ?? ""
        case "region": return Vocabulary.regionID(matching: raw).map { " (did you mean \"\($0)\"?)" } ?? ""
        case "country code": return Vocabulary.countryCode(matching: raw).map { " (did you mean \"\($0)\"?)" } ?? ""
        default: return ""
        }
    }

    mutating func date(_ v: Int?) -> Day? {
        guard let v else { return nil }
        guard let s = document.string(v) else {
            sink.error(v, "expected a date string (YYYY-MM-DD), found \(document.describe(v))")
            return nil
        }
        guard let d = Day(parsing: s) else {
            sink.error(v, "invalid date \"\(s.prefix(40))\": expected YYYY-MM-DD or an RFC 3339 timestamp")
            return nil
        }
        return d
    }

    mutating func period(_ p: Int?) -> DayRange? {
        guard let p else { return nil }
        guard document.kind(p) == .object else {
            sink.error(p, "expected an object with \"start\" and \"end\", found \(document.describe(p))")
            return nil
        }
        let f = fields(p, PeriodMember.self)
        guard let s = date(f[.start]), let e = date(f[.end]) else { return nil }
        if e < s {
            sink.error(f[.end]!, "date out of order: end \(e) is before start \(s)")
            return nil
        }
        return DayRange(start: s, end: e)
    }

    mutating func sourceRefs(_ a: Int?, sourceIDs: [String: Int], required: Bool, cache: inout StringInterner) -> [String] {
        guard let a else { return [] }
        let (kept, texts) = strings(a, cache: &cache, unique: false, rejection: .dangling("source")) { sourceIDs[$0] != nil }
        if texts == 0 && document.kind(a) == .array && required { sink.error(a, "empty \"sources\": cite at least one source") }
        return kept
    }

    func provenance(id: String, cited: [String], tlp: TLP? = nil) -> [Provenance] {
        let marking = tlp ?? reportTLP
        if cited.isEmpty { return [Provenance(file: file, format: .native, objectID: id, source: reportTitle, synthetic: synthetic, tlp: marking)] }
        return cited.map { ref in
            let reference = sourceReferences[ref]
            return Provenance(
                file: file, format: .native, objectID: id, source: reference?.title ?? ref, synthetic: synthetic, reference: reference, tlp: marking)
        }
    }

    /// An event's provenance, one per cited source; those without a marking of their own
    /// share one stored copy per source (`cache`), as nearly every event of a file does.
    func provenance(id: String, cited: [String], tlp: TLP?, cache: inout [String: Provenance]) -> [Provenance] {
        guard tlp == nil, !cited.isEmpty else { return provenance(id: id, cited: cited, tlp: tlp) }
        return cited.map { ref in
            if let p = cache[ref] { return p.with(objectID: id) }
            let p = provenance(id: id, cited: [ref])[0]
            cache[ref] = p
            return p
        }
    }

    /// A TLP marking: "clear", "green", "amber", "amber+strict", "red" (TLP 1.0's "white" too).
    mutating func marking(_ v: Int?) -> TLP? {
        guard let v else { return nil }
        guard let s = document.string(v), let tlp = TLP(tag: s) else {
            sink.error(
                v,
                "expected a TLP marking (clear, green, amber, amber+strict, red), found \(document.string(v).map { "\"\($0.prefix(40))\"" } ?? document.describe(v))"
            )
            return nil
        }
        return tlp
    }

    static func isValidID(_ id: String) -> Bool {
        func ok(_ c: UInt8, first: Bool) -> Bool {
            let alnum = (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5A) || (c >= 0x61 && c <= 0x7A)
            return first ? alnum : alnum || c == 0x2E || c == 0x5F || c == 0x3A || c == 0x2D
        }
        return id.withUTF8View { u in
            guard let first = u.first, u.count <= 128 else { return false }
            return ok(first, first: true) && u.dropFirst().allSatisfy { ok($0, first: false) }
        }
    }

    static func isAttackID(_ s: String) -> Bool { TechniqueInfo.isAttackID(s) }
}
