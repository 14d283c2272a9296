import ThreatModel
import Dispatch

/// Frees a large value on a background thread. Replacing a dataset of 100,000 events drops
/// millions of references; done on the run loop's thread, that is a fifth of a reload the
/// wall waits for, although nothing needs the old value any more.
public enum DeferredRelease {
    public static func release<T: Sendable>(_ value: consuming T) {
        let box = value
        // A second later, not at once: the freeing happens wherever the last reference is
        // dropped, and a worker that ran at once dropped its copy before the caller dropped
        // its own, so the caller freed the 100,000 events after all (a third of an update).
        DispatchQueue.global(qos: .utility).asyncAfter(deadline: .now() + 1) { withExtendedLifetime(box) {} }
    }
}
