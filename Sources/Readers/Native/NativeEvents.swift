import JSONCore
import ThreatModel

extension NativeIngest {
    mutating func readEvent(
        _ node: Int, actorIDs: [String: Int], sourceIDs: [String: Int], seen: inout [String: Int],
        repeats: inout Repeats
    ) -> Event? {
        let f = fields(node, EventMember.self)
        guard let id = readID(f[.id], seen: &seen, what: "event") else { return nil }
        return readEventBody(node, f: f, id: id, actorIDs: actorIDs, sourceIDs: sourceIDs, repeats: &repeats)
    }

    /// An event's members after its id.
    mutating func readEventBody(
        _ node: Int, f: Fields<EventMember>, id: String, actorIDs: [String: Int], sourceIDs: [String: Int],
        repeats: inout Repeats
    ) -> Event? {
        var span: DayRange?
        if let single = f[.date] {
            if f[.start] != nil || f[.end] != nil { sink.error(single, "give either \"date\" or \"start\" and \"end\", not both") }
            if let d = date(single, cache: &repeats.dates) { span = DayRange(d) }
        } else if f[.start] != nil || f[.end] != nil {
            let s = date(f[.start], cache: &repeats.dates), e = date(f[.end], cache: &repeats.dates)
            if f[.start] == nil { sink.error(node, "missing member \"start\" (an event with \"end\" needs a \"start\")") }
            if f[.end] == nil { sink.error(node, "missing member \"end\" (an event with \"start\" needs an \"end\")") }
            if let s, let e {
                if e < s { sink.error(f[.end]!, "date out of order: end \(e) is before start \(s)") } else { span = DayRange(start: s, end: e) }
            }
        } else {
            sink.error(node, "missing member \"date\" (or \"start\" and \"end\")")
        }
        let kind = eventKind(f[.kind], cache: &repeats.kinds)
        var actors: [String] = []
        if let a = f[.actors] {
            actors = strings(a, cache: &repeats.actors, unique: false, rejection: .dangling("actor")) { actorIDs[$0] != nil }.kept
        }
        var nexus = Nexus.unknown
        if let node = f[.nexus] {
            if let e = repeats.countries.entry(node, in: document), judge(e, in: &repeats.countries, NativeIngest.isCountryCode) {
                nexus = .country(repeats.countries.string(e))
            } else if let n = text(node) {
                if NativeIngest.isCountryCode(n) {
                    nexus = .country(n)
                } else {
                    sink.error(node, "unknown nexus \"\(n)\": expected an ISO 3166-1 alpha-2 code")
                }
            }
        }
        let sectors = vocabularyArray(f[.sectors], what: "sector", cache: &repeats.sectors) { Vocabulary.sector($0) != nil }
        let regions = vocabularyArray(f[.regions], what: "region", cache: &repeats.regions) { Vocabulary.region($0) != nil }
        let countries = vocabularyArray(f[.countries], what: "country code", cache: &repeats.countries, valid: NativeIngest.isCountryCode)
        let summary = text(f[.summary])
        let cited = sourceRefs(f[.sources], sourceIDs: sourceIDs, required: true, cache: &repeats.sources)
        let techniques = vocabularyArray(f[.techniques], what: "ATT&CK technique id", cache: &repeats.techniques) { NativeIngest.isAttackID($0) }
        let tlp = marking(f[.tlp])
        guard let span, let kind, let summary else { return nil }
        var event = Event(
            id: id, span: span, kind: kind, actorIDs: actors, nexus: nexus, sectors: sectors,
            regions: regions, countries: countries, summary: summary,
            provenance: provenance(id: id, cited: cited, tlp: tlp, cache: &repeats.provenances))
        event.techniques = techniques
        event.tlp = tlp ?? reportTLP
        return event
    }

    /// An ISO 3166-1 alpha-2 code ThreatDeck knows, in capitals.
    static func isCountryCode(_ s: String) -> Bool { Vocabulary.country(s) != nil && s == s.uppercased() }

    /// Whether entry `e` is valid, judged by `valid` the first time it is met.
    @inline(__always)
    func judge(_ e: Int, in cache: inout StringInterner, _ valid: (String) -> Bool) -> Bool {
        if cache.payload(e) == StringInterner.unjudged { cache.setPayload(e, valid(cache.string(e)) ? 1 : 0) }
        return cache.payload(e) == 1
    }

    /// A date read through `cache`: a day met before is not parsed again. An invalid one is
    /// read the uncached way, which reports it.
    mutating func date(_ v: Int?, cache: inout StringInterner) -> Day? {
        guard let v else { return nil }
        guard let e = cache.entry(v, in: document) else { return date(v) }
        if cache.payload(e) == StringInterner.unjudged { cache.setPayload(e, Day(parsing: cache.string(e))?.ordinal ?? NativeIngest.rejected) }
        let ordinal = cache.payload(e)
        return ordinal == NativeIngest.rejected ? date(v) : Day(ordinal: ordinal)
    }

    /// An event kind read through `cache`; an unknown one is read the uncached way, which reports it.
    mutating func eventKind(_ v: Int?, cache: inout StringInterner) -> Event.Kind? {
        guard let v else { return nil }
        guard let e = cache.entry(v, in: document) else { return enumValue(v, "kind", Event.Kind.self) }
        if cache.payload(e) == StringInterner.unjudged {
            let raw = cache.string(e)
            cache.setPayload(e, NativeIngest.eventKinds.firstIndex { $0.rawValue == raw } ?? NativeIngest.rejected)
        }
        let k = cache.payload(e)
        return k == NativeIngest.rejected ? enumValue(v, "kind", Event.Kind.self) : NativeIngest.eventKinds[k]
    }
}
