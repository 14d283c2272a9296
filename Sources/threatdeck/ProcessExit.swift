#if canImport(Glibc)
import Glibc
#endif

/// How a one-shot command ends once its output is written: at once, without freeing what it
/// loaded.
enum ProcessExit {
    /// Returning from `run()` frees the dataset and the loader's cache piece by piece on the
    /// way out (the native 100k file's summary: 114 M instructions, about 30 ms, after its
    /// text was out; a 10,000-file feed's snapshot: 30 ms); the kernel takes the whole
    /// address space back at once. A failed flush (a closed pipe, a full disk) is status 1.
    static func afterOutput(_ status: Int32 = 0) -> Never {
        exit(fflush(nil) == 0 ? status : 1)
    }
}
