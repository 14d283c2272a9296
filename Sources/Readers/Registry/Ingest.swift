import JSONCore
import ThreatModel

/// Turns the bytes of one file into an `IngestResult`, whatever its format: parses them once,
/// asks `ReaderRegistry` which reader recognises them, and lets that reader read.
public enum Ingest {
    /// Which format a document is in, judged by its content rather than its file name.
    public static func detectFormat(_ document: JSONDocument) -> Provenance.Format? {
        ReaderRegistry.reader(for: ReaderInput(file: "", document: document, label: nil))?.format
    }

    /// Parses and reads `bytes`. Never throws: unreadable input becomes a located problem.
    public static func read(bytes: [UInt8], file: String, maxDepth: Int = 512, format: Provenance.Format? = nil) -> IngestResult {
        read(source: SourceBytes(bytes), file: file, maxDepth: maxDepth, format: format)
    }

    /// Parses and reads `source` (a mapped file's bytes, say: check its `isIntact` after).
    /// The parse is this function's alone: a reader may let its tape go as it reads.
    public static func read(source bytes: SourceBytes, file: String, maxDepth: Int = 512, format: Provenance.Format? = nil) -> IngestResult {
        read(ReaderInput(file: file, bytes: bytes, label: format, maxDepth: maxDepth))
    }

    /// `format` labels where the records came from when the caller knows better than the
    /// content (a MISP feed's events, a TAXII collection). `document` is left as it was.
    public static func read(document: JSONDocument, file: String, format: Provenance.Format? = nil) -> IngestResult {
        read(ReaderInput(file: file, document: document, label: format))
    }

    static func read(_ input: ReaderInput) -> IngestResult {
        if let reader = ReaderRegistry.reader(for: input) { return reader.read(input) }
        var result = IngestResult(file: input.file, format: .native)
        result.bytes = input.bytes.count
        result.unparsed = true
        if let error = input.syntaxError {
            result.problems = [
                Problem(
                    file: input.file, line: error.line, column: error.column, path: JSONDocument.render(error.path),
                    message: error.message)
            ]
        } else if let document = input.document {
            let (line, column) = document.lineColumn(of: document.root)
            result.problems = [
                Problem(
                    file: input.file, line: line, column: column, path: "$",
                    message:
                        "unrecognised format: expected a ThreatDeck report (\"schema\": \"threatdeck-report@1\"), a STIX bundle, a MISP galaxy or MISP events")
            ]
        }
        return result
    }
}
