/// Reads and validates ThreatDeck's native report format (`"schema": "threatdeck-report@1"`).
///
/// Validation and ingest are one walk: every problem is reported with its node, and whatever
/// is still meaningful is kept (an actor with one bad sector keeps its other sectors; an
/// event without a valid date is dropped, since a timeline cannot place it).
struct NativeIngest {
    static let schemaID = "threatdeck-report@1"

    let document: JSONDocument
    let file: String
    private var sink: ProblemSink
    private var result: IngestResult
    private var synthetic = false

    init(document: JSONDocument, file: String) {
        self.document = document
        self.file = file
        self.sink = ProblemSink(document: document, file: file)
        self.result = IngestResult(file: file, format: .native)
    }

    static func run(_ document: JSONDocument, file: String) -> IngestResult {
        var ingest = NativeIngest(document: document, file: file)
        ingest.read()
        ingest.result.problems = ingest.sink.problems()
        ingest.result.bytes = document.bytes.count
        return ingest.result
    }

    // MARK: Top level

    private mutating func read() {
        let root = document.root
        guard document.kind(root) == .object else {
            sink.error(root, "expected an object with \"schema\": \"\(NativeIngest.schemaID)\", found \(document.describe(root))")
            return
        }
        var members: [String: Int] = [:]
        document.forEachMember(root) { key, value in
            switch key {
            case "schema", "report", "sources", "actors", "findings", "events": members[key] = value
            default: sink.error(value - 1, "unknown member \"\(key)\"")
            }
        }
        guard let schema = members["schema"] else {
            sink.error(root, "missing member \"schema\" (expected \"\(NativeIngest.schemaID)\")")
            return
        }
        guard let schemaText = document.string(schema), schemaText == NativeIngest.schemaID else {
            sink.error(schema, "unsupported schema \(document.string(schema).map { "\"\($0)\"" } ?? document.describe(schema)); this version reads \"\(NativeIngest.schemaID)\"")
            return
        }

        var sourceIDs: [String: Int] = [:]
        var sources: [SourceInfo] = []
        if let s = members["sources"] {
            for node in objects(in: s, what: "source") {
                if let source = readSource(node, seen: &sourceIDs) { sources.append(source) }
            }
        } else {
            sink.error(root, "missing member \"sources\": every statement must cite a source")
        }

        var report: ReportInfo?
        if let r = members["report"] {
            report = readReport(r, sources: sources, sourceIDs: sourceIDs)
        } else {
            sink.error(root, "missing member \"report\"")
        }
        let reportTitle = report?.title

        var actorIDs: [String: Int] = [:]
        var actorNodes: [(String, Int)] = []
        if let a = members["actors"] {
            for node in objects(in: a, what: "actor") {
                if let id = readID(node, seen: &actorIDs, what: "actor") { actorNodes.append((id, node)) }
            }
        }
        for (id, node) in actorNodes {
            if let actor = readActor(node, id: id, sourceIDs: sourceIDs, sources: sources, reportTitle: reportTitle) {
                result.actors.append(actor)
            }
        }
        if let f = members["findings"] {
            var seen: [String: Int] = [:]
            for node in objects(in: f, what: "finding") {
                if let id = readID(node, seen: &seen, what: "finding"),
                   let finding = readFinding(node, id: id, actorIDs: actorIDs, sourceIDs: sourceIDs, sources: sources) {
                    result.findings.append(finding)
                }
            }
        }
        if let e = members["events"] {
            var seen: [String: Int] = [:]
            for node in objects(in: e, what: "event") {
                if let id = readID(node, seen: &seen, what: "event"),
                   let event = readEvent(node, id: id, actorIDs: actorIDs, sourceIDs: sourceIDs, sources: sources) {
                    result.events.append(event)
                }
            }
        }
        if var report {
            report.sources = sources
            result.reports.append(report)
        }
    }

    // MARK: Records

    private mutating func readSource(_ node: Int, seen: inout [String: Int]) -> SourceInfo? {
        let allowed: Set<String> = ["id", "title", "publisher", "published", "file", "url", "note"]
        checkMembers(node, allowed: allowed, required: ["id", "title"])
        guard let id = readID(node, seen: &seen, what: "source") else { return nil }
        let title = text(node, "title") ?? id
        return SourceInfo(id: id, title: title, publisher: text(node, "publisher"), published: date(node, "published"),
                          file: text(node, "file", maxLength: 4096), url: text(node, "url", maxLength: 4096))
    }

    private mutating func readReport(_ node: Int, sources: [SourceInfo], sourceIDs: [String: Int]) -> ReportInfo? {
        guard document.kind(node) == .object else {
            sink.error(node, "expected an object, found \(document.describe(node))")
            return nil
        }
        checkMembers(node, allowed: ["id", "title", "publisher", "published", "period", "summary", "synthetic", "sources"], required: ["id", "title"])
        var seen: [String: Int] = [:]
        let id = readID(node, seen: &seen, what: "report") ?? "report"
        let title = text(node, "title") ?? id
        if let s = document.member(node, "synthetic") {
            if let b = document.bool(s) { synthetic = b } else { sink.error(s, "expected true or false, found \(document.describe(s))") }
        }
        let cited = sourceRefs(node, sourceIDs: sourceIDs, required: false)
        let provenance = Provenance(file: file, format: .native, objectID: id, source: cited.first, synthetic: synthetic)
        return ReportInfo(id: id, title: title, publisher: text(node, "publisher"), published: date(node, "published"),
                          period: period(node, "period"), summary: text(node, "summary"), synthetic: synthetic,
                          sources: sources, provenance: [provenance])
    }

    private mutating func readActor(_ node: Int, id: String, sourceIDs: [String: Int], sources: [SourceInfo], reportTitle: String?) -> Actor? {
        checkMembers(node, allowed: ["id", "name", "aliases", "nexus", "type", "collective", "motivations", "sectors", "regions",
                                     "countries", "techniques", "description", "sources"],
                     required: ["id", "name", "type", "sources"])
        guard let name = text(node, "name") else { return nil }
        var actor = Actor(id: id, name: name)
        actor.aliases = textArray(node, "aliases").filter { $0 != name }
        if let n = document.member(node, "nexus") {
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
        if let t = enumValue(node, "type", ActorType.self) { actor.type = t }
        if let c = document.member(node, "collective") {
            if let b = document.bool(c) { actor.collective = b } else { sink.error(c, "expected true or false, found \(document.describe(c))") }
        }
        actor.motivations = enumArray(node, "motivations", Motivation.self)
        actor.sectors = vocabularyArray(node, "sectors", what: "sector") { Vocabulary.sector($0) != nil }
        actor.regions = vocabularyArray(node, "regions", what: "region") { Vocabulary.region($0) != nil }
        actor.countries = vocabularyArray(node, "countries", what: "country code") { Vocabulary.country($0) != nil && $0 == $0.uppercased() }
        if let t = document.member(node, "techniques") {
            for tn in objects(in: t, what: "technique") {
                checkMembers(tn, allowed: ["name", "attack_id"], required: ["name"])
                guard let techniqueName = text(tn, "name") else { continue }
                var attackID = text(tn, "attack_id")
                if let a = attackID, !NativeIngest.isAttackID(a) {
                    sink.error(document.member(tn, "attack_id")!, "\"\(a)\" is not an ATT&CK technique id (T1234 or T1234.001)")
                    attackID = nil
                }
                actor.techniques.append(.init(name: techniqueName, attackID: attackID))
            }
        }
        if let d = text(node, "description") { actor.descriptions = [d] }
        let cited = sourceRefs(node, sourceIDs: sourceIDs, required: true)
        actor.provenance = provenance(id: id, cited: cited, sources: sources, fallback: reportTitle)
        return actor
    }

    private mutating func readFinding(_ node: Int, id: String, actorIDs: [String: Int], sourceIDs: [String: Int], sources: [SourceInfo]) -> Finding? {
        checkMembers(node, allowed: ["id", "statement", "metric", "value", "qualifier", "subject", "population", "sector", "region",
                                     "period", "basis", "sources"],
                     required: ["id", "statement", "metric", "value", "qualifier", "population", "sources"])
        let metric = enumValue(node, "metric", Finding.Metric.self)
        let qualifier = enumValue(node, "qualifier", Finding.Qualifier.self)
        var value: Double?
        if let v = document.member(node, "value") {
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
        if let s = document.member(node, "subject") {
            if document.kind(s) != .object {
                sink.error(s, "expected an object, found \(document.describe(s))")
            } else {
                checkMembers(s, allowed: ["nexus", "actor"], required: [])
                if document.count(s) == 0 { sink.error(s, "subject is empty: give \"nexus\" or \"actor\"") }
                if let n = text(s, "nexus") {
                    if Vocabulary.country(n) != nil && n == n.uppercased() { subjectNexus = .country(n) } else { sink.error(document.member(s, "nexus")!, "unknown nexus \"\(n)\": expected an ISO 3166-1 alpha-2 code") }
                }
                if let a = text(s, "actor") {
                    if actorIDs[a] != nil { subjectActor = a } else { sink.error(document.member(s, "actor")!, "dangling reference: no actor with id \"\(a)\"") }
                }
            }
        }
        let statement = text(node, "statement")
        let population = text(node, "population")
        let sector = vocabularyValue(node, "sector", what: "sector") { Vocabulary.sector($0) != nil }
        let region = vocabularyValue(node, "region", what: "region") { Vocabulary.region($0) != nil }
        let findingPeriod = period(node, "period")
        let cited = sourceRefs(node, sourceIDs: sourceIDs, required: true)
        guard let metric, let qualifier, let value, let statement, let population else { return nil }
        return Finding(id: id, statement: statement, metric: metric, value: value, qualifier: qualifier, subjectNexus: subjectNexus,
                       subjectActorID: subjectActor, population: population, sector: sector, region: region, period: findingPeriod,
                       basis: text(node, "basis"), provenance: provenance(id: id, cited: cited, sources: sources, fallback: nil))
    }

    private mutating func readEvent(_ node: Int, id: String, actorIDs: [String: Int], sourceIDs: [String: Int], sources: [SourceInfo]) -> Event? {
        checkMembers(node, allowed: ["id", "date", "start", "end", "kind", "actors", "nexus", "sectors", "regions", "countries", "summary", "sources"],
                     required: ["id", "kind", "summary", "sources"])
        var span: DayRange?
        let single = document.member(node, "date")
        let startNode = document.member(node, "start"), endNode = document.member(node, "end")
        if let single {
            if startNode != nil || endNode != nil { sink.error(single, "give either \"date\" or \"start\" and \"end\", not both") }
            if let d = date(node, "date") { span = DayRange(d) }
        } else if startNode != nil || endNode != nil {
            let s = date(node, "start"), e = date(node, "end")
            if startNode == nil { sink.error(node, "missing member \"start\" (an event with \"end\" needs a \"start\")") }
            if endNode == nil { sink.error(node, "missing member \"end\" (an event with \"start\" needs an \"end\")") }
            if let s, let e {
                if e < s { sink.error(endNode!, "date out of order: end \(e) is before start \(s)") } else { span = DayRange(start: s, end: e) }
            }
        } else {
            sink.error(node, "missing member \"date\" (or \"start\" and \"end\")")
        }
        let kind = enumValue(node, "kind", Event.Kind.self)
        var actors: [String] = []
        if let a = document.member(node, "actors") {
            for (ref, refNode) in textArrayWithNodes(a) {
                if actorIDs[ref] != nil { actors.append(ref) } else { sink.error(refNode, "dangling reference: no actor with id \"\(ref)\"") }
            }
        }
        var nexus = Nexus.unknown
        if let n = text(node, "nexus") {
            if Vocabulary.country(n) != nil && n == n.uppercased() { nexus = .country(n) } else { sink.error(document.member(node, "nexus")!, "unknown nexus \"\(n)\": expected an ISO 3166-1 alpha-2 code") }
        }
        let sectors = vocabularyArray(node, "sectors", what: "sector") { Vocabulary.sector($0) != nil }
        let regions = vocabularyArray(node, "regions", what: "region") { Vocabulary.region($0) != nil }
        let countries = vocabularyArray(node, "countries", what: "country code") { Vocabulary.country($0) != nil && $0 == $0.uppercased() }
        let summary = text(node, "summary")
        let cited = sourceRefs(node, sourceIDs: sourceIDs, required: true)
        guard let span, let kind, let summary else { return nil }
        return Event(id: id, span: span, kind: kind, actorIDs: actors, nexus: nexus, sectors: sectors, regions: regions,
                     countries: countries, summary: summary, provenance: provenance(id: id, cited: cited, sources: sources, fallback: nil))
    }

    // MARK: Typed reads that report what is wrong

    /// The object elements of an array; anything else is reported and skipped.
    private mutating func objects(in node: Int, what: String) -> [Int] {
        guard document.kind(node) == .array else {
            sink.error(node, "expected an array of \(what)s, found \(document.describe(node))")
            return []
        }
        var out: [Int] = []
        var wrong: [Int] = []
        document.forEachElement(node) { _, element in
            if document.kind(element) == .object { out.append(element) } else { wrong.append(element) }
        }
        for element in wrong { sink.error(element, "expected a \(what) object, found \(document.describe(element))") }
        return out
    }

    private mutating func checkMembers(_ node: Int, allowed: Set<String>, required: [String]) {
        guard document.kind(node) == .object else { return }
        var present = Set<String>()
        document.forEachMember(node) { key, value in
            if !present.insert(key).inserted {
                sink.error(value - 1, "duplicate member \"\(key)\"")
            } else if !allowed.contains(key) {
                sink.error(value - 1, "unknown member \"\(key)\"")
            }
        }
        for key in required where !present.contains(key) {
            sink.error(node, "missing member \"\(key)\"")
        }
    }

    private mutating func readID(_ node: Int, seen: inout [String: Int], what: String) -> String? {
        guard let idNode = document.member(node, "id") else { return nil }
        guard let id = document.string(idNode) else {
            sink.error(idNode, "expected a string id, found \(document.describe(idNode))")
            return nil
        }
        guard NativeIngest.isValidID(id) else {
            sink.error(idNode, "invalid id \"\(id.prefix(40))\": use letters, digits, '.', '_', ':' or '-' (at most 128)")
            return nil
        }
        if let first = seen[id] {
            let (line, column) = document.lineColumn(of: first)
            sink.error(idNode, "duplicate \(what) id \"\(id)\" (first used at \(line):\(column))")
            return nil
        }
        seen[id] = idNode
        return id
    }

    private mutating func text(_ node: Int, _ key: String, maxLength: Int = 4000) -> String? {
        guard let v = document.member(node, key) else { return nil }
        return limitedText(v, maxLength: maxLength)
    }

    /// A non-empty string of at most `maxLength` characters; longer ones are cut (and
    /// reported) without decoding more than the part that is kept.
    private mutating func limitedText(_ v: Int, maxLength: Int = 4000) -> String? {
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

    private mutating func textArrayWithNodes(_ array: Int) -> [(String, Int)] {
        guard document.kind(array) == .array else {
            sink.error(array, "expected an array of strings, found \(document.describe(array))")
            return []
        }
        var out: [(String, Int)] = []
        var elements: [Int] = []
        document.forEachElement(array) { _, element in elements.append(element) }
        for element in elements {
            if document.kind(element) != .string || document.rawStringLength(element) == 0 {
                sink.error(element, "expected a non-empty string, found \(document.kind(element) == .string ? "an empty string" : document.describe(element))")
            } else if let s = limitedText(element) {
                out.append((s, element))
            }
        }
        return out
    }

    private mutating func textArray(_ node: Int, _ key: String) -> [String] {
        guard let a = document.member(node, key) else { return [] }
        var out: [String] = []
        for (s, _) in textArrayWithNodes(a) where !out.contains(s) { out.append(s) }
        return out
    }

    private mutating func enumValue<E: RawRepresentable>(_ node: Int, _ key: String, _ type: E.Type) -> E? where E.RawValue == String, E: CaseIterable {
        guard let v = document.member(node, key) else { return nil }
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

    private mutating func enumArray<E: RawRepresentable & CaseIterable & Equatable>(_ node: Int, _ key: String, _ type: E.Type) -> [E] where E.RawValue == String {
        guard let a = document.member(node, key) else { return [] }
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

    private mutating func vocabularyArray(_ node: Int, _ key: String, what: String, valid: (String) -> Bool) -> [String] {
        guard let a = document.member(node, key) else { return [] }
        var out: [String] = []
        for (s, element) in textArrayWithNodes(a) {
            if valid(s) {
                if !out.contains(s) { out.append(s) }
            } else {
                sink.error(element, "unknown \(what) \"\(s.prefix(60))\"\(suggestion(for: s, what: what))")
            }
        }
        return out
    }

    private mutating func vocabularyValue(_ node: Int, _ key: String, what: String, valid: (String) -> Bool) -> String? {
        guard let v = document.member(node, key) else { return nil }
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

    private func suggestion(for raw: String, what: String) -> String {
        switch what {
        case "sector": return Vocabulary.sectorID(matching: raw).map { " (did you mean \"\($0)\"?)" } ?? ""
        case "region": return Vocabulary.regionID(matching: raw).map { " (did you mean \"\($0)\"?)" } ?? ""
        case "country code": return Vocabulary.countryCode(matching: raw).map { " (did you mean \"\($0)\"?)" } ?? ""
        default: return ""
        }
    }

    private mutating func date(_ node: Int, _ key: String) -> Day? {
        guard let v = document.member(node, key) else { return nil }
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

    private mutating func period(_ node: Int, _ key: String) -> DayRange? {
        guard let p = document.member(node, key) else { return nil }
        guard document.kind(p) == .object else {
            sink.error(p, "expected an object with \"start\" and \"end\", found \(document.describe(p))")
            return nil
        }
        checkMembers(p, allowed: ["start", "end"], required: ["start", "end"])
        guard let s = date(p, "start"), let e = date(p, "end") else { return nil }
        if e < s {
            sink.error(document.member(p, "end")!, "date out of order: end \(e) is before start \(s)")
            return nil
        }
        return DayRange(start: s, end: e)
    }

    private mutating func sourceRefs(_ node: Int, sourceIDs: [String: Int], required: Bool) -> [String] {
        guard let a = document.member(node, "sources") else { return [] }
        var out: [String] = []
        let refs = textArrayWithNodes(a)
        if refs.isEmpty && document.kind(a) == .array && required { sink.error(a, "empty \"sources\": cite at least one source") }
        for (ref, element) in refs {
            if sourceIDs[ref] != nil { out.append(ref) } else { sink.error(element, "dangling reference: no source with id \"\(ref)\"") }
        }
        return out
    }

    private func provenance(id: String, cited: [String], sources: [SourceInfo], fallback: String?) -> [Provenance] {
        if cited.isEmpty { return [Provenance(file: file, format: .native, objectID: id, source: fallback, synthetic: synthetic)] }
        return cited.map { ref in
            let source = sources.first { $0.id == ref }
            let label = source.map { s in s.file.map { "\(s.id) (\($0))" } ?? "\(s.id): \(s.title)" } ?? ref
            return Provenance(file: file, format: .native, objectID: id, source: label, synthetic: synthetic)
        }
    }

    static func isValidID(_ id: String) -> Bool {
        let u = Array(id.utf8)
        guard !u.isEmpty, u.count <= 128 else { return false }
        func ok(_ c: UInt8, first: Bool) -> Bool {
            let alnum = (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5A) || (c >= 0x61 && c <= 0x7A)
            return first ? alnum : alnum || c == 0x2E || c == 0x5F || c == 0x3A || c == 0x2D
        }
        return ok(u[0], first: true) && u.dropFirst().allSatisfy { ok($0, first: false) }
    }

    static func isAttackID(_ s: String) -> Bool {
        let u = Array(s.utf8)
        func digits(_ r: Range<Int>) -> Bool { r.allSatisfy { u[$0] >= 0x30 && u[$0] <= 0x39 } }
        if u.count == 5 { return u[0] == 0x54 && digits(1..<5) }
        if u.count == 9 { return u[0] == 0x54 && digits(1..<5) && u[5] == 0x2E && digits(6..<9) }
        return false
    }
}
