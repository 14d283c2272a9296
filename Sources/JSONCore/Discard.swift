import Dispatch

/// Lets go of a value on another thread: for the tables a large read leaves behind, whose
/// freeing is a release per string (ATT&CK's 20,000 relationships and 22,652 headers: 4 to
/// 5 ms each on the loading thread, which the first frame waits for).
public enum Discard {
    /// `value` is freed on a background queue, a second later. Ownership moves here
    /// (`sending`): nothing else may hold it, or it is that holder, not this, who frees it.
    /// Not at once: freed at once, on the second core while the load went on, the tables took
    /// that core from the work split across both (perf of a snapshot of ATT&CK: the
    /// dangling-reference lookups ran on one core); a second later the first frame is out,
    /// and a snapshot or export has exited without freeing them at all.
    public static func elsewhere<T>(_ value: sending T) {
        let box = Box(value: value)
        DispatchQueue.global(qos: .utility).asyncAfter(deadline: .now() + 1) { withExtendedLifetime(box) {} }
    }

    /// The one reference to what is discarded, passed to the queue that drops it.
    private final class Box<Value>: @unchecked Sendable {
        let value: Value
        init(value: sending Value) { self.value = value }
    }
}
