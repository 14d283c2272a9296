import Dispatch

/// Maps `0..<count` on every core: independent work (files until they are merged, actor
/// records, groups) that a 10,000-file feed makes large enough to split.
///
/// The generic functions are `@inlinable`, so that each caller's module specialises them for
/// its element type: unspecialised, as they were once they moved here from the model's own
/// module, every element passed to a body went through a copy (an Event's: a retain and a
/// release of each of its strings and arrays).
public enum ParallelMap {
    /// Below this many items the work runs on the calling thread: starting workers costs more.
    public static let threshold = 64
    /// From this many events a pass over all of them (reading, remapping, indexing) is split:
    /// below it the pass is over before workers would have started.
    public static let manyEvents = 20_000

    /// Set (for a task) to run everything on the calling thread: tests compare both ways.
    @TaskLocal public static var serial = false

    @inlinable
    public static func map<T: Sendable>(_ count: Int, minimum: Int = threshold, _ body: @Sendable (Int) -> T) -> [T] {
        if count < max(minimum, 2) || serial { return (0..<count).map(body) }
        let out = UnsafeMutableBufferPointer<T?>.allocate(capacity: count)
        out.initialize(repeating: nil)
        defer {
            out.deinitialize()
            out.deallocate()
        }
        // Each slot is written by exactly one iteration, and read only after all have ended.
        nonisolated(unsafe) let slots = out
        DispatchQueue.concurrentPerform(iterations: count) { i in slots[i] = body(i) }
        return out.compactMap { $0 }
    }

    /// Splits `0..<count` into `parts` consecutive ranges and maps them on every core; the
    /// results come back in range order, so joined they keep the order of `0..<count`.
    @inlinable
    public static func ranges<T: Sendable>(_ count: Int, parts: Int, _ body: @Sendable (Range<Int>) -> T) -> [T] {
        let parts = max(1, parts)
        return map(parts, minimum: 2) { k in body(part(k, of: count, parts: parts)) }
    }

    /// Range `k` of `0..<count` cut into `parts` consecutive ranges of nearly equal size.
    @inlinable
    public static func part(_ k: Int, of count: Int, parts: Int) -> Range<Int> {
        (count * k / parts)..<(count * (k + 1) / parts)
    }

    /// Runs `a` on another thread while `b` runs on this one (which may itself use
    /// `map`: a nested `concurrentPerform` would get no second core), and returns both.
    public static func pair<A: Sendable, B>(_ a: @escaping @Sendable () -> A, _ b: () -> B) -> (A, B) {
        if serial { return (a(), b()) }
        let slot = Slot<A>()
        let group = DispatchGroup()
        // Written on the other thread, read only after `wait`, which orders the two.
        DispatchQueue.global().async(group: group) { slot.value = a() }
        let second = b()
        group.wait()
        guard let first = slot.value else { preconditionFailure("the dispatched work always sets its slot") }
        return (first, second)
    }

    /// A result written by one thread and read by another after they have synchronised.
    private final class Slot<T>: @unchecked Sendable { var value: T? }
}

extension ParallelMap {
    /// Changes every element of `array` in place, in `parts` ranges on every core (one range:
    /// on this thread). `body` may touch only the element it is given: each element belongs
    /// to exactly one range, and the array is not read elsewhere until all have ended.
    @inlinable
    public static func updateInPlace<T>(_ array: inout [T], parts: Int, _ body: @Sendable (inout T) -> Void) {
        let count = array.count
        guard count > 0 else { return }
        array.withUnsafeMutableBufferPointer { buffer in
            nonisolated(unsafe) let elements = buffer
            _ = ranges(count, parts: parts) { range in
                for k in range { body(&elements[k]) }
            }
        }
    }

    /// Puts `array` in the order `positions` gives (slot i takes the element that was at
    /// `positions[i]`; a permutation of its indices), moving each element once, in place, a
    /// cycle at a time: no second buffer of them, and no retain or release.
    @inlinable
    public static func permute<T>(_ array: inout [T], by positions: [Int]) {
        let n = array.count
        guard positions.count == n, n > 1 else { return }
        array.withUnsafeMutableBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            var placed = [Bool](repeating: false, count: n)
            for i in 0..<n where !placed[i] {
                placed[i] = true
                guard positions[i] != i else { continue }
                let first = (base + i).move()
                var j = i
                while positions[j] != i {
                    let k = positions[j]
                    (base + j).moveInitialize(from: base + k, count: 1)
                    placed[k] = true
                    j = k
                }
                (base + j).initialize(to: first)
            }
        }
    }
}

extension ParallelMap {
    /// A copy of `array` with `body` applied to each element, made in `parts` ranges on every
    /// core: each element is copied once, straight into its place in fresh memory (a copy
    /// of a million events, then a pass over them, was twice the work).
    @inlinable
    public static func transformedCopy<T>(_ array: [T], parts: Int, _ body: @Sendable (inout T) -> Void) -> [T] {
        array.withUnsafeBufferPointer { source in
            nonisolated(unsafe) let source = source
            return [T](unsafeUninitializedCapacity: source.count) { buffer, initialized in
                // Each slot is written by exactly one range, and read only after all have ended.
                nonisolated(unsafe) let out = buffer
                _ = ranges(source.count, parts: parts) { range in
                    for k in range {
                        let slot = out.baseAddress! + k
                        slot.initialize(to: source[k])
                        body(&slot.pointee)
                    }
                }
                initialized = source.count
            }
        }
    }
}
