import JSONCore

/// The members of one STIX object, filed in one pass over its keys by the hash of each key
/// (no key is decoded unless it has escapes): readers then ask for members by `StixField`.
/// Holds no reference to its document (every reader takes a copy, and the cores reading a
/// large bundle's headers would fight over the document's reference count): the document
/// is passed to each read.
struct StixObject {
    /// Members filed inline: ATT&CK has 24,000 objects, and an allocation per object showed.
    static let capacity = 40
    let node: Int
    private var hashes = InlineArray<40, UInt32>(repeating: 0)
    private var values = InlineArray<40, Int32>(repeating: -1)
    private var count = 0
    /// More members than `capacity`: those past it are found by a walk over the object.
    private var overflows = false

    init(_ document: JSONDocument, _ node: Int) {
        self.node = node
        guard document.kind(node) == .object else { return }
        // A plain loop: `forEachMemberIndex`'s closure context cost a retain per member.
        var key = node + 1
        let end = document.next(node)
        while key < end {
            if count < StixObject.capacity {
                hashes[count] = UInt32(truncatingIfNeeded: document.keyHash(key))
                values[count] = Int32(truncatingIfNeeded: key + 1)
                count += 1
            } else {
                overflows = true
            }
            key = document.next(key + 1)
        }
    }

    /// The value node of `field`, if the object has it. Of a repeated member the last counts,
    /// as `JSONDocument.member` has it.
    func node(_ field: StixField, _ document: JSONDocument) -> Int? {
        if overflows { return document.member(node, field.key.description) }
        var found: Int?
        for k in 0..<count where hashes[k] == field.hash {
            let value = Int(values[k])
            // Equal hashes of different keys are possible (a file may even craft one).
            if document.key(value - 1, is: field.key) { found = value }
        }
        return found
    }

    func string(_ field: StixField, _ document: JSONDocument) -> String? {
        node(field, document).flatMap(document.string)
    }

    func bool(_ field: StixField, _ document: JSONDocument) -> Bool {
        node(field, document).flatMap(document.bool) ?? false
    }

    /// A string or an array of strings, empty and duplicate entries dropped.
    func strings(_ field: StixField, _ document: JSONDocument) -> [String] {
        guard let node = node(field, document) else { return [] }
        if document.kind(node) == .string { return document.string(node).map { $0.isEmpty ? [] : [$0] } ?? [] }
        var out: [String] = []
        document.forEachElement(node) { _, e in if let s = document.string(e), !s.isEmpty, !out.contains(s) { out.append(s) } }
        return out
    }
}
