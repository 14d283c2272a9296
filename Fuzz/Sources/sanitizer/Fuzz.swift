import FuzzSupport
import TerminalUI

/// libFuzzer entry: the terminal-text sanitiser. Whatever the bytes, what comes out holds no
/// control character, no bidi control and no ESC, in Unicode and in ASCII mode, and a cell
/// buffer takes it at any width.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let text = String(decoding: FuzzSupport.bytes(data, size), as: UTF8.self)
    for ascii in [false, true] {
        let clean = TerminalText.sanitize(text, ascii: ascii, limit: 300)
        for s in clean.unicodeScalars {
            let v = s.value
            precondition(!(v < 0x20 || v == 0x7F || (0x80...0x9F).contains(v)), "control U+\(String(v, radix: 16)) got through")
            precondition(!((0x202A...0x202E).contains(v) || (0x2066...0x2069).contains(v)), "bidi control got through")
            if ascii { precondition(v < 0x7F, "non-ASCII in ASCII mode") }
        }
    }
    for width in [0, 1, 7, 40] {
        var buffer = Buffer(width: width, height: 2)
        _ = buffer.put(text, x: 0, y: 0, maxWidth: width)
        _ = buffer.putRight(text, maxX: width, y: 1)
        _ = buffer.text
    }
    return 0
}

/// The process's entry point (see FuzzSupport.run).
@_cdecl("fuzz_sanitizer_main")
public func main(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> Int32 {
    FuzzSupport.run(argc, argv) { data, size in fuzz(data, size) }
}
