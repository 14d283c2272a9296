import CFreedMemory

/// Gives the pages a load freed back to the system.
///
/// A read frees most of what it allocated (the parse tape, the text of members it did not
/// keep, per-part buffers of the parallel work), but glibc keeps freed pages of its worker
/// arenas resident: on the 100,000-event file that is ~5 MiB of the process's peak, which
/// the merge and the first frame then add to instead of reusing.
enum FreedMemory {
    static func returnToSystem() {
        _ = td_return_freed_memory()
    }
}
