#if canImport(Glibc)
import Glibc
#endif

/// A process as /proc sees it: running or not (a zombie is not running, whatever `kill -0`
/// says), its CPU time, and its children.
public enum ProcessStatus {
    static func stat(_ pid: Int32) -> [String]? {
        guard let f = fopen("/proc/\(pid)/stat", "r") else { return nil }
        defer { fclose(f) }
        var buffer = [CChar](repeating: 0, count: 2048)
        guard fgets(&buffer, Int32(buffer.count), f) != nil else { return nil }
        let line = String(cString: buffer)
        // The command name is in parentheses and may contain spaces: fields start after ")".
        guard let close = line.lastIndex(of: ")") else { return nil }
        return line[line.index(after: close)...].split(separator: " ").map(String.init)
    }

    /// True while the process exists and is not a zombie or dead.
    public static func isRunning(_ pid: Int32) -> Bool {
        guard let fields = stat(pid), let state = fields.first else { return false }
        return state != "Z" && state != "X"
    }

    /// User plus system CPU time in clock ticks (utime and stime).
    public static func cpuTicks(_ pid: Int32) -> Int {
        guard let f = stat(pid), f.count > 13, let u = Int(f[11]), let s = Int(f[12]) else { return 0 }
        return u + s
    }

    public static var ticksPerSecond: Int { Int(sysconf(Int32(_SC_CLK_TCK))) }

    /// The direct children of a process.
    public static func children(_ pid: Int32) -> [Int32] {
        var out: [Int32] = []
        guard let dir = opendir("/proc/\(pid)/task") else { return out }
        defer { closedir(dir) }
        while let entry = readdir(dir) {
            let name = withUnsafePointer(to: entry.pointee.d_name) { $0.withMemoryRebound(to: CChar.self, capacity: 256) { String(cString: $0) } }
            guard let tid = Int32(name), let f = fopen("/proc/\(pid)/task/\(tid)/children", "r") else { continue }
            var buffer = [CChar](repeating: 0, count: 4096)
            if fgets(&buffer, Int32(buffer.count), f) != nil {
                out += String(cString: buffer).split(separator: " ").compactMap { Int32($0.trimmingSpaces) }
            }
            fclose(f)
        }
        return out
    }

    /// All descendants whose command line contains `needle`.
    public static func descendants(of pid: Int32, named needle: String) -> [Int32] {
        var out: [Int32] = []
        var queue = children(pid)
        while let p = queue.first {
            queue.removeFirst()
            if commandLine(p).contains(needle) { out.append(p) }
            queue += children(p)
        }
        return out
    }

    public static func commandLine(_ pid: Int32) -> String {
        guard let f = fopen("/proc/\(pid)/cmdline", "r") else { return "" }
        defer { fclose(f) }
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let n = fread(&buffer, 1, buffer.count, f)
            if n <= 0 { break }
            bytes += buffer[0..<n]
        }
        return String(decoding: bytes.map { $0 == 0 ? 0x20 : $0 }, as: UTF8.self)
    }
}

extension Substring {
    var trimmingSpaces: String { String(self.drop { $0 == " " || $0 == "\n" }.reversed().drop { $0 == " " || $0 == "\n" }.reversed()) }
}
