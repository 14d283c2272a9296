/// What one walk over an object found of a `MemberSet`: the value node of each name, by
/// its position in the set.
public struct MemberValues: Sendable {
    var nodes = InlineArray<16, UInt32>(repeating: .max)

    public init() {}

    /// The value node of the set's name at `index`, if the object has that member.
    @inline(__always)
    public subscript(index: Int) -> Int? {
        let node = nodes[index]
        return node == .max ? nil : Int(node)
    }
}
