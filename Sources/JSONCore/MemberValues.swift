/// What one walk over an object found of a `KeyTable` (`JSONDocument.members`): the value
/// node of each name, by its position in the table.
public struct MemberValues: Sendable {
    /// The most names one walk can look for.
    public static let capacity = 16
    var nodes = InlineArray<16, UInt32>(repeating: .max)

    public init() {}

    /// The value node of the table's name at `index`, if the object has that member.
    @inline(__always)
    public subscript(index: Int) -> Int? {
        let node = nodes[index]
        return node == .max ? nil : Int(node)
    }
}
