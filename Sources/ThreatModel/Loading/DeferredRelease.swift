import Dispatch

/// Frees a large value on a background thread. Replacing a dataset of 100,000 events drops
/// millions of references; done on the run loop's thread, that is a fifth of a reload the
/// wall waits for, although nothing needs the old value any more.
public enum DeferredRelease {
    public static func release<T: Sendable>(_ value: consuming T) {
        let box = value
        DispatchQueue.global(qos: .utility).async { withExtendedLifetime(box) {} }
    }
}
