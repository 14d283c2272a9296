/// The growable node buffer a `JSONDocument` reads from: a raw allocation rather than an
/// `Array`, because appends and reads sit in the parser's and the readers' innermost loops
/// and must not pay for uniqueness checks. Every read is bounds-checked in release builds
/// too (one compare): a bad node handle traps with a message instead of reading memory.
final class Tape: @unchecked Sendable {
    private(set) var base: UnsafeMutablePointer<JSONDocument.Node>
    private(set) var count = 0
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

    @inline(never)
    private func grow() {
        let bigger = capacity * 2
        let fresh = UnsafeMutablePointer<JSONDocument.Node>.allocate(capacity: bigger)
        HugePages.advise(fresh, bytes: bigger * MemoryLayout<JSONDocument.Node>.stride)
        fresh.moveInitialize(from: base, count: count)
        base.deallocate()
        base = fresh
        capacity = bigger
    }
}
