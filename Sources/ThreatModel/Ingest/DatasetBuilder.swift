/// Merges the records of many files into one `Dataset`: the same actor across files becomes
/// one actor (by name, alias or catalogue id), keeping every source; nexus and type are
/// settled from what the sources state, then from naming conventions, else unknown.
public enum DatasetBuilder {
    /// Formats in the order their names and statements take precedence.
    static func priority(_ format: Provenance.Format) -> Int {
        switch format {
        case .native: return 0
        case .stix: return 1
        case .taxii: return 2
        case .misp: return 3
        }
    }

    public static func build(_ results: [IngestResult], files: [LoadedFile]? = nil) -> Dataset {
        // 1. Every actor record, with a global key.
        struct Record {
            var result: Int
            var actor: Actor
            var format: Provenance.Format
        }
        var records: [Record] = []
        for (r, result) in results.enumerated() {
            for actor in result.actors { records.append(Record(result: r, actor: actor, format: result.format)) }
        }

        // 2. Union-find over shared names, aliases and catalogue ids. Two groups whose sources
        //    state different countries are never joined: a shared alias is weaker evidence.
        var parent = Array(records.indices)
        var stated: [Set<String>] = records.map { r in
            guard case .country(let c) = r.actor.nexus, r.actor.nexusBasis != .unknown else { return [] }
            if case .naming = r.actor.nexusBasis { return [] }
            var set: Set<String> = [c]
            if case .conflict(let others) = r.actor.nexusBasis { set.formUnion(others) }
            return set
        }
        func find(_ x: Int) -> Int {
            var x = x
            while parent[x] != x {
                parent[x] = parent[parent[x]]
                x = parent[x]
            }
            return x
        }
        var owner: [String: Int] = [:]
        for (i, record) in records.enumerated() {
            for k in mergeKeys(record.actor) {
                guard let other = owner[k] else {
                    owner[k] = i
                    continue
                }
                let a = find(i), b = find(other)
                if a == b { continue }
                if !stated[a].isEmpty && !stated[b].isEmpty && stated[a].isDisjoint(with: stated[b]) { continue }
                let (root, child) = priority(records[a].format) <= priority(records[b].format) ? (min(a, b), max(a, b)) : (b, a)
                parent[child] = root
                stated[root].formUnion(stated[child])
            }
        }

        // 3. One actor per group.
        var groups: [Int: [Int]] = [:]
        var groupOrder: [Int] = []
        for i in records.indices {
            let root = find(i)
            if groups[root] == nil { groupOrder.append(root) }
            groups[root, default: []].append(i)
        }
        var actors: [Actor] = []
        var mergedID: [Int: String] = [:]
        var usedIDs: Set<String> = []
        for root in groupOrder {
            let members = groups[root]!.sorted {
                (priority(records[$0].format), $0) < (priority(records[$1].format), $1)
            }
            var actor = merge(members.map { records[$0].actor })
            var id = slug(actor.name)
            var n = 2
            while usedIDs.contains(id) {
                id = slug(actor.name) + "-\(n)"
                n += 1
            }
            usedIDs.insert(id)
            actor.id = id
            for m in members { mergedID[m] = id }
            actors.append(actor)
        }
        let nexusOf = Dictionary(actors.map { ($0.id, $0.nexus) }, uniquingKeysWith: { a, _ in a })
        // Per file: local actor id → merged id, so remapping 100,000 events is one lookup each.
        var localToMerged: [[String: String]] = Array(repeating: [:], count: results.count)
        for (i, record) in records.enumerated() {
            if let m = mergedID[i] { localToMerged[record.result][record.actor.id] = m }
        }
        func remap(_ r: Int, _ ids: [String]) -> [String] {
            if ids.count == 1 { return localToMerged[r][ids[0]].map { [$0] } ?? [] }
            var out: [String] = []
            for id in ids {
                if let m = localToMerged[r][id], !out.contains(m) { out.append(m) }
            }
            return out
        }
        func derivedNexus(_ stated: Nexus, _ actorIDs: [String]) -> Nexus {
            if stated != .unknown { return stated }
            let known = Set(actorIDs.compactMap { nexusOf[$0] })
            return known.count == 1 ? known.first! : .unknown
        }

        // 4. Everything that points at actors follows the merge.
        var events: [Event] = []
        events.reserveCapacity(results.reduce(0) { $0 + $1.events.count })
        var campaigns: [Campaign] = []
        var findings: [Finding] = []
        var reports: [ReportInfo] = []
        var problems: [Problem] = []
        for (r, result) in results.enumerated() {
            for var e in result.events {
                e.actorIDs = remap(r, e.actorIDs)
                e.nexus = derivedNexus(e.nexus, e.actorIDs)
                events.append(e)
            }
            for var c in result.campaigns {
                c.actorIDs = remap(r, c.actorIDs)
                c.nexus = derivedNexus(c.nexus, c.actorIDs)
                campaigns.append(c)
            }
            for var f in result.findings {
                f.subjectActorID = f.subjectActorID.flatMap { remap(r, [$0]).first }
                findings.append(f)
            }
            reports.append(contentsOf: result.reports)
            problems.append(contentsOf: result.problems)
        }
        actors.sort { ($0.name.lowercased(), $0.id) < ($1.name.lowercased(), $1.id) }
        events.sort { ($0.span.start, $0.span.end, $0.id) < ($1.span.start, $1.span.end, $1.id) }
        campaigns.sort { ($0.span?.start ?? Day(ordinal: .max), $0.name) < ($1.span?.start ?? Day(ordinal: .max), $1.name) }

        let loaded = files ?? results.map {
            LoadedFile(path: $0.file, format: $0.unparsed ? nil : $0.format, actors: $0.actors.count, events: $0.events.count,
                       bytes: $0.bytes, loaded: !$0.unparsed)
        }
        return Dataset(reports: reports, actors: actors, events: events, campaigns: campaigns, findings: findings,
                       problems: problems, files: loaded)
    }

