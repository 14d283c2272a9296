/// A figure a report states, with its qualifier: "more than 58%" is 58 with `.moreThan`.
public struct Finding: Hashable, Sendable, Identifiable {
    public enum Metric: String, CaseIterable, Hashable, Sendable { case share, count }

    public enum Qualifier: String, CaseIterable, Hashable, Sendable {
        case exact, about, moreThan = "more-than", atLeast = "at-least", lessThan = "less-than", atMost = "at-most"

        /// The symbol written before the number: ">" for more-than.
        public var symbol: String {
            switch self {
            case .exact: return ""
            case .about: return "~"
            case .moreThan: return ">"
            case .atLeast: return "≥"
            case .lessThan: return "<"
            case .atMost: return "≤"
            }
        }

        public var asciiSymbol: String {
            switch self {
            case .atLeast: return ">="
            case .atMost: return "<="
            default: return symbol
            }
        }

        /// What a bound on a share says about the rest: more than 58% leaves less than 42%.
        public var complement: Qualifier {
            switch self {
            case .exact: return .exact
            case .about: return .about
            case .moreThan: return .lessThan
            case .atLeast: return .atMost
            case .lessThan: return .moreThan
            case .atMost: return .atLeast
            }
        }
    }

    public var id: String
    public var statement: String
    public var metric: Metric
    public var value: Double
    public var qualifier: Qualifier
    public var subjectNexus: Nexus?
    public var subjectActorID: String?
    /// The population as the source words it (verbatim).
    public var population: String
    /// The population's parts a recount rebuilds (see `Population`).
    public var scope: Population
    public var sector: String?
    public var region: String?
    public var period: DayRange?
    public var basis: String?
    public var provenance: [Provenance]

    public init(
        id: String, statement: String, metric: Metric, value: Double, qualifier: Qualifier, subjectNexus: Nexus? = nil,
        subjectActorID: String? = nil, population: String, scope: Population? = nil, sector: String? = nil, region: String? = nil,
        period: DayRange? = nil, basis: String? = nil, provenance: [Provenance] = []
    ) {
        self.id = id
        self.statement = statement
        self.metric = metric
        self.value = value
        self.qualifier = qualifier
        self.subjectNexus = subjectNexus
        self.subjectActorID = subjectActorID
        self.population = population
        self.scope = scope ?? Finding.Population.inferred(from: population)
        self.sector = sector
        self.region = region
        self.period = period
        self.basis = basis
        self.provenance = provenance
    }

    /// The distinct sources it cites, with what one needs to cite them.
    public var citedSources: [Reference] {
        var out: [Reference] = []
        for p in provenance {
            let r = p.reference ?? p.source.map { Reference(key: $0, title: $0) }
            if let r, !out.contains(where: { $0.key == r.key }) { out.append(r) }
        }
        return out
    }

    /// ">58%" (or ">=58%" style in ASCII).
    public func formatted(ascii: Bool = false) -> String {
        let number = Finding.format(value)
        return (ascii ? qualifier.asciiSymbol : qualifier.symbol) + number + (metric == .share ? "%" : "")
    }

    public static func format(_ value: Double) -> String {
        guard value.isFinite else { return value > 0 ? "∞" : value < 0 ? "-∞" : "NaN" }
        if value == value.rounded() && abs(value) < 1e15 { return String(Int(value)) }
        if abs(value) >= 1e15 { return String(value) }
        let tenths = Int((value * 10).rounded())
        return (tenths < 0 ? "-" : "") + "\(abs(tenths) / 10).\(abs(tenths) % 10)"
    }
}

/// Metadata of one loaded report or feed.
public struct ReportInfo: Hashable, Sendable, Identifiable {
    public var id: String
    public var title: String
    public var publisher: String?
    public var published: Day?
    public var period: DayRange?
    public var summary: String?
    public var synthetic: Bool
    public var sources: [SourceInfo]
    public var provenance: [Provenance]
    public var tlp: TLP?
    /// Ids of the native report and STIX report objects that describe the same report (twins count once).
    public var twinIDs: [String] = []

    public init(
        id: String, title: String, publisher: String? = nil, published: Day? = nil, period: DayRange? = nil,
        summary: String? = nil, synthetic: Bool = false, sources: [SourceInfo] = [], provenance: [Provenance] = []
    ) {
        self.id = id
        self.title = title
        self.publisher = publisher
        self.published = published
        self.period = period
        self.summary = summary
        self.synthetic = synthetic
        self.sources = sources
        self.provenance = provenance
    }
}

/// A source a report cites (an article, a vendor report).
public struct SourceInfo: Hashable, Sendable, Identifiable {
    /// As a reference to cite.
    public var reference: Reference { Reference(key: id, title: title, publisher: publisher, published: published, url: url) }

    public var id: String
    public var title: String
    public var publisher: String?
    public var published: Day?
    public var file: String?
    public var url: String?

    public init(id: String, title: String, publisher: String? = nil, published: Day? = nil, file: String? = nil, url: String? = nil) {
        self.id = id
        self.title = title
        self.publisher = publisher
        self.published = published
        self.file = file
        self.url = url
    }
}
