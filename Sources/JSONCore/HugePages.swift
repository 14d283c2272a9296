#if canImport(Glibc)
import Glibc
#endif

/// Page advice for large buffers: 2 MiB pages where the kernel can back them so, and the
/// written but unused end of one given back.
/// Such buffers (a file's bytes, the parse's tape, the merged events) are written once from
/// end to end, and faulting them in 4 KiB at a time was a fifth of opening a large file
/// (reading 45 MB: 52 ms in 4 KiB pages, 30 ms in 2 MiB ones). A hint: without transparent
/// huge pages, or off Linux, nothing changes.
public enum HugePages {
    /// Below this a buffer has at most a couple of huge pages: not worth a system call.
    public static let minimum = 4 << 20

    public static func advise(_ base: UnsafeMutableRawPointer?, bytes: Int) {
        #if os(Linux)
        guard let base, bytes >= minimum else { return }
        wholePages(base, bytes: bytes, Int32(MADV_HUGEPAGE))
        #endif
    }

    /// Gives the whole pages inside `bytes` from `base` back to the kernel: anonymous memory
    /// reads as zeros if touched again (for the written but unused end of a buffer that stays
    /// allocated), an unwritten file mapping as the file.
    public static func giveBack(_ base: UnsafeMutableRawPointer, bytes: Int) {
        #if os(Linux)
        wholePages(base, bytes: bytes, Int32(MADV_DONTNEED))
        #endif
    }

    #if os(Linux)
    /// `madvise` over the 4 KiB pages that lie wholly inside the range.
    private static func wholePages(_ base: UnsafeMutableRawPointer, bytes: Int, _ advice: Int32) {
        let page = UInt(4096)
        let start = (UInt(bitPattern: base) + page - 1) & ~(page - 1)
        let end = (UInt(bitPattern: base) + UInt(bytes)) & ~(page - 1)
        guard end > start, let aligned = UnsafeMutableRawPointer(bitPattern: start) else { return }
        _ = madvise(aligned, Int(end - start), advice)
    }
    #endif
}
