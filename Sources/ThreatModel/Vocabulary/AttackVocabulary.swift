/// ATT&CK's techniques and tactics as shipped with ThreatDeck (see `AttackTables`): names,
/// tactics and matrix order for data that names techniques by id only.
public enum AttackVocabulary {
    package static let techniques: [String: TechniqueInfo] = {
        var out: [String: TechniqueInfo] = [:]
        for f in TableRows.parse(AttackTables.techniques) {
            guard f.count == 4 else { continue }
            out[f[0]] = TechniqueInfo(
                id: f[0], name: f[1], tactics: f[2].split(separator: ",").map(String.init), domain: f[3],
                url: "https://attack.mitre.org/techniques/" + f[0].replacingDots())
        }
        return out
    }()

    package static let tacticsByDomain: [String: [TacticInfo]] = {
        var out: [String: [TacticInfo]] = [:]
        for f in TableRows.parse(AttackTables.tactics, omittingEmptyFields: true) {
            guard f.count == 4 else { continue }
            out[f[0], default: []].append(TacticInfo(shortName: f[1], name: f[2], externalID: f[3], domain: f[0]))
        }
        return out
    }()

    package static let groups: [String: [String]] = {
        var out: [String: [String]] = [:]
        for f in TableRows.parse(AttackTables.groups, omittingEmptyFields: true) {
            guard f.count >= 2 else { continue }
            out[f[0]] = Array(f.dropFirst())
        }
        return out
    }()

    /// A group's own names in ATT&CK v18.1 (name first, then aliases), if the id is known.
    public static func groupNames(_ id: String) -> [String]? { groups[id] }

    /// The technique as ATT&CK v18.1 describes it (name, tactics, domain, page), if it is known.
    public static func technique(_ id: String) -> TechniqueInfo? { techniques[id] }

    /// A domain's tactics in kill-chain order ("enterprise-attack", "ics-attack", "mobile-attack").
    public static func tactics(_ domain: String) -> [TacticInfo] { tacticsByDomain[domain] ?? [] }
}

extension String {
    /// "T1566.001" → "T1566/001", as attack.mitre.org spells sub-technique pages.
    fileprivate func replacingDots() -> String { String(map { $0 == "." ? "/" : $0 }) }
}
