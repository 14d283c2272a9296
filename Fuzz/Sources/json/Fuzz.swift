import FuzzSupport
import JSONCore

/// libFuzzer entry: the JSON core. Parse; if it parses, read every value.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    if let d = try? JSONDocument(parsing: FuzzSupport.bytes(data, size), maxDepth: 64) { FuzzSupport.readEverything(d) }
    return 0
}

/// The process's entry point (see FuzzSupport.run).
@_cdecl("fuzz_json_main")
public func main(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> Int32 {
    FuzzSupport.run(argc, argv) { data, size in fuzz(data, size) }
}
