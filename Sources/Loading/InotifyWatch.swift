import JSONCore
import ThreatModel
#if os(Linux)
import Glibc
import Synchronization

/// Watches files and directories with inotify on a thread of its own that blocks in read():
/// no timer, no CPU while nothing changes. Named files are watched through their directory,
/// so an editor's write-and-rename is seen too.
final class InotifyWatch: FileWatch, @unchecked Sendable {
    private let fd: Int32
    private let stop: (read: Int32, write: Int32)
    private let thread = Mutex<pthread_t?>(nil)

    package init?(paths: [String], fileSystem: LocalFileSystem, onChange: @escaping @Sendable () -> Void) {
        fd = inotify_init1(Int32(IN_CLOEXEC))
        guard fd >= 0 else { return nil }
        var pipeFDs: [Int32] = [0, 0]
        guard pipe(&pipeFDs) == 0 else { close(fd); return nil }
        stop = (pipeFDs[0], pipeFDs[1])
        let mask = UInt32(IN_CLOSE_WRITE | IN_MOVED_TO | IN_MOVED_FROM | IN_CREATE | IN_DELETE | IN_ATTRIB | IN_MODIFY)
        var watched: Set<String> = []
        for path in paths {
            let directory = fileSystem.stamp(path)?.isDirectory == true ? path : InotifyWatch.parent(of: path)
            if watched.insert(directory).inserted { _ = inotify_add_watch(fd, directory, mask) }
        }
        let context = Unmanaged.passRetained(Context(fd: fd, stop: stop.read, onChange: onChange))
        var handle = pthread_t()
        let created = pthread_create(
            &handle, nil,
            { raw in
                let context = Unmanaged<Context>.fromOpaque(raw!).takeRetainedValue()
                context.run()
                return nil
            }, context.toOpaque())
        if created != 0 {
            context.release()
            close(fd); close(stop.read); close(stop.write)
            return nil
        }
        thread.withLock { $0 = handle }
    }

    private final class Context: @unchecked Sendable {
        package let fd: Int32, stop: Int32
        package let onChange: @Sendable () -> Void
        package init(fd: Int32, stop: Int32, onChange: @escaping @Sendable () -> Void) {
            self.fd = fd
            self.stop = stop
            self.onChange = onChange
        }

        package func run() {
            var buffer = [UInt8](repeating: 0, count: 4096)
            while true {
                var fds = [pollfd(fd: fd, events: Int16(POLLIN), revents: 0), pollfd(fd: stop, events: Int16(POLLIN), revents: 0)]
                let n = poll(&fds, 2, -1)
                if n < 0 { if errno == EINTR { continue }; return }
                if fds[1].revents != 0 { return }
                if fds[0].revents & Int16(POLLIN) != 0 {
                    _ = UnsafeFileIO.readSome(fd, into: &buffer)
                    onChange()
                }
            }
        }
    }

    package static func parent(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }

    package func cancel() {
        guard
            let handle = thread.withLock({ t -> pthread_t? in
                defer { t = nil }; return t
            })
        else { return }
        var byte: UInt8 = 1
        _ = write(stop.write, &byte, 1)
        pthread_join(handle, nil)
        close(fd)
        close(stop.read)
        close(stop.write)
    }

    deinit { cancel() }
}
#endif
