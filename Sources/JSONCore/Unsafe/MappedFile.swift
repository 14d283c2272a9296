import CFileMapping

/// A regular file mapped read-only, unmapped when the last reader lets go. Pages the file
/// loses while mapped (it was cut short) read as zeros instead of killing the process
/// (SIGBUS), and `isIntact` turns false: what was read from it must be dropped.
public final class MappedFile: SourceBytes.Owner, @unchecked Sendable {
    let base: UnsafePointer<UInt8>
    private let size: Int
    private let slot: Int32

    /// Nil when the file cannot be mapped; `fd` stays the caller's to close.
    package init?(_ fd: Int32, size: Int) {
        var slot: Int32 = -1
        guard size > 0, let raw = td_map_file(fd, size, &slot) else { return nil }
        base = raw.assumingMemoryBound(to: UInt8.self)
        self.size = size
        self.slot = slot
    }

    public var isIntact: Bool { td_mapping_damaged(slot) == 0 }

    /// A private, read-only mapping of a file is never written, so its dropped pages fault
    /// back in from the page cache with the file's bytes (not zeros, as anonymous memory would).
    public func evict(_ range: Range<Int>) {
        UnusedPages.giveBack(UnsafeMutableRawPointer(mutating: base + range.lowerBound), bytes: range.count)
    }

    deinit { td_unmap_file(base, size, slot) }

    /// The mapped bytes for the parse, kept alive by this mapping.
    public var bytes: SourceBytes { SourceBytes(owner: self, base: base, count: size) }
}
