/// An ATT&CK technique or sub-technique as the data describes it (`attack-pattern`).
public struct TechniqueInfo: Hashable, Sendable, Identifiable {
    /// "T1566" or "T1566.001".
    public var id: String
    public var name: String
    /// Tactic short names in the data's kill chain ("initial-access").
    public var tactics: [String]
    /// "enterprise-attack", "ics-attack", "mobile-attack", or nil (native, MISP).
    public var domain: String?
    public var description: String?
    public var url: String?
    public var references: [Reference]
    public var stixID: String?

    public init(
        id: String, name: String, tactics: [String] = [], domain: String? = nil, description: String? = nil, url: String? = nil,
        references: [Reference] = [], stixID: String? = nil
    ) {
        self.id = id
        self.name = name
        self.tactics = tactics
        self.domain = domain
        self.description = description
        self.url = url.flatMap(Reference.validURL)
        self.references = references
        self.stixID = stixID
    }

    /// The parent of a sub-technique ("T1566" for "T1566.001").
    public var parentID: String? {
        guard let dot = id.firstIndex(of: ".") else { return nil }
        return String(id[..<dot])
    }

    /// "T1566.001" → "T1566"; a parent is its own root.
    public static func root(_ id: String) -> String {
        // On the bytes ("." is ASCII): the technique aggregates ask for every actor on each refresh.
        id.utf8.firstIndex(of: UInt8(ascii: ".")).map { String(id[..<$0]) } ?? id
    }

    /// T1234 or T1234.001.
    public static func isAttackID(_ s: String) -> Bool {
        let u = Array(s.utf8)
        func digits(_ r: Range<Int>) -> Bool { r.allSatisfy { u[$0] >= 0x30 && u[$0] <= 0x39 } }
        if u.count == 5 { return u[0] == 0x54 && digits(1..<5) }
        if u.count == 9 { return u[0] == 0x54 && digits(1..<5) && u[5] == 0x2E && digits(6..<9) }
        return false
    }
}

/// A tactic: a column of the ATT&CK matrix.
public struct TacticInfo: Hashable, Sendable {
    /// "initial-access".
    public var shortName: String
    public var name: String
    /// "TA0001".
    public var externalID: String?
    public var domain: String?

    public init(shortName: String, name: String, externalID: String? = nil, domain: String? = nil) {
        self.shortName = shortName
        self.name = name
        self.externalID = externalID
        self.domain = domain
    }

    /// ATT&CK enterprise's order, for data without tactic and matrix objects.
    public static let enterprise: [TacticInfo] = [
        ("reconnaissance", "Reconnaissance", "TA0043"), ("resource-development", "Resource Development", "TA0042"),
        ("initial-access", "Initial Access", "TA0001"), ("execution", "Execution", "TA0002"), ("persistence", "Persistence", "TA0003"),
        ("privilege-escalation", "Privilege Escalation", "TA0004"), ("defense-evasion", "Defense Evasion", "TA0005"),
        ("credential-access", "Credential Access", "TA0006"), ("discovery", "Discovery", "TA0007"), ("lateral-movement", "Lateral Movement", "TA0008"),
        ("collection", "Collection", "TA0009"), ("command-and-control", "Command and Control", "TA0011"), ("exfiltration", "Exfiltration", "TA0010"),
        ("impact", "Impact", "TA0040"),
    ].map { TacticInfo(shortName: $0.0, name: $0.1, externalID: $0.2, domain: "enterprise-attack") }
}

/// How an actor uses a technique, as a source describes it (a `uses` relationship's
/// description), directly or through a campaign attributed to it.
public struct Procedure: Hashable, Sendable {
    public var actorPosition: Int
    public var techniqueID: String
    public var description: String
    public var references: [Reference]
    /// What to cite for it: the file and object.
    public var source: String
    /// The campaign it came through, if any.
    public var via: String?

    public init(actorPosition: Int, techniqueID: String, description: String, references: [Reference], source: String, via: String? = nil) {
        self.actorPosition = actorPosition
        self.techniqueID = techniqueID
        self.description = description
        self.references = references
        self.source = source
        self.via = via
    }
}
