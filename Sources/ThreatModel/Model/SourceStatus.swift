/// How a live source is doing, in one model every place words the same way (the header,
/// `p`, the wall and `summary`): **connecting**, **fresh**, **retrying in N s**, **failed: why**,
/// and **stale since T** whenever the records shown are older than a pull that failed to
/// replace them. Times are kept, not text, so ages and countdowns are worded at draw time.
public struct SourceStatus: Hashable, Sendable {
    public enum State: String, Hashable, Sendable, CaseIterable {
        case connecting, fresh, retrying, failed
    }

    public var state: State
    /// When the records shown were pulled (nil: nothing yet).
    public var pulledAt: Double?
    /// The records shown came from the on-disk cache, not from a pull of this run.
    public var fromCache: Bool
    /// connecting: when the first pull began; retrying and failed: when the last attempt failed.
    public var since: Double
    /// retrying: the next attempt; failed: the next scheduled poll.
    public var nextAttempt: Double?
    /// Why the last attempt failed (retrying, failed).
    public var reason: String?
    /// What the source holds: "1,826 objects", "5 events · 1 unreadable".
    public var detail: String
    /// TLS verification is off for this source.
    public var insecure: Bool

    public init(
        _ state: State, pulledAt: Double? = nil, fromCache: Bool = false, since: Double = 0, nextAttempt: Double? = nil,
        reason: String? = nil, detail: String = "", insecure: Bool = false
    ) {
        self.state = state
        self.pulledAt = pulledAt
        self.fromCache = fromCache
        self.since = since
        self.nextAttempt = nextAttempt
        self.reason = reason
        self.detail = detail
        self.insecure = insecure
    }

    /// Records are shown, but not those of the latest pull.
    public var isStale: Bool { state != .fresh && pulledAt != nil }

    /// The status word: "connecting", "fresh", "retrying in 12s" (then "retrying now" while
    /// the attempt runs), "failed".
    public func word(now: Double) -> String {
        switch state {
        case .connecting: return "connecting"
        case .fresh: return "fresh"
        case .retrying:
            // Once the countdown is over the attempt is under way, for as long as the deadline
            // lets it run: "in 0s" for that long would read as stuck.
            let left = (nextAttempt ?? now) - now
            return left > 0 ? "retrying in " + ClockFormat.duration(left.rounded(.up)) : "retrying now"
        case .failed: return "failed"
        }
    }

    /// "stale since 14:02 (2h 5m)", or "stale since 14:02 (cache, 2h 5m)" when the records
    /// shown are not from the latest pull; without the age for the header.
    public func staleText(now: Double, age: Bool = true) -> String? {
        guard isStale, let pulledAt else { return nil }
        let since = "stale since " + SourceStatus.when(pulledAt, now: now)
        return age ? since + " (" + (fromCache ? "cache, " : "") + SourceStatus.age(now - pulledAt) + ")" : since
    }

    /// The word and, when stale, since when: what the header shows.
    public func short(now: Double) -> String {
        [word(now: now), staleText(now: now, age: false)].compactMap { $0 }.joined(separator: " · ")
    }

    /// The whole line: for `p`, the wall's STALE banner and `summary`.
    public func text(now: Double) -> String {
        var parts: [String] = []
        switch state {
        case .connecting:
            parts.append("connecting…")
        case .fresh:
            parts.append("fresh · pulled " + SourceStatus.when(pulledAt ?? now, now: now) + " (" + SourceStatus.age(now - (pulledAt ?? now)) + " ago)")
        case .retrying:
            parts.append(word(now: now) + (reason.map { ": " + $0 } ?? ""))
        case .failed:
            parts.append("failed: " + (reason ?? "unknown"))
            if let next = nextAttempt { parts.append("next try " + SourceStatus.when(next, now: now)) }
        }
        if let stale = staleText(now: now) { parts.append(stale) }
        if !detail.isEmpty { parts.append(detail) }
        if insecure { parts.append("TLS NOT VERIFIED") }
        return parts.joined(separator: " · ")
    }

    /// When `text(now:)` next reads differently by itself (a countdown, an age), so the
    /// screen is redrawn then and not every second; nil when it never does.
    public func nextChange(after now: Double) -> Double? {
        var next: Double?
        func consider(_ t: Double) { if t > now { next = min(next ?? t, t) } }
        if state == .retrying, let at = nextAttempt, at > now {
            let left = at - now
            // The countdown shows whole seconds (rounded up) below a minute, whole minutes above.
            let step = left > 60 ? 60.0 : 1.0
            consider(at - ((left / step).rounded(.up) - 1) * step)
        }
        if let pulledAt, state == .fresh || isStale {
            // Ages show whole minutes: the next minute of age.
            let age = max(0, now - pulledAt)
            consider(pulledAt + ((age / 60).rounded(.down) + 1) * 60)
        }
        return next
    }

    /// "<1m", "12m", "3h 5m": an age, in whole minutes (seconds would redraw every second).
    public static func age(_ seconds: Double) -> String {
        seconds < 60 ? "<1m" : ClockFormat.duration(seconds)
    }

    /// "14:02" today, "2026-11-21 14:02" further back or ahead.
    static func when(_ t: Double, now: Double) -> String {
        abs(now - t) < 20 * 3600 ? String(ClockFormat.time(t).prefix(5)) : ClockFormat.dateTime(t)
    }
}
