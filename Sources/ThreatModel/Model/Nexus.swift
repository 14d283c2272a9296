/// The country an actor works for or from, or `unknown`; never guessed beyond a stated
/// source or a vendor naming convention (and then marked as inferred).
public enum Nexus: Hashable, Comparable, Sendable, CustomStringConvertible {
    case country(String)
    case unknown

    public init(code: String?) {
        if let code, code.count == 2, code != "??" { self = .country(code.uppercased()) } else { self = .unknown }
    }

    public var code: String? {
        if case .country(let c) = self { return c }
        return nil
    }

    /// "China", "North Korea", "Unknown".
    public var name: String {
        switch self {
        case .country(let c): return Vocabulary.country(c)?.name ?? c
        case .unknown: return "Unknown"
        }
    }

    /// Column-width label: "China", "N. Korea", "Unknown".
    public var shortName: String {
        switch self {
        case .country(let c): return Vocabulary.country(c)?.short ?? c
        case .unknown: return "Unknown"
        }
    }

    public var description: String { code ?? "unknown" }

    public static func < (a: Nexus, b: Nexus) -> Bool {
        switch (a, b) {
        case (.country(let x), .country(let y)): return x < y
        case (.country, .unknown): return true
        default: return false
        }
    }
}

/// Why ThreatDeck believes an actor's nexus.
public enum NexusBasis: Hashable, Sendable {
    /// A source says so (native `nexus`, MISP country or state sponsor, STIX originates-from).
    case stated
    /// Inferred from a vendor naming convention, e.g. "Panda" (CrowdStrike) → China.
    case naming(word: String, family: String)
    /// Sources disagree; the nexus shown is the first source's, the others are listed.
    case conflict(others: [String])
    case unknown
}

/// State, eCrime, hacktivist or unknown.
public enum ActorType: String, CaseIterable, Hashable, Sendable {
    case state, ecrime, hacktivist, unknown

    public var label: String {
        switch self {
        case .state: return "state"
        case .ecrime: return "eCrime"
        case .hacktivist: return "hacktivist"
        case .unknown: return "unknown"
        }
    }
}

/// Why an actor acts; absent means unknown.
public enum Motivation: String, CaseIterable, Hashable, Sendable, Comparable {
    case espionage, financial, disruption, destruction, influence, ideology, notoriety

    public static func < (a: Motivation, b: Motivation) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }
}
