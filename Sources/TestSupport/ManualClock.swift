import Synchronization
import ThreatModel
import Loading

/// A clock tests move by hand: `now` is what they set, and `sleep` returns as soon as the
/// clock is advanced past the wake-up time, so a week of polls or rotations takes no real time.
public final class ManualClock: Clock, @unchecked Sendable {
    private let value: Mutex<Double>
    private let sleepers = Mutex<[(until: Double, resume: CheckedContinuation<Void, Never>)]>([])

    public init(_ start: Double = 1_790_000_000) { value = Mutex(start) }

    public func now() -> Double { value.withLock { $0 } }

    public var current: Double { now() }

    public func set(_ t: Double) {
        value.withLock { $0 = t }
        wake()
    }

    public func advance(_ seconds: Double) {
        value.withLock { $0 += seconds }
        wake()
    }

    public func sleep(seconds: Double) async {
        let until = now() + seconds
        if seconds <= 0 { return }
        await withCheckedContinuation { (c: CheckedContinuation<Void, Never>) in
            sleepers.withLock { $0.append((until, c)) }
            wake()
        }
    }

    /// Sleepers waiting now (for tests that advance only once a task sleeps).
    public var waiting: Int { sleepers.withLock { $0.count } }

    private func wake() {
        let t = now()
        let due = sleepers.withLock { list -> [CheckedContinuation<Void, Never>] in
            let ready = list.filter { $0.until <= t }.map(\.resume)
            list.removeAll { $0.until <= t }
            return ready
        }
        for c in due { c.resume() }
    }
}
