#if canImport(Glibc)
import Glibc
#endif

/// Whole pages of a buffer handed back to the kernel once they are known to be unused.
/// Large buffers are not advised for 2 MiB pages: on a VM whose free memory goes back to its
/// host, a fresh huge page costs 3-11 ms per MiB to fault in where 4 KiB pages cost 0.6, and
/// after a pause every huge page is fresh (opening ATT&CK with the galaxy after 2.5 s idle:
/// 252 ms with the advice, 190 ms without).
public enum UnusedPages {
    /// Gives the whole pages inside `bytes` from `base` back to the kernel: anonymous memory
    /// reads as zeros if touched again (for the written but unused end of a buffer that stays
    /// allocated), an unwritten file mapping as the file.
    public static func giveBack(_ base: UnsafeMutableRawPointer, bytes: Int) {
        #if os(Linux)
        let page = UInt(4096)
        let start = (UInt(bitPattern: base) + page - 1) & ~(page - 1)
        let end = (UInt(bitPattern: base) + UInt(bytes)) & ~(page - 1)
        guard end > start, let aligned = UnsafeMutableRawPointer(bitPattern: start) else { return }
        _ = madvise(aligned, Int(end - start), Int32(MADV_DONTNEED))
        #endif
    }
}
