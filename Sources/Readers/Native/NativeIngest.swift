import ThreatModel
import JSONCore
/// Reads and validates ThreatDeck's native report format (`"schema": "threatdeck-report@1"`).
///
/// Validation and ingest are one walk: every problem is reported with its node, and whatever
/// is still meaningful is kept (an actor with one bad sector keeps its other sectors; an
/// event without a valid date is dropped, since a timeline cannot place it).
struct NativeIngest: FormatReader {
    static let schemaID = "threatdeck-report@1"

    let document: JSONDocument
    let file: String
    var sink: ProblemSink
    var result: IngestResult
    var synthetic = false
    var reportTitle: String?
    /// "seed-001 (seeds/001_….txt)" per source id, built once for every record's provenance.
    var sourceReferences: [String: Reference] = [:]
    /// The report's TLP marking, which its records inherit unless they give their own.
    var reportTLP: TLP?
    var parallelFrom = NativeIngest.parallelEvents
    /// Whether the events' part of the tape may go as they are read (the caller drops the
    /// document after this reader): the records and the tape are never all held at once.
    var evictsTape = false

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

    static var format: Provenance.Format { .native }

    static func recognises(_ input: ReaderInput) -> Bool {
        guard let document = input.document, document.kind(document.root) == .object else { return false }
        let root = document.root
        if document.member(root, "schema").flatMap(document.string)?.hasPrefix("threatdeck-report@") == true { return true }
        return document.member(root, "schema") != nil && document.member(root, "report") != nil
    }

    static func read(_ input: ReaderInput) -> IngestResult {
        guard let document = input.document else { return IngestResult(file: input.file, format: format) }
        return run(document, file: input.file, evictingTape: input.ownsDocument)
    }

    // MARK: Top level

    mutating func read() {
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
            sink.error(
                schema,
                "unsupported schema \(document.string(schema).map { "\"\($0)\"" } ?? document.describe(schema)); this version reads \"\(NativeIngest.schemaID)\""
            )
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
        var actorNodes: [(String, Int, Fields<ActorMember>)] = []
        if let a = members["actors"] {
            for node in objects(in: a, what: "actor") {
                let f = fields(node, ActorMember.self)
                if let id = readID(f[.id], seen: &actorIDs, what: "actor") { actorNodes.append((id, node, f)) }
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
        if let e = members["events"] { readEvents(e, actorIDs: actorIDs, sourceIDs: sourceIDs, repeats: &repeats) }
        if var report {
            report.sources = sources
            result.reports.append(report)
        }
    }

    /// The events array: on every core from `parallelFrom` events, else in one pass.
    mutating func readEvents(_ e: Int, actorIDs: [String: Int], sourceIDs: [String: Int], repeats: inout Repeats) {
        let (nodes, positions) = objectsWithPositions(in: e, what: "event")
        if nodes.count >= max(2, parallelFrom) {
            // Everything reported so far is located now, while the whole tape is there.
            if evictsTape { sink.locate(from: 0, under: document.root, prefix: []) }
            readEventsInParallel(EventNodes(nodes: nodes, positions: positions, arrayPath: document.path(to: e), actorIDs: actorIDs, sourceIDs: sourceIDs))
            return
        }
        var seen: [String: Int] = [:]
        result.events.reserveCapacity(nodes.count)
        for node in nodes {
            if let event = readEvent(node, actorIDs: actorIDs, sourceIDs: sourceIDs, seen: &seen, repeats: &repeats) { result.events.append(event) }
        }
    }
}
