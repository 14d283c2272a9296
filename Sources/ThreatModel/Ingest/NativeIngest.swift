import JSONCore
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
    private var reportTitle: String?
    /// "seed-001 (seeds/001_….txt)" per source id, built once for every record's provenance.
    private var sourceReferences: [String: Reference] = [:]
    /// The report's TLP marking, which its records inherit unless they give their own.
    private var reportTLP: TLP?
    private var parallelFrom = NativeIngest.parallelEvents

    init(document: JSONDocument, file: String) {
        self.document = document
        self.file = file
        self.sink = ProblemSink(document: document, file: file)
        self.result = IngestResult(file: file, format: .native)
    }

    /// `parallelFrom`: the number of events from which they are read on every core (tests
    /// compare both ways on the same file).
    static func run(_ document: JSONDocument, file: String, parallelFrom: Int = parallelEvents) -> IngestResult {
        var ingest = NativeIngest(document: document, file: file)
        ingest.parallelFrom = parallelFrom
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
        reportTitle = report?.title
        for source in sources {
            sourceReferences[source.id] = source.reference
        }

        // Actor ids first: events and findings may refer to any actor in the file.
        var actorIDs: [String: Int] = [:]
        var actorNodes: [(String, Int, Fields)] = []
        if let a = members["actors"] {
            for node in objects(in: a, what: "actor") {
                let f = fields(node, NativeIngest.actorShape)
                if let id = readID(f["id"], seen: &actorIDs, what: "actor") { actorNodes.append((id, node, f)) }
            }
        }
        for (id, node, f) in actorNodes {
            if let actor = readActor(node, f: f, id: id, sourceIDs: sourceIDs) { result.actors.append(actor) }
        }
        if let f = members["findings"] {
            var seen: [String: Int] = [:]
            for node in objects(in: f, what: "finding") {
                if let finding = readFinding(node, actorIDs: actorIDs, sourceIDs: sourceIDs, seen: &seen) { result.findings.append(finding) }
            }
        }
        if let e = members["events"] {
            var seen: [String: Int] = [:]
            result.events.reserveCapacity(document.count(e))
            let nodes = objects(in: e, what: "event")
            if nodes.count >= max(2, parallelFrom) {
                readEventsInParallel(nodes, actorIDs: actorIDs, sourceIDs: sourceIDs)
            } else {
                for node in nodes {
                    if let event = readEvent(node, actorIDs: actorIDs, sourceIDs: sourceIDs, seen: &seen) { result.events.append(event) }
                }
            }
        }
        if var report {
            report.sources = sources
            result.reports.append(report)
        }
    }

    // MARK: Records

    /// The value node of each known member of an object, found in one pass over its
    /// members; unknown, duplicate and missing members are reported on the way.
    private struct Fields {
        var slots: [Int]
        let shape: Shape
        /// The value node of member `name` (which must be one of the shape's names).
        subscript(_ name: String) -> Int? {
            // A scan of at most 16 short names (compared as two words each) beats hashing
            // the name: this runs a dozen times for each of 100,000 events.
            guard let k = shape.names.firstIndex(of: name) else { preconditionFailure("\(name) is not a member of this shape") }
            return slots[k] >= 0 ? slots[k] : nil
        }
    }

    private struct Shape {
        let names: [String]
        let table: KeyTable
        let required: [Int]

        init(_ names: [String], required: [String]) {
            self.names = names
            table = KeyTable(names)
            self.required = required.map { names.firstIndex(of: $0)! }
        }
    }

    private static let sourceShape = Shape(["id", "title", "publisher", "published", "file", "url", "note"], required: ["id", "title"])
    private static let reportShape = Shape(["id", "title", "publisher", "published", "period", "summary", "synthetic", "sources", "tlp"], required: ["id", "title"])
    private static let actorShape = Shape(["id", "name", "aliases", "nexus", "type", "collective", "motivations", "sectors", "regions",
                                           "countries", "techniques", "description", "sources", "tlp"], required: ["id", "name", "type", "sources"])
    private static let techniqueShape = Shape(["name", "attack_id"], required: ["name"])
    private static let findingShape = Shape(["id", "statement", "metric", "value", "qualifier", "subject", "population", "sector", "region",
                                             "period", "basis", "sources"],
                                            required: ["id", "statement", "metric", "value", "qualifier", "population", "sources"])
    private static let subjectShape = Shape(["nexus", "actor"], required: [])
    private static let eventShape = Shape(["id", "date", "start", "end", "kind", "actors", "nexus", "sectors", "regions", "countries", "summary", "sources", "techniques", "tlp"],
                                          required: ["id", "kind", "summary", "sources"])
    private static let periodShape = Shape(["start", "end"], required: ["start", "end"])

    private mutating func fields(_ node: Int, _ shape: Shape) -> Fields {
        var f = Fields(slots: Array(repeating: -1, count: shape.names.count), shape: shape)
        guard document.kind(node) == .object else { return f }
        var problems: [(Int, String)] = []
        document.forEachMemberIndex(node) { key, value in
            guard let k = document.keyIndex(key, in: shape.table) else {
                problems.append((key, "unknown member \"\(document.string(key) ?? "")\""))
                return
            }
            if f.slots[k] >= 0 { problems.append((key, "duplicate member \"\(shape.names[k])\"")) } else { f.slots[k] = value }
        }
        for (at, message) in problems { sink.error(at, message) }
        for k in shape.required where f.slots[k] < 0 { sink.error(node, "missing member \"\(shape.names[k])\"") }
        return f
    }

    private mutating func readSource(_ node: Int, seen: inout [String: Int]) -> SourceInfo? {
        let f = fields(node, NativeIngest.sourceShape)
        guard let id = readID(f["id"], seen: &seen, what: "source") else { return nil }
        let title = text(f["title"]) ?? id
        return SourceInfo(id: id, title: title, publisher: text(f["publisher"]), published: date(f["published"]),
                          file: text(f["file"], maxLength: 4096), url: text(f["url"], maxLength: 4096))
    }

    private mutating func readReport(_ node: Int, sources: [SourceInfo], sourceIDs: [String: Int]) -> ReportInfo? {
        guard document.kind(node) == .object else {
            sink.error(node, "expected an object, found \(document.describe(node))")
            return nil
        }
        let f = fields(node, NativeIngest.reportShape)
        var seen: [String: Int] = [:]
        let id = readID(f["id"], seen: &seen, what: "report") ?? "report"
        let title = text(f["title"]) ?? id
        if let s = f["synthetic"] {
            if let b = document.bool(s) { synthetic = b } else { sink.error(s, "expected true or false, found \(document.describe(s))") }
        }
        let cited = sourceRefs(f["sources"], sourceIDs: sourceIDs, required: false)
        reportTLP = marking(f["tlp"])
        let provenance = Provenance(file: file, format: .native, objectID: id, source: cited.first, synthetic: synthetic, tlp: reportTLP)
        var info = ReportInfo(id: id, title: title, publisher: text(f["publisher"]), published: date(f["published"]),
                              period: period(f["period"]), summary: text(f["summary"]), synthetic: synthetic,
                              sources: sources, provenance: [provenance])
        info.tlp = reportTLP
        return info
    }

    private mutating func readActor(_ node: Int, f: Fields, id: String, sourceIDs: [String: Int]) -> Actor? {
        guard let name = text(f["name"]) else { return nil }
        var actor = Actor(id: id, name: name)
        actor.aliases = textArray(f["aliases"]).filter { $0 != name }
        if let n = f["nexus"] {
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
        if let t = enumValue(f["type"], "type", ActorType.self) { actor.type = t }
        if let c = f["collective"] {
            if let b = document.bool(c) { actor.collective = b } else { sink.error(c, "expected true or false, found \(document.describe(c))") }
        }
        actor.motivations = enumArray(f["motivations"], "motivations", Motivation.self)
        actor.sectors = vocabularyArray(f["sectors"], what: "sector") { Vocabulary.sector($0) != nil }
        actor.regions = vocabularyArray(f["regions"], what: "region") { Vocabulary.region($0) != nil }
        actor.countries = vocabularyArray(f["countries"], what: "country code") { Vocabulary.country($0) != nil && $0 == $0.uppercased() }
        if let t = f["techniques"] {
            for tn in objects(in: t, what: "technique") {
                let tf = fields(tn, NativeIngest.techniqueShape)
                guard let techniqueName = text(tf["name"]) else { continue }
                var attackID = text(tf["attack_id"])
                if let a = attackID, !NativeIngest.isAttackID(a) {
                    sink.error(tf["attack_id"]!, "\"\(a)\" is not an ATT&CK technique id (T1234 or T1234.001)")
                    attackID = nil
                }
                actor.techniques.append(.init(name: techniqueName, attackID: attackID))
            }
        }
        if let d = text(f["description"]) { actor.descriptions = [d] }
        let cited = sourceRefs(f["sources"], sourceIDs: sourceIDs, required: true)
        let tlp = marking(f["tlp"])
        actor.tlp = tlp ?? reportTLP
        actor.provenance = provenance(id: id, cited: cited, tlp: tlp)
        return actor
    }

    private mutating func readFinding(_ node: Int, actorIDs: [String: Int], sourceIDs: [String: Int], seen: inout [String: Int]) -> Finding? {
        let f = fields(node, NativeIngest.findingShape)
        guard let id = readID(f["id"], seen: &seen, what: "finding") else { return nil }
        let metric = enumValue(f["metric"], "metric", Finding.Metric.self)
        let qualifier = enumValue(f["qualifier"], "qualifier", Finding.Qualifier.self)
        var value: Double?
        if let v = f["value"] {
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
        if let s = f["subject"] {
            if document.kind(s) != .object {
                sink.error(s, "expected an object, found \(document.describe(s))")
            } else {
                let sf = fields(s, NativeIngest.subjectShape)
                if document.count(s) == 0 { sink.error(s, "subject is empty: give \"nexus\" or \"actor\"") }
                if let node = sf["nexus"], let n = text(node) {
                    if Vocabulary.country(n) != nil && n == n.uppercased() { subjectNexus = .country(n) } else { sink.error(node, "unknown nexus \"\(n)\": expected an ISO 3166-1 alpha-2 code") }
                }
                if let node = sf["actor"], let a = text(node) {
                    if actorIDs[a] != nil { subjectActor = a } else { sink.error(node, "dangling reference: no actor with id \"\(a)\"") }
                }
            }
        }
        let statement = text(f["statement"])
        let population = text(f["population"])
        let sector = vocabularyValue(f["sector"], what: "sector") { Vocabulary.sector($0) != nil }
        let region = vocabularyValue(f["region"], what: "region") { Vocabulary.region($0) != nil }
        let findingPeriod = period(f["period"])
        let cited = sourceRefs(f["sources"], sourceIDs: sourceIDs, required: true)
        guard let metric, let qualifier, let value, let statement, let population else { return nil }
        return Finding(id: id, statement: statement, metric: metric, value: value, qualifier: qualifier, subjectNexus: subjectNexus,
                       subjectActorID: subjectActor, population: population, sector: sector, region: region, period: findingPeriod,
                       basis: text(f["basis"]), provenance: provenance(id: id, cited: cited))
    }

    /// From this many events a file's events are read on every core.
    static let parallelEvents = 20_000

    /// Reads events in ranges on every core, then joins them in file order exactly as one
    /// pass would: ids are checked for duplicates in order while joining (a duplicate's own
    /// problems, which one pass would not have reached, are dropped with it).
    private mutating func readEventsInParallel(_ nodes: [Int], actorIDs: [String: Int], sourceIDs: [String: Int]) {
        struct Read: Sendable {
            var idNode: Int?
            var id: String?
            var event: Event?
            /// This event's problems in its part's sink: [start, afterID) from its members
            /// and id, [afterID, end) from the rest.
            var start: Int, afterID: Int, end: Int
        }
        let base = self
        let chunks = ParallelMap.ranges(nodes.count, parts: 16) { range -> (reads: [Read], sink: ProblemSink) in
            var worker = base
            worker.sink = ProblemSink(document: base.document, file: base.file)
            var reads: [Read] = []
            for node in nodes[range] {
                let start = worker.sink.count
                let f = worker.fields(node, NativeIngest.eventShape)
                var none: [String: Int] = [:]
                let id = worker.readID(f["id"], seen: &none, what: "event")
                let afterID = worker.sink.count
                let event = id.flatMap { worker.readEventBody(node, f: f, id: $0, actorIDs: actorIDs, sourceIDs: sourceIDs) }
                reads.append(Read(idNode: f["id"], id: id, event: event, start: start, afterID: afterID, end: worker.sink.count))
            }
            return (reads, worker.sink)
        }
        var seen: [String: Int] = [:]
        for (reads, part) in chunks {
            sink.addDropped(of: part)
            for r in reads {
                sink.append(r.start..<r.afterID, of: part)
                guard let id = r.id, let idNode = r.idNode else { continue }
                if let first = seen[id] {
                    let (line, column) = document.lineColumn(of: first)
                    sink.error(idNode, "duplicate event id \"\(id)\" (first used at \(line):\(column))")
                    continue
                }
                seen[id] = idNode
                sink.append(r.afterID..<r.end, of: part)
                if let event = r.event { result.events.append(event) }
            }
        }
    }

    private mutating func readEvent(_ node: Int, actorIDs: [String: Int], sourceIDs: [String: Int], seen: inout [String: Int]) -> Event? {
        let f = fields(node, NativeIngest.eventShape)
        guard let id = readID(f["id"], seen: &seen, what: "event") else { return nil }
        return readEventBody(node, f: f, id: id, actorIDs: actorIDs, sourceIDs: sourceIDs)
    }

    /// An event's members after its id.
    private mutating func readEventBody(_ node: Int, f: Fields, id: String, actorIDs: [String: Int], sourceIDs: [String: Int]) -> Event? {
        var span: DayRange?
        if let single = f["date"] {
            if f["start"] != nil || f["end"] != nil { sink.error(single, "give either \"date\" or \"start\" and \"end\", not both") }
            if let d = date(single) { span = DayRange(d) }
        } else if f["start"] != nil || f["end"] != nil {
            let s = date(f["start"]), e = date(f["end"])
            if f["start"] == nil { sink.error(node, "missing member \"start\" (an event with \"end\" needs a \"start\")") }
            if f["end"] == nil { sink.error(node, "missing member \"end\" (an event with \"start\" needs an \"end\")") }
            if let s, let e {
                if e < s { sink.error(f["end"]!, "date out of order: end \(e) is before start \(s)") } else { span = DayRange(start: s, end: e) }
            }
        } else {
            sink.error(node, "missing member \"date\" (or \"start\" and \"end\")")
        }
        let kind = enumValue(f["kind"], "kind", Event.Kind.self)
        var actors: [String] = []
        if let a = f["actors"] {
            for (ref, refNode) in textArrayWithNodes(a) {
                if actorIDs[ref] != nil { actors.append(ref) } else { sink.error(refNode, "dangling reference: no actor with id \"\(ref)\"") }
            }
        }
        var nexus = Nexus.unknown
        if let node = f["nexus"], let n = text(node) {
            if Vocabulary.country(n) != nil && n == n.uppercased() { nexus = .country(n) } else { sink.error(node, "unknown nexus \"\(n)\": expected an ISO 3166-1 alpha-2 code") }
        }
        let sectors = vocabularyArray(f["sectors"], what: "sector") { Vocabulary.sector($0) != nil }
        let regions = vocabularyArray(f["regions"], what: "region") { Vocabulary.region($0) != nil }
        let countries = vocabularyArray(f["countries"], what: "country code") { Vocabulary.country($0) != nil && $0 == $0.uppercased() }
        let summary = text(f["summary"])
        let cited = sourceRefs(f["sources"], sourceIDs: sourceIDs, required: true)
        let techniques = vocabularyArray(f["techniques"], what: "ATT&CK technique id") { NativeIngest.isAttackID($0) }
        let tlp = marking(f["tlp"])
        guard let span, let kind, let summary else { return nil }
        var event = Event(id: id, span: span, kind: kind, actorIDs: actors, nexus: nexus, sectors: sectors, regions: regions,
                          countries: countries, summary: summary, provenance: provenance(id: id, cited: cited, tlp: tlp))
        event.techniques = techniques
        event.tlp = tlp ?? reportTLP
        return event
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

    private mutating func readID(_ idNode: Int?, seen: inout [String: Int], what: String) -> String? {
        guard let idNode else { return nil }
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

    private mutating func text(_ v: Int?, maxLength: Int = 4000) -> String? {
        guard let v else { return nil }
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

    private mutating func textArray(_ a: Int?) -> [String] {
        guard let a else { return [] }
        var out: [String] = []
        for (s, _) in textArrayWithNodes(a) where !out.contains(s) { out.append(s) }
        return out
    }

    private mutating func enumValue<E: RawRepresentable>(_ v: Int?, _ key: String, _ type: E.Type) -> E? where E.RawValue == String, E: CaseIterable {
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

    private mutating func enumArray<E: RawRepresentable & CaseIterable & Equatable>(_ a: Int?, _ key: String, _ type: E.Type) -> [E] where E.RawValue == String {
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

    private mutating func vocabularyArray(_ a: Int?, what: String, valid: (String) -> Bool) -> [String] {
        guard let a else { return [] }
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

    private mutating func vocabularyValue(_ v: Int?, what: String, valid: (String) -> Bool) -> String? {
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

    private func suggestion(for raw: String, what: String) -> String {
        switch what {
        case "sector": return Vocabulary.sectorID(matching: raw).map { " (did you mean \"\($0)\"?)" } ?? ""
        case "region": return Vocabulary.regionID(matching: raw).map { " (did you mean \"\($0)\"?)" } ?? ""
        case "country code": return Vocabulary.countryCode(matching: raw).map { " (did you mean \"\($0)\"?)" } ?? ""
        default: return ""
        }
    }

    private mutating func date(_ v: Int?) -> Day? {
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

    private mutating func period(_ p: Int?) -> DayRange? {
        guard let p else { return nil }
        guard document.kind(p) == .object else {
            sink.error(p, "expected an object with \"start\" and \"end\", found \(document.describe(p))")
            return nil
        }
        let f = fields(p, NativeIngest.periodShape)
        guard let s = date(f["start"]), let e = date(f["end"]) else { return nil }
        if e < s {
            sink.error(f["end"]!, "date out of order: end \(e) is before start \(s)")
            return nil
        }
        return DayRange(start: s, end: e)
    }

    private mutating func sourceRefs(_ a: Int?, sourceIDs: [String: Int], required: Bool) -> [String] {
        guard let a else { return [] }
        var out: [String] = []
        let refs = textArrayWithNodes(a)
        if refs.isEmpty && document.kind(a) == .array && required { sink.error(a, "empty \"sources\": cite at least one source") }
        for (ref, element) in refs {
            if sourceIDs[ref] != nil { out.append(ref) } else { sink.error(element, "dangling reference: no source with id \"\(ref)\"") }
        }
        return out
    }

    private func provenance(id: String, cited: [String], tlp: TLP? = nil) -> [Provenance] {
        let marking = tlp ?? reportTLP
        if cited.isEmpty { return [Provenance(file: file, format: .native, objectID: id, source: reportTitle, synthetic: synthetic, tlp: marking)] }
        return cited.map { ref in
            let reference = sourceReferences[ref]
            return Provenance(file: file, format: .native, objectID: id, source: reference?.title ?? ref, synthetic: synthetic, reference: reference, tlp: marking)
        }
    }

    /// A TLP marking: "clear", "green", "amber", "amber+strict", "red" (TLP 1.0's "white" too).
    private mutating func marking(_ v: Int?) -> TLP? {
        guard let v else { return nil }
        guard let s = document.string(v), let tlp = TLP(tag: s) else {
            sink.error(v, "expected a TLP marking (clear, green, amber, amber+strict, red), found \(document.string(v).map { "\"\($0.prefix(40))\"" } ?? document.describe(v))")
            return nil
        }
        return tlp
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

    static func isAttackID(_ s: String) -> Bool { TechniqueInfo.isAttackID(s) }
}
