/// A name or alias and the record that gives it ("Wicked Panda" from "MISP galaxy 'APT41'
/// (threat-actor.json)"), kept by the merge when several records become one actor.
public struct NameClaim: Hashable, Sendable {
    public var name: String
    /// What to cite: the record's label, as in nexus and motivation claims.
    public var source: String

    public init(name: String, source: String) {
        self.name = name
        self.source = source
    }
}
