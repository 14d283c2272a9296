import JSONCore
import ThreatModel

extension NativeIngest {
    mutating func readSource(_ node: Int, seen: inout [String: Int]) -> SourceInfo? {
        let f = fields(node, SourceMember.self)
        guard let id = readID(f[.id], seen: &seen, what: "source") else { return nil }
        let title = text(f[.title]) ?? id
        return SourceInfo(
            id: id, title: title, publisher: text(f[.publisher]), published: date(f[.published]),
            file: text(f[.file], maxLength: 4096), url: text(f[.url], maxLength: 4096))
    }

    mutating func readReport(_ node: Int, sources: [SourceInfo], sourceIDs: [String: Int], repeats: inout Repeats) -> ReportInfo? {
        guard document.kind(node) == .object else {
            sink.error(node, "expected an object, found \(document.describe(node))")
            return nil
        }
        let f = fields(node, ReportMember.self)
        var seen: [String: Int] = [:]
        let id = readID(f[.id], seen: &seen, what: "report") ?? "report"
        let title = text(f[.title]) ?? id
        if let s = f[.synthetic] {
            if let b = document.bool(s) { synthetic = b } else { sink.error(s, "expected true or false, found \(document.describe(s))") }
        }
        let cited = sourceRefs(f[.sources], sourceIDs: sourceIDs, required: false, cache: &repeats.sources)
        reportTLP = marking(f[.tlp])
        let provenance = Provenance(file: file, format: .native, objectID: id, source: cited.first, synthetic: synthetic, tlp: reportTLP)
        var info = ReportInfo(
            id: id, title: title, publisher: text(f[.publisher]), published: date(f[.published]),
            period: period(f[.period]), summary: text(f[.summary]), synthetic: synthetic,
            sources: sources, provenance: [provenance])
        info.tlp = reportTLP
        return info
    }

    mutating func readActor(_ node: Int, f: Fields<ActorMember>, id: String, sourceIDs: [String: Int], repeats: inout Repeats) -> Actor? {
        guard let name = text(f[.name]) else { return nil }
        var actor = Actor(id: id, name: name)
        actor.aliases = textArray(f[.aliases]).filter { $0 != name }
        if let n = f[.nexus] {
            if let s = document.string(n) {
                if s == "unknown" {
                    actor.nexus = .unknown
                    actor.nexusBasis = .stated
                } else if s.count == 2, s == s.uppercased(), Vocabulary.country(s) != nil {
                    actor.nexus = .country(s)
                    actor.nexusBasis = .stated
                } else {
                    sink.error(n, "unknown nexus \"\(s)\": expected an ISO 3166-1 alpha-2 country code (e.g. \"CN\") or \"unknown\"")
                }
            } else {
                sink.error(n, "expected a string, found \(document.describe(n))")
            }
        }
        if let t = enumValue(f[.type], "type", ActorType.self) { actor.type = t }
        if let c = f[.collective] {
            if let b = document.bool(c) { actor.collective = b } else { sink.error(c, "expected true or false, found \(document.describe(c))") }
        }
        actor.motivations = enumArray(f[.motivations], "motivations", Motivation.self)
        actor.sectors = vocabularyArray(f[.sectors], what: "sector", cache: &repeats.sectors) { Vocabulary.sector($0) != nil }
        actor.regions = vocabularyArray(f[.regions], what: "region", cache: &repeats.regions) { Vocabulary.region($0) != nil }
        actor.countries = vocabularyArray(f[.countries], what: "country code", cache: &repeats.countries, valid: NativeIngest.isCountryCode)
        if let t = f[.techniques] {
            for tn in objects(in: t, what: "technique") {
                let tf = fields(tn, TechniqueMember.self)
                guard let techniqueName = text(tf[.name]) else { continue }
                var attackID = text(tf[.attack_id])
                if let a = attackID, !NativeIngest.isAttackID(a) {
                    sink.error(tf[.attack_id]!, "\"\(a)\" is not an ATT&CK technique id (T1234 or T1234.001)")
                    attackID = nil
                }
                actor.techniques.append(.init(name: techniqueName, attackID: attackID))
            }
        }
        if let d = text(f[.description]) { actor.descriptions = [d] }
        let cited = sourceRefs(f[.sources], sourceIDs: sourceIDs, required: true, cache: &repeats.sources)
        let tlp = marking(f[.tlp])
        actor.tlp = tlp ?? reportTLP
        actor.provenance = provenance(id: id, cited: cited, tlp: tlp)
        return actor
    }

