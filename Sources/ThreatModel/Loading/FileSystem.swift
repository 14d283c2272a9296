#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The file operations the loader needs, injectable so tests can swap files mid-run.
public protocol FileSystem: Sendable {
    func read(_ path: String, limit: Int) throws(FileError) -> [UInt8]
    func stamp(_ path: String) -> FileStamp?
    /// Regular files directly inside a directory, sorted by name; nil when not a directory.
    func list(_ directory: String) -> [String]?
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
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw FileError(String(cString: strerror(errno))) }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw FileError(String(cString: strerror(errno))) }
        if (info.st_mode & S_IFMT) == S_IFDIR { throw FileError("is a directory") }
        let size = Int(info.st_size)
        if size > limit { throw FileError("file is \(size / 1_048_576) MiB, larger than the \(limit / 1_048_576) MiB limit") }
        // Read until EOF: st_size may be 0 for pipes and procfs, or change while we read.
        var bytes = [UInt8](repeating: 0, count: max(size, 0) + 1)
        var count = 0
        while true {
            if count == bytes.count {
                if count > limit { throw FileError("file is larger than the \(limit / 1_048_576) MiB limit") }
                bytes.append(contentsOf: repeatElement(0, count: max(65536, count)))
            }
            let n = bytes.withUnsafeMutableBytes { buffer in
                systemRead(fd, buffer.baseAddress! + count, buffer.count - count)
            }
            if n < 0 {
                if errno == EINTR { continue }
                throw FileError(String(cString: strerror(errno)))
            }
            if n == 0 { break }
            count += n
        }
        bytes.removeSubrange(count...)
        return bytes
    }

    public func stamp(_ path: String) -> FileStamp? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return FileStamp(size: Int(info.st_size), modified: Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec),
                         inode: UInt64(info.st_ino), isDirectory: (info.st_mode & S_IFMT) == S_IFDIR)
    }

    public func list(_ directory: String) -> [String]? {
        guard let dir = opendir(directory) else { return nil }
        defer { closedir(dir) }
        var names: [String] = []
        while let entry = readdir(dir) {
            let name = withUnsafePointer(to: entry.pointee.d_name) { ptr in
                ptr.withMemoryRebound(to: CChar.self, capacity: 256) { String(cString: $0) }
            }
            if name.hasPrefix(".") { continue }
            let path = directory.hasSuffix("/") ? directory + name : directory + "/" + name
            if let s = stamp(path), !s.isDirectory { names.append(path) }
        }
        return names.sorted()
    }
}

@inline(__always)
private func systemRead(_ fd: Int32, _ buffer: UnsafeMutableRawPointer, _ count: Int) -> Int {
    #if canImport(Glibc)
    return Glibc.read(fd, buffer, count)
    #else
    return Darwin.read(fd, buffer, count)
    #endif
}
