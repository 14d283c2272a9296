#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A parsed JSON text: the source bytes plus a flat tape of nodes that point into them.
///
/// Strings and numbers are decoded only when asked for, so a reader that wants five fields
/// of a 35 MB bundle pays for five fields. Every node knows its byte offset, which gives
/// `line:column` and a JSON path for any problem found later, without keeping parent links.
public final class JSONDocument: @unchecked Sendable {
    public enum Kind: UInt8, Sendable {
        case object, array, string, number, `true`, `false`, null
    }

    /// One value on the tape, in 12 bytes: the kind shares a word with `extra` (a 16-byte node,
    /// with the kind in a byte of its own, made the tape 1.5 times the file).
    struct Node {
        /// Byte offset of the value's first byte (for strings: the byte after the opening quote).
        var start: UInt32
        /// Containers: tape index just past the last descendant. Strings and numbers: byte length.
        var end: UInt32
        /// `extra` above the low three bits, the kind in them.
        private var packed: UInt32

        /// The most children a container can record; the parser rejects more.
        static let maxChildren: UInt32 = (1 << 29) - 1

        init(kind: Kind, start: UInt32, end: UInt32, extra: UInt32) {
            self.start = start
            self.end = end
            packed = extra << 3 | UInt32(kind.rawValue)
        }

        @inline(__always)
        var kind: Kind { Kind(rawValue: UInt8(truncatingIfNeeded: packed & 7)) ?? .null }

        /// Containers: number of children (members count once). Strings: bit 0 set when
        /// escapes occur; member names also carry their `keyHash` above it.
        @inline(__always)
        var extra: UInt32 {
            get { packed >> 3 }
            set { packed = newValue << 3 | packed & 7 }
        }

        /// A string with escapes in its raw text.
        @inline(__always)
        var escaped: Bool { packed & 8 != 0 }

        /// A member name's hash, filed by the scanner while the name's bytes were at hand.
        @inline(__always)
        var storedKeyHash: Int { Int(packed >> 4) }

        /// The `extra` of a member name: its escape bit and its hash.
        @inline(__always)
        static func keyExtra(escaped: UInt32, hash: Int) -> UInt32 {
            escaped | UInt32(truncatingIfNeeded: hash & JSONDocument.keyHashMask) << 1
        }
    }

    /// The bits of `KeyTable.hash` a member name's node keeps (its `extra` has 29 bits, one
    /// of them the escape flag): the low ones, so that a table masked to fewer bits finds the
    /// same slot from either.
    public static let keyHashMask = (1 << 28) - 1

    /// The hash `keyHash` gives a member name spelled `text`.
    public static func keyHash(of text: String) -> Int { KeyTable.hash(text) & keyHashMask }

    public let bytes: SourceBytes
    let tape: Tape

    init(bytes: SourceBytes, tape: Tape) {
        self.bytes = bytes
        self.tape = tape
    }

    /// Parses `bytes`; throws `JSONSyntaxError` with the offending byte offset and JSON path.
    public convenience init(parsing bytes: [UInt8], maxDepth: Int = 512) throws(JSONSyntaxError) {
        try self.init(parsing: SourceBytes(bytes), maxDepth: maxDepth)
    }

    /// Parses `source`, which the document keeps (and with it a mapped file) until it is freed.
    public convenience init(parsing source: SourceBytes, maxDepth: Int = 512) throws(JSONSyntaxError) {
        let tape = try JSONParser.parse(source, maxDepth: maxDepth)
        self.init(bytes: source, tape: tape)
    }

    /// Index of the root value.
    public var root: Int { 0 }
    public var nodeCount: Int { tape.count }

    public func kind(_ i: Int) -> Kind { tape[i].kind }
    public func offset(_ i: Int) -> Int {
        let n = tape[i]
        return n.kind == .string ? Int(n.start) - 1 : Int(n.start)
    }

    /// The index after `i` and all of its descendants: its next sibling, if any. Always past
    /// `i`, so a walk over nodes let go (`evictNodes`: they read as zeros) still ends.
    @inline(__always)
    public func next(_ i: Int) -> Int {
        let n = tape[i]
        return (n.kind == .object || n.kind == .array) ? max(i + 1, Int(n.end)) : i + 1
    }

    /// Number of elements of an array or members of an object; 0 for scalars.
    public func count(_ i: Int) -> Int {
        let n = tape[i]
        return (n.kind == .object || n.kind == .array) ? Int(n.extra) : 0
    }

    /// "a string", "an object", … for messages such as "expected a number, found a string".
    public func describe(_ i: Int) -> String {
        switch tape[i].kind {
        case .object: return "an object"
        case .array: return "an array"
        case .string: return "a string"
        case .number: return "a number"
        case .true, .false: return "a boolean"
        case .null: return "null"
        }
    }

