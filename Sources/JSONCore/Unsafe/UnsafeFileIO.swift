#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// POSIX reads and writes through raw buffers, for Loading's file system: the one place in
/// the model layer where file bytes meet pointers. Failures are `errno` values; Loading
/// turns them into messages.
public enum UnsafeFileIO {
    public enum ReadFailure: Error, Sendable {
        case system(Int32)
        /// The file grew past the limit while it was read.
        case tooLarge
    }

    /// From this size a regular file is read on two cores.
    public static let readInHalves = 8 << 20

    /// The bytes of the open file `fd` until its end. `size` is what `fstat` said (0 for pipes
    /// and procfs; it may change while we read). The first read goes into uninitialised
    /// memory: zeroing 45 MB first costs as much as parsing a tenth of it.
    public static func readAll(_ fd: Int32, size: Int, regular: Bool, limit: Int) -> Result<[UInt8], ReadFailure> {
        var count = 0
        var failure: Int32 = 0
        var atEnd = false
        var bytes = [UInt8](unsafeUninitializedCapacity: max(size, 0) + 1) { buffer, initialized in
            // A large regular file's two halves on two cores: most of a read is the kernel
            // clearing fresh pages for the buffer, and each core clears its half. Then on
            // from its end, as below, in case it grew; if it shrank, read again from the start.
            if let base = buffer.baseAddress, regular, size >= readInHalves, readHalves(fd, base, size), lseek(fd, off_t(size), SEEK_SET) == off_t(size) {
                count = size
            }
            while count < buffer.count {
                let n = systemRead(fd, buffer.baseAddress! + count, buffer.count - count)
                if n < 0 {
                    if errno == EINTR { continue }
                    failure = errno
                    break
                }
                if n == 0 {
                    atEnd = true
                    break
                }
                count += n
            }
            initialized = count
        }
        if failure != 0 { return .failure(.system(failure)) }
        while !atEnd {
            if count == bytes.count {
                if count > limit { return .failure(.tooLarge) }
                bytes.append(contentsOf: repeatElement(0, count: max(65536, count)))
            }
            let n = bytes.withUnsafeMutableBytes { buffer in systemRead(fd, buffer.baseAddress! + count, buffer.count - count) }
            if n < 0 {
                if errno == EINTR { continue }
                return .failure(.system(errno))
            }
            if n == 0 { break }
            count += n
        }
        if count < bytes.count { bytes.removeSubrange(count...) }
        return .success(bytes)
    }

    /// Reads `size` bytes from offset 0 into `base`, half on another thread; false when the
    /// file ended early or a read failed.
    static func readHalves(_ fd: Int32, _ base: UnsafeMutablePointer<UInt8>, _ size: Int) -> Bool {
        let half = size / 2
        // Each half is written by one thread, and the buffer read only after both have ended.
        nonisolated(unsafe) let second = base + half
        let (b, a) = ParallelMap.pair({ readFully(fd, second, size - half, at: half) }, { readFully(fd, base, half, at: 0) })
        return a && b
    }

    private static func readFully(_ fd: Int32, _ to: UnsafeMutablePointer<UInt8>, _ count: Int, at offset: Int) -> Bool {
        var done = 0
        while done < count {
            let n = pread(fd, to + done, count - done, off_t(offset + done))
            if n < 0 && errno == EINTR { continue }
            if n <= 0 { return false }
            done += n
        }
        return true
    }

    /// One `read` into `buffer` (from its start); the count read, or -1.
    public static func readSome(_ fd: Int32, into buffer: inout [UInt8]) -> Int {
        buffer.withUnsafeMutableBytes { systemRead(fd, $0.baseAddress!, $0.count) }
    }

    /// Writes all of `bytes` to `fd`; 0, or the `errno` of the write that failed.
    public static func writeAll(_ fd: Int32, _ bytes: [UInt8]) -> Int32 {
        var offset = 0
        while offset < bytes.count {
            let n = bytes.withUnsafeBytes { write(fd, $0.baseAddress! + offset, $0.count - offset) }
            if n < 0 {
                if errno == EINTR { continue }
                return errno
            }
            offset += n
        }
        return 0
    }

    /// The entries of a directory with their `d_type` (`DT_UNKNOWN` when the file system does
    /// not say), dot files included; nil when it cannot be opened.
    public static func directoryEntries(_ path: String) -> [(name: String, type: UInt8)]? {
        guard let dir = opendir(path) else { return nil }
        defer { closedir(dir) }
        var out: [(name: String, type: UInt8)] = []
        while let entry = readdir(dir) {
            let name = withUnsafePointer(to: entry.pointee.d_name) { ptr in
                ptr.withMemoryRebound(to: CChar.self, capacity: 256) { String(cString: $0) }
            }
            out.append((name, entry.pointee.d_type))
        }
        return out
    }

    /// The absolute path `path` names with every link followed, if it exists.
    public static func resolvedPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    @inline(__always)
    private static func systemRead(_ fd: Int32, _ buffer: UnsafeMutableRawPointer, _ count: Int) -> Int {
        #if canImport(Glibc)
        return Glibc.read(fd, buffer, count)
        #else
        return Darwin.read(fd, buffer, count)
        #endif
    }
}
