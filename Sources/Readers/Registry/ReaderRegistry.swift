import JSONCore
import ThreatModel

/// Every format reader, in the order they are asked: the first that recognises a file reads
/// it. One line per format.
public enum ReaderRegistry {
    public static let readers: [any FormatReader.Type] = [
        NativeIngest.self,
        MispIngest.self,
        MispEventIngest.self,
        StixIngest.self,
        NativeLinesReader.self,
    ]

    /// Whether a directory's file is one some reader reads (by its name's ending).
    public static func isDataFile(_ path: String) -> Bool {
        readers.contains { reader in reader.fileExtensions.contains { path.hasSuffix($0) } }
    }

    /// The reader for `input`, if any recognises it.
    public static func reader(for input: ReaderInput) -> (any FormatReader.Type)? {
        readers.first { $0.recognises(input) }
    }
}
