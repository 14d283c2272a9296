import Dispatch
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Parsing a large file on two cores: the second half of the elements of its big array
/// (a bundle's objects, a report's events) is scanned on another thread while the first
/// half is scanned here, and joined onto the tape when this scan reaches them.
///
/// Where the second half starts is a guess (`point`), and never trusted: it is used only if
/// the first half, parsing from the start, arrives at exactly that byte expecting a value
/// in an array, and the second half scanned without a problem to the bracket that closed
/// that array. Then it is the very tape the single scan would have built, since a scan from
/// there depends on nothing else (depth and element count are checked on joining). In every
/// other case the first half goes on alone, so results and messages are the single scan's.
enum JSONSplit {
    /// Below this the whole parse takes a few milliseconds: not worth a thread.
    static let minimum = 2 << 20

    /// Whether a parse of `count` bytes is split (two cores or more, a large file).
    static func wanted(_ count: Int) -> Bool {
        count >= minimum && sysconf(Int32(_SC_NPROCESSORS_ONLN)) >= 2
    }

    /// A likely start of an array element near the middle of `bytes`: in pretty-printed
    /// JSON the shallowest `{` or `[` opening a line after a line ending in a comma (a raw
    /// line feed is never inside a string, so that is an element of some array); on one line
    /// the first `{` of a `},{"` or `}, {"` (Python's `json.dump` writes ATT&CK with the space;
    /// inside a string that quote would be escaped).
    static func point(in bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        let n = bytes.count
        guard n >= 16, let p = bytes.baseAddress else { return nil }
        let from = n / 2, to = min(n, from + (1 << 20))
        var best = -1, bestIndent = Int.max, candidates = 0
        var j = from
        while j < to, candidates < 256, let hit = memchr(p + j, 0x0A, to - j) {
            let q = UnsafePointer<UInt8>(hit.assumingMemoryBound(to: UInt8.self)) - p
            j = q + 1
            var back = q - 1
            while back > 0, p[back] == 0x20 || p[back] == 0x09 || p[back] == 0x0D { back -= 1 }
            guard back > 0, p[back] == 0x2C else { continue }
            var k = q + 1
            while k < n, p[k] == 0x20 || p[k] == 0x09 { k += 1 }
            guard k < n, p[k] == 0x7B || p[k] == 0x5B else { continue }
            candidates += 1
            if k - q < bestIndent {
                bestIndent = k - q
                best = k
            }
        }
        if best >= 0 { return best }
        j = from
        while j + 3 < to {
            guard let hit = memchr(p + j, 0x2C, to - j - 2) else { return nil }
            let q = UnsafePointer<UInt8>(hit.assumingMemoryBound(to: UInt8.self)) - p
            var k = q + 1
            while k < n, k - q <= 4, p[k] == 0x20 || p[k] == 0x09 { k += 1 }
            if q > 0, k + 1 < n, p[q - 1] == 0x7D, p[k] == 0x7B, p[k + 1] == 0x22 { return k }
            j = q + 1
        }
        return nil
    }

    /// About how many nodes the bytes before `end` make, from a sample of them (64 blocks of
    /// 4 KiB spread evenly, all of them below 256 KiB): a node for each comma, colon and
    /// opening bracket outside strings (keys and values, each container once; empty
    /// containers make it err a little high). Where the second half's nodes are put, so that
    /// they are already near their final place: an estimate 50 % high (commas and colons in
    /// ATT&CK's prose counted, brackets twice) left 3.7 MB of the tape to be touched for the
    /// first time when they moved down.
    ///
    /// A block may start inside a string. Both guesses are counted in one pass, and the one
    /// kept is the one with fewer letters outside strings (outside there are only `true`,
    /// `false` and `null`; inside, keys and prose). A lookup per byte and no branch but for
    /// escapes (a switch over one block in 8 was 8 ms of ATT&CK enterprise's open).
    ///
    /// It runs before either half starts. One block in 16 was 25 M instructions on ATT&CK
    /// 17.1 (a megabyte sampled); 64 blocks are a quarter of that and within 3 % of it there
    /// (2.6 % low) and on the native benchmark file (0.2 %); the region is put an eighth
    /// beyond the estimate.
    static func nodes(before end: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Int {
        guard end > 0, let p = bytes.baseAddress else { return 0 }
        let block = 4096, stride = max(block, end / 64 / block * block)
        var sampled = 0, counted = 0
        var from = 0
        byteClasses.withUnsafeBufferPointer { table in
            while from < end {
                let to = min(end, from + block)
                // Under the first guess (the block starts outside a string) a byte is outside
                // while `inside` is 0; under the second, while it is 1.
                var inside = 0, nodes0 = 0, nodes1 = 0, letters0 = 0, letters1 = 0
                var k = from
                while k < to {
                    let c = Int(table[Int(p[k])])
                    if c & escape != 0 {
                        k += 2
                        continue
                    }
                    let node = c & structural, letter = (c & alphabetic) >> 1
                    nodes0 &+= node & (inside &- 1)
                    nodes1 &+= node & (0 &- inside)
                    letters0 &+= letter & (inside &- 1)
                    letters1 &+= letter & (0 &- inside)
                    inside ^= (c & quote) >> 2
                    k += 1
                }
                counted += letters0 <= letters1 ? nodes0 : nodes1
                sampled += to - from
                from += stride
            }
        }
        return Int(Double(counted) / Double(max(1, sampled)) * Double(end))
    }

    private static let structural = 1, alphabetic = 2, quote = 4, escape = 8

    /// Per byte value, its class for `nodes`: structural (a comma, colon or opening bracket),
    /// alphabetic (an ASCII letter), a quote, or a backslash.
    private static let byteClasses: [UInt8] = (0..<256).map { b in
        switch b {
        case 0x2C, 0x3A, 0x7B, 0x5B: return UInt8(structural)
        case 0x41...0x5A, 0x61...0x7A: return UInt8(alphabetic)
        case 0x22: return UInt8(quote)
        case 0x5C: return UInt8(escape)
        default: return 0
        }
    }

    /// The second half's scan, running on another thread from `start`.
    final class SecondHalf: @unchecked Sendable {
        struct Part {
            var tape: Tape
            var elements: UInt32
            var closedAt: Int
            var deepest: Int
        }

        private let group = DispatchGroup()
        /// Written by the worker, read only after `group.wait()`, which orders the two.
        private var part: Part?

        /// Starts the scan into `tape` (a region the first half lent it, or its own). The worker
        /// keeps its own references to `bytes` and the tape's storage: when the first half does
        /// not need it (a problem before the split), nobody waits for it.
        init(_ bytes: SourceBytes, start: Int, tape: Tape, maxDepth: Int) {
            DispatchQueue.global().async(group: group) { [self] in
                part = bytes.withUnsafeBufferPointer { buffer -> Part? in
                    guard let base = buffer.baseAddress else { return nil }
                    var scanner = JSONScanner(elementsFrom: start, base: base, count: buffer.count, tape: tape, maxDepth: maxDepth)
                    scanner.source = bytes
                    guard scanner.run() == nil, scanner.closedAt >= 0 else { return nil }
                    return Part(tape: tape, elements: scanner.pausedCount, closedAt: scanner.closedAt, deepest: scanner.deepest)
                }
            }
        }

        /// The scanned part, once the worker is done; nil when it met a problem (the first
        /// half then scans that stretch itself, and reports the problem as it always does).
        func wait() -> Part? {
            group.wait()
            return part
        }
    }
}
