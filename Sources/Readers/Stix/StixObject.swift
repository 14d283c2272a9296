import JSONCore

/// One STIX object of a parsed bundle: readers ask it for members by `StixField`. The
/// members every object is asked for (`StixField.common`) are found in one walk over its
/// names when it is made; any other is found when asked, by a walk of its own. Either way
/// names are matched by the hash the scanner filed with each, and read only where it
/// matches. Holds no reference to its document (the cores reading a large bundle's headers
/// would fight over its reference count): the document is passed to each read.
struct StixObject {
    let node: Int
    private let common: MemberValues

    init(_ document: JSONDocument, _ node: Int) {
        self.node = node
        common = document.members(node, StixField.common)
    }

    /// The value node of `field`, if the object has it. Of a repeated member the last counts,
    /// as `JSONDocument.member` has it.
    func node(_ field: StixField, _ document: JSONDocument) -> Int? {
        if let slot = field.slot { return common[slot] }
        return document.member(node, field.key, hash: field.hash)
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
