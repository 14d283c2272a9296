import ThreatModel

extension DatasetBuilder {
    /// The nexus of records merged into one actor whose names are `names`: every stated claim
    /// with its source (more than one country is a dispute), else what a majority of the names'
    /// conventions say, and the actor type those conventions imply.
    static func nexus(
        of records: [Actor], names: [String], labels: [String]
    )
        -> (claims: [NexusClaim], nexus: Nexus, basis: NexusBasis, namingType: ActorType?)
    {
        var claims: [NexusClaim] = []
        for (k, r) in records.enumerated() {
            switch r.nexusBasis {
            case .stated:
                if r.nexus.code != nil { claims.append(NexusClaim(nexus: r.nexus, source: labels[k])) }
            case .conflict(let others):
                for c in [r.nexus.code].compactMap({ $0 }) + others { claims.append(NexusClaim(nexus: .country(c), source: labels[k])) }
            default: break
            }
            for c in r.nexusClaims where !claims.contains(c) { claims.append(c) }
        }
        var countries: [String] = []
        for c in claims { if let code = c.nexus.code, !countries.contains(code) { countries.append(code) } }
        var namingType: ActorType?
        let nexus: Nexus, basis: NexusBasis
        if countries.count == 1 {
            (nexus, basis) = (.country(countries[0]), .stated)
        } else if countries.count > 1 {
            (nexus, basis) = (.disputed, .conflict(others: countries))
        } else if records.contains(where: { $0.nexusBasis == .stated }) {
            (nexus, basis) = (.unknown, .stated)
        } else {
            // Naming conventions: a majority of the names must agree; a tie says nothing.
            var votes: [String: (count: Int, word: String, family: String)] = [:]
            for name in names {
                guard let convention = Vocabulary.namingConvention(of: name) else { continue }
                switch convention.meaning {
                case .nexus(let code):
                    let v = votes[code]
                    votes[code] = ((v?.count ?? 0) + 1, v?.word ?? convention.word, v?.family ?? convention.family)
                case .ecrime: namingType = namingType ?? .ecrime
                case .hacktivist: namingType = namingType ?? .hacktivist
                case .privateSector, .influence: break
                }
            }
            let ranked = votes.sorted { ($0.value.count, $1.key) > ($1.value.count, $0.key) }
            if let best = ranked.first, ranked.count == 1 || ranked[1].value.count < best.value.count {
                (nexus, basis) = (.country(best.key), .naming(word: best.value.word, family: best.value.family))
                namingType = namingType ?? .state
            } else {
                (nexus, basis) = (.unknown, .unknown)
            }
        }
        return (claims, nexus, basis, namingType)
    }

    /// The nexus the merge gives `actor` when no other record joins it (stated, else read from
    /// its names' conventions): `prepare` gives a file's events this before the merge, so that
    /// a file whose actors join nothing is merged without a change to any of its events.
    static func nexusAlone(_ actor: Actor) -> Nexus {
        nexus(of: [actor], names: [actor.name] + aliases(of: [actor]), labels: [""]).nexus
    }

    /// The merged actor's aliases: every name of the records after the first's own, once by
    /// name key.
    static func aliases(of records: [Actor]) -> [String] {
        var aliases: [String] = []
        var seenNames: Set<String> = [Actor.nameKey(records[0].name)]
        for r in records {
            for n in r.allNames where seenNames.insert(Actor.nameKey(n)).inserted { aliases.append(n) }
        }
        return aliases
    }
}