    // MARK: Scalars

    /// The decoded string, or nil when the node is not a string.
    public func string(_ i: Int) -> String? {
        let n = tape[i]
        guard n.kind == .string else { return nil }
        let start = Int(n.start), length = Int(n.end)
        return bytes.withUnsafeBufferPointer { buffer in
            let raw = UnsafeBufferPointer(rebasing: buffer[start..<start + length])
            if !n.escaped { return String(decoding: raw, as: UTF8.self) }
            return JSONParser.unescape(raw)
        }
    }

    /// Calls `body` with a string's decoded UTF-8: where it lies in the source when it has no
    /// escapes (no String made: a timestamp or an id checked, not kept), else decoded first.
    /// Nil when the node is not a string.
    public func withUTF8View<R>(_ i: Int, _ body: (UnsafeView<UInt8>) throws -> R) rethrows -> R? {
        let n = tape[i]
        guard n.kind == .string else { return nil }
        guard !n.escaped else { return try string(i)?.withUTF8View(body) }
        let start = Int(n.start), length = Int(n.end)
        return try bytes.withUnsafeBufferPointer { buffer in
            try body(UnsafeView(UnsafeBufferPointer(rebasing: buffer[start..<start + length])))
        }
    }

    /// The first `maxScalars` characters of a string, decoding only as many raw bytes as
    /// that can take (a 100 MB string is not decoded to be cut to 4,000 characters).
    public func stringPrefix(_ i: Int, maxScalars: Int) -> String? {
        let n = tape[i]
        guard n.kind == .string else { return nil }
        // An escape is at most 12 raw bytes per scalar (a surrogate pair), UTF-8 at most 4.
        let budget = min(Int(n.end), maxScalars * (n.escaped ? 12 : 4))
        var cut = budget
        return bytes.withUnsafeBufferPointer { buffer in
            let start = Int(n.start)
            // Never cut inside a UTF-8 sequence or an escape.
            while cut < Int(n.end) && cut > 0 && buffer[start + cut] & 0xC0 == 0x80 { cut -= 1 }
            if n.escaped {
                var k = max(0, cut - 12)
                var safe = 0
                while k < cut {
                    if buffer[start + k] == 0x5C {
                        let len = buffer[start + k + 1] == 0x75 ? 6 : 2
                        if k + len > cut { break }
                        k += len
                    } else {
                        k += 1
                    }
                    safe = k
                }
                cut = max(0, min(cut, safe == 0 ? cut : safe))
            }
            let raw = UnsafeBufferPointer(rebasing: buffer[start..<start + cut])
            let text = n.escaped ? JSONParser.unescape(raw) : String(decoding: raw, as: UTF8.self)
            // Fewer bytes than scalars allowed: nothing to cut (the common case, and the
            // cheap one: no walk over the scalars).
            if text.utf8.count <= maxScalars { return text }
            let scalars = text.unicodeScalars
            guard let end = scalars.index(scalars.startIndex, offsetBy: maxScalars, limitedBy: scalars.endIndex) else { return text }
            return String(scalars[..<end])
        }
    }

    /// Byte length of a string's raw (still escaped) text; 0 for other kinds. Cheap: no decoding.
    public func rawStringLength(_ i: Int) -> Int {
        tape[i].kind == .string ? Int(tape[i].end) : 0
    }

    /// True when the node is a string whose raw bytes equal `literal` (which must need no escaping).
    public func stringEquals(_ i: Int, _ literal: StaticString) -> Bool {
        let n = tape[i]
        guard n.kind == .string, !n.escaped, Int(n.end) == literal.utf8CodeUnitCount else { return false }
        let start = Int(n.start)
        return bytes.withUnsafeBufferPointer { buffer in
            let lit = literal.utf8Start
            for k in 0..<Int(n.end) where buffer[start + k] != lit[k] { return false }
            return true
        }
    }

    public func double(_ i: Int) -> Double? {
        let n = tape[i]
        guard n.kind == .number else { return nil }
        return JSONParser.parseNumber(bytes, start: Int(n.start), length: Int(n.end))
    }

    public func bool(_ i: Int) -> Bool? {
        switch tape[i].kind {
        case .true: return true
        case .false: return false
        default: return nil
        }
    }

    // MARK: Containers

    /// Calls `body(key, valueIndex)` for each member of an object, in document order.
    @inline(__always)
    public func forEachMember(_ i: Int, _ body: (String, Int) throws -> Void) rethrows {
        guard tape[i].kind == .object else { return }
        var k = i + 1
        let end = Int(tape[i].end)
        while k < end {
            let key = string(k) ?? ""
            let value = k + 1
            try body(key, value)
            k = next(value)
        }
    }

