import FuzzSupport

/// libFuzzer entry: the bytes as a file to ingest (seeded with native files), through to the aggregates.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    FuzzSupport.ingestAndAggregate(FuzzSupport.bytes(data, size))
    return 0
}

/// The process's entry point (see FuzzSupport.run).
@_cdecl("fuzz_native_main")
public func main(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> Int32 {
    FuzzSupport.run(argc, argv) { data, size in fuzz(data, size) }
}
