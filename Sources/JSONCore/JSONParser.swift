#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A strict RFC 8259 parser that builds a `JSONDocument` tape in one pass over the bytes.
///
/// Iterative (an explicit stack, so 10,000-deep nesting is an error message, not a stack
/// overflow), validates UTF-8 inside strings, and reports the first problem with its byte
/// offset, line:column and the JSON path of the value being read.
enum JSONParser {
    /// `split`: where a second thread starts scanning (`JSONSplit`), -1 for nowhere; by
    /// default a large file's guessed middle element, and none for small ones.
    static func parse(_ bytes: [UInt8], maxDepth: Int, split: Int? = nil) throws(JSONSyntaxError) -> Tape {
        try parse(SourceBytes(bytes), maxDepth: maxDepth, split: split)
    }

    static func parse(_ bytes: SourceBytes, maxDepth: Int, split: Int? = nil) throws(JSONSyntaxError) -> Tape {
        guard bytes.count < Int(UInt32.max) else {
            throw JSONSyntaxError(offset: 0, line: 1, column: 1, path: [], message: "file is larger than 4 GiB")
        }
        let at: Int? =
            if let split { split >= 0 && split < bytes.count ? split : nil } else {
                JSONSplit.wanted(bytes.count) ? bytes.withUnsafeBufferPointer(JSONSplit.point) : nil
            }
        // A node per 10 bytes fits most files (ATT&CK has one per 40, a native report one per
        // 11); a split parse asks for room for one per 6, in address space only (pages
        // nobody writes cost nothing), to fit the second half's region after the first's.
        let capacity = bytes.count / (at == nil ? 10 : 6) + 16
        let tape = Tape(capacity: capacity)
        let second = at.map { start in
            // Its nodes go a little past where this scan's should end (an eighth more than
            // the estimate: a sample may miss), so that moving them down when joining writes
            // mostly over pages they have already touched.
            let estimate = bytes.withUnsafeBufferPointer { JSONSplit.nodes(before: start, in: $0) }
            let region = tape.lend(from: estimate + estimate / 8 + 4096)
            return JSONSplit.SecondHalf(bytes, start: start, tape: region ?? Tape(capacity: (bytes.count - start) / 10 + 16), maxDepth: maxDepth)
        }
        let failure: JSONSyntaxError? = bytes.withUnsafeBufferPointer { buffer in
            var scanner = JSONScanner(
                base: buffer.baseAddress ?? UnsafePointer(bitPattern: 1)!, count: buffer.count,
                tape: tape, maxDepth: maxDepth)
            scanner.pauseAt = at ?? -1
            scanner.source = bytes
            var outcome = scanner.run()
            if outcome == nil, scanner.paused {
                // The first half is at the second's start, in an array: join it if it is whole
                // and within the limits the single scan would have checked on the way.
                if let part = second?.wait(), scanner.pausedDepth - 1 + part.deepest < maxDepth,
                    UInt64(scanner.pausedCount) + UInt64(part.elements) <= UInt64(JSONDocument.Node.maxChildren)
                {
                    scanner.join(part.tape, elements: part.elements, closedAt: part.closedAt)
                    outcome = scanner.run(from: .afterValue)
                } else {
                    scanner.unpause()
                    outcome = scanner.run(from: .value)
                }
            }
            guard let (offset, message) = outcome else { return nil }
            return scanner.error(at: offset, message, bytes: bytes)
        }
        if let failure { throw failure }
        tape.releaseUnusedTail()
        return tape
    }

    @inline(__always)
    static func hexValue(_ c: UInt8) -> UInt32? {
        switch c {
        case 0x30...0x39: return UInt32(c - 0x30)
        case 0x41...0x46: return UInt32(c - 0x41 + 10)
        case 0x61...0x66: return UInt32(c - 0x61 + 10)
        default: return nil
        }
    }

    /// Length of the well-formed UTF-8 sequence at `j` (2–4), or 0 when it is ill-formed
    /// (overlong, surrogate, beyond U+10FFFF, truncated).
    @inline(__always)
    static func utf8SequenceLength(_ p: UnsafePointer<UInt8>, _ j: Int, _ n: Int) -> Int {
        let b0 = p[j]
        @inline(__always) func cont(_ k: Int) -> Bool { j + k < n && p[j + k] & 0xC0 == 0x80 }
        switch b0 {
        case 0xC2...0xDF:
            return cont(1) ? 2 : 0
        case 0xE0:
            return j + 1 < n && p[j + 1] >= 0xA0 && p[j + 1] <= 0xBF && cont(2) ? 3 : 0
        case 0xE1...0xEC, 0xEE...0xEF:
            return cont(1) && cont(2) ? 3 : 0
        case 0xED:
            return j + 1 < n && p[j + 1] >= 0x80 && p[j + 1] <= 0x9F && cont(2) ? 3 : 0
        case 0xF0:
            return j + 1 < n && p[j + 1] >= 0x90 && p[j + 1] <= 0xBF && cont(2) && cont(3) ? 4 : 0
        case 0xF1...0xF3:
            return cont(1) && cont(2) && cont(3) ? 4 : 0
        case 0xF4:
            return j + 1 < n && p[j + 1] >= 0x80 && p[j + 1] <= 0x8F && cont(2) && cont(3) ? 4 : 0
        default:
            return 0
        }
    }

