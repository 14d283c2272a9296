import Dispatch
import Synchronization

/// The ranges of one `ParallelMap.inOrder` and their results: each range is taken by one
/// thread (in range order, from a shared counter), its result written into its own slot and
/// announced on its own semaphore, which orders that write before the read that follows.
final class InOrderRun<T: Sendable>: @unchecked Sendable {
    let count: Int
    let parts: Int
    private let next = Atomic<Int>(0)
    private let slots: UnsafeMutableBufferPointer<T?>
    private let made: [DispatchSemaphore]

    init(count: Int, parts: Int) {
        self.count = count
        self.parts = parts
        slots = .allocate(capacity: parts)
        slots.initialize(repeating: nil)
        made = (0..<parts).map { _ in DispatchSemaphore(value: 0) }
    }

    func range(_ k: Int) -> Range<Int> { ParallelMap.part(k, of: count, parts: parts) }

    /// The next range no thread has taken, if any.
    private func take() -> Int? {
        let k = next.wrappingAdd(1, ordering: .relaxed).oldValue
        return k < parts ? k : nil
    }

    private func make(_ k: Int, _ body: (Range<Int>) -> T) {
        slots[k] = body(range(k))
        made[k].signal()
    }

    /// A helper's work: ranges until none is left.
    func makeAll(_ body: (Range<Int>) -> T) {
        while let k = take() { make(k, body) }
    }

    /// Range `k`'s result, making later ranges on this thread while it is not ready.
    func result(_ k: Int, makingOthers body: (Range<Int>) -> T) -> T {
        while made[k].wait(timeout: .now()) == .timedOut {
            guard let other = take() else {
                made[k].wait()
                break
            }
            make(other, body)
        }
        guard let value = slots[k].take() else { preconditionFailure("a made range always has its result") }
        return value
    }

    /// Frees the slots, every result having been taken.
    func deallocate() {
        slots.deinitialize()
        slots.deallocate()
    }
}
