/// A read-only view of an array's elements for hot loops, on one core or several: indexing
/// it retains nothing and copies no element (a field is read where it lies). An `ArraySlice`
/// per element retained the shared buffer, and two cores retaining one object a million
/// times contend for its count; `for e in events` copied each event, a retain and a release
/// for each of its strings. Valid only inside the `withUnsafeView` call that made it.
public struct UnsafeView<Element>: RandomAccessCollection, @unchecked Sendable {
    @usableFromInline let buffer: UnsafeBufferPointer<Element>

    @inlinable
    init(_ buffer: UnsafeBufferPointer<Element>) { self.buffer = buffer }

    @inlinable public var startIndex: Int { 0 }
    @inlinable public var endIndex: Int { buffer.count }

    @inlinable @inline(__always)
    public subscript(_ k: Int) -> Element {
        unsafeAddress {
            precondition(k >= 0 && k < buffer.count, "UnsafeView index out of range")
            return buffer.baseAddress! + k
        }
    }

    /// Elements `range`, as a view indexed from 0.
    @inlinable @inline(__always)
    public func slice(_ range: Range<Int>) -> UnsafeView<Element> { UnsafeView(UnsafeBufferPointer(rebasing: buffer[range])) }
}

extension Array {
    /// Calls `body` with a view of the elements (see `UnsafeView`).
    @inlinable @inline(__always)
    public func withUnsafeView<R>(_ body: (UnsafeView<Element>) throws -> R) rethrows -> R {
        try withUnsafeBufferPointer { try body(UnsafeView($0)) }
    }
}

extension String {
    /// Calls `body` with a view of the string's UTF-8 (made contiguous first if it is not).
    /// Inlinable, as `withUnsafeView` is: from another module it was a generic call through
    /// `String.withUTF8` (ATT&CK's 22,652 id checks: 1,400 instructions each).
    @inlinable @inline(__always)
    public func withUTF8View<R>(_ body: (UnsafeView<UInt8>) throws -> R) rethrows -> R {
        var text = self
        return try text.withUTF8 { try body(UnsafeView($0)) }
    }
}
