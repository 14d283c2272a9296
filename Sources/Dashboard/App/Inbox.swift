import ThreatModel
import TerminalUI
import Reports
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// Messages posted from other threads (a feed finished a pull, a file changed) for the run
/// loop, with a pipe the loop's poll() watches: posting wakes it, an empty inbox costs nothing.
public final class Inbox: Sendable {
    private let queue = Mutex<[Message]>([])
    /// Read end (for poll) and write end of the wake-up pipe.
    public let wakeDescriptor: Int32
    private let writeDescriptor: Int32

    public init() {
        var fds: [Int32] = [-1, -1]
        if pipe(&fds) == 0 {
            for fd in fds {
                _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
                _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
            }
        }
        wakeDescriptor = fds[0]
        writeDescriptor = fds[1]
    }

    deinit {
        close(wakeDescriptor)
        close(writeDescriptor)
    }

    /// Queues `message` and wakes the loop (safe from any thread).
    public func post(_ message: Message) {
        queue.withLock { $0.append(message) }
        var byte: UInt8 = 1
        _ = write(writeDescriptor, &byte, 1)
    }

    /// Everything posted so far, oldest first; drains the pipe.
    public func take() -> [Message] {
        var buffer = [UInt8](repeating: 0, count: 256)
        while buffer.withUnsafeMutableBytes({ read(wakeDescriptor, $0.baseAddress, $0.count) }) > 0 {}
        return queue.withLock { q in
            defer { q.removeAll() }
            return q
        }
    }
}
