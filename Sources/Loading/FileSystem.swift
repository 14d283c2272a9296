import ThreatModel
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import JSONCore

/// The file operations the loader needs, injectable so tests can swap files mid-run.
public protocol FileSystem: Sendable {
    func read(_ path: String, limit: Int) throws(FileError) -> [UInt8]
    /// The file's bytes for parsing once: a large file may be mapped rather than copied
    /// (check `isIntact` after use). By default, `read`.
    func contents(_ path: String, limit: Int) throws(FileError) -> SourceBytes
    func stamp(_ path: String) -> FileStamp?
    /// Regular files directly inside a directory, sorted by name; nil when not a directory.
    func list(_ directory: String) -> [String]?
    /// Writes `bytes` to a temporary file beside `path`, then renames it over `path`: readers
    /// see the old contents or the new, never half a file. `mode` applies whatever the umask.
    func writeAtomically(_ path: String, _ bytes: [UInt8], mode: UInt32) throws(FileError)
    /// Creates a directory and its parents (existing ones are fine).
    func makeDirectories(_ path: String, mode: UInt32) throws(FileError)
    func remove(_ path: String)
    /// Calls `onChange` (from another thread) when any of `paths`, or a file in a directory
    /// among them, may have changed. Nil when the file system cannot notify.
    func watch(_ paths: [String], onChange: @escaping @Sendable () -> Void) -> (any FileWatch)?
}

/// A running file watch; `cancel` stops it.
public protocol FileWatch: AnyObject, Sendable {
    func cancel()
}

extension FileSystem {
    public func contents(_ path: String, limit: Int) throws(FileError) -> SourceBytes {
        SourceBytes(try read(path, limit: limit))
    }

    public func writeAtomically(_ path: String, _ bytes: [UInt8], mode: UInt32) throws(FileError) {
        throw FileError("this file system is read-only")
    }

    public func makeDirectories(_ path: String, mode: UInt32) throws(FileError) {
        throw FileError("this file system is read-only")
    }
    public func remove(_ path: String) {}
    public func watch(_ paths: [String], onChange: @escaping @Sendable () -> Void) -> (any FileWatch)? { nil }
}

/// Identity of a file's contents as far as the OS can tell without reading it.
public struct FileStamp: Hashable, Sendable {
    public var size: Int
    public var modified: Int64
    public var inode: UInt64
    public var isDirectory: Bool

    public init(size: Int, modified: Int64, inode: UInt64, isDirectory: Bool) {
        self.size = size
        self.modified = modified
        self.inode = inode
        self.isDirectory = isDirectory
    }
}

/// Why a file could not be read.
public struct FileError: Error, Sendable, CustomStringConvertible {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}

/// The real file system through POSIX calls: one read into one buffer, no copies.
public struct LocalFileSystem: FileSystem {
    public init() {}

    public func read(_ path: String, limit: Int) throws(FileError) -> [UInt8] {
        try LocalFileSystem.opened(path) { fd, info throws(FileError) in try LocalFileSystem.read(fd, info, limit: limit) }
    }

    /// `body` with `path` opened for reading and its `fstat`; the descriptor is closed after.
    private static func opened<T>(_ path: String, _ body: (Int32, stat) throws(FileError) -> T) throws(FileError) -> T {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw FileError(String(cString: strerror(errno))) }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw FileError(String(cString: strerror(errno))) }
        return try body(fd, info)
    }

    /// The bytes of the open file `fd`, whose `fstat` is `info`.
    private static func read(_ fd: Int32, _ info: stat, limit: Int) throws(FileError) -> [UInt8] {
        if (info.st_mode & S_IFMT) == S_IFDIR { throw FileError("is a directory") }
        let size = Int(info.st_size)
        if size > limit { throw FileError("file is \(size / 1_048_576) MiB, larger than the \(limit / 1_048_576) MiB limit") }
        switch UnsafeFileIO.readAll(fd, size: size, regular: (info.st_mode & S_IFMT) == S_IFREG, limit: limit) {
        case .success(let bytes): return bytes
        case .failure(.tooLarge): throw FileError("file is larger than the \(limit / 1_048_576) MiB limit")
        case .failure(.system(let code)): throw FileError(String(cString: strerror(code)))
        }
    }

    /// A regular file from `mapFrom` bytes on is mapped: reading 45 MB into fresh memory took
    /// 50-60 ms on this project's 2-core machine (the kernel clearing and copying 11,000
    /// pages), mapping the page cache's copy 5 ms. Smaller files are read; a file that cannot
    /// be mapped (a pipe, some network file systems) is read too.
    public func contents(_ path: String, limit: Int) throws(FileError) -> SourceBytes {
        try LocalFileSystem.opened(path) { fd, info throws(FileError) in
            let size = Int(info.st_size)
            if (info.st_mode & S_IFMT) == S_IFREG, size >= LocalFileSystem.mapFrom, size <= limit, let mapped = MappedFile(fd, size: size) {
                return mapped.bytes
            }
            // The same descriptor, read: a feed's 10,000 small files are not opened twice.
            return SourceBytes(try LocalFileSystem.read(fd, info, limit: limit))
        }
    }

    static let mapFrom = 1 << 20

    public func stamp(_ path: String) -> FileStamp? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return FileStamp(
            size: Int(info.st_size), modified: Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec),
            inode: UInt64(info.st_ino), isDirectory: (info.st_mode & S_IFMT) == S_IFDIR)
    }

    public func list(_ directory: String) -> [String]? {
        guard let entries = UnsafeFileIO.directoryEntries(directory) else { return nil }
        var names: [String] = []
        for (name, type) in entries {
            if name.hasPrefix(".") { continue }
            let path = directory.hasSuffix("/") ? directory + name : directory + "/" + name
            // The entry's own type when the file system gives it (one stat fewer per file of
            // a 10,000-file feed); links and unknown types are looked up.
            switch Int32(type) {
            case Int32(DT_REG): names.append(path)
            case Int32(DT_DIR): continue
            default: if let s = stamp(path), !s.isDirectory { names.append(path) }
            }
        }
        return names.sorted()
    }
}

