import Foundation
@testable import JSONCore
import Synchronization
import Testing

/// `ParallelMap.inOrder` hands every range's result to its consumer exactly once, in range
/// order, however the ranges' work finishes on the cores.
@Suite struct InOrderMapTests {
    /// The ranges consumed, and the threads that made them.
    final class Record: Sendable {
        let threads = Mutex<Set<UInt>>([])
    }

    @Test(arguments: [(0, 1), (1, 1), (5, 8), (100, 7), (1_000, 32), (3, 3)])
    func everyRangeIsConsumedOnceInOrder(count: Int, parts: Int) {
        let record = Record()
        var consumed: [Range<Int>] = []
        var values: [Int] = []
        ParallelMap.inOrder(count, parts: parts) { range in
            record.threads.withLock { _ = $0.insert(UInt(pthread_self())) }
            // Uneven work, later ranges often quicker: they finish out of order.
            usleep(UInt32((range.lowerBound * 7919) % 5 * 400))
            return range.map { $0 * 3 }
        } consume: { (range: Range<Int>, part: [Int]) in
            consumed.append(range)
            values += part
        }
        #expect(consumed.count == parts)
        #expect(consumed.map(\.lowerBound) == consumed.map(\.lowerBound).sorted())
        #expect(zip(consumed, consumed.dropFirst()).allSatisfy { $0.upperBound == $1.lowerBound })
        #expect(consumed.first?.lowerBound == 0 && consumed.last?.upperBound == count)
        #expect(values == (0..<count).map { $0 * 3 })
    }

    /// Ranges are made on another thread too. Which thread takes which range is the
    /// scheduler's choice (in a full test run the pool may start the helper late), so the
    /// calling thread's first range waits, up to 30 s, for one made elsewhere: a serial run
    /// would wait out the timeout and make none elsewhere.
    @Test func theOtherCoresMakeRangesWhileThisOneConsumes() {
        guard sysconf(Int32(_SC_NPROCESSORS_ONLN)) >= 2 else { return }
        let caller = UInt(pthread_self())
        let elsewhere = DispatchSemaphore(value: 0)
        let madeElsewhere = Mutex(false), callerWaited = Mutex(false)
        var order: [Int] = []
        ParallelMap.inOrder(64, parts: 16) { range in
            if UInt(pthread_self()) != caller {
                madeElsewhere.withLock { $0 = true }
                elsewhere.signal()
            } else if !callerWaited.withLock({ waited in
                defer { waited = true }; return waited
            }) {
                _ = elsewhere.wait(timeout: .now() + 30)
            }
            return range.lowerBound
        } consume: { _, first in
            order.append(first)
        }
        #expect(order == Array(stride(from: 0, to: 64, by: 4)))
        #expect(madeElsewhere.withLock { $0 }, "a range is made on another thread")
    }

    @Test func serialRunsEverythingOnTheCallingThread() {
        let record = Record()
        var consumed = 0
        ParallelMap.$serial.withValue(true) {
            ParallelMap.inOrder(100, parts: 10) { range in
                record.threads.withLock { _ = $0.insert(UInt(pthread_self())) }
                return range.count
            } consume: { _, n in
                consumed += n
            }
        }
        #expect(consumed == 100)
        #expect(record.threads.withLock { $0 } == [UInt(pthread_self())])
    }
}
