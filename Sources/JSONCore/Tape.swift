/// The growable node buffer a `JSONDocument` reads from: a raw allocation rather than an
/// `Array`, because appends and reads sit in the parser's and the readers' innermost loops
/// and must not pay for uniqueness checks. Every read is bounds-checked in release builds
/// too (one compare): a bad node handle traps with a message instead of reading memory.
final class Tape: @unchecked Sendable {
    /// One allocation, freed when no tape uses it (a second scan may write into the upper
    /// part of the first one's, `lend`).
    final class Storage: @unchecked Sendable {
        let base: UnsafeMutablePointer<JSONDocument.Node>
        let capacity: Int

        init(capacity: Int) {
            self.capacity = capacity
            base = .allocate(capacity: capacity)
        }

        deinit { base.deallocate() }
    }

    private var storage: Storage
    private(set) var base: UnsafeMutablePointer<JSONDocument.Node>
    private(set) var count = 0
    /// Nodes that came from a second thread's scan (`JSONSplit`): for tests and benchmarks.
    private(set) var joined = 0
    /// Of those, nodes joined where that scan wrote them (no copy into fresh memory).
    private(set) var joinedInPlace = 0
    private var capacity: Int
    /// Appends stop here: `capacity`, or the start of a region lent to a second scan.
    private var limit: Int
    private var lentFrom: Int?

    init(capacity: Int) {
        storage = Storage(capacity: max(16, capacity))
        base = storage.base
        self.capacity = storage.capacity
        limit = self.capacity
    }

    /// A tape that writes into `storage` from `offset` on, until it needs more room.
    private init(borrowing storage: Storage, from offset: Int) {
        self.storage = storage
        base = storage.base + offset
        capacity = storage.capacity - offset
        limit = capacity
    }

    /// A tape for a second scan in this one's unused upper part, from node `offset` on: its
    /// nodes are then already in place when joined (this tape grows elsewhere if it reaches
    /// them first). The region's pages are touched once, by the scan that fills them.
    func lend(from offset: Int) -> Tape? {
        guard lentFrom == nil, offset > count, offset < capacity - 16 else { return nil }
        lentFrom = offset
        limit = offset
        return Tape(borrowing: storage, from: offset)
    }

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
        if count == limit { grow() }
        (base + count).initialize(to: node)
        count += 1
    }

    /// Appends another tape's nodes, whose container ends count from its own start: in place
    /// when they were written into this tape's lent region (moved down over the gap, reads
    /// staying ahead of writes), else copied.
    func append(contentsOf part: Tape) {
        let offset = UInt32(count)
        let inPlace = lentFrom.map { part.storage === storage && part.base == base + $0 } ?? false
        if !inPlace {
            // Room for what follows the joined part too (the closing of outer containers, and
            // usually little else), without doubling a tape that is already most of the file's.
            let needed = count + part.count
            if needed > limit { grow(to: needed + needed / 16 + 1024) }
        }
        let from = part.base, to = base + count
        for k in 0..<part.count {
            var node = from[k]
            if node.kind == .object || node.kind == .array { node.end += offset }
            to[k] = node
        }
        count += part.count
        joined += part.count
        if inPlace {
            joinedInPlace += part.count
            part.count = 0
            lentFrom = nil
            limit = capacity
        }
    }

    /// Gives back the pages past the last node once the tape is complete: the parse asked for
    /// room for one node per 6 to 10 bytes and a split parse's join leaves the second scan's
    /// old tail behind, written once and never read again.
    func releaseUnusedTail() {
        // Under a megabyte of tail is not worth a system call.
        let unused = (capacity - count) * MemoryLayout<JSONDocument.Node>.stride
        guard lentFrom == nil, unused > 1 << 20 else { return }
        UnusedPages.giveBack(UnsafeMutableRawPointer(base + count), bytes: unused)
    }

    /// Gives back the pages that lie wholly inside nodes `range`, which a reader has read for
    /// the last time: they read as zeros (null nodes) if touched again.
    func evict(_ range: Range<Int>) {
        let nodes = range.clamped(to: 0..<count)
        guard lentFrom == nil, !nodes.isEmpty else { return }
        UnusedPages.giveBack(UnsafeMutableRawPointer(base + nodes.lowerBound), bytes: nodes.count * MemoryLayout<JSONDocument.Node>.stride)
    }

    @inline(never)
    private func grow(to size: Int? = nil) {
        // A lent region is left to its borrower, which keeps the old storage alive.
        let bigger = max(size ?? capacity * 2, count + 16)
        let fresh = Storage(capacity: bigger)
        fresh.base.initialize(from: base, count: count)
        storage = fresh
        base = fresh.base
        capacity = bigger
        limit = bigger
        lentFrom = nil
    }
}
