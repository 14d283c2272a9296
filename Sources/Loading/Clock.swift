import ThreatModel
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Wall time and waiting, injected everywhere (kiosk rotation, freshness, feed timers), so
/// tests can run a week of schedule in milliseconds without sleeping for real.
public protocol Clock: Sendable {
    /// Seconds since the epoch.
    func now() -> Double
    /// Suspends the caller for `seconds` of this clock's time.
    func sleep(seconds: Double) async
}

/// The operating system's clock.
public struct SystemClock: Clock {
    public init() {}

    public func now() -> Double {
        var ts = timespec()
        clock_gettime(CLOCK_REALTIME, &ts)
        return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
    }

    public func sleep(seconds: Double) async {
        guard seconds > 0 else { return }
        try? await Task.sleep(nanoseconds: UInt64(min(seconds, 86_400) * 1e9))
    }

    /// Monotonic seconds, for measuring durations.
    public static func monotonic() -> Double {
        var ts = timespec()
        clock_gettime(CLOCK_MONOTONIC, &ts)
        return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
    }
}
