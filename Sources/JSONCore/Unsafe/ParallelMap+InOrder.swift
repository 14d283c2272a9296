import Dispatch
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension ParallelMap {
    /// Maps `parts` consecutive ranges of `0..<count` on every core and hands each result to
    /// `consume` on the calling thread in range order, each as soon as it is made: a pass
    /// whose second half must run in order (a bundle's objects, read after their headers)
    /// then overlaps the first. While the next result is not made, the calling thread makes
    /// a later range itself rather than wait; it waits only when every range is taken.
    public static func inOrder<T: Sendable>(
        _ count: Int, parts: Int, _ body: @Sendable (Range<Int>) -> T, consume: (Range<Int>, T) -> Void
    ) {
        let parts = max(1, parts)
        let helpers = serial ? 0 : min(parts - 1, sysconf(Int32(_SC_NPROCESSORS_ONLN)) - 1)
        guard helpers > 0 else {
            for k in 0..<parts {
                let range = part(k, of: count, parts: parts)
                consume(range, body(range))
            }
            return
        }
        let run = InOrderRun<T>(count: count, parts: parts)
        withoutActuallyEscaping(body) { body in
            let group = DispatchGroup()
            // The helpers never outlive this call: it waits for them below.
            for _ in 0..<helpers { DispatchQueue.global().async(group: group) { run.makeAll(body) } }
            for k in 0..<parts {
                consume(run.range(k), run.result(k, makingOthers: body))
            }
            group.wait()
        }
        run.deallocate()
    }
}