    /// Decodes a string body that contains escapes (already validated by the scanner),
    /// straight into the string's storage: the runs between backslashes are copied whole
    /// (memchr finds the next one) instead of a byte at a time into an array that was then
    /// copied into the string (ATT&CK's descriptions all have escapes; 1-2% of reading it).
    static func unescape(_ raw: UnsafeBufferPointer<UInt8>) -> String {
        let n = raw.count
        guard let base = raw.baseAddress, n > 0 else { return "" }
        // The text never grows past 1.5 times: the most is "\u" without its digits (two
        // bytes) becoming U+FFFD (three); every other escape shrinks.
        return String(unsafeUninitializedCapacity: n + n / 2 + 4) { out in
            guard let to = out.baseAddress else { return 0 }
            var o = 0
            var j = 0
            func scalar(_ v: UInt32) {
                let v = (v >= 0xD800 && v <= 0xDFFF) || v > 0x10FFFF ? 0xFFFD : v
                if v < 0x80 {
                    to[o] = UInt8(v); o += 1
                } else if v < 0x800 {
                    to[o] = UInt8(0xC0 | v >> 6); to[o + 1] = UInt8(0x80 | v & 0x3F); o += 2
                } else if v < 0x10000 {
                    to[o] = UInt8(0xE0 | v >> 12); to[o + 1] = UInt8(0x80 | v >> 6 & 0x3F); to[o + 2] = UInt8(0x80 | v & 0x3F); o += 3
                } else {
                    to[o] = UInt8(0xF0 | v >> 18); to[o + 1] = UInt8(0x80 | v >> 12 & 0x3F)
                    to[o + 2] = UInt8(0x80 | v >> 6 & 0x3F); to[o + 3] = UInt8(0x80 | v & 0x3F); o += 4
                }
            }
            func hex4(_ at: Int) -> UInt32? {
                guard at + 3 < n else { return nil }
                var v: UInt32 = 0
                for k in 0..<4 {
                    guard let d = hexValue(base[at + k]) else { return nil }
                    v = v << 4 | d
                }
                return v
            }
            while j < n {
                let next = memchr(base + j, 0x5C, n - j).map { UnsafeRawPointer($0) - UnsafeRawPointer(base) } ?? n
                if next > j {
                    (to + o).update(from: base + j, count: next - j)
                    o += next - j
                    j = next
                }
                guard j < n else { break }
                // A backslash at the very end stays (a cut never leaves one; kept as before).
                guard j + 1 < n else { to[o] = 0x5C; o += 1; j += 1; break }
                let e = base[j + 1]
                j += 2
                switch e {
                case 0x62: to[o] = 0x08; o += 1
                case 0x66: to[o] = 0x0C; o += 1
                case 0x6E: to[o] = 0x0A; o += 1
                case 0x72: to[o] = 0x0D; o += 1
                case 0x74: to[o] = 0x09; o += 1
                case 0x75:
                    guard let high = hex4(j) else { scalar(0xFFFD); continue }
                    j += 4
                    if high >= 0xD800 && high <= 0xDBFF {
                        if j + 1 < n, base[j] == 0x5C, base[j + 1] == 0x75, let low = hex4(j + 2), low >= 0xDC00, low <= 0xDFFF {
                            j += 6
                            scalar(0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00))
                        } else {
                            scalar(0xFFFD)
                        }
                    } else {
                        scalar(high)
                    }
                default: to[o] = e; o += 1
                }
            }
            return o
        }
    }

    /// The value of a number token. Locale-free: never strtod, whose decimal point follows
    /// LC_NUMERIC (under de_DE it reads "58.5" as 58). Integers of up to 15 digits convert
    /// directly; everything else goes through Swift's own correctly rounded parser. Values
    /// beyond Double's range are ±infinity (`1e400`); callers decide whether that is valid.
    static func parseNumber(_ bytes: SourceBytes, start: Int, length: Int) -> Double? {
        bytes.withUnsafeBufferPointer { buffer in
            guard length > 0, start >= 0, start + length <= buffer.count else { return nil }
            var negative = false
            var k = start
            if buffer[k] == 0x2D { negative = true; k += 1 }
            var value: Int64 = 0
            var simple = length - (negative ? 1 : 0) <= 15 && k < start + length
            while simple && k < start + length {
                let c = buffer[k]
                if c >= 0x30 && c <= 0x39 { value = value * 10 + Int64(c - 0x30); k += 1 } else { simple = false }
            }
            // -0 stays negative zero, as JSON means it.
            if simple { return value == 0 && negative ? -0.0 : Double(negative ? -value : value) }
            let text = String(decoding: UnsafeBufferPointer(rebasing: buffer[start..<start + length]), as: UTF8.self)
            return Double(text)
        }
    }
}
