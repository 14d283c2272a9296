/// The immutable bytes a JSON text is parsed from: an array, or memory an owner keeps alive
/// and frees (a mapped file), read through one buffer pointer either way.
public struct SourceBytes: @unchecked Sendable {
    /// What keeps memory that is not an array's alive, and can tell whether all of it was
    /// read as the file had it when it was opened.
    public protocol Owner: AnyObject, Sendable {
        var isIntact: Bool { get }
        /// Lets the pages wholly inside `range` leave memory if they can come back unchanged
        /// when touched again (a file's mapping reads them from the file); otherwise nothing.
        func evict(_ range: Range<Int>)
    }

    private let array: [UInt8]
    private let owner: (any Owner)?
    private let base: UnsafePointer<UInt8>?
    public let count: Int

    public init(_ array: [UInt8]) {
        self.array = array
        owner = nil
        base = nil
        count = array.count
    }

    /// `count` bytes at `base`, valid for as long as `owner` lives.
    public init(owner: any Owner, base: UnsafePointer<UInt8>, count: Int) {
        array = []
        self.owner = owner
        self.base = base
        self.count = count
    }

    /// False when the owner lost some of the bytes while they were read (a mapped file cut
    /// short under it): whatever was made of them must be dropped.
    public var isIntact: Bool { owner?.isIntact ?? true }

    @inline(__always)
    public func withUnsafeBufferPointer<R>(_ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        guard let base else { return try array.withUnsafeBufferPointer(body) }
        return try withExtendedLifetime(owner) { try body(UnsafeBufferPointer(start: base, count: count)) }
    }

    @inline(__always)
    public func withUnsafeBytes<R>(_ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        try withUnsafeBufferPointer { try body(UnsafeRawBufferPointer($0)) }
    }

    /// Bytes a reader is done with, for now: a mapped file's pages in `range` leave the
    /// process's memory and are read from the file again if anything looks at them later
    /// (a problem's line and column); an array's bytes stay. A large file's reader drops
    /// what it has read as it goes, so the file is not held whole beside what it became.
    public func evict(_ range: Range<Int>) {
        let clamped = range.clamped(to: 0..<count)
        if !clamped.isEmpty { owner?.evict(clamped) }
    }

    public subscript(_ k: Int) -> UInt8 { withUnsafeBufferPointer { $0[k] } }

    /// A copy of the bytes in `range`.
    public func copy(_ range: Range<Int>) -> [UInt8] { withUnsafeBufferPointer { Array($0[range]) } }
}
