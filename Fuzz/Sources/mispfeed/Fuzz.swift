import FuzzSupport
import ThreatModel
import Readers

/// libFuzzer entry: what a MISP feed serves, read as its manifest and as an event file.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let bytes = FuzzSupport.bytes(data, size)
    if let manifest = try? MispFeedManifest(bytes: bytes) { _ = manifest.entries.map(\.timestamp) }
    FuzzSupport.ingestAndAggregate(bytes, format: .mispFeed)
    return 0
}

/// The process's entry point (see FuzzSupport.run).
@_cdecl("fuzz_mispfeed_main")
public func main(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> Int32 {
    FuzzSupport.run(argc, argv) { data, size in fuzz(data, size) }
}
