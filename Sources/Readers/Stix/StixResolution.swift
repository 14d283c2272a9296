import JSONCore
import ThreatModel

extension StixIngest {
    mutating func resolve() {
        result.actors.removeAll { $0.id == "#replaced" }
        result.campaigns.removeAll { $0.id == "#replaced" }
        // Report records point at reports by position: renumber them past the removed ones
        // (a report replaced by a newer version earlier in the file shifts the rest).
        var position: [Int: Int] = [:]
        var kept = 0
        for (k, r) in result.reports.enumerated() where r.id != "#replaced" {
            position[k] = kept
            kept += 1
        }
        reportRecords = reportRecords.compactMap { r in
            position[r.index].map {
                var r = r; r.index = $0; return r
            }
        }
        result.reports.removeAll { $0.id == "#replaced" }
        actorIndex = Dictionary(result.actors.enumerated().map { (StixKey($1.id), $0) }, uniquingKeysWith: { a, _ in a })
        campaignIndex = Dictionary(
            result.campaigns.enumerated().filter { !$0.element.id.hasSuffix("#activity") }.map { (StixKey($1.id), $0) }, uniquingKeysWith: { a, _ in a })
        // Relationships whose ends are revoked, deprecated or missing say nothing.
        if !dead.isEmpty { silenceDeadRelationships() }
        let live = relationships
        resolveAttribution(live)
        resolveTargets(live)
        resolveNexus(live)
        resolveUses(live)
        resolveSightings()
        resolveReports()
        resolveTactics()
    }

    /// Marks the relationships with an end in `dead` as saying nothing (kind `.other`, which
    /// no resolver reads): the ends are looked up on every core, and the array is not moved.
    /// `removeAll(where:)` copied each of ATT&CK's 20,000 relationships out and back and
    /// hashed both ends on this thread (15 M instructions); a filtered copy was 80,000
    /// retains and 2 MB of fresh pages.
    mutating func silenceDeadRelationships() {
        // In a scope of its own: the copy the closures read must be gone before the writes,
        // or the first would copy the whole array.
        let doomed: [[Int]] = {
            let (relationships, dead) = (self.relationships, self.dead)
            return ParallelMap.ranges(relationships.count, parts: relationships.count >= 4096 ? 8 : 1) { range in
                range.filter { dead.contains(relationships[$0].source) || dead.contains(relationships[$0].target) }
            }
        }()
        for k in doomed.joined() { relationships[k].kind = .other }
    }

    /// Campaign attribution first: a campaign's targets and techniques then count for its actors.
    mutating func resolveAttribution(_ relationships: [Relationship]) {
        for k in relationships.indices where relationships[k].kind == .attributedTo {
            let r = relationships[k]
            if let c = campaignIndex[r.source], actorIndex[r.target] != nil {
                if !result.campaigns[c].actorIDs.contains(r.target.id) { result.campaigns[c].actorIDs.append(r.target.id) }
            } else if let a = actorIndex[r.source], let b = actorIndex[r.target] {
                // A threat actor attributed to an intrusion set (or the reverse): one adversary.
                for alias in [result.actors[b].name] + result.actors[b].aliases where !result.actors[a].allNames.contains(alias) {
                    result.actors[a].aliases.append(alias)
                }
            }
        }
    }

    mutating func resolveTargets(_ relationships: [Relationship]) {
        for k in relationships.indices where relationships[k].kind == .targets {
            let r = relationships[k]
            var actorsHit: [Int] = []
            if let a = actorIndex[r.source] { actorsHit = [a] }
            var campaignHit: Int?
            if let c = campaignIndex[r.source] {
                campaignHit = c
                actorsHit = result.campaigns[c].actorIDs.compactMap { actorIndex[StixKey($0)] }
            }
            if let t = targets[r.target] {
                for a in actorsHit {
                    addUnique(&result.actors[a].sectors, t.sectors)
                    addUnique(&result.actors[a].unmappedSectors, t.unmapped)
                }
                if let c = campaignHit { addUnique(&result.campaigns[c].sectors, t.sectors) }
            }
            if let p = places[r.target] {
                for a in actorsHit {
                    if let country = p.country { addUnique(&result.actors[a].countries, [country]) }
                    if let region = p.region { addUnique(&result.actors[a].regions, [region]) }
                }
                if let c = campaignHit, let region = p.region ?? p.country.flatMap(Vocabulary.region(ofCountry:)) {
                    addUnique(&result.campaigns[c].regions, [region])
                }
            }
        }
    }

    mutating func resolveNexus(_ relationships: [Relationship]) {
        for k in relationships.indices where relationships[k].kind == .nexus {
            let r = relationships[k]
            guard let a = actorIndex[r.source], let p = places[r.target], let country = p.country else { continue }
            switch result.actors[a].nexusBasis {
            case .stated:
                if result.actors[a].nexus != .country(country) { result.actors[a].nexusBasis = .conflict(others: [country]) }
            case .conflict(let others):
                if result.actors[a].nexus != .country(country) && !others.contains(country) {
                    result.actors[a].nexusBasis = .conflict(others: others + [country])
                }
            default:
                result.actors[a].nexus = .country(country)
                result.actors[a].nexusBasis = .stated
            }
        }
    }

