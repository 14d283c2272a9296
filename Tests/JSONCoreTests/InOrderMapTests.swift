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

    @Test func theOtherCoresMakeRangesWhileThisOneConsumes() {
        guard sysconf(Int32(_SC_NPROCESSORS_ONLN)) >= 2 else { return }
        let record = Record()
        let caller = UInt(pthread_self())
        var order: [Int] = []
        ParallelMap.inOrder(64, parts: 16) { range in
            record.threads.withLock { _ = $0.insert(UInt(pthread_self())) }
            usleep(2_000)
            return range.lowerBound
        } consume: { _, first in
            // The consumer is slow too: the helpers run ahead of it.
            usleep(1_000)
            order.append(first)
        }
        #expect(order == Array(stride(from: 0, to: 64, by: 4)))
        let threads = record.threads.withLock { $0 }
        #expect(threads.count >= 2, "ranges are made on more than one thread")
        #expect(threads.contains { $0 != caller })
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
