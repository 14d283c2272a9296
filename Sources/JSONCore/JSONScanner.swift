/// The parser's inner loop: a state machine over raw bytes that appends nodes to a `Tape`.
///
/// Kept as a struct with stored cursor state (rather than closures capturing locals) so the
/// optimiser keeps the cursor in registers; strings are skipped sixteen bytes at a time and
/// indentation eight, since descriptions and pretty-printing make up most of a STIX bundle.
struct JSONScanner {
    enum State { case value, key, afterValue }

    private struct Frame {
        var node: Int
        var count: UInt32
        var isObject: Bool
        var lastKey: Int
    }

    let p: UnsafePointer<UInt8>
    let n: Int
    let tape: Tape
    let maxDepth: Int
    private var i = 0
    private var stack: [Frame] = []
    /// The first half of a split parse stops here, if it is a value in an array, for the
    /// second half's elements to join (`JSONSplit`); -1: never.
    var pauseAt = -1
    private(set) var paused = false
    /// The second half of a split parse: the bottom frame stands for an array opened before
    /// the start, and closing it ends the scan, here.
    private(set) var closedAt = -1
    /// The deepest the stack was when a container opened (the second half's depth is relative).
    private(set) var deepest = 0
    /// The bytes scanned, when their scanned pages may go (`SourceBytes.evict`: a mapped
    /// file's, which come back from the file when a reader decodes a string or locates a
    /// problem): a large file's text and its tape are then never both whole in memory.
    var source: SourceBytes?
    /// Bytes before this are let go; the next step's worth goes once the scan is past it.
    private var evictedTo = 0
    static let evictionStep = 1 << 20

    init(base: UnsafePointer<UInt8>, count: Int, tape: Tape, maxDepth: Int) {
        self.p = base
        self.n = count
        self.tape = tape
        self.maxDepth = maxDepth
        stack.reserveCapacity(64)
    }

    /// A scanner for the elements of an array from `start` on: the array was opened before it.
    init(elementsFrom start: Int, base: UnsafePointer<UInt8>, count: Int, tape: Tape, maxDepth: Int) {
        self.init(base: base, count: count, tape: tape, maxDepth: maxDepth)
        i = start
        evictedTo = start
        stack.append(Frame(node: -1, count: 0, isObject: false, lastKey: -1))
    }

    /// Where the first half paused: its depth, and the element count of the array it is in
    /// (for a second half whose array closed: the elements it scanned).
    var pausedDepth: Int { stack.count }
    var pausedCount: UInt32 { stack.last?.count ?? 0 }

    /// The first half, paused, takes the second half's elements (`part`, with its container
    /// ends relative to its own start) and goes on from the bracket that closed them.
    mutating func join(_ part: Tape, elements: UInt32, closedAt: Int) {
        tape.append(contentsOf: part)
        stack[stack.count - 1].count += elements
        i = closedAt
        close()
        paused = false
        pauseAt = -1
    }

    /// Goes on without the second half, as if there were none.
    mutating func unpause() {
        paused = false
        pauseAt = -1
    }

