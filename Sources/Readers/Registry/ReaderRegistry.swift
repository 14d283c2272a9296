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
    ]

    /// The reader for `input`, if any recognises it.
    public static func reader(for input: ReaderInput) -> (any FormatReader.Type)? {
        readers.first { $0.recognises(input) }
    }
}
