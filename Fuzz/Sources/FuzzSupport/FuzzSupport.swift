import JSONCore
import ThreatModel
import Analysis
import Identity
import Readers

/// What every fuzz target does with input that parses: read all of it, through ingest and
/// every aggregate, so a trap anywhere on the way is found.
public enum FuzzSupport {
    /// The bytes libFuzzer hands over, as an array.
    public static func bytes(_ data: UnsafePointer<UInt8>, _ size: Int) -> [UInt8] { Array(UnsafeBufferPointer(start: data, count: size)) }

    /// Every value of a parsed document: strings, prefixes, numbers, paths, positions, ranges.
    public static func readEverything(_ d: JSONDocument) {
        for i in 0..<min(d.nodeCount, 20_000) {
            switch d.kind(i) {
            case .string:
                _ = d.string(i)
                _ = d.stringPrefix(i, maxScalars: 7)
            case .number: _ = d.double(i)
            default: break
            }
            _ = d.lineColumn(of: i)
            _ = d.byteRange(of: i)
            if i % 97 == 0 { _ = d.renderedPath(to: i) }
        }
        _ = d.duplicateKeys(limit: 50)
    }

    /// Ingest → dataset → every aggregate, unfiltered and filtered by what the data names.
    public static func ingestAndAggregate(_ bytes: [UInt8], format: Provenance.Format? = nil) {
        let result = Ingest.read(bytes: bytes, file: "fuzz.json", format: format)
        aggregate(DatasetBuilder.build([result]))
    }

    public static func aggregate(_ d: Dataset) {
        var filters = [Filter()]
        if let a = d.actors.first { filters.append(Filter([.actor(a.id)])) }
        if let e = d.events.first {
            filters.append(Filter([.window(e.span)]))
            if let s = e.sectors.first { filters.append(Filter([.sector(s)])) }
        }
        if let t = d.techniqueCatalog.first { filters.append(Filter([.technique(t.id)])) }
        filters.append(Filter([.nexus(.unknown), .text("a")]))
        for f in filters {
            let selection = f.apply(to: d)
            _ = ActorBreakdown.compute(d, selection: selection)
            _ = SectorMatrix.compute(d, selection: selection, maxColumns: 10)
            for slots in [1, 48, 400] { _ = TimelineSeries.compute(d, selection: selection, slots: slots) }
            _ = TechniqueUsage.compute(d, selection: selection)
        }
    }
}

/// libFuzzer's driver, called from each target's own entry point (SwiftPM links executables
/// with `main` renamed to `<target>_main`, so libFuzzer's `main` cannot be used as is).
@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(_ argc: UnsafeMutablePointer<Int32>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
                         _ callback: @convention(c) (UnsafePointer<UInt8>, Int) -> Int32) -> Int32

extension FuzzSupport {
    /// Runs libFuzzer with the process's arguments and `callback` as the target.
    public static func run(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>,
                           _ callback: @convention(c) (UnsafePointer<UInt8>, Int) -> Int32) -> Int32 {
        var count = argc
        var vector = argv
        return LLVMFuzzerRunDriver(&count, &vector, callback)
    }
}
