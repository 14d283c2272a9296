import ThreatModel
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
    /// Whether the events' part of the tape may go as they are read (the caller drops the
    /// document after this reader): the records and the tape are never all held at once.
    private var evictsTape = false

    init(document: JSONDocument, file: String) {
        self.document = document
        self.file = file
        self.sink = ProblemSink(document: document, file: file)
        self.result = IngestResult(file: file, format: .native)
    }

    /// `parallelFrom`: the number of events from which they are read on every core (tests
    /// compare both ways on the same file).
    /// `evictingTape`: the caller drops `document` after this, and a large file's events may
    /// take their part of its tape with them as they are read (it reads as nulls after).
    static func run(_ document: JSONDocument, file: String, parallelFrom: Int = parallelEvents, evictingTape: Bool = false) -> IngestResult {
        var ingest = NativeIngest(document: document, file: file)
        ingest.parallelFrom = parallelFrom
        ingest.evictsTape = evictingTape
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

        var repeats = Repeats()
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
            report = readReport(r, sources: sources, sourceIDs: sourceIDs, repeats: &repeats)
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
            if let actor = readActor(node, f: f, id: id, sourceIDs: sourceIDs, repeats: &repeats) { result.actors.append(actor) }
        }
        if let f = members["findings"] {
            var seen: [String: Int] = [:]
            for node in objects(in: f, what: "finding") {
                if let finding = readFinding(node, actorIDs: actorIDs, sourceIDs: sourceIDs, seen: &seen, repeats: &repeats) { result.findings.append(finding) }
            }
        }
        if let e = members["events"] {
            var seen: [String: Int] = [:]
            let (nodes, positions) = objectsWithPositions(in: e, what: "event")
            if nodes.count >= max(2, parallelFrom) {
                // Everything reported so far is located now, while the whole tape is there.
                if evictsTape { sink.locate(from: 0, under: root, prefix: []) }
                readEventsInParallel(nodes, positions: positions, under: document.path(to: e), actorIDs: actorIDs, sourceIDs: sourceIDs)
            } else {
                result.events.reserveCapacity(nodes.count)
                for node in nodes {
                    if let event = readEvent(node, actorIDs: actorIDs, sourceIDs: sourceIDs, seen: &seen, repeats: &repeats) { result.events.append(event) }
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
        /// Inline, not an array: one allocation less for each of a million events.
        var slots = InlineArray<16, Int>(repeating: -1)
        // Shapes are static: never freed, so no reference count to keep.
        unowned(unsafe) let shape: Shape
        /// The value node of member `name` (which must be one of the shape's names).
        subscript(_ name: String) -> Int? {
            // A scan of at most 16 short names (compared as two words each) beats hashing
            // the name; events, read a million times, use positions (`subscript(member:)`).
            guard let k = shape.names.firstIndex(of: name) else { preconditionFailure("\(name) is not a member of this shape") }
            return slots[k] >= 0 ? slots[k] : nil
        }

        /// The value node of the member at `k` in the shape's names.
        subscript(member k: Int) -> Int? { slots[k] >= 0 ? slots[k] : nil }
    }

    /// A class: `Fields` refer to their shape without copying (and retaining) its arrays.
    private final class Shape: Sendable {
        let names: [String]
        let table: KeyTable
        let required: [Int]

        init(_ names: [String], required: [String]) {
            precondition(names.count <= 16, "a shape holds at most 16 members")
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
    private static let eventShape = Shape(EventMember.names, required: ["id", "kind", "summary", "sources"])
    private static let periodShape = Shape(["start", "end"], required: ["start", "end"])

    /// An event's members, by position in `eventShape` (read a million times: no name lookups).
    private enum EventMember {
        static let names = ["id", "date", "start", "end", "kind", "actors", "nexus", "sectors", "regions", "countries",
                            "summary", "sources", "techniques", "tlp"]
        static let id = 0, date = 1, start = 2, end = 3, kind = 4, actors = 5, nexus = 6, sectors = 7, regions = 8
        static let countries = 9, summary = 10, sources = 11, techniques = 12, tlp = 13
    }

    /// Values that records repeat, each judged once per reader: the payload of an entry is
    /// 1 for valid and 0 for invalid, a day's ordinal for dates, a position for kinds.
    private struct Repeats {
        var dates = StringInterner(), kinds = StringInterner(), actors = StringInterner(), sources = StringInterner()
        var sectors = StringInterner(), regions = StringInterner(), countries = StringInterner(), techniques = StringInterner()
        var provenances: [String: Provenance] = [:]
    }

    /// A cached judgement of "not valid": the reader reports it again the slow way.
    private static let rejected = Int.min + 1
    private static let eventKinds = Event.Kind.allCases

    private mutating func fields(_ node: Int, _ shape: Shape) -> Fields {
        var f = Fields(shape: shape)
        guard document.kind(node) == .object else { return f }
        // A plain loop, not `forEachMemberIndex`: its closure context cost a retain and a
        // release per member of each of a million events.
        var key = node + 1
        let end = document.next(node)
        while key < end {
            let value = key + 1
            if let k = document.keyIndex(key, in: shape.table) {
                if f.slots[k] >= 0 { sink.error(key, "duplicate member \"\(shape.names[k])\"") } else { f.slots[k] = value }
            } else {
                sink.error(key, "unknown member \"\(document.string(key) ?? "")\"")
            }
            key = document.next(value)
        }
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

    private mutating func readReport(_ node: Int, sources: [SourceInfo], sourceIDs: [String: Int], repeats: inout Repeats) -> ReportInfo? {
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
        let cited = sourceRefs(f["sources"], sourceIDs: sourceIDs, required: false, cache: &repeats.sources)
        reportTLP = marking(f["tlp"])
        let provenance = Provenance(file: file, format: .native, objectID: id, source: cited.first, synthetic: synthetic, tlp: reportTLP)
        var info = ReportInfo(id: id, title: title, publisher: text(f["publisher"]), published: date(f["published"]),
                              period: period(f["period"]), summary: text(f["summary"]), synthetic: synthetic,
                              sources: sources, provenance: [provenance])
        info.tlp = reportTLP
        return info
    }

    private mutating func readActor(_ node: Int, f: Fields, id: String, sourceIDs: [String: Int], repeats: inout Repeats) -> Actor? {
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
        actor.sectors = vocabularyArray(f["sectors"], what: "sector", cache: &repeats.sectors) { Vocabulary.sector($0) != nil }
        actor.regions = vocabularyArray(f["regions"], what: "region", cache: &repeats.regions) { Vocabulary.region($0) != nil }
        actor.countries = vocabularyArray(f["countries"], what: "country code", cache: &repeats.countries, valid: NativeIngest.isCountryCode)
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
        let cited = sourceRefs(f["sources"], sourceIDs: sourceIDs, required: true, cache: &repeats.sources)
        let tlp = marking(f["tlp"])
        actor.tlp = tlp ?? reportTLP
        actor.provenance = provenance(id: id, cited: cited, tlp: tlp)
        return actor
    }

    private mutating func readFinding(_ node: Int, actorIDs: [String: Int], sourceIDs: [String: Int], seen: inout [String: Int],
                                      repeats: inout Repeats) -> Finding? {
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
                    if NativeIngest.isCountryCode(n) { subjectNexus = .country(n) } else { sink.error(node, "unknown nexus \"\(n)\": expected an ISO 3166-1 alpha-2 code") }
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
        let cited = sourceRefs(f["sources"], sourceIDs: sourceIDs, required: true, cache: &repeats.sources)
        guard let metric, let qualifier, let value, let statement, let population else { return nil }
        return Finding(id: id, statement: statement, metric: metric, value: value, qualifier: qualifier, subjectNexus: subjectNexus,
                       subjectActorID: subjectActor, population: population, sector: sector, region: region, period: findingPeriod,
                       basis: text(f["basis"]), provenance: provenance(id: id, cited: cited))
    }

    /// From this many events a file's events are read on every core.
    static let parallelEvents = ParallelMap.manyEvents

    /// Reads events in ranges on every core, then joins them in file order exactly as one
    /// pass would: ids are checked for duplicates in order while joining (a duplicate's own
    /// problems, which one pass would not have reached, are dropped with it).
    ///
    /// Each range writes its events straight into the result's storage from the range's first
    /// slot on, and the join moves them down over the gaps: events held once, not once per
    /// range and again joined (a sixth of a million-event open's peak). A range that has read
    /// its events lets their text go (a mapped file's pages, read again from the file if a
    /// problem's line is wanted) and, when the caller allows, their part of the tape: so the
    /// file, its tape and the records are never all in memory at once. Its problems are
    /// located as it goes (`positions`: each event's place in the array whose path is `under`),
    /// and the join compares ids by their text, never by a node.
    private mutating func readEventsInParallel(_ nodes: [Int], positions: [Int], under arrayPath: [JSONDocument.PathComponent],
                                               actorIDs: [String: Int], sourceIDs: [String: Int]) {
        struct Read: Sendable {
            var id: String?
            /// Where the id's value starts in the text, and the event's place in its array.
            var idOffset = 0, position = 0
            /// A hash of the id's text, made here on the workers for the join's duplicate check.
            var hash = 0
            /// This event's problems in its part's sink: [start, afterID) from its members
            /// and id, [afterID, end) from the rest.
            var start: Int, afterID: Int, end: Int
            /// Where its event was written, if it made one.
            var slot: Int?
        }
        let base = self
        // The parse has read the events' text once already: a mapped file's pages of it go now,
        // and each range faults its own back in (in 64 KiB runs from the page cache) and lets
        // them go again when it ends, so a few ranges' text is in memory at a time, not the file.
        document.bytes.evict(document.offset(nodes[0])..<document.bytes.count)
        var chunks: [(reads: [Read], sink: ProblemSink)] = []
        let joined = Array<Event>(unsafeUninitializedCapacity: nodes.count) { buffer, initialized in
            // Range r writes only slots of r, and the join reads them after every range has ended.
            nonisolated(unsafe) let storage = buffer
            chunks = ParallelMap.ranges(nodes.count, parts: 16) { range -> (reads: [Read], sink: ProblemSink) in
                var worker = base
                worker.sink = ProblemSink(document: base.document, file: base.file)
                var repeats = Repeats()
                var reads: [Read] = []
                reads.reserveCapacity(range.count)
                var next = range.lowerBound
                for k in range {
                    let node = nodes[k]
                    let start = worker.sink.count
                    let f = worker.fields(node, NativeIngest.eventShape)
                    let idNode = f[member: EventMember.id]
                    let id = worker.readID(idNode, what: "event")
                    let afterID = worker.sink.count
                    let event = id.flatMap { worker.readEventBody(node, f: f, id: $0, actorIDs: actorIDs, sourceIDs: sourceIDs, repeats: &repeats) }
                    if worker.sink.count > start { worker.sink.locate(from: start, under: node, prefix: arrayPath + [.index(positions[k])]) }
                    var read = Read(id: id, idOffset: idNode.map(base.document.offset) ?? 0, position: positions[k],
                                    start: start, afterID: afterID, end: worker.sink.count)
                    if var text = id { read.hash = text.withUTF8 { KeyTable.hash($0) } }
                    if let event {
                        (storage.baseAddress! + next).initialize(to: event)
                        read.slot = next
                        next += 1
                    }
                    reads.append(read)
                }
                // This range's text and nodes are read: up to the next range's first event, which
                // another worker may be reading (only whole pages go).
                let document = base.document
                if !range.isEmpty {
                    let last = range.upperBound < nodes.count ? nodes[range.upperBound] : document.next(nodes[range.upperBound - 1])
                    document.bytes.evict(document.offset(nodes[range.lowerBound])..<(last < document.nodeCount ? document.offset(last) : document.bytes.count))
                    if base.evictsTape { document.evictNodes(nodes[range.lowerBound]..<last) }
                }
                return (reads, worker.sink)
            }
            // Ids seen so far, by hash, in an open-addressing table of the reads that first used
            // them (a String dictionary here took a sixth of the read: it hashed every id again,
            // serially), as chunk << 32 | read.
            var size = 16
            while size < nodes.count * 2 { size *= 2 }
            let mask = size - 1
            var hashes = [Int](repeating: 0, count: size), firsts = [Int](repeating: -1, count: size)
            let slots = buffer.baseAddress!
            var kept = 0
            for c in chunks.indices {
                let part = chunks[c].sink
                sink.addDropped(of: part)
                for (i, r) in chunks[c].reads.enumerated() {
                    sink.append(r.start..<r.afterID, of: part)
                    guard let id = r.id else { continue }
                    var slot = r.hash & mask
                    var first: Read?
                    while firsts[slot] >= 0 {
                        // Only an equal hash is worth fetching that read's id for.
                        if hashes[slot] == r.hash {
                            let f = chunks[firsts[slot] >> 32].reads[firsts[slot] & 0xFFFF_FFFF]
                            if f.id == id {
                                first = f
                                break
                            }
                        }
                        slot = (slot + 1) & mask
                    }
                    if let first {
                        let (line, column) = document.lineColumn(ofByte: first.idOffset)
                        sink.error(atByte: r.idOffset, path: arrayPath + [.index(r.position), .key("id")],
                                   "duplicate event id \"\(id)\" (first used at \(line):\(column))")
                        if let s = r.slot { (slots + s).deinitialize(count: 1) }
                        continue
                    }
                    (hashes[slot], firsts[slot]) = (r.hash, c << 32 | i)
                    sink.append(r.afterID..<r.end, of: part)
                    // Down over the gaps, never up: kept <= s, so nothing unread is overwritten.
                    if let s = r.slot {
                        if s != kept { (slots + kept).moveInitialize(from: slots + s, count: 1) }
                        kept += 1
                    }
                }
            }
            initialized = kept
        }
        if result.events.isEmpty { result.events = joined } else { result.events.append(contentsOf: joined) }
    }

    private mutating func readEvent(_ node: Int, actorIDs: [String: Int], sourceIDs: [String: Int], seen: inout [String: Int],
                                    repeats: inout Repeats) -> Event? {
        let f = fields(node, NativeIngest.eventShape)
        guard let id = readID(f[member: EventMember.id], seen: &seen, what: "event") else { return nil }
        return readEventBody(node, f: f, id: id, actorIDs: actorIDs, sourceIDs: sourceIDs, repeats: &repeats)
    }

    /// An event's members after its id.
    private mutating func readEventBody(_ node: Int, f: Fields, id: String, actorIDs: [String: Int], sourceIDs: [String: Int],
                                        repeats: inout Repeats) -> Event? {
        typealias M = EventMember
        var span: DayRange?
        if let single = f[member: M.date] {
            if f[member: M.start] != nil || f[member: M.end] != nil { sink.error(single, "give either \"date\" or \"start\" and \"end\", not both") }
            if let d = date(single, cache: &repeats.dates) { span = DayRange(d) }
        } else if f[member: M.start] != nil || f[member: M.end] != nil {
            let s = date(f[member: M.start], cache: &repeats.dates), e = date(f[member: M.end], cache: &repeats.dates)
            if f[member: M.start] == nil { sink.error(node, "missing member \"start\" (an event with \"end\" needs a \"start\")") }
            if f[member: M.end] == nil { sink.error(node, "missing member \"end\" (an event with \"start\" needs an \"end\")") }
            if let s, let e {
                if e < s { sink.error(f[member: M.end]!, "date out of order: end \(e) is before start \(s)") } else { span = DayRange(start: s, end: e) }
            }
        } else {
            sink.error(node, "missing member \"date\" (or \"start\" and \"end\")")
        }
        let kind = eventKind(f[member: M.kind], cache: &repeats.kinds)
        var actors: [String] = []
        if let a = f[member: M.actors] {
            actors = strings(a, cache: &repeats.actors, unique: false, rejection: .dangling("actor")) { actorIDs[$0] != nil }.kept
        }
        var nexus = Nexus.unknown
        if let node = f[member: M.nexus] {
            if let e = repeats.countries.entry(node, in: document), judge(e, in: &repeats.countries, NativeIngest.isCountryCode) {
                nexus = .country(repeats.countries.string(e))
            } else if let n = text(node) {
                if NativeIngest.isCountryCode(n) { nexus = .country(n) } else { sink.error(node, "unknown nexus \"\(n)\": expected an ISO 3166-1 alpha-2 code") }
            }
        }
        let sectors = vocabularyArray(f[member: M.sectors], what: "sector", cache: &repeats.sectors) { Vocabulary.sector($0) != nil }
        let regions = vocabularyArray(f[member: M.regions], what: "region", cache: &repeats.regions) { Vocabulary.region($0) != nil }
        let countries = vocabularyArray(f[member: M.countries], what: "country code", cache: &repeats.countries, valid: NativeIngest.isCountryCode)
        let summary = text(f[member: M.summary])
        let cited = sourceRefs(f[member: M.sources], sourceIDs: sourceIDs, required: true, cache: &repeats.sources)
        let techniques = vocabularyArray(f[member: M.techniques], what: "ATT&CK technique id", cache: &repeats.techniques) { NativeIngest.isAttackID($0) }
        let tlp = marking(f[member: M.tlp])
        guard let span, let kind, let summary else { return nil }
        var event = Event(id: id, span: span, kind: kind, actorIDs: actors, nexus: nexus, sectors: sectors,
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
    private func judge(_ e: Int, in cache: inout StringInterner, _ valid: (String) -> Bool) -> Bool {
        if cache.payload(e) == StringInterner.unjudged { cache.setPayload(e, valid(cache.string(e)) ? 1 : 0) }
        return cache.payload(e) == 1
    }

    /// A date read through `cache`: a day met before is not parsed again. An invalid one is
    /// read the uncached way, which reports it.
    private mutating func date(_ v: Int?, cache: inout StringInterner) -> Day? {
        guard let v else { return nil }
        guard let e = cache.entry(v, in: document) else { return date(v) }
        if cache.payload(e) == StringInterner.unjudged { cache.setPayload(e, Day(parsing: cache.string(e))?.ordinal ?? NativeIngest.rejected) }
        let ordinal = cache.payload(e)
        return ordinal == NativeIngest.rejected ? date(v) : Day(ordinal: ordinal)
    }

    /// An event kind read through `cache`; an unknown one is read the uncached way, which reports it.
    private mutating func eventKind(_ v: Int?, cache: inout StringInterner) -> Event.Kind? {
        guard let v else { return nil }
        guard let e = cache.entry(v, in: document) else { return enumValue(v, "kind", Event.Kind.self) }
        if cache.payload(e) == StringInterner.unjudged {
            let raw = cache.string(e)
            cache.setPayload(e, NativeIngest.eventKinds.firstIndex { $0.rawValue == raw } ?? NativeIngest.rejected)
        }
        let k = cache.payload(e)
        return k == NativeIngest.rejected ? enumValue(v, "kind", Event.Kind.self) : NativeIngest.eventKinds[k]
    }

    // MARK: Typed reads that report what is wrong

    /// The object elements of an array; anything else is reported and skipped.
    private mutating func objects(in node: Int, what: String) -> [Int] { objectsWithPositions(in: node, what: what).nodes }

    /// The object elements of array `node` and their positions in it; the others are reported.
    private mutating func objectsWithPositions(in node: Int, what: String) -> (nodes: [Int], positions: [Int]) {
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

    private mutating func readID(_ idNode: Int?, seen: inout [String: Int], what: String) -> String? {
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
    private mutating func readID(_ idNode: Int?, what: String) -> String? {
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
        var k = array + 1
        let end = document.next(array)
        while k < end {
            if let s = element(k) { out.append((s, k)) }
            k = document.next(k)
        }
        return out
    }

    /// One element of an array of strings: a non-empty string, else reported.
    private mutating func element(_ element: Int) -> String? {
        if document.kind(element) != .string || document.rawStringLength(element) == 0 {
            sink.error(element, "expected a non-empty string, found \(document.kind(element) == .string ? "an empty string" : document.describe(element))")
            return nil
        }
        return limitedText(element)
    }

    /// How a string an array may not hold is reported.
    private enum Rejection {
        case unknown(String), dangling(String)
    }

    /// The strings of array `a` that `valid` accepts, in order (each once when `unique`),
    /// and how many of its elements were strings at all; the others are reported. Short
    /// strings go through `cache`: a value met before is neither decoded nor judged again.
    private mutating func strings(_ a: Int, cache: inout StringInterner, unique: Bool, rejection: Rejection,
                                  valid: (String) -> Bool) -> (kept: [String], texts: Int) {
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

    private mutating func vocabularyArray(_ a: Int?, what: String, cache: inout StringInterner, valid: (String) -> Bool) -> [String] {
        guard let a else { return [] }
        return strings(a, cache: &cache, unique: true, rejection: .unknown(what), valid: valid).kept
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

    private mutating func sourceRefs(_ a: Int?, sourceIDs: [String: Int], required: Bool, cache: inout StringInterner) -> [String] {
        guard let a else { return [] }
        let (kept, texts) = strings(a, cache: &cache, unique: false, rejection: .dangling("source")) { sourceIDs[$0] != nil }
        if texts == 0 && document.kind(a) == .array && required { sink.error(a, "empty \"sources\": cite at least one source") }
        return kept
    }

    private func provenance(id: String, cited: [String], tlp: TLP? = nil) -> [Provenance] {
        let marking = tlp ?? reportTLP
        if cited.isEmpty { return [Provenance(file: file, format: .native, objectID: id, source: reportTitle, synthetic: synthetic, tlp: marking)] }
        return cited.map { ref in
            let reference = sourceReferences[ref]
            return Provenance(file: file, format: .native, objectID: id, source: reference?.title ?? ref, synthetic: synthetic, reference: reference, tlp: marking)
        }
    }

    /// An event's provenance, one per cited source; those without a marking of their own
    /// share one stored copy per source (`cache`), as nearly every event of a file does.
    private func provenance(id: String, cited: [String], tlp: TLP?, cache: inout [String: Provenance]) -> [Provenance] {
        guard tlp == nil, !cited.isEmpty else { return provenance(id: id, cited: cited, tlp: tlp) }
        return cited.map { ref in
            if let p = cache[ref] { return p.with(objectID: id) }
            let p = provenance(id: id, cited: [ref])[0]
            cache[ref] = p
            return p
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
        func ok(_ c: UInt8, first: Bool) -> Bool {
            let alnum = (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5A) || (c >= 0x61 && c <= 0x7A)
            return first ? alnum : alnum || c == 0x2E || c == 0x5F || c == 0x3A || c == 0x2D
        }
        var id = id
        return id.withUTF8 { u in
            guard let first = u.first, u.count <= 128 else { return false }
            return ok(first, first: true) && u.dropFirst().allSatisfy { ok($0, first: false) }
        }
    }

    static func isAttackID(_ s: String) -> Bool { TechniqueInfo.isAttackID(s) }
}
