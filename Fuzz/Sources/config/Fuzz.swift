import FuzzSupport
import Settings

/// libFuzzer entry: config.yaml as text. A bad file is an error with a position, never a trap.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let text = String(decoding: FuzzSupport.bytes(data, size), as: UTF8.self)
    if let config = try? Config.parse(text, file: "config.yaml") {
        _ = config.kiosk(rotate: nil, views: nil, staleAfter: nil, maxTLP: nil)
    }
    return 0
}

/// The process's entry point (see FuzzSupport.run).
@_cdecl("fuzz_config_main")
public func main(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> Int32 {
    FuzzSupport.run(argc, argv) { data, size in fuzz(data, size) }
}