    /// Folded names, aliases and catalogue ids; very short keys ("UN", "X") are too ambiguous.
    static func mergeKeys(_ actor: Actor) -> [String] {
        var keys: [String] = []
        for name in actor.allNames {
            let k = String(Vocabulary.fold(name).filter { $0 != " " })
            if k.count >= 3, !keys.contains(k) { keys.append(k) }
        }
        for id in actor.externalIDs where !keys.contains("#" + id.uppercased()) { keys.append("#" + id.uppercased()) }
        return keys
    }

    /// Combines records (highest priority first) into one actor.
    static func merge(_ records: [Actor]) -> Actor {
        var actor = records[0]
        actor.aliases = []
        var seenNames: Set<String> = [actor.name.lowercased()]
        for r in records {
            for n in r.allNames where seenNames.insert(n.lowercased()).inserted { actor.aliases.append(n) }
        }
        func union<T: Equatable>(_ path: KeyPath<Actor, [T]>) -> [T] {
            var out: [T] = []
            for r in records { for v in r[keyPath: path] where !out.contains(v) { out.append(v) } }
            return out
        }
        actor.motivations = union(\.motivations).sorted()
        actor.sectors = union(\.sectors)
        actor.unmappedSectors = union(\.unmappedSectors)
        actor.regions = union(\.regions)
        actor.countries = union(\.countries)
        actor.software = union(\.software)
        actor.externalIDs = union(\.externalIDs)
        actor.descriptions = union(\.descriptions)
        actor.provenance = union(\.provenance)
        var techniques: [Actor.Technique] = []
        for r in records {
            for t in r.techniques where !techniques.contains(where: { ($0.attackID != nil && $0.attackID == t.attackID) || $0.name.lowercased() == t.name.lowercased() }) {
                techniques.append(t)
            }
        }
        actor.techniques = techniques
        actor.collective = records.allSatisfy(\.collective)

        // Nexus: stated by sources (first by priority), conflicts kept visible.
        var statedCountries: [String] = []
        var statedUnknown = false
        for r in records {
            switch r.nexusBasis {
            case .stated:
                if let c = r.nexus.code { if !statedCountries.contains(c) { statedCountries.append(c) } } else { statedUnknown = true }
            case .conflict(let others):
                for c in [r.nexus.code].compactMap({ $0 }) + others where !statedCountries.contains(c) { statedCountries.append(c) }
            default: break
            }
        }
        var namingType: ActorType?
        if let first = statedCountries.first {
            actor.nexus = .country(first)
            actor.nexusBasis = statedCountries.count > 1 ? .conflict(others: Array(statedCountries.dropFirst())) : .stated
        } else if statedUnknown {
            actor.nexus = .unknown
            actor.nexusBasis = .stated
        } else {
            // Naming conventions: a majority of the names must agree; a tie says nothing.
            var votes: [String: (count: Int, word: String, family: String)] = [:]
            for name in actor.allNames {
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
                actor.nexus = .country(best.key)
                actor.nexusBasis = .naming(word: best.value.word, family: best.value.family)
                namingType = namingType ?? .state
            } else {
                actor.nexus = .unknown
                actor.nexusBasis = .unknown
            }
        }
        if let explicit = records.first(where: { $0.type != .unknown })?.type {
            actor.type = explicit
        } else if let namingType {
            actor.type = namingType
        } else {
            // A naming convention is read from the names even when a source states the nexus.
            for name in actor.allNames {
                if let c = Vocabulary.namingConvention(of: name) {
                    switch c.meaning {
                    case .ecrime: actor.type = .ecrime
                    case .hacktivist: actor.type = .hacktivist
                    case .nexus: actor.type = .state
                    default: continue
                    }
                    break
                }
            }
        }
        return actor
    }

    /// "Murky Panda" → "murky-panda".
    static func slug(_ name: String) -> String {
        var out = ""
        var dash = false
        for scalar in name.lowercased().unicodeScalars {
            if scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) {
                if dash && !out.isEmpty { out += "-" }
                dash = false
                out.unicodeScalars.append(scalar)
            } else {
                dash = true
            }
        }
        return out.isEmpty ? "actor" : String(out.prefix(64))
    }
}