extension LocalFileSystem {
    /// Replaces a regular file by a temporary file renamed over it, so a reader never sees it
    /// half written. What is not a regular file is not replaced: a symlink is followed to the
    /// file it names, and a FIFO, a device or a terminal (`-o /dev/stdout`) is written to as a
    /// shell's `>` would, never turned into a file.
    public func writeAtomically(_ path: String, _ bytes: [UInt8], mode: UInt32) throws(FileError) {
        var path = path
        var info = stat()
        if lstat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFLNK {
            // Follow the link (a dangling one names the file to create).
            if let resolved = UnsafeFileIO.resolvedPath(path) {
                path = resolved
            } else {
                var target = [CChar](repeating: 0, count: 4096)
                let n = readlink(path, &target, target.count - 1)
                guard n > 0 else { throw FileError("\(path): " + String(cString: strerror(errno))) }
                let link = String(decoding: target[0..<n].map { UInt8(bitPattern: $0) }, as: UTF8.self)
                let directory = path.split(separator: "/", omittingEmptySubsequences: false).dropLast().joined(separator: "/")
                path = link.hasPrefix("/") ? link : (directory.isEmpty ? link : directory + "/" + link)
            }
        }
        if stat(path, &info) == 0 {
            let kind = info.st_mode & S_IFMT
            if kind == S_IFDIR { throw FileError("\(path): is a directory") }
            if kind != S_IFREG { return try writeInPlace(path, bytes) }
        }
        let temporary = path + ".tmp-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode_t(mode))
        guard fd >= 0 else { throw FileError("\(path): " + String(cString: strerror(errno))) }
        // The mode given, whatever the umask (a cache of licensed objects stays private).
        fchmod(fd, mode_t(mode))
        let code = UnsafeFileIO.writeAll(fd, bytes)
        var failure: String? = code == 0 ? nil : String(cString: strerror(code))
        if failure == nil && fsync(fd) != 0 { failure = String(cString: strerror(errno)) }
        close(fd)
        if let failure {
            unlink(temporary)
            throw FileError("\(path): \(failure)")
        }
        if rename(temporary, path) != 0 {
            let reason = String(cString: strerror(errno))
            unlink(temporary)
            throw FileError("\(path): \(reason)")
        }
    }

    /// Writes into an existing FIFO, device or terminal.
    func writeInPlace(_ path: String, _ bytes: [UInt8]) throws(FileError) {
        let fd = open(path, O_WRONLY | O_CLOEXEC | O_NOCTTY)
        guard fd >= 0 else { throw FileError("\(path): " + String(cString: strerror(errno))) }
        defer { close(fd) }
        let code = UnsafeFileIO.writeAll(fd, bytes)
        if code != 0 { throw FileError("\(path): " + String(cString: strerror(code))) }
    }

    public func makeDirectories(_ path: String, mode: UInt32) throws(FileError) {
        var partial = path.hasPrefix("/") ? "" : "."
        for component in path.split(separator: "/") {
            partial += "/" + component
            if mkdir(partial, mode_t(mode)) != 0 && errno != EEXIST {
                throw FileError("\(partial): " + String(cString: strerror(errno)))
            }
        }
    }

    public func remove(_ path: String) { unlink(path) }

    public func watch(_ paths: [String], onChange: @escaping @Sendable () -> Void) -> (any FileWatch)? {
        #if os(Linux)
        return InotifyWatch(paths: paths, fileSystem: self, onChange: onChange)
        #else
        return nil
        #endif
    }
}
