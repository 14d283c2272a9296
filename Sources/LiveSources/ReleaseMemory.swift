#if canImport(Glibc)
import Glibc
#endif

/// Hands memory freed by a pull back to the system. A response is held whole until it is read
/// (up to its cap, 256 MiB by default) in 64 KiB pieces allocated on the event loop's thread;
/// freed, they stay in that thread's malloc arena, and a dashboard that once refused an endless
/// body kept 300 MB resident for the rest of the day. `malloc_trim` releases the free pages of
/// every arena (glibc; elsewhere nothing is done).
enum ReleaseMemory {
    static func afterPull() {
        #if canImport(Glibc)
        // Looked up by name: Swift's Glibc module leaves out malloc.h. Once a pull is nothing.
        guard let symbol = dlsym(nil, "malloc_trim") else { return }
        _ = unsafeBitCast(symbol, to: (@convention(c) (Int) -> Int32).self)(0)
        #endif
    }
}
