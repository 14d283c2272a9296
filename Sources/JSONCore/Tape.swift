/// The growable node buffer a `JSONDocument` reads from: a raw allocation rather than an
/// `Array`, because appends and reads sit in the parser's and the readers' innermost loops
/// and must not pay for uniqueness checks. Every read is bounds-checked in release builds
/// too (one compare): a bad node handle traps with a message instead of reading memory.
final class Tape: @unchecked Sendable {
    private(set) var base: UnsafeMutablePointer<JSONDocument.Node>
    private(set) var count = 0
    /// Nodes that came from a second thread's scan (`JSONSplit`): for tests and benchmarks.
    private(set) var joined = 0
    private var capacity: Int

    init(capacity: Int) {
        self.capacity = max(16, capacity)
        base = .allocate(capacity: self.capacity)
        HugePages.advise(base, bytes: self.capacity * MemoryLayout<JSONDocument.Node>.stride)
    }

    deinit { base.deallocate() }

    @inline(__always)
    subscript(i: Int) -> JSONDocument.Node {
        get {
            precondition(i >= 0 && i < count, "tape index out of range")
            return base[i]
        }
        set {
            precondition(i >= 0 && i < count, "tape index out of range")
            base[i] = newValue
        }
    }

    @inline(__always)
    func append(_ node: JSONDocument.Node) {
        if count == capacity { grow() }
        (base + count).initialize(to: node)
        count += 1
    }

    /// Appends another tape's nodes, whose container ends count from its own start.
    func append(contentsOf part: Tape) {
        let offset = UInt32(count)
        // Room for what follows the joined part too (the closing of outer containers, and
        // usually little else), without doubling a tape that is already most of the file's.
        let needed = count + part.count
        if needed > capacity { grow(to: needed + needed / 16 + 1024) }
        let to = base + count
        for k in 0..<part.count {
            var node = part.base[k]
            if node.kind == .object || node.kind == .array { node.end += offset }
            (to + k).initialize(to: node)
        }
        count += part.count
        joined += part.count
    }

    @inline(never)
    private func grow(to size: Int? = nil) {
        let bigger = size ?? capacity * 2
        let fresh = UnsafeMutablePointer<JSONDocument.Node>.allocate(capacity: bigger)
        HugePages.advise(fresh, bytes: bigger * MemoryLayout<JSONDocument.Node>.stride)
        fresh.moveInitialize(from: base, count: count)
        base.deallocate()
        base = fresh
        capacity = bigger
    }
}
