import ThreatModel
import JSONCore
/// Turns the bytes of one file into an `IngestResult`, whatever its format.
public enum Ingest {
    /// Which reader a document needs, judged by its content rather than its file name.
    public static func detectFormat(_ document: JSONDocument) -> Provenance.Format? {
        let root = document.root
        switch document.kind(root) {
        case .object:
            if document.member(root, "schema").flatMap(document.string)?.hasPrefix("threatdeck-report@") == true { return .native }
            if document.member(root, "schema") != nil, document.member(root, "report") != nil { return .native }
            if document.member(root, "type").flatMap(document.string) == "bundle" { return .stix }
            if let values = document.member(root, "values"), document.kind(values) == .array { return .misp }
            if let objects = document.member(root, "objects"), document.kind(objects) == .array { return .stix }
            if MispEventIngest.looksLikeEvents(document) { return .mispEvent }
            if let id = document.member(root, "id").flatMap(document.string), id.contains("--"), document.member(root, "type") != nil { return .stix }
            return nil
        case .array:
            if MispEventIngest.looksLikeEvents(document) { return .mispEvent }
            var stix = false
            document.forEachElement(root) { position, element in
                if position == 0, document.kind(element) == .object, document.member(element, "type") != nil, document.member(element, "id") != nil { stix = true }
            }
            return stix ? .stix : nil
        default:
            return nil
        }
    }

    /// Parses and reads `bytes`. Never throws: unreadable input becomes a located problem.
    public static func read(bytes: [UInt8], file: String, maxDepth: Int = 512, format: Provenance.Format? = nil) -> IngestResult {
        read(source: SourceBytes(bytes), file: file, maxDepth: maxDepth, format: format)
    }

    /// Parses and reads `source` (a mapped file's bytes, say: check its `isIntact` after).
    public static func read(source bytes: SourceBytes, file: String, maxDepth: Int = 512, format: Provenance.Format? = nil) -> IngestResult {
        let document: JSONDocument
        do {
            document = try JSONDocument(parsing: bytes, maxDepth: maxDepth)
        } catch {
            var result = IngestResult(file: file, format: .native)
            result.bytes = bytes.count
            result.problems = [Problem(file: file, line: error.line, column: error.column, path: JSONDocument.render(error.path),
                                       message: error.message)]
            result.unparsed = true
            return result
        }
        // The document is this function's alone: a reader may let its tape go as it reads.
        return read(document: document, file: file, format: format, owned: true)
    }

    /// `format` labels where the records came from when the caller knows better than the
    /// content (a MISP feed's events, a TAXII collection). `document` is left as it was.
    public static func read(document: JSONDocument, file: String, format: Provenance.Format? = nil) -> IngestResult {
        read(document: document, file: file, format: format, owned: false)
    }

    /// `owned`: nothing reads `document` after this, so a large native file's events may take
    /// their part of its tape with them as they are read.
    static func read(document: JSONDocument, file: String, format: Provenance.Format?, owned: Bool) -> IngestResult {
        if format == .mispFeed, MispEventIngest.looksLikeEvents(document) { return MispEventIngest.run(document, file: file, format: .mispFeed) }
        switch detectFormat(document) {
        case .native: return NativeIngest.run(document, file: file, evictingTape: owned)
        case .stix, .taxii: return StixIngest.run(document, file: file)
        case .misp: return MispIngest.run(document, file: file)
        case .mispEvent, .mispFeed: return MispEventIngest.run(document, file: file)
        case nil:
            var result = IngestResult(file: file, format: .native)
            result.bytes = document.bytes.count
            let (line, column) = document.lineColumn(of: document.root)
            result.problems = [Problem(file: file, line: line, column: column, path: "$",
                                       message: "unrecognised format: expected a ThreatDeck report (\"schema\": \"threatdeck-report@1\"), a STIX bundle, a MISP galaxy or MISP events")]
            result.unparsed = true
            return result
        }
    }
}
