/// Up to 16 member names an object is asked for together: one walk over its names on the
/// tape finds them all (`JSONDocument.members`), where a walk per name cost a reader as
/// many walks as it asked (ATT&CK's 22,652 objects, most of 10 to 20 members, and nine
/// names asked of each by the STIX header).
public struct MemberSet: Sendable {
    public static let capacity = 16
    let names: [StaticString]
    let hashes: [Int]
    /// A table of 64 slots by the low bits of a name's hash: index + 1 of the name, 0 when
    /// empty; a taken slot passes on to the next.
    let slots: [UInt8]

    /// `names` are the program's own literals, never a file's: more than `capacity`, or one
    /// twice, is a mistake in the code and stops it.
    public init(_ names: [StaticString]) {
        precondition(names.count <= MemberSet.capacity, "a MemberSet holds at most \(MemberSet.capacity) names")
        self.names = names
        hashes = names.map { JSONDocument.keyHash(of: $0.description) }
        var slots = [UInt8](repeating: 0, count: 64)
        for (k, hash) in hashes.enumerated() {
            precondition(!names[..<k].contains { $0.description == names[k].description }, "\(names[k]) is in the MemberSet twice")
            var s = hash & 63
            while slots[s] != 0 { s = (s + 1) & 63 }
            slots[s] = UInt8(k + 1)
        }
        self.slots = slots
    }

    /// The position of `name` in the set, if it is there.
    public func index(of name: StaticString) -> Int? {
        names.firstIndex { $0.description == name.description }
    }
}
