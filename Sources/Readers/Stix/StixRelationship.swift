import JSONCore

extension StixIngest {
    /// A relationship as pass 1 keeps it, for pass 2 to resolve.
    struct Relationship: Sendable {
        /// The relationship types pass 2 reads: a resolver walks only its own, without a
        /// string compared (or a copy of the record made) for each of ATT&CK's 20,000.
        enum Kind: Sendable {
            case uses, targets, attributedTo, nexus, other

            init(_ type: String) {
                switch type {
                case "uses": self = .uses
                case "targets": self = .targets
                case "attributed-to": self = .attributedTo
                case "originates-from", "located-at": self = .nexus
                default: self = .other
                }
            }
        }

        var id: String
        var kind: Kind
        var source: StixKey
        var target: StixKey
        /// The relationship object itself: its description and citations are read only for
        /// the few that become technique uses (ATT&CK has 20,000 relationships, most between
        /// software and techniques, each with a paragraph and several references).
        var node: Int
    }
}
