/// Where one range of `ParallelMap.collect` writes its elements: its own slots of the
/// result's storage, from the range's first on, one after another.
public struct UnsafeSlotWriter<T>: @unchecked Sendable {
    let base: UnsafeMutablePointer<T>
    private(set) var next: Int

    /// Writes `value` into this range's next slot; returns the slot.
    public mutating func append(_ value: T) -> Int {
        (base + next).initialize(to: value)
        next += 1
        return next - 1
    }
}

/// The join of `ParallelMap.collect`: every written slot, in ascending order, is kept
/// (moved down over the gaps left before it) or dropped, exactly once.
public struct UnsafeSlotCompactor<T> {
    let base: UnsafeMutablePointer<T>
    private(set) var kept = 0

    public mutating func keep(_ slot: Int) {
        // Down over the gaps, never up: kept <= slot, so nothing unread is overwritten.
        if slot != kept { (base + kept).moveInitialize(from: base + slot, count: 1) }
        kept += 1
    }

    public func drop(_ slot: Int) { (base + slot).deinitialize(count: 1) }
}

extension ParallelMap {
    /// An array built on every core without holding its elements twice: `0..<count` splits
    /// into `parts` ranges, each writes its elements straight into the result's storage from
    /// its first slot on and returns what the join needs; then `join`, on this thread, keeps or
    /// drops every written slot in ascending order and the kept ones close up. The result
    /// holds what was kept, in slot order.
    public static func collect<T, R: Sendable>(
        count: Int, parts: Int, _ produce: @Sendable (Range<Int>, inout UnsafeSlotWriter<T>) -> R,
        join: ([R], inout UnsafeSlotCompactor<T>) -> Void
    ) -> [T] {
        [T](unsafeUninitializedCapacity: count) { buffer, initialized in
            guard let base = buffer.baseAddress else { return }
            // Range r writes only slots of r, and the join reads them after every range has ended.
            nonisolated(unsafe) let storage = base
            let results = ranges(count, parts: parts) { range -> R in
                var writer = UnsafeSlotWriter(base: storage, next: range.lowerBound)
                return produce(range, &writer)
            }
            var compactor = UnsafeSlotCompactor(base: base)
            join(results, &compactor)
            initialized = compactor.kept
        }
    }
}
