/// When to try again after a failed pull. Transient failures back off exponentially with
/// jitter (half the delay fixed, half random, so many walls behind one proxy do not retry in
/// step): 2 s, 4 s, 8 s … up to the poll interval, and never more than ten minutes. A server's
/// Retry-After is a floor. Other failures wait for the next scheduled poll (at most ten
/// minutes away), so a fixed server is seen soon without hammering a broken one.
public struct Backoff: Sendable, Equatable {
    public static let base = 2.0
    public static let ceiling = 600.0

    public var pollSeconds: Double

    public init(pollSeconds: Double) {
        self.pollSeconds = max(1, pollSeconds)
    }

    /// Seconds until the next attempt after the `failures`-th failure in a row (1 for the first).
    /// `random` is in 0..<1 (injected: tests fix it).
    public func delay(after failures: Int, error: PullError, random: Double) -> Double {
        guard error.isTransient else { return min(pollSeconds, Backoff.ceiling) }
        let cap = min(max(pollSeconds, Backoff.base), Backoff.ceiling)
        let full = min(cap, Backoff.base * Double(1 << min(max(failures, 1) - 1, 20)))
        let jittered = full / 2 + full / 2 * min(max(random, 0), 1)
        return max(jittered, error.retryAfter ?? 0)
    }
}
