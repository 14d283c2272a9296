import JSONCore
import ThreatModel

extension StixIngest {
    /// ThreatDeck's property extension on sightings: an exported event's kind, nexus, actors.
    static let eventExtension = "extension-definition--5f0e3c6a-7d41-4b8e-9a2b-3c5d6e7f8a9b"

    mutating func readSighting(_ o: StixObject, id: String) {
        guard let of = requiredText(o, .sightingOf) else { return }
        guard let s = span(o) ?? o.string(.created, document).flatMap(Day.init(parsing:)).map({ DayRange($0) }) else { return }
        var n = 1
        if let c = o.node(.count, document) {
            if let v = document.double(c), v >= 0, v <= 999_999_999, v == v.rounded() {
                n = max(1, Int(v))
            } else {
                sink.error(c, "count must be an integer from 0 to 999999999")
            }
        }
        var sighting = Sighting(
            id: id, of: of, span: s, count: n, whereSighted: o.strings(.whereSighted, document), summary: o.string(.description, document) ?? "",
            tlp: marking(o))
        if let ext = o.node(.extensions, document), let e = document.member(ext, StixIngest.eventExtension), document.kind(e) == .object {
            sighting.kind = document.member(e, "kind").flatMap(document.string).flatMap(Event.Kind.init(rawValue:))
            if let n = document.member(e, "nexus").flatMap(document.string) {
                sighting.nexus = n == "disputed" ? .disputed : n == "unknown" ? .unknown : Vocabulary.countryCode(matching: n).map { Nexus.country($0) }
            }
            if let a = document.member(e, "actors") { document.forEachElement(a) { _, x in if let s = document.string(x) { sighting.actors.append(s) } } }
            if let t = document.member(e, "techniques") {
                document.forEachElement(t) { _, x in if let s = document.string(x), TechniqueInfo.isAttackID(s) { sighting.techniques.append(s) } }
            }
        }
        sightings.append(sighting)
    }
}

extension StixField {
    static let sightingOf = StixField("sighting_of_ref")
    static let whereSighted = StixField("where_sighted_refs")
    static let count = StixField("count")
}
