import Loading

/// The moment a pull must be over, on the monotonic clock (a wall clock set back must not
/// stretch it), with the length it was given for messages ("timed out after 60 s").
public struct PullDeadline: Sendable, Equatable {
    /// Monotonic seconds at which the pull ends.
    public let end: Double
    /// The deadline as configured: what "timed out after N s" says.
    public let seconds: Double

    public init(seconds: Double, from start: Double = SystemClock.monotonic()) {
        self.seconds = seconds
        end = start + seconds
    }

    /// Seconds left (never below zero).
    public var remaining: Double { max(0, end - SystemClock.monotonic()) }

    public var hasPassed: Bool { remaining <= 0 }
}
