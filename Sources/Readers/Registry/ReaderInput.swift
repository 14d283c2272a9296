import JSONCore
import ThreatModel

/// What a reader is given: one file's bytes, parsed once as a JSON text (every format but
/// JSON Lines is one), with the file's name for messages and provenance.
public struct ReaderInput {
    public let file: String
    public let bytes: SourceBytes
    /// The bytes as one JSON text, or nil when they are not one (then `syntaxError` says why).
    public let document: JSONDocument?
    public let syntaxError: JSONSyntaxError?
    /// The format the caller knows the records come in, if it knows better than the content.
    public let label: Provenance.Format?
    /// Nothing reads `document` after this read, so a reader may let the parts of its tape
    /// it has read go (a large native file's events). Set only for the registry's own parse.
    let ownsDocument: Bool

    /// Parses `bytes` for the readers; a syntax error is kept, not thrown.
    init(file: String, bytes: SourceBytes, label: Provenance.Format?, maxDepth: Int) {
        self.file = file
        self.bytes = bytes
        self.label = label
        do {
            document = try JSONDocument(parsing: bytes, maxDepth: maxDepth)
            syntaxError = nil
        } catch {
            document = nil
            syntaxError = error
        }
        ownsDocument = true
    }

    /// A document someone else parsed and still holds.
    init(file: String, document: JSONDocument, label: Provenance.Format?) {
        self.file = file
        bytes = document.bytes
        self.document = document
        syntaxError = nil
        self.label = label
        ownsDocument = false
    }
}