    mutating func readFinding(
        _ node: Int, actorIDs: [String: Int], sourceIDs: [String: Int], seen: inout [String: Int],
        repeats: inout Repeats
    ) -> Finding? {
        let f = fields(node, FindingMember.self)
        guard let id = readID(f[.id], seen: &seen, what: "finding") else { return nil }
        let metric = enumValue(f[.metric], "metric", Finding.Metric.self)
        let qualifier = enumValue(f[.qualifier], "qualifier", Finding.Qualifier.self)
        var value: Double?
        if let v = f[.value] {
            if let d = document.double(v), d.isFinite {
                value = d
                if d < 0 {
                    sink.error(v, "value \(Finding.format(d)) is negative")
                    value = nil
                } else if metric == .share && d > 100 {
                    sink.error(v, "share \(Finding.format(d))% is outside 0…100%")
                    value = nil
                }
            } else {
                sink.error(v, "expected a number, found \(document.describe(v))")
            }
        }
        var subjectNexus: Nexus?
        var subjectActor: String?
        if let s = f[.subject] {
            if document.kind(s) != .object {
                sink.error(s, "expected an object, found \(document.describe(s))")
            } else {
                let sf = fields(s, SubjectMember.self)
                if document.count(s) == 0 { sink.error(s, "subject is empty: give \"nexus\" or \"actor\"") }
                if let node = sf[.nexus], let n = text(node) {
                    if NativeIngest.isCountryCode(n) {
                        subjectNexus = .country(n)
                    } else {
                        sink.error(node, "unknown nexus \"\(n)\": expected an ISO 3166-1 alpha-2 code")
                    }
                }
                if let node = sf[.actor], let a = text(node) {
                    if actorIDs[a] != nil { subjectActor = a } else { sink.error(node, "dangling reference: no actor with id \"\(a)\"") }
                }
            }
        }
        let statement = text(f[.statement])
        let (population, scope) = readPopulation(f[.population])
        let sector = vocabularyValue(f[.sector], what: "sector") { Vocabulary.sector($0) != nil }
        let region = vocabularyValue(f[.region], what: "region") { Vocabulary.region($0) != nil }
        let findingPeriod = period(f[.period])
        let cited = sourceRefs(f[.sources], sourceIDs: sourceIDs, required: true, cache: &repeats.sources)
        guard let metric, let qualifier, let value, let statement, let population else { return nil }
        return Finding(
            id: id, statement: statement, metric: metric, value: value, qualifier: qualifier, subjectNexus: subjectNexus,
            subjectActorID: subjectActor, population: population, scope: scope, sector: sector, region: region, period: findingPeriod,
            basis: text(f[.basis]), provenance: provenance(id: id, cited: cited))
    }

    /// A finding's population: its wording, and its parts as the author states them (an
    /// object: `text`, `sponsor`, `activity`, `counted_by`) or as its wording says them (a
    /// string, read by `Finding.Population.inferred`).
    mutating func readPopulation(_ node: Int?) -> (text: String?, scope: Finding.Population?) {
        guard let node else { return (nil, nil) }
        guard document.kind(node) == .object else { return (text(node), nil) }
        let f = fields(node, PopulationMember.self)
        var scope = Finding.Population(basis: .stated)
        if let s = f[.sponsor], let raw = text(s) {
            let word = raw.lowercased().hasSuffix("-sponsored") ? String(raw.lowercased().dropLast(10)) : raw.lowercased()
            if let t = ActorType(rawValue: word), t != .unknown {
                scope.sponsorship = t
            } else {
                sink.error(s, "unknown sponsor \"\(raw.prefix(40))\": expected state, ecrime or hacktivist")
            }
        }
        if let a = f[.activity], let raw = text(a) {
            if let set = EventKindSet.parse(raw) {
                scope.activity = set
            } else {
                sink.error(a, "unknown activity \"\(raw.prefix(60))\": expected targeted-intrusion or event kinds separated by commas")
            }
        }
        if let c = f[.counted_by], let raw = text(c) {
            if let counted = Finding.Population.CountedBy(rawValue: raw.lowercased()) {
                scope.countedBy = counted
            } else {
                sink.error(c, "unknown counted_by \"\(raw.prefix(40))\": expected events, actors or victims")
            }
        }
        return (text(f[.text]), scope)
    }
}
