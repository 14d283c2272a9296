/// The country an actor works for or from, or `unknown`; never guessed beyond a stated
/// source or a vendor naming convention (and then marked as inferred).
public enum Nexus: Hashable, Comparable, Sendable, CustomStringConvertible {
    case country(String)
    /// Sources state different countries: the actor counts once, here, with every claim kept.
    case disputed
    case unknown

    public init(code: String?) {
        if let code, code.count == 2, code != "??" { self = .country(code.uppercased()) } else { self = .unknown }
    }

    /// The nexus the actors `ids` agree on by `table` (an id it lacks is skipped): a record of
    /// several actors has theirs only when all have the same; unknown otherwise.
    package static func agreed(ofActors ids: [String], in table: [String: Nexus]) -> Nexus {
        // Most records name one actor: its nexus, without a loop.
        if ids.count == 1 { return table[ids[0]] ?? .unknown }
        var found: Nexus?
        for id in ids {
            guard let n = table[id] else { continue }
            if found == nil { found = n } else if found != n { return .unknown }
        }
        return found ?? .unknown
    }

    public var code: String? {
        if case .country(let c) = self { return c }
        return nil
    }

    /// "China", "North Korea", "Unknown".
    public var name: String {
        switch self {
        case .country(let c): return Vocabulary.country(c)?.name ?? c
        case .disputed: return "Disputed"
        case .unknown: return "Unknown"
        }
    }

    /// Column-width label: "China", "N. Korea", "Unknown".
    public var shortName: String {
        switch self {
        case .country(let c): return Vocabulary.country(c)?.short ?? c
        case .disputed: return "Disputed"
        case .unknown: return "Unknown"
        }
    }

    public var description: String {
        switch self {
        case .country(let c): return c
        case .disputed: return "disputed"
        case .unknown: return "unknown"
        }
    }

    /// Countries first (by code), then Disputed, then Unknown.
    public static func < (a: Nexus, b: Nexus) -> Bool {
        func rank(_ n: Nexus) -> Int {
            switch n {
            case .country: return 0
            case .disputed: return 1
            case .unknown: return 2
            }
        }
        if case .country(let x) = a, case .country(let y) = b { return x < y }
        return rank(a) < rank(b)
    }
}

/// Why ThreatDeck believes an actor's nexus.
public enum NexusBasis: Hashable, Sendable {
    /// A source says so (native `nexus`, MISP country or state sponsor, STIX originates-from).
    case stated
    /// Inferred from a vendor naming convention, e.g. "Panda" (CrowdStrike) → China.
    case naming(word: String, family: String)
    /// Sources disagree: the actor counts under Disputed; `claims` lists who says what.
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

/// One source's statement of an actor's nexus, for disputes.
public struct NexusClaim: Hashable, Sendable {
    public var nexus: Nexus
    /// What to cite: the source's title, or the file and object.
    public var source: String
    public init(nexus: Nexus, source: String) {
        self.nexus = nexus
        self.source = source
    }
}

/// One source's statement of an actor's motivation: the detail pane lists who said which.
public struct MotivationClaim: Hashable, Sendable {
    public var motivation: Motivation
    /// What to cite: the record that states it ("MISP galaxy 'APT41' (threat-actor.json)").
    public var source: String
    public init(motivation: Motivation, source: String) {
        self.motivation = motivation
        self.source = source
    }
}
