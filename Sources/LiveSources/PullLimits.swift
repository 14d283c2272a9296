/// How long a pull may take and how much it may bring in: the deadline bounds a whole pull
/// (every request's connect, TLS, head and body, and the waits between retries), each
/// response is capped, and so is everything a MISP feed or search holds at once.
///
/// A slow or hostile server (headers, then a byte a second) must not hold a pull open: the
/// per-read timeouts of an HTTP client restart with every byte, so only a wall-clock
/// deadline bounds it, as curl's `--max-time` does.
public struct PullLimits: Sendable, Equatable {
    public static let defaultDeadlineSeconds = 60.0
    public static let defaultMaxResponseBytes = 256 << 20
    public static let defaultMaxTotalBytes = 1 << 30

    /// Seconds from the start of a pull to its end, whatever it is doing.
    public var deadlineSeconds: Double
    /// The most one response may carry (its body, before any parsing).
    public var maxResponseBytes: Int
    /// The most a MISP feed's or search's events may hold together.
    public var maxTotalBytes: Int

    public init(
        deadlineSeconds: Double = defaultDeadlineSeconds, maxResponseBytes: Int = defaultMaxResponseBytes,
        maxTotalBytes: Int = defaultMaxTotalBytes
    ) {
        self.deadlineSeconds = deadlineSeconds.isFinite ? max(0.1, deadlineSeconds) : PullLimits.defaultDeadlineSeconds
        self.maxResponseBytes = max(1, maxResponseBytes)
        self.maxTotalBytes = max(1, maxTotalBytes)
    }

    /// "256 MiB", "1.5 GiB", "512 KiB", "12 bytes": sizes in limits and messages.
    public static func describe(bytes: Int) -> String {
        let units = [(1 << 30, "GiB"), (1 << 20, "MiB"), (1 << 10, "KiB")]
        for (size, name) in units where bytes >= size {
            let value = Double(bytes) / Double(size)
            let text = value == value.rounded() ? String(Int(value)) : String((value * 10).rounded() / 10)
            return text + " " + name
        }
        return bytes == 1 ? "1 byte" : "\(bytes) bytes"
    }

    /// "3 s", "2.5 s", "60 s": a deadline as the messages say it.
    public static func describe(seconds: Double) -> String {
        let text = seconds == seconds.rounded() ? String(Int(seconds)) : String((seconds * 10).rounded() / 10)
        return text + " s"
    }
}
