import JSONCore
import ThreatModel

/// One input format: recognises its files by their content and reads them into records.
///
/// A reader never fails (what it cannot read becomes a located problem beside the records it
/// could read), never merges records (that is Identity's), and knows no other format and no
/// file system: bytes and their parse in, records and problems out. `ReaderRegistry` lists
/// every reader; adding a format is a file conforming to this and its line there.
public protocol FormatReader {
    /// The format its records come in.
    static var format: Provenance.Format { get }
    /// Whether `input` is in this format, judged by content (a file's name proves nothing).
    static func recognises(_ input: ReaderInput) -> Bool
    /// The records of `input`. `input.label` says which format the caller knows the bytes to
    /// be, when it knows better than the content (a TAXII collection, a MISP feed's events).
    static func read(_ input: ReaderInput) -> IngestResult
    /// The endings of the files a directory holds in this format (default `.json`): which
    /// files loading a directory reads. Content still decides the reader.
    static var fileExtensions: [String] { get }
}

extension FormatReader {
    public static var fileExtensions: [String] { [".json"] }
}
