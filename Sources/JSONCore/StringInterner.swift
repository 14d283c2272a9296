#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Short strings of one document that recur, decoded once: a sector id, an actor reference
/// or a date appears in thousands of records, and a reader that meets the same raw bytes
/// again gets the first `String` back (shared storage: no allocation, no decoding) with
/// whatever it stored beside it (whether the value was valid, the day it names).
///
/// Entries are keyed by the string's raw bytes in the document, so an interner belongs to
/// the document it was filled from.
public struct StringInterner {
    /// The payload of an entry no caller has judged yet.
    public static let unjudged = Int.min
    /// Longer strings are rarely repeated (summaries, descriptions): not interned.
    public static let maxLength = 64

    private var starts: [Int32] = []
    private var lengths: [Int32] = []
    private var strings: [String] = []
    private var payloads: [Int] = []
    /// Open addressing: slot → entry + 1, or 0 for an empty slot.
    private var slots: [Int32] = []
    /// Arrays of entries met before, by their entries.
    private var arrays: [EntryList: [String]] = [:]

    public init() {}

    public var count: Int { strings.count }

    /// The entry for string node `node` of `document`, added on first sight; nil for a node
    /// that is not a non-empty string of at most `maxLength` raw bytes (the caller decodes
    /// those itself).
    @inline(__always)
    public mutating func entry(_ node: Int, in document: JSONDocument) -> Int? {
        let n = document.tape[node]
        guard n.kind == .string, n.end > 0, n.end <= UInt32(StringInterner.maxLength) else { return nil }
        let start = Int(n.start), length = Int(n.end)
        return document.bytes.withUnsafeBufferPointer { buffer -> Int in
            let base = buffer.baseAddress! + start
            if slots.isEmpty { slots = Array(repeating: 0, count: 64) }
            let mask = slots.count - 1
            var slot = KeyTable.hash(UnsafeBufferPointer(start: base, count: length)) & mask
            while true {
                let e = Int(slots[slot]) - 1
                if e < 0 { break }
                if Int(lengths[e]) == length && memcmp(buffer.baseAddress! + Int(starts[e]), base, length) == 0 { return e }
                slot = (slot + 1) & mask
            }
            let e = strings.count
            starts.append(Int32(start))
            lengths.append(Int32(length))
            strings.append(document.string(node) ?? "")
            payloads.append(StringInterner.unjudged)
            slots[slot] = Int32(e + 1)
            if strings.count * 2 > slots.count { rehash(buffer) }
            return e
        }
    }

    @inline(__always)
    public func string(_ entry: Int) -> String { strings[entry] }

    @inline(__always)
    public func payload(_ entry: Int) -> Int { payloads[entry] }

    @inline(__always)
    public mutating func setPayload(_ entry: Int, _ value: Int) { payloads[entry] = value }

    /// `strings`, made of `entries` in order, or an equal array met before: the second and
    /// later events with the same sectors hold one array between them, not one each.
    @inline(__always)
    public mutating func shared(_ strings: [String], entries: EntryList) -> [String] {
        if let known = arrays[entries] { return known }
        arrays[entries] = strings
        return strings
    }

    private mutating func rehash(_ buffer: UnsafeBufferPointer<UInt8>) {
        var fresh = [Int32](repeating: 0, count: slots.count * 2)
        let mask = fresh.count - 1
        for e in strings.indices {
            var slot = KeyTable.hash(UnsafeBufferPointer(start: buffer.baseAddress! + Int(starts[e]), count: Int(lengths[e]))) & mask
            while fresh[slot] != 0 { slot = (slot + 1) & mask }
            fresh[slot] = Int32(e + 1)
        }
        slots = fresh
    }
}