    /// `uses`: an actor's techniques and software, and a campaign's, for the actors it is attributed to.
    mutating func resolveUses(_ relationships: [Relationship]) {
        // Which relationships are an actor's technique uses, in file order; their texts (a
        // paragraph and up to 30 citations each, 20,000 of them in ATT&CK) are read on every core.
        var uses: [(relationship: Int, technique: String, users: [(id: String, via: String?)])] = []
        // Each `uses` matched with its actor or campaign and its technique or software on every
        // core (ATT&CK's 16,000: 40,000 lookups, 12 M instructions on one thread), in place by
        // index (a copy of each retained its four strings); then applied in file order.
        let (actorIndex, campaignIndex, techniqueIDs, software, campaigns) = (actorIndex, campaignIndex, techniqueIDs, software, result.campaigns)
        let candidates = relationships.indices.filter { relationships[$0].kind == .uses }
        let matches = ParallelMap.ranges(candidates.count, parts: candidates.count >= 4096 ? 8 : 1) { range in
            range.compactMap { i -> UseMatch? in
                let k = candidates[i]
                var users: [(id: String, via: String?)] = []
                if actorIndex[relationships[k].source] != nil { users = [(relationships[k].source.id, nil)] }
                if let c = campaignIndex[relationships[k].source] { users = campaigns[c].actorIDs.map { ($0, campaigns[c].name) } }
                guard !users.isEmpty else { return nil }
                if let t = techniqueIDs[relationships[k].target] { return UseMatch(relationship: k, users: users, technique: t) }
                if let s = software[relationships[k].target] { return UseMatch(relationship: k, users: users, software: s) }
                return nil
            }
        }
        for match in matches.joined() {
            if let t = match.technique {
                uses.append((match.relationship, t, match.users))
            } else if let s = match.software {
                for u in match.users { if let a = actorIndex[StixKey(u.id)], !result.actors[a].software.contains(s) { result.actors[a].software.append(s) } }
            }
        }
        let document = self.document
        let found = uses.map(\.relationship)
        // In ranges of file order, each letting its stretch of a large bundle's text go once
        // read, as pass 1 does (`readObjects`): ATT&CK's uses are spread over most of it.
        let parts = ParallelMap.ranges(found.count, parts: found.count >= 512 ? 16 : 1) { range in
            let texts = range.map { k in
                let o = StixObject(document, relationships[found[k]].node)
                return (description: o.string(.description, document) ?? "", references: StixIngest.references(o, in: document))
            }
            if range.count > 1, range.count < found.count {
                document.bytes.evict(
                    document.offset(relationships[found[range.lowerBound]].node)..<document.offset(relationships[found[range.upperBound - 1]].node))
            }
            return texts
        }
        let texts = Array(parts.joined())
        // One string per use, not four: the file's part is the same for all 5,000 of ATT&CK's.
        let prefix = format.label + " " + file + " · "
        result.uses.reserveCapacity(result.uses.count + uses.count)
        for (k, use) in uses.enumerated() {
            let source = prefix + relationships[use.relationship].id
            for u in use.users {
                result.uses.append(
                    TechniqueUse(
                        actorID: u.id, techniqueID: use.technique, description: texts[k].description,
                        references: texts[k].references, source: source, via: u.via))
            }
        }
    }

    mutating func resolveSightings() {
        for s in sightings {
            var actors: [String] = []
            let of = StixKey(s.of)
            if actorIndex[of] != nil { actors = [s.of] }
            if let c = campaignIndex[of] { actors = result.campaigns[c].actorIDs }
            for a in s.actors where actorIndex[StixKey(a)] != nil && !actors.contains(a) { actors.append(a) }
            var event = Event(
                id: s.id, span: s.span, kind: s.kind ?? .sighting, actorIDs: actors, nexus: s.nexus ?? .unknown,
                summary: s.summary.isEmpty ? "Sighting of \(displayName(s.of))" : s.summary,
                count: s.count, provenance: [provenance(s.id, references: [], tlp: s.tlp)])
            event.tlp = s.tlp
            event.techniques = s.techniques
            for w in s.whereSighted {
                let w = StixKey(w)
                if let t = targets[w] { addUnique(&event.sectors, t.sectors) }
                if let p = places[w] {
                    if let c = p.country { addUnique(&event.countries, [c]) }
                    if let r = p.region { addUnique(&event.regions, [r]) }
                }
            }
            result.events.append(event)
        }
    }

    /// A report is activity only where it references an actor: then its publication is an
    /// event of those actors. A report about identities or indicators alone is metadata.
    mutating func resolveReports() {
        for record in reportRecords {
            var report = result.reports[record.index]
            report.publisher = record.createdBy.flatMap { identityNames[StixKey($0)] }
            result.reports[record.index] = report
            guard let day = report.published else { continue }
            let refs = record.refs.map(StixKey.init)
            var actors = refs.filter { actorIndex[$0] != nil }.map(\.id)
            for ref in refs { if let c = campaignIndex[ref] { addUnique(&actors, result.campaigns[c].actorIDs) } }
            guard !actors.isEmpty else { continue }
            var sectors: [String] = []
            for ref in refs { if let t = targets[ref] { addUnique(&sectors, t.sectors) } }
            var event = Event(
                id: report.id + "#published", span: DayRange(day), kind: .publication, actorIDs: actors,
                sectors: sectors, summary: "Report published: \(report.title)", provenance: report.provenance)
            event.tlp = report.tlp
            result.events.append(event)
        }
    }

    /// Tactic columns in the matrix's order (else the order the tactics appear).
    mutating func resolveTactics() {
        var ordered: [TacticInfo] = []
        for ref in matrixOrder { if let t = tactics.first(where: { $0.stixID == ref }) { ordered.append(t.info) } }
        for t in tactics where !ordered.contains(t.info) { ordered.append(t.info) }
        result.tactics = ordered.map { t in
            var t = t
            if t.domain == nil { t.domain = domain }
            return t
        }
    }
}
