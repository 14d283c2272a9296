import FuzzSupport
import Settings

/// libFuzzer entry: a theme file as text, over the bundled base themes.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let text = String(decoding: FuzzSupport.bytes(data, size), as: UTF8.self)
    _ = ThemeLoader.load(bundled: [], user: [(path: "fuzz.yaml", text: text)])
    return 0
}

/// The process's entry point (see FuzzSupport.run).
@_cdecl("fuzz_theme_main")
public func main(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> Int32 {
    FuzzSupport.run(argc, argv) { data, size in fuzz(data, size) }
}