    /// Scans the input; nil on success, else the offset and message of the first problem.
    /// Nil also when paused (`paused`) or, for a second half, when its array closed (`closedAt`).
    ///
    /// The three states' common paths stay in this one loop: as separate steps (cad4f31, for
    /// the 80-line rule) the optimiser, past its limit on the caller's size, called them per
    /// token instead of inlining them, and the scan of a 26 MB file took a third more CPU
    /// time. What is rare (containers, numbers, literals, every problem's message) is called.
    mutating func run(from start: State = .value) -> (Int, String)? {
        // A UTF-8 byte order mark is tolerated: some editors write one.
        if i == 0, n >= 3, p[0] == 0xEF, p[1] == 0xBB, p[2] == 0xBF { i = 3 }
        var state = start
        while true {
            switch state {
            case .value:
                if i - evictedTo >= JSONScanner.evictionStep { evictScanned() }
                skipWhitespace()
                guard i < n else { return (i, tape.count == 0 ? "empty input: expected a JSON value" : "unexpected end of file: expected a value") }
                if i == pauseAt, let top = stack.last, !top.isObject {
                    paused = true
                    return nil
                }
                let c = p[i]
                if c == 0x22 {
                    if let e = scanString() { return e }
                    state = .afterValue
                } else if c == 0x7B || c == 0x5B {
                    guard let next = open(isObject: c == 0x7B) else { return (i, "nesting deeper than \(maxDepth) levels") }
                    state = next
                } else {
                    if let e = scanScalar(c) { return e }
                    state = .afterValue
                }
            case .key:
                // A member name and its colon.
                skipWhitespace()
                guard i < n, p[i] == 0x22 else { return keyProblem() }
                let keyNode = tape.count
                if let e = scanString(isKey: true) { return e }
                stack[stack.count - 1].lastKey = keyNode
                skipWhitespace()
                guard i < n, p[i] == 0x3A else { return (i, "unexpected \(describe(i)): expected ':' after member name") }
                i += 1
                state = .value
            case .afterValue:
                // The end of the text, a comma, or the container's closing bracket.
                if stack.isEmpty { return endOfText() }
                let top = stack.count - 1
                guard stack[top].count < JSONDocument.Node.maxChildren else { return (i, "more than 536,870,911 values in one array or object") }
                stack[top].count += 1
                skipWhitespace()
                let isObject = stack[top].isObject
                let c = i < n ? p[i] : 0
                if c == 0x2C {
                    i += 1
                    if isObject { stack[top].lastKey = -1 }
                    state = isObject ? .key : .value
                } else if c == (isObject ? 0x7D : 0x5D) {
                    if stack[top].node < 0 {
                        closedAt = i
                        return nil
                    }
                    close()
                } else {
                    let expected = "',' or '\(isObject ? "}" : "]")'"
                    return (i, i < n ? "unexpected \(describe(i)): expected \(expected)" : "unexpected end of file: expected \(expected)")
                }
            }
        }
    }

    /// Lets the scanned stretch of a mapped file go (`source`).
    private mutating func evictScanned() {
        guard let source else { return }
        source.evict(evictedTo..<i)
        evictedTo = i
    }

    /// A container opens: the state after its bracket, or nil past `maxDepth`.
    @inline(__always)
    private mutating func open(isObject: Bool) -> State? {
        guard stack.count < maxDepth else { return nil }
        if stack.count > deepest { deepest = stack.count }
        stack.append(Frame(node: tape.count, count: 0, isObject: isObject, lastKey: -1))
        tape.append(.init(kind: isObject ? .object : .array, start: UInt32(i), end: 0, extra: 0))
        i += 1
        skipWhitespace()
        if i < n, p[i] == (isObject ? 0x7D : 0x5D) {
            close()
            return .afterValue
        }
        return isObject ? .key : .value
    }

    /// A number or a literal starting with `c`, or the problem with a value there.
    private mutating func scanScalar(_ c: UInt8) -> (Int, String)? {
        switch c {
        case 0x2D, 0x30...0x39: return scanNumber()
        case 0x74: return scanLiteral("true", .true)
        case 0x66: return scanLiteral("false", .false)
        case 0x6E: return scanLiteral("null", .null)
        case 0x5D where !stack.isEmpty && !stack[stack.count - 1].isObject: return (i, "trailing comma before ']'")
        default: return (i, "unexpected \(describe(i)): expected a value")
        }
    }

    /// Why there is no member name where one must be.
    private func keyProblem() -> (Int, String) {
        guard i < n else { return (i, "unexpected end of file: expected a member name") }
        if p[i] == 0x7D { return (i, "trailing comma before '}'") }
        return (i, "unexpected \(describe(i)): expected a member name in double quotes")
    }

    /// After the top-level value: only whitespace may follow.
    private mutating func endOfText() -> (Int, String)? {
        skipWhitespace()
        return i < n ? (i, "unexpected \(describe(i)) after the end of the JSON value") : nil
    }

    @inline(__always)
    private mutating func close() {
        let frame = stack.removeLast()
        var node = tape[frame.node]
        node.end = UInt32(tape.count)
        node.extra = frame.count
        tape[frame.node] = node
        i += 1
    }

    @inline(__always)
    private mutating func skipWhitespace() {
        while i < n {
            let c = p[i]
            if c == 0x20 {
                // Indentation comes in runs: skip whole words of spaces.
                if i + 8 <= n, UnsafeRawPointer(p + i).loadUnaligned(as: UInt64.self) == 0x2020_2020_2020_2020 { i += 8 } else { i += 1 }
            } else if c == 0x0A || c == 0x0D || c == 0x09 {
                i += 1
            } else {
                return
            }
        }
    }

    private static let ones: UInt64 = 0x0101_0101_0101_0101
    private static let highs: UInt64 = 0x8080_8080_8080_8080

    /// Scans a string from its opening quote, validating escapes and UTF-8. A member name's
    /// node also gets the name's hash (`JSONDocument.keyHash`), made while its bytes are in
    /// cache: readers look members up by it after the file's pages have gone.
    @inline(__always)
    private mutating func scanString(isKey: Bool = false) -> (Int, String)? {
        let quote = i
        var j = i + 1
        var escaped: UInt32 = 0
        let quotes = SIMD16<UInt8>(repeating: 0x22), backslashes = SIMD16<UInt8>(repeating: 0x5C)
        let spaces = SIMD16<UInt8>(repeating: 0x20), ascii = SIMD16<UInt8>(repeating: 0x7F)
        while true {
            // Sixteen bytes at a time until one is a quote, a backslash, a control or not
            // ASCII (prose is most of ATT&CK: twice the speed of eight at a time on it). The
            // mask is read as two words, not reduced with `any` (a chain of shuffles).
            var stopped = false
            while j + 16 <= n {
                let v = UnsafeRawPointer(p + j).loadUnaligned(as: SIMD16<UInt8>.self)
                let stop = unsafeBitCast((v .== quotes) .| (v .== backslashes) .| (v .< spaces) .| (v .> ascii), to: SIMD2<UInt64>.self)
                if stop[0] | stop[1] != 0 {
                    j += stop[0] != 0 ? stop[0].trailingZeroBitCount >> 3 : 8 + stop[1].trailingZeroBitCount >> 3
                    stopped = true
                    break
                }
                j += 16
            }
            // Eight bytes at a time in the last sixteen of the input.
            while !stopped, j + 8 <= n {
                let w = UnsafeRawPointer(p + j).loadUnaligned(as: UInt64.self)
                let q = w ^ 0x2222_2222_2222_2222
                let b = w ^ 0x5C5C_5C5C_5C5C_5C5C
                let hit = ((q &- JSONScanner.ones) & ~q) | ((b &- JSONScanner.ones) & ~b) | ((w &- 0x2020_2020_2020_2020) & ~w) | w
                let mask = hit & JSONScanner.highs
                if mask == 0 { j += 8 } else { j += mask.trailingZeroBitCount >> 3; break }
            }
            guard j < n else { return (quote, "unterminated string") }
            let c = p[j]
            if c == 0x22 { break }
            if c == 0x5C {
                escaped = 1
                guard j + 1 < n else { return (j, "unterminated escape sequence") }
                switch p[j + 1] {
                case 0x22, 0x5C, 0x2F, 0x62, 0x66, 0x6E, 0x72, 0x74: j += 2
                case 0x75:
                    guard j + 5 < n else { return (j, "truncated \\u escape") }
                    for k in 2...5 where JSONParser.hexValue(p[j + k]) == nil {
                        return (j, "invalid \\u escape: expected four hex digits")
                    }
                    j += 6
                default:
                    return (j, "invalid escape \(describe(j + 1)) after a backslash")
                }
                continue
            }
            if c < 0x20 { return (j, "control character U+00\(String(format4: UInt32(c)).suffix(2)) must be escaped inside a string") }
            if c < 0x80 { j += 1; continue }
            let length = JSONParser.utf8SequenceLength(p, j, n)
            if length == 0 { return (j, "invalid UTF-8 byte sequence in string") }
            j += length
        }
        var extra = escaped
        if isKey {
            let raw = UnsafeBufferPointer(start: p + quote + 1, count: j - quote - 1)
            extra = JSONDocument.Node.keyExtra(escaped: escaped, hash: escaped == 0 ? KeyTable.hash(raw) : KeyTable.hash(JSONParser.unescape(raw)))
        }
        tape.append(.init(kind: .string, start: UInt32(quote + 1), end: UInt32(j - quote - 1), extra: extra))
        i = j + 1
        return nil
    }

    @inline(__always)
    private func isDigit(_ k: Int) -> Bool { k < n && p[k] >= 0x30 && p[k] <= 0x39 }

    private mutating func scanNumber() -> (Int, String)? {
        let start = i
        var j = i
        if p[j] == 0x2D { j += 1 }
        guard isDigit(j) else { return (j, "invalid number: expected a digit") }
        if p[j] == 0x30 {
            j += 1
            if isDigit(j) { return (j, "invalid number: leading zero") }
        } else {
            while isDigit(j) { j += 1 }
        }
        if j < n, p[j] == 0x2E {
            j += 1
            guard isDigit(j) else { return (j, "invalid number: expected a digit after '.'") }
            while isDigit(j) { j += 1 }
        }
        if j < n, p[j] == 0x65 || p[j] == 0x45 {
            j += 1
            if j < n, p[j] == 0x2B || p[j] == 0x2D { j += 1 }
            guard isDigit(j) else { return (j, "invalid number: expected a digit in the exponent") }
            while isDigit(j) { j += 1 }
        }
        tape.append(.init(kind: .number, start: UInt32(start), end: UInt32(j - start), extra: 0))
        i = j
        return nil
    }

    private mutating func scanLiteral(_ word: StaticString, _ kind: JSONDocument.Kind) -> (Int, String)? {
        let length = word.utf8CodeUnitCount
        guard i + length <= n else { return (i, "unexpected \(describe(i)): expected a value") }
        let w = word.utf8Start
        for k in 0..<length where p[i + k] != w[k] {
            return (i, "unexpected \(describe(i)): expected a value")
        }
        tape.append(.init(kind: kind, start: UInt32(i), end: UInt32(length), extra: 0))
        i += length
        return nil
    }

    private func describe(_ offset: Int) -> String {
        guard offset < n else { return "end of file" }
        let c = p[offset]
        if c >= 0x21 && c < 0x7F { return "'\(Character(Unicode.Scalar(c)))'" }
        return "byte 0x" + String(c, radix: 16, uppercase: true)
    }

    /// Builds the error with line:column and the path of the value being read.
    func error(at offset: Int, _ message: String, bytes: SourceBytes) -> JSONSyntaxError {
        var path: [JSONDocument.PathComponent] = []
        for frame in stack {
            if frame.isObject {
                if frame.lastKey >= 0 {
                    let node = tape[frame.lastKey]
                    let raw = UnsafeBufferPointer(start: p + Int(node.start), count: Int(node.end))
                    path.append(.key(node.escaped ? JSONParser.unescape(raw) : String(decoding: raw, as: UTF8.self)))
                }
            } else {
                path.append(.index(Int(frame.count)))
            }
        }
        let (line, column) = JSONDocument.lineColumn(offset, in: bytes, lineStarts: JSONDocument.lineStarts(bytes))
        return JSONSyntaxError(offset: offset, line: line, column: column, path: path, message: message)
    }
}
