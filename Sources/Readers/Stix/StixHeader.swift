import JSONCore
import ThreatModel

extension StixIngest {
    /// What pass 1 needs of one object before it touches any state: its type, id and version,
    /// and for the two types ATT&CK is made of (relationships and attack patterns) their
    /// record. Pure, so a large bundle's headers are made on every core (`readObjects`).
    struct Header: Sendable {
        enum Record: Sendable {
            case none
            case relationship(type: String, source: StixKey, target: StixKey)
            case technique(key: String, TechniqueInfo)
        }

        var type: String?
        var id: String?
        /// `id` with its hash (for valid ids only).
        var key: StixKey?
        var idNode = -1
        var validID = false
        var modifiedNode: Int?
        var version: Timestamp?
        var dead = false
        var record = Record.none
        /// False for an element of the objects array that is not an object (`notAnObject`).
        var isObject = true

        /// What an element that is not an object gets: a header array holds one per element.
        static let notAnObject: Header = {
            var header = Header()
            header.isObject = false
            return header
        }()

        private init() {}

        init(_ o: StixObject, in document: JSONDocument) {
            type = o.string(.type, document)
            guard let type, let node = o.node(.id, document), let id = document.string(node) else { return }
            self.id = id
            idNode = node
            validID = StixIngest.isValidID(id, type: type)
            guard validID else { return }
            key = StixKey(id)
            modifiedNode = o.node(.modified, document)
            version = modifiedNode.flatMap { document.withUTF8View($0, Timestamp.parse) ?? nil }
            dead = o.bool(.revoked, document) || o.bool(.deprecated, document)
            guard !dead else { return }
            switch type {
            case "relationship":
                // Only when all three are there: a missing one is reported by the reader.
                if let t = o.string(.relationshipType, document), !t.isEmpty, let s = o.string(.sourceRef, document), !s.isEmpty,
                    let r = o.string(.targetRef, document), !r.isEmpty
                {
                    record = .relationship(type: t, source: StixKey(s), target: StixKey(r))
                }
            case "attack-pattern":
                if let (key, info) = StixIngest.technique(o, id: id, in: document) { record = .technique(key: key, info) }
            default: break
            }
        }
    }
}
