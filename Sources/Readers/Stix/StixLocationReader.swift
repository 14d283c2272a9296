import JSONCore
import ThreatModel

extension StixIngest {
    mutating func readLocation(_ o: StixObject, key: StixKey) {
        let id = key.id
        var place = Place()
        if let c = o.string(.country, document) {
            if let code = Vocabulary.countryCode(matching: c) {
                place.country = code
            } else {
                sink.warning(o.node(.country, document)!, "unknown country \"\(c.prefix(40))\"; ignored")
            }
        }
        if let r = o.string(.region, document) {
            if let rid = Vocabulary.regionID(matching: r) {
                place.region = rid
            } else {
                sink.warning(o.node(.region, document)!, "unknown region \"\(r.prefix(40))\"; ignored")
            }
        }
        if place.country == nil && place.region == nil, let n = o.string(.name, document) {
            place.country = Vocabulary.countryCode(matching: n)
            if place.country == nil { place.region = Vocabulary.regionID(matching: n) }
        }
        places[key] = place
    }
}

extension StixField {
    static let region = StixField("region")
    static let country = StixField("country")
}
