/// A dated piece of activity: an intrusion, a disclosure, a publication; a day or a span.
public struct Event: Hashable, Sendable, Identifiable {
    public enum Kind: String, CaseIterable, Hashable, Sendable {
        case intrusion, exploitation, credentialAttack = "credential-attack", phishing, malware, insider
        case dataTheft = "data-theft", ransomware, ddos, disclosure, publication, sighting, other
    }

    public var id: String
    public var span: DayRange
    public var kind: Kind
    /// True when `nexus` is the actors' rather than stated: a merge takes it again from the
    /// merged actors (a native file's reader gives its events its own actors' nexus already,
    /// so that a merge which changes nothing can keep the file's events as they are). Beside
    /// `kind`, in its padding: declared further down, it made every event 8 bytes larger.
    public var nexusFromActors = false
    /// Merged actor ids.
    public var actorIDs: [String]
    /// Stated for the event, or the actors' nexus when all agree; unknown otherwise.
    public var nexus: Nexus
    public var sectors: [String]
    public var regions: [String]
    public var countries: [String]
    public var summary: String
    /// How many times it was seen (STIX sighting count); 1 otherwise.
    public var count: Int
    public var provenance: [Provenance]
    /// ATT&CK technique ids the event is tagged with (MISP `mitre-attack-pattern` clusters).
    public var techniques: [String] = []
    public var tlp: TLP?
    /// Tags and galaxy clusters no vocabulary knows, kept verbatim.
    public var labels: [String] = []
    /// What the event holds beyond its tags ("39 attributes, 20 objects").
    public var contents: String?

    public init(
        id: String, span: DayRange, kind: Kind, actorIDs: [String] = [], nexus: Nexus = .unknown, sectors: [String] = [],
        regions: [String] = [], countries: [String] = [], summary: String, count: Int = 1, provenance: [Provenance] = []
    ) {
        self.id = id
        self.span = span
        self.kind = kind
        self.actorIDs = actorIDs
        self.nexus = nexus
        self.sectors = sectors
        self.regions = regions
        self.countries = countries
        self.summary = summary
        self.count = count
        self.provenance = provenance
    }

    public var targetRegions: [String] { Self.targetRegions(regions, countries: countries) }

    /// Stated regions plus those of the countries, each once (no new array without countries).
    package static func targetRegions(_ regions: [String], countries: [String]) -> [String] {
        var out = regions
        for c in countries { if let r = Vocabulary.region(ofCountry: c), !out.contains(r) { out.append(r) } }
        return out
    }
}

/// A named campaign with a first-seen → last-seen span, drawn as a line on the timeline.
public struct Campaign: Hashable, Sendable, Identifiable {
    public var id: String
    public var name: String
    public var span: DayRange?
    public var actorIDs: [String]
    public var nexus: Nexus
    public var sectors: [String]
    public var regions: [String]
    public var description: String?
    public var provenance: [Provenance]

    public init(
        id: String, name: String, span: DayRange?, actorIDs: [String] = [], nexus: Nexus = .unknown, sectors: [String] = [],
        regions: [String] = [], description: String? = nil, provenance: [Provenance] = []
    ) {
        self.id = id
        self.name = name
        self.span = span
        self.actorIDs = actorIDs
        self.nexus = nexus
        self.sectors = sectors
        self.regions = regions
        self.description = description
        self.provenance = provenance
    }
}
