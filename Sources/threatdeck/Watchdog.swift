#if canImport(Glibc)
import Glibc
#endif

/// systemd's service notifications without libsystemd: datagrams to `$NOTIFY_SOCKET`
/// ("READY=1", "WATCHDOG=1"). Present only when systemd runs us with `WatchdogSec=`
/// (`$WATCHDOG_USEC`) or asks for notifications at all.
final class Watchdog {
    let path: String
    /// Seconds between pings: half of what systemd allows.
    let interval: Double

    init?(environment: [String: String]) {
        guard let socketPath = environment["NOTIFY_SOCKET"], !socketPath.isEmpty else { return nil }
        path = socketPath
        let usec = environment["WATCHDOG_USEC"].flatMap(Double.init) ?? 0
        interval = usec > 0 ? max(0.5, usec / 1_000_000 / 2) : 30
    }

    /// Sends one notification; failures are ignored (systemd then restarts us, as it should).
    func send(_ message: String) {
        let fd = socket(AF_UNIX, Int32(SOCK_DGRAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard fd >= 0 else { return }
        defer { close(fd) }
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        var bytes = Array(path.utf8)
        // An abstract socket ("@name") starts with a NUL byte.
        if bytes.first == UInt8(ascii: "@") { bytes[0] = 0 }
        let capacity = MemoryLayout.size(ofValue: address.sun_path)
        guard bytes.count < capacity else { return }
        withUnsafeMutableBytes(of: &address.sun_path) { raw in
            for (k, b) in bytes.enumerated() { raw[k] = b }
        }
        let length = socklen_t(MemoryLayout<sa_family_t>.size + bytes.count)
        let payload = Array(message.utf8)
        _ = withUnsafePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { sa in
                payload.withUnsafeBytes { sendto(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL), sa, length) }
            }
        }
    }
}
