/// What a MISP event can be pivoted on besides its indicators: every tag on it or on its
/// attributes (TLP, taxonomies, `misp-galaxy:` tags, as written), its galaxy clusters and
/// the organisation that created it.
public struct EventPivot: Hashable, Sendable {
    /// The most tags and clusters kept per event.
    public static let limit = 500

    /// The event's id (`misp-event--UUID`).
    public var eventID: String
    /// `Orgc.name`.
    public var org: String?
    /// Tag names, each once, in the order first seen.
    public var tags: [String]
    /// Galaxy clusters as `galaxy=value` ("threat-actor=STOLEN PENCIL"), from `Galaxy`
    /// lists and `misp-galaxy:` tags, each once.
    public var galaxies: [String]

    public init(eventID: String, org: String? = nil, tags: [String] = [], galaxies: [String] = []) {
        self.eventID = eventID
        self.org = org
        self.tags = tags
        self.galaxies = galaxies
    }
}