    /// Calls `body(keyIndex, valueIndex)` for each member without decoding the key.
    @inline(__always)
    public func forEachMemberIndex(_ i: Int, _ body: (Int, Int) throws -> Void) rethrows {
        guard tape[i].kind == .object else { return }
        var k = i + 1
        let end = Int(tape[i].end)
        while k < end {
            try body(k, k + 1)
            k = next(k + 1)
        }
    }

    /// Calls `body(position, elementIndex)` for each element of an array.
    @inline(__always)
    public func forEachElement(_ i: Int, _ body: (Int, Int) throws -> Void) rethrows {
        guard tape[i].kind == .array else { return }
        var k = i + 1
        var position = 0
        let end = Int(tape[i].end)
        while k < end {
            try body(position, k)
            position += 1
            k = next(k)
        }
    }

    /// The value index of member `key` of an object, if present (the last one wins, as in
    /// most readers). Names are matched by the hash the scanner filed with each, then by
    /// their raw bytes: no name is decoded unless it contains escapes.
    public func member(_ i: Int, _ key: String) -> Int? {
        let hash = JSONDocument.keyHash(of: key)
        var key = key
        return key.withUTF8 { member(i, named: $0, hash: hash) }
    }

    /// True when string node `k` spells exactly `wanted`.
    @inline(__always)
    func keyEquals(_ k: Int, _ wanted: UnsafeBufferPointer<UInt8>) -> Bool {
        let n = tape[k]
        guard n.kind == .string else { return false }
        if n.escaped { return string(k).map { Array($0.utf8) == Array(wanted) } ?? false }
        guard Int(n.end) == wanted.count else { return false }
        return bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress, let w = wanted.baseAddress else { return wanted.isEmpty }
            // Member names are short: a loop here, not a call to memcmp for each.
            let a = base + Int(n.start)
            for k in 0..<wanted.count where a[k] != w[k] { return false }
            return true
        }
    }

    /// A hash of a member name's text (decoded when it has escapes), the low bits of
    /// `KeyTable.hash` (`keyHashMask`; `keyHash(of:)` gives it for a name): readers file an
    /// object's members by it. Made by the scanner, so this reads the tape, not the text
    /// (whose pages a large file has let go by then). 0 for a node that is not a string.
    @inline(__always)
    public func keyHash(_ k: Int) -> Int {
        let n = tape[k]
        return n.kind == .string ? n.storedKeyHash : 0
    }

    /// Whether key node `k` spells `key`.
    public func key(_ k: Int, is key: String) -> Bool {
        var key = key
        return key.withUTF8 { keyEquals(k, $0) }
    }

    /// Whether key node `k` spells the literal `key`: nothing retained or copied (a String
    /// key shared by the threads reading a bundle's headers had its count bumped on each).
    public func key(_ k: Int, is key: StaticString) -> Bool {
        key.withUTF8Buffer { keyEquals(k, $0) }
    }

    /// Which of a fixed list of member names a key node spells, without allocating.
    public func keyIndex(_ k: Int, in keys: KeyTable) -> Int? {
        bytes.withUnsafeBufferPointer { keyIndex(k, in: keys, buffer: $0) }
    }

    /// The key node index that precedes a member value, for pointing at the key in messages.
    public func keyIndex(ofValue i: Int) -> Int? {
        guard i > 0, tape[i - 1].kind == .string else { return nil }
        // The node before a member value is its key only when the value sits in an object:
        // confirm by walking from the root (cheap, used for messages only).
        return path(to: i).last.flatMap { if case .key = $0 { return i - 1 } else { return nil } }
    }

    // MARK: Positions and paths

    /// Lets nodes `range` go: a reader that owns this document and has read them for the last
    /// time (a large file's events, range by range). They read as nulls afterwards, and paths
    /// that would cross them are wrong: locate problems in them before (`path(to:from:)`).
    package func evictNodes(_ range: Range<Int>) { tape.evict(range) }

    /// A JSON string literal for `s`, control characters escaped.
    public static func quote(_ s: String) -> String {
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F { out += "\\u" + String(format4: scalar.value) } else { out.unicodeScalars.append(scalar) }
            }
        }
        return out + "\""
    }

}

extension String {
    init(format4 value: UInt32) {
        let digits = Array("0123456789abcdef")
        self = String([digits[Int(value >> 12 & 0xF)], digits[Int(value >> 8 & 0xF)], digits[Int(value >> 4 & 0xF)], digits[Int(value & 0xF)]])
    }
}
