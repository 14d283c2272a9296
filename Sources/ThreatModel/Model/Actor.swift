/// An adversary after merging every record of it across files (same name or alias).
public struct Actor: Hashable, Sendable, Identifiable {
    public struct Technique: Hashable, Sendable {
        public var name: String
        public var attackID: String?
        public init(name: String, attackID: String? = nil) {
            self.name = name
            self.attackID = attackID
        }
    }

    public var id: String
    public var name: String
    public var aliases: [String]
    public var nexus: Nexus
    public var nexusBasis: NexusBasis
    public var type: ActorType
    public var motivations: [Motivation]
    public var sectors: [String]
    /// Sector spellings from the data that fold onto no vocabulary entry, kept verbatim.
    public var unmappedSectors: [String]
    public var regions: [String]
    /// Targeted countries (ISO 3166-1 alpha-2).
    public var countries: [String]
    public var techniques: [Technique]
    /// Malware and tools it uses (STIX `uses` relationships).
    public var software: [String]
    /// Catalogue ids such as ATT&CK G0125: not shown as aliases, but used to merge records.
    public var externalIDs: [String]
    public var collective: Bool
    public var descriptions: [String]
    public var provenance: [Provenance]
    /// Every source's statement of the nexus (more than one distinct value: disputed).
    public var nexusClaims: [NexusClaim] = []
    /// Every source's statement of a motivation (`motivations` is their union).
    public var motivationClaims: [MotivationClaim] = []
    /// Which record gives which name, when several records were merged (empty for one).
    public var nameClaims: [NameClaim] = []
    /// External references its descriptions cite (ATT&CK `(Citation: …)`).
    public var references: [Reference] = []
    /// The most restrictive TLP marking among its records.
    public var tlp: TLP?
    /// Why its records were merged, and the names it shares without merging.
    public var identity = ActorIdentity()
    /// True for a name that would join otherwise distinct actors (kept apart, linked to them).
    public var umbrella: Bool { !identity.umbrellaOf.isEmpty }

    public init(
        id: String, name: String, aliases: [String] = [], nexus: Nexus = .unknown, nexusBasis: NexusBasis = .unknown,
        type: ActorType = .unknown, motivations: [Motivation] = [], sectors: [String] = [], unmappedSectors: [String] = [],
        regions: [String] = [], countries: [String] = [], techniques: [Technique] = [], software: [String] = [],
        externalIDs: [String] = [], collective: Bool = false,
        descriptions: [String] = [], provenance: [Provenance] = []
    ) {
        self.id = id
        self.name = name
        self.aliases = aliases
        self.nexus = nexus
        self.nexusBasis = nexusBasis
        self.type = type
        self.motivations = motivations
        self.sectors = sectors
        self.unmappedSectors = unmappedSectors
        self.regions = regions
        self.countries = countries
        self.techniques = techniques
        self.software = software
        self.externalIDs = externalIDs
        self.collective = collective
        self.descriptions = descriptions
        self.provenance = provenance
    }

    /// The folded form names are compared in: case, spacing and punctuation ignored.
    public static func nameKey(_ name: String) -> String {
        Vocabulary.foldASCII(name, spaced: false) ?? String(Vocabulary.fold(name).filter { $0 != " " })
    }

    /// Every name it is known by, primary first.
    public var allNames: [String] { [name] + aliases }

    /// The merged records' names, grouped by the record that gives them, in merge order
    /// (empty when the actor is one record).
    public var namesBySource: [(source: String, names: [String])] {
        var out: [(source: String, names: [String])] = []
        for c in nameClaims {
            if let k = out.firstIndex(where: { $0.source == c.source }) { out[k].names.append(c.name) } else { out.append((c.source, [c.name])) }
        }
        return out
    }

    /// Regions it targets, including the regions of targeted countries.
    public var targetRegions: [String] {
        var out = regions
        for c in countries { if let r = Vocabulary.region(ofCountry: c), !out.contains(r) { out.append(r) } }
        return out
    }
}

/// How an actor came to be one actor: the reasons its records were merged, names it shares
/// with other actors without merging (an alias alone is not identity), and umbrella links.
public struct ActorIdentity: Hashable, Sendable {
    public struct Overlap: Hashable, Sendable {
        public var actorID: String
        public var alias: String
        /// Whose name or alias it is: "an alias of both", or "the name of MISP 'APT29' and
        /// an alias of ATT&CK G0007 'APT28'" when one record's name is another's alias.
        public var how: String
        public init(actorID: String, alias: String, how: String = "an alias of both") {
            self.actorID = actorID
            self.alias = alias
            self.how = how
        }
    }
    /// "ATT&CK G0007 'APT28': same name as MISP 'APT28'".
    public var reasons: [String] = []
    public var overlaps: [Overlap] = []
    /// For an umbrella record: the actors its names would have joined.
    public var umbrellaOf: [String] = []
    /// The umbrellas that name this actor.
    public var umbrellas: [String] = []
    public init() {}
}
