import ThreatModel
import Identity
import Readers

extension SampleData {
    /// The label the embedded files carry in provenance and problem messages.
    public static func label(_ name: String) -> String { "(built-in) sample-data/" + name }

    /// The embedded sample report and synthetic feed, read like files from disk.
    public static func dataset(maxTLP: TLP? = nil) -> Dataset {
        DatasetBuilder.build(all.map { Ingest.read(bytes: Array($0.text.utf8), file: label($0.name)) }, maxTLP: maxTLP)
    }
}
