import JSONCore
import ThreatModel

extension StixIngest {
    /// ThreatDeck's property extension for measured findings on `note` objects.
    static let findingExtension = "extension-definition--a691854c-88d8-4b19-80c4-59ef2fe96bfb"

    mutating func readNote(_ o: StixObject, id: String) {
        guard let ext = o.node(.extensions, document), let f = document.member(ext, StixIngest.findingExtension), document.kind(f) == .object else { return }
        readFinding(f, id: id, content: o.string(.content, document), refs: o.strings(.objectRefs, document), references: references(o), tlp: marking(o))
    }

    mutating func readFinding(_ node: Int, id: String, content: String?, refs: [String], references: [Reference], tlp: TLP?) {
        func text(_ key: String) -> String? { document.member(node, key).flatMap(document.string) }
        guard let metric = text("metric").flatMap(Finding.Metric.init(rawValue:)) else {
            sink.error(node, "finding extension: \"metric\" must be \"share\" or \"count\"")
            return
        }
        guard let qualifier = text("qualifier").flatMap(Finding.Qualifier.init(rawValue:)) else {
            sink.error(node, "finding extension: unknown or missing \"qualifier\"")
            return
        }
        guard let valueNode = document.member(node, "value"), let value = document.double(valueNode), value.isFinite else {
            sink.error(node, "finding extension: \"value\" must be a finite number")
            return
        }
        if value < 0 || (metric == .share && value > 100) {
            sink.error(valueNode, "share \(Finding.format(value))% is outside 0…100%")
            return
        }
        var period: DayRange?
        if let s = text("period_start").flatMap(Day.init(parsing:)), let e = text("period_end").flatMap(Day.init(parsing:)) {
            if e < s {
                sink.error(document.member(node, "period_end")!, "date out of order: end \(e) is before start \(s)")
            } else {
                period = DayRange(start: s, end: e)
            }
        }
        let nexus = text("subject_nexus").flatMap(Vocabulary.countryCode(matching:)).map { Nexus.country($0) }
        let actorRef = refs.first { $0.hasPrefix("intrusion-set--") || $0.hasPrefix("threat-actor--") }
        // A finding cites what its note cites: one provenance per cited source.
        let cited =
            references.isEmpty
            ? [provenance(id, references: [], tlp: tlp)]
            : references.map { Provenance(file: file, format: format, objectID: id, source: $0.title ?? $0.key, reference: $0, tlp: tlp) }
        result.findings.append(
            Finding(
                id: id, statement: content ?? "", metric: metric, value: value, qualifier: qualifier,
                subjectNexus: nexus, subjectActorID: nexus == nil ? actorRef : nil,
                population: text("population") ?? "", scope: populationScope(text), sector: text("sector").flatMap(Vocabulary.sectorID(matching:)),
                region: text("region").flatMap(Vocabulary.regionID(matching:)), period: period,
                basis: text("basis"), provenance: cited))
    }

    /// The population's parts the extension states (`population_sponsor`, `_activity`,
    /// `_counted_by`, as ThreatDeck writes them), else nil: read from the wording instead.
    func populationScope(_ text: (String) -> String?) -> Finding.Population? {
        let sponsor = text("population_sponsor").flatMap { ActorType(rawValue: $0.lowercased()) }.flatMap { $0 == .unknown ? nil : $0 }
        let activity = text("population_activity").flatMap(EventKindSet.parse)
        let counted = text("population_counted_by").flatMap { Finding.Population.CountedBy(rawValue: $0.lowercased()) }
        guard sponsor != nil || activity != nil || counted != nil else { return nil }
        return Finding.Population(sponsorship: sponsor, activity: activity, countedBy: counted, basis: .stated)
    }
}

extension StixField {
    static let content = StixField("content")
}
