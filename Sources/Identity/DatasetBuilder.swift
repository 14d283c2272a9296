import ThreatModel
import JSONCore

/// Merges the records of many files into one `Dataset`, by the identity rules in the README
/// ("How actors are merged"):
///
/// 1. One object, one count: the same STIX id in several files is one object, the latest
///    `modified` (parsed, offsets and fractions honoured) wins; a report loaded twice (native
///    and its STIX twin, same title and publisher) counts once, and so do its findings and events.
/// 2. Records are one actor when they share a catalogue id (ATT&CK G0007, a MISP cluster
///    uuid, a STIX id), or when one's name equals the other's name or one of its aliases
///    (case, spacing and punctuation folded). An alias shared only as an alias never merges.
/// 3. A record whose names would join actors that are otherwise distinct (two ATT&CK groups,
///    two clusters of one galaxy, two objects of one file) is an umbrella: it stays separate
///    and is linked to them. No merge ever joins two otherwise distinct actors.
/// 4. Stated nexus beats inferred (naming conventions); conflicting stated countries make the
///    actor Disputed, counted once, with every claim kept.
public enum DatasetBuilder {
    /// Formats in the order their names and statements take precedence.
    static func priority(_ format: Provenance.Format) -> Int {
        switch format {
        case .native: return 0
        case .stix: return 1
        case .taxii: return 2
        case .misp: return 3
        case .mispEvent: return 4
        case .mispFeed: return 5
        }
    }

    /// One actor record with what identity needs about it.
    struct Record {
        var result: Int
        var actor: Actor
        var format: Provenance.Format
        var file: String
        /// Keys that identify it exactly: "#G0007", "#stix:intrusion-set--…", "#uuid:…".
        var idKeys: [String]
        /// The catalogue it belongs to and its id there: records of one catalogue with
        /// different ids are distinct by that catalogue's word.
        var catalogue: [(namespace: String, id: String)]
        var nameKey: String
        /// Each distinct alias key (three characters or more, not the name's) beside an alias
        /// as written, as identity pairs them (made once here: folding a name is the costly
        /// part of a key).
        var keyedAliases: [(key: String, alias: String)]
        var label: String
    }

    public static func build(_ input: [IngestResult], files: [LoadedFile]? = nil, maxTLP: TLP? = nil) -> Dataset {
        var hidden = HiddenCount(limit: maxTLP)
        var results = deduplicate(input)
        if let maxTLP { for k in results.indices { hideAbove(maxTLP, &results[k], &hidden) } }
        let twins = findTwins(results)

        // 1. Every actor record (on every core: a feed is 10,000 results of a few actors).
        let frozen = results
        var owned: [(result: Int, actor: Int)] = []
        owned.reserveCapacity(results.reduce(0) { $0 + $1.actors.count })
        for (r, result) in results.enumerated() { for a in result.actors.indices { owned.append((r, a)) } }
        let owners = owned
        let records = ParallelMap.map(owners.count, minimum: 512) { k in
            let (r, a) = owners[k]
            return record(frozen[r].actors[a], result: r, format: frozen[r].format, file: frozen[r].file)
        }
        let identity = Identity(records)
        let groups = identity.groups

        // 2. One actor per group, with its merge reasons; groups merge independently.
        // (A feed's 10,000 records may be 14 actors: the size is in the records, not the groups.)
        let mergedActors = ParallelMap.map(groups.count, minimum: records.count >= 512 ? 2 : 64) { g in
            let ordered = groups[g].sorted { (priority(records[$0].format), $0) < (priority(records[$1].format), $1) }
            return merge(ordered.map { records[$0].actor }, labels: ordered.map { records[$0].label })
        }
        var actors: [Actor] = []
        actors.reserveCapacity(groups.count)
        var mergedID = [String?](repeating: nil, count: records.count)
        var usedIDs: Set<String> = []
        for (g, members) in groups.enumerated() {
            var actor = mergedActors[g]
            let base = slug(actor.name)
            var id = base
            var n = 2
            while usedIDs.contains(id) {
                id = base + "-\(n)"
                n += 1
            }
            usedIDs.insert(id)
            actor.id = id
            actor.identity.reasons = identity.reasonsByGroup[g] + actor.identity.reasons
            for m in members { mergedID[m] = id }
            actors.append(actor)
        }
        // Umbrellas and shared aliases, in merged ids.
        for (g, joined) in identity.umbrellaLinks {
            actors[g].identity.umbrellaOf = joined.compactMap { groups.indices.contains($0) ? mergedID[groups[$0][0]] : nil }
        }
        let position = Dictionary(actors.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        for a in actors where !a.identity.umbrellaOf.isEmpty {
            for t in a.identity.umbrellaOf { if let p = position[t] { actors[p].identity.umbrellas.append(a.id) } }
        }
        for (alias, gs) in identity.sharedAliases {
            let ids = gs.compactMap { mergedID[groups[$0][0]] }
            for a in ids {
                guard let p = position[a], actors[p].identity.overlaps.count < 40 else { continue }
                for b in ids where b != a { actors[p].identity.overlaps.append(ActorIdentity.Overlap(actorID: b, alias: alias)) }
            }
        }

        let nexusOf = Dictionary(actors.map { ($0.id, $0.nexus) }, uniquingKeysWith: { a, _ in a })
        var mergedIDs: [[String: String]] = Array(repeating: [:], count: results.count)
        for (i, record) in records.enumerated() {
            if let m = mergedID[i] { mergedIDs[record.result][record.actor.id] = m }
        }
        let localToMerged = mergedIDs
        @Sendable func remap(_ r: Int, _ ids: [String]) -> [String] {
            // An actor whose merged id is its own keeps the event's array (no copy per event).
            if ids.count == 1 { return localToMerged[r][ids[0]].map { $0 == ids[0] ? ids : [$0] } ?? [] }
            var out: [String] = []
            for id in ids {
                if let m = localToMerged[r][id], !out.contains(m) { out.append(m) }
            }
            return out
        }
        // 3. Everything that points at actors follows the merge; a twin's copies are dropped.
        var events: [Event] = []
        events.reserveCapacity(results.reduce(0) { $0 + $1.events.count })
        var campaigns: [Campaign] = []
        var findings: [Finding] = []
        var reports: [ReportInfo] = []
        var problems: [Problem] = []
        var seenEvents: Set<String> = []
        // Only the events of results other than native ones skip an id seen before: ids need
        // remembering up to the last such result that has events (a native file beside an
        // ATT&CK bundle, which has none, remembers none, and is merged on every core).
        let lastSkipping = results.lastIndex { $0.format != .native && !$0.events.isEmpty } ?? -1
        // What each primary (a report that has a twin) holds, so the twin's copies are known.
        var primaryKeys: [Int: Set<String>] = [:]
        for p in Set(twins.values) {
            var keys: Set<String> = []
            for e in results[p].events { keys.insert(activityKey(e.span, remap(p, e.actorIDs))) }
            for c in results[p].campaigns { if let s = c.span { keys.insert(activityKey(s, remap(p, c.actorIDs))) } }
            for var f in results[p].findings {
                f.subjectActorID = f.subjectActorID.flatMap { remap(p, [$0]).first }
                keys.insert(findingKey(f))
            }
            primaryKeys[p] = keys
        }
        // Most events name one actor: its merged id and nexus in one lookup.
        let mergedActor: [[String: (id: String, nexus: Nexus)]] = localToMerged.map { table in
            table.mapValues { ($0, nexusOf[$0] ?? .unknown) }
        }
        /// What event `e` of result `r` becomes: its merged actor ids (nil when they are its
        /// own) and the nexus, stated or else theirs.
        @Sendable func followed(_ e: Event, of r: Int, _ table: [String: (id: String, nexus: Nexus)]) -> (actorIDs: [String]?, nexus: Nexus, fromActors: Bool) {
            let stated = e.nexusFromActors ? Nexus.unknown : e.nexus
            var ids: [String]?
            var theirs: Nexus
            if e.actorIDs.count == 1, let m = table[e.actorIDs[0]] {
                if m.id != e.actorIDs[0] { ids = [m.id] }
                theirs = m.nexus
            } else {
                let merged = remap(r, e.actorIDs)
                if merged != e.actorIDs { ids = merged }
                theirs = Nexus.agreed(ofActors: merged, in: nexusOf)
            }
            return stated != .unknown ? (ids, stated, false) : (ids, theirs, theirs != .unknown)
        }
        /// Event `e` of result `r` with merged actor ids and the nexus they give.
        @Sendable func follow(_ e: inout Event, of r: Int, _ table: [String: (id: String, nexus: Nexus)]) {
            let f = followed(e, of: r, table)
            if let ids = f.actorIDs { e.actorIDs = ids }
            if e.nexus != f.nexus { e.nexus = f.nexus }
            e.nexusFromActors = f.fromActors
        }
        @Sendable func merged(_ e: Event, of r: Int) -> Event {
            var e = e
            follow(&e, of: r, mergedActor[r])
            return e
        }
        /// A result's events merged on every core. When the merge changes none of them (a
        /// native file alone: its reader gave them their actors' nexus and the merge's order)
        /// they are the result's array itself, shared with the loader's copy of the result;
        /// otherwise each is copied once and changed where it lies.
        func remapped(_ r: Int) -> [Event] {
            results[r].events.withUnsafeBufferPointer { source in
                nonisolated(unsafe) let source = source
                let table = mergedActor[r]
                let same = ParallelMap.ranges(source.count, parts: 8) { range in
                    range.allSatisfy { k in
                        let f = followed(source[k], of: r, table)
                        return f.actorIDs == nil && f.nexus == source[k].nexus && f.fromActors == source[k].nexusFromActors
                    }
                }
                if !same.contains(false) { return results[r].events }
                return Array(unsafeUninitializedCapacity: source.count) { buffer, initialized in
                    HugePages.advise(buffer.baseAddress, bytes: buffer.count * MemoryLayout<Event>.stride)
                    // Each slot is written by exactly one range, and read only after all have ended.
                    nonisolated(unsafe) let out = buffer
                    _ = ParallelMap.ranges(source.count, parts: 8) { range in
                        for k in range {
                            let slot = out.baseAddress! + k
                            slot.initialize(to: source[k])
                            follow(&slot.pointee, of: r, table)
                        }
                    }
                    initialized = source.count
                }
            }
        }
        for (r, result) in results.enumerated() {
            let twinOf = twins[r].flatMap { primaryKeys[$0] }
            if twinOf == nil, r > lastSkipping, result.events.count >= ParallelMap.manyEvents {
                // Nothing of these can be skipped (no twin, no later result that repeats ids).
                if events.isEmpty { events = remapped(r) } else { events.append(contentsOf: remapped(r)) }
            } else {
                for original in result.events {
                    let e = merged(original, of: r)
                    if let keys = twinOf, keys.contains(activityKey(e.span, e.actorIDs)) { continue }
                    // A twin's own publication (the conversion's date) is not new activity.
                    if twinOf != nil, e.kind == .publication, result.reports.contains(where: { e.id == $0.id + "#published" }) { continue }
                    if r <= lastSkipping, !seenEvents.insert(e.id).inserted, result.format != .native { continue }
                    events.append(e)
                }
            }
            for var c in result.campaigns {
                c.actorIDs = remap(r, c.actorIDs)
                if c.nexus == .unknown { c.nexus = Nexus.agreed(ofActors: c.actorIDs, in: nexusOf) }
                if let s = c.span, let keys = twinOf, keys.contains(activityKey(s, c.actorIDs)) { continue }
                campaigns.append(c)
            }
            for var f in result.findings {
                f.subjectActorID = f.subjectActorID.flatMap { remap(r, [$0]).first }
                if let keys = twinOf, keys.contains(findingKey(f)) { continue }
                findings.append(f)
            }
            if twins[r] == nil { reports.append(contentsOf: result.reports) }
            problems.append(contentsOf: result.problems)
        }
        // A twin's report is the same report: its ids join the primary's.
        for (r, p) in twins {
            for tw in results[r].reports {
                if let k = reports.firstIndex(where: { rep in results[p].reports.contains { $0.id == rep.id } }) { reports[k].twinIDs.append(tw.id) }
            }
        }
        // Sorted by keys made once (a lowercased name per comparison was 260,000 strings for
        // 10,000 actors) and compared field by field (a tuple copies both ids each time).
        let sortNames = actors.map { $0.name.lowercased() }
        actors = actors.indices.sorted { a, b in sortNames[a] != sortNames[b] ? sortNames[a] < sortNames[b] : actors[a].id < actors[b].id }.map { actors[$0] }
        sortByDate(&events)
        campaigns.sort { ($0.span?.start ?? Day(ordinal: .max), $0.name, $0.id) < ($1.span?.start ?? Day(ordinal: .max), $1.name, $1.id) }

        // 4. Techniques: one catalogue, actors' usage (direct, via campaigns, tags), procedures.
        let (catalog, tactics) = techniqueCatalog(results)
        let finalPosition = Dictionary(actors.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        var used = [Set<String>](repeating: [], count: actors.count)
        var procedures: [Procedure] = []
        for (p, a) in actors.enumerated() {
            for t in a.techniques { if let id = t.attackID { used[p].insert(id) } }
        }
        for (r, result) in results.enumerated() {
            for u in result.uses {
                guard let merged = localToMerged[r][u.actorID], let p = finalPosition[merged] else { continue }
                used[p].insert(u.techniqueID)
                procedures.append(Procedure(actorPosition: p, techniqueID: u.techniqueID, description: u.description,
                                            references: u.references, source: u.source, via: u.via))
            }
        }
        // Events tagged with techniques (MISP) count for their actors too.
        for e in events where !e.techniques.isEmpty {
            for a in e.actorIDs { if let p = finalPosition[a] { used[p].formUnion(e.techniques) } }
        }
        var catalogIDs = Set(catalog.map(\.id))
        var fullCatalog = catalog
        // Named but not described (a native report, a MISP tag): ATT&CK's own entry when
        // ThreatDeck knows it, else a bare one, so filters and the matrix still find it.
        func addBare(_ id: String, name: String?) {
            // A sub-technique's parent belongs in the catalogue too (it is the matrix cell),
            // also when the data describes the sub-technique but not its parent.
            if let parent = TechniqueInfo(id: id, name: "").parentID { addBare(parent, name: nil) }
            guard !catalogIDs.contains(id) else { return }
            catalogIDs.insert(id)
            if let known = AttackVocabulary.technique(id) { fullCatalog.append(known) } else { fullCatalog.append(TechniqueInfo(id: id, name: name ?? id)) }
        }
        for (p, set) in used.enumerated() {
            for id in set.sorted() { addBare(id, name: actors[p].techniques.first { $0.attackID == id }?.name) }
        }
        for e in events { for id in e.techniques { addBare(id, name: nil) } }
        for r in results { for t in r.techniques where !catalogIDs.contains(t.id) { addBare(t.id, name: t.name) } }
        // Matrix columns: the data's own tactics, else ATT&CK's for the domains its techniques come from.
        var tacticColumns = tactics
        if tacticColumns.isEmpty {
            var domains: [String] = []
            for t in fullCatalog { if let d = t.domain, !domains.contains(d) { domains.append(d) } }
            for d in domains.isEmpty ? ["enterprise-attack"] : domains {
                for t in AttackVocabulary.tactics(d) where !tacticColumns.contains(where: { $0.shortName == t.shortName }) { tacticColumns.append(t) }
            }
        }

        let loaded = files ?? results.map {
            LoadedFile(path: $0.file, format: $0.unparsed ? nil : $0.format, actors: $0.actors.count, events: $0.events.count,
                       bytes: $0.bytes, loaded: !$0.unparsed)
        }
        return Dataset(reports: reports, actors: actors, events: events, campaigns: campaigns, findings: findings,
                       problems: problems, files: loaded, techniques: fullCatalog, tactics: tacticColumns,
                       actorTechniques: used.map { $0.sorted() }, procedures: procedures, hidden: hidden)
    }

    // MARK: One object, one count

    /// Drops older versions of STIX objects that several files (or feeds) carry: for each id,
    /// the result whose version is latest keeps it.
    static func deduplicate(_ input: [IngestResult]) -> [IngestResult] {
        var winner: [String: (result: Int, version: Timestamp)] = [:]
        for r in input.indices {
            for (id, version) in input[r].versions {
                if let w = winner[id], w.version >= version { continue }
                winner[id] = (r, version)
            }
        }
        guard winner.count > 0 else { return input }
        var out = input
        for r in out.indices where !out[r].versions.isEmpty {
            func keep(_ id: String) -> Bool { winner[id].map { $0.result == r } ?? true }
            // Most results hold only latest versions: left untouched, not copied.
            guard input[r].actors.contains(where: { !keep($0.id) }) || input[r].campaigns.contains(where: { !keep($0.id) })
                || input[r].events.contains(where: { !keep($0.id) || ($0.id.hasSuffix("#published") && !keep(String($0.id.dropLast(10)))) })
                || input[r].findings.contains(where: { !keep($0.id) }) || input[r].reports.contains(where: { !keep($0.id) }) else { continue }
            out[r].actors.removeAll { !keep($0.id) }
            out[r].campaigns.removeAll { !keep($0.id) }
            out[r].events.removeAll { e in !keep(e.id) || (e.id.hasSuffix("#published") && !keep(String(e.id.dropLast(10)))) }
            out[r].findings.removeAll { !keep($0.id) }
            out[r].reports.removeAll { !keep($0.id) }
        }
        return out
    }

    /// Removes everything marked above `limit`, counting it.
    static func hideAbove(_ limit: TLP, _ result: inout IngestResult, _ hidden: inout HiddenCount) {
        func above(_ t: TLP?) -> Bool { t.map { $0 > limit } ?? false }
        let a = result.actors.count, e = result.events.count, f = result.findings.count, r = result.reports.count, c = result.campaigns.count
        let hiddenActors = Set(result.actors.filter { above($0.tlp) }.map(\.id))
        result.actors.removeAll { above($0.tlp) }
        result.events.removeAll { above($0.tlp) }
        result.findings.removeAll { f in f.provenance.contains { above($0.tlp) } }
        result.reports.removeAll { above($0.tlp) }
        result.campaigns.removeAll { c in c.provenance.contains { above($0.tlp) } }
        result.uses.removeAll { hiddenActors.contains($0.actorID) }
        hidden.actors += a - result.actors.count
        hidden.events += e - result.events.count
        hidden.findings += f - result.findings.count
        hidden.reports += r - result.reports.count
        hidden.other += c - result.campaigns.count
    }

    /// For each result that repeats a higher-priority result's report (same title and
    /// publisher, and period when both give one), the index of that primary result.
    static func findTwins(_ results: [IngestResult]) -> [Int: Int] {
        var out: [Int: Int] = [:]
        // The publisher, or a source the report cites by that name: a STIX conversion is
        // created by whoever converted it and names the original publisher in its references.
        func publishers(_ r: ReportInfo) -> Set<String> {
            Set(([r.publisher] + r.sources.map(\.id) + r.sources.map(\.publisher)).compactMap { $0.map(Vocabulary.fold) }.filter { !$0.isEmpty })
        }
        var seen: [String: [(result: Int, report: ReportInfo)]] = [:]
        let order = results.indices.sorted { (priority(results[$0].format), $0) < (priority(results[$1].format), $1) }
        for r in order {
            for report in results[r].reports where !report.synthetic {
                let title = Vocabulary.fold(report.title)
                let mine = publishers(report)
                if let first = seen[title]?.first(where: { $0.result != r && !publishers($0.report).isDisjoint(with: mine) }) {
                    if let a = first.report.period, let b = report.period, a != b { continue }
                    if out[r] == nil { out[r] = first.result }
                } else {
                    seen[title, default: []].append((r, report))
                }
            }
        }
        return out
    }

    static func activityKey(_ span: DayRange, _ actors: [String]) -> String {
        "\(span.start.ordinal)|\(span.end.ordinal)|" + actors.sorted().joined(separator: ",")
    }

    static func findingKey(_ f: Finding) -> String {
        "finding|\(f.metric.rawValue)|\(f.value)|\(f.qualifier.rawValue)|\(f.subjectNexus?.description ?? "")|\(f.subjectActorID ?? "")|\(f.period?.description ?? "")"
    }

    // MARK: Identity

    static func record(_ actor: Actor, result: Int, format: Provenance.Format, file: String) -> Record {
        var idKeys: [String] = []
        var catalogue: [(String, String)] = []
        for id in ownGroupIDs(actor) {
            idKeys.append("#" + id)
            catalogue.append(("attack", id))
        }
        for id in actor.externalIDs where !CatalogueID.isAttackGroup(id.uppercased()) { idKeys.append("#" + id.uppercased()) }
        switch format {
        case .stix, .taxii: idKeys.append("#stix:" + actor.id)
        case .misp: if CatalogueID.isUUID(actor.id) { idKeys.append("#uuid:" + actor.id.lowercased()) }
        default: break
        }
        // Within one file, different objects are different actors by that file's word.
        catalogue.append(("file:" + file, actor.id))
        let nameKey = Actor.nameKey(actor.name)
        var aliasKeys: [String] = []
        // The aliases whose keys count, as written (repeats kept: identity pairs them with the
        // keys in order).
        var written: [String] = []
        for a in actor.aliases {
            let k = Actor.nameKey(a)
            guard k.count >= 3, k != nameKey else { continue }
            written.append(a)
            if !aliasKeys.contains(k) { aliasKeys.append(k) }
        }
        let label: String
        if let g = catalogue.first(where: { $0.0 == "attack" }), format == .stix || format == .taxii {
            label = "ATT&CK \(g.1) '\(actor.name)'"
        } else {
            label = format.label + " '" + actor.name + "' (" + baseName(file) + ")"
        }
        return Record(result: result, actor: actor, format: format, file: file, idKeys: idKeys, catalogue: catalogue,
                      nameKey: nameKey, keyedAliases: zip(aliasKeys, written).map { ($0, $1) }, label: label)
    }

    /// The ATT&CK group ids that are the record's own identity. One id is taken as given. A
    /// record listing several (MISP's Naikon lists G0019 Naikon and G0013 APT30, whose own
    /// cluster says the two "do not appear to be exact matches") claims only the one whose
    /// ATT&CK name is its own name; the others are groups it mentions, which would otherwise
    /// join actors ATT&CK keeps apart. With none matching, none is identity.
    static func ownGroupIDs(_ actor: Actor) -> [String] {
        var ids: [String] = []
        for id in actor.externalIDs {
            let upper = id.uppercased()
            if CatalogueID.isAttackGroup(upper) && !ids.contains(upper) { ids.append(upper) }
        }
        guard ids.count > 1 else { return ids }
        let own = Actor.nameKey(actor.name)
        return ids.filter { id in AttackVocabulary.groupNames(id)?.first.map { Actor.nameKey($0) == own } ?? false }
    }

    /// The last path component ("a/b.json" → "b.json"), found on bytes: it labels every record.
    static func baseName(_ path: String) -> String {
        let u = path.utf8
        var end = u.endIndex
        while end > u.startIndex, u[u.index(before: end)] == UInt8(ascii: "/") { end = u.index(before: end) }
        let start = u[..<end].lastIndex(of: UInt8(ascii: "/")).map { u.index(after: $0) } ?? u.startIndex
        return start == end ? path : String(path[start..<end])
    }

    /// The identity computation: groups of records, why they joined, umbrellas, shared aliases.
    struct Identity {
        let records: [Record]
        private(set) var parent: [Int]
        /// Per root that has been joined: catalogue namespace → ids in the group. A record
        /// never joined has its own catalogue only (made when asked: most never are).
        private(set) var catalogues: [Int: [String: Set<String>]] = [:]
        private(set) var unionReasons: [(a: Int, b: Int, text: String)] = []
        private(set) var groups: [[Int]] = []
        /// Per group: why its members are one actor, in the order the unions were made.
        private(set) var reasonsByGroup: [[String]] = []
        /// Per group index: the groups an umbrella would have joined.
        private(set) var umbrellaLinks: [Int: [Int]] = [:]
        /// Folded alias → groups sharing it as an alias only, with the alias as written.
        private(set) var sharedAliases: [String: [Int]] = [:]

        init(_ records: [Record]) {
            self.records = records
            parent = Array(records.indices)
            // Core: shared catalogue ids and equal names always join.
            var byID: [String: Int] = [:]
            var byName: [String: Int] = [:]
            let order = records.indices.sorted { (DatasetBuilder.priority(records[$0].format), $0) < (DatasetBuilder.priority(records[$1].format), $1) }
            for i in order {
                for k in records[i].idKeys {
                    if let j = byID[k] {
                        union(j, i, records[i].label + ": same catalogue id " + k.dropFirst().split(separator: ":").last.map(String.init)! + " as " + records[j].label, force: true)
                    } else {
                        byID[k] = i
                    }
                }
                let n = records[i].nameKey
                guard n.count >= 3 else { continue }
                if let j = byName[n] {
                    union(j, i, records[i].label + ": same name as " + records[j].label, force: true)
                } else {
                    byName[n] = i
                }
            }
            // Name-to-alias edges between core groups.
            var edges: [(from: Int, to: Int, alias: String)] = []
            for i in order {
                for (k, alias) in records[i].keyedAliases {
                    guard let j = byName[k] else { continue }
                    if find(i) != find(j) { edges.append((i, j, alias)) }
                }
            }
            var neighbours: [Int: Set<Int>] = [:]
            for e in edges {
                let a = find(e.from), b = find(e.to)
                neighbours[a, default: []].insert(b)
                neighbours[b, default: []].insert(a)
            }
            // Umbrellas: a group whose names reach two groups that are distinct from each other.
            var umbrellas: Set<Int> = []
            var umbrellaTargets: [Int: [Int]] = [:]
            for (g, ns) in neighbours {
                let list = ns.sorted()
                var distinctPair = false
                outer: for x in 0..<list.count {
                    for y in (x + 1)..<list.count where distinct(list[x], list[y]) {
                        distinctPair = true
                        break outer
                    }
                }
                if distinctPair {
                    umbrellas.insert(g)
                    umbrellaTargets[g] = list
                }
            }
            // Merge along the remaining edges; never join two distinct groups.
            var refused: [(Int, Int, String)] = []
            for e in edges {
                let a = find(e.from), b = find(e.to)
                if a == b || umbrellas.contains(a) || umbrellas.contains(b) { continue }
                if distinct(a, b) {
                    refused.append((e.from, e.to, e.alias))
                    continue
                }
                union(e.to, e.from, records[e.from].label + " lists '\(e.alias)', the name of " + records[e.to].label, force: false)
            }
            // Final groups, in first-record order.
            var index: [Int: Int] = [:]
            var out: [[Int]] = []
            for i in records.indices {
                let root = find(i)
                if let g = index[root] { out[g].append(i) } else {
                    index[root] = out.count
                    out.append([i])
                }
            }
            groups = out
            // Every union joined its two records, so a reason belongs to the group of either.
            var reasons = [[String]](repeating: [], count: out.count)
            for u in unionReasons { if let g = index[find(u.a)] { reasons[g].append(u.text) } }
            reasonsByGroup = reasons
            for (u, targets) in umbrellaTargets {
                guard let g = index[find(u)] else { continue }
                umbrellaLinks[g] = Array(Set(targets.compactMap { index[find($0)] }).filter { $0 != g }).sorted()
            }
            // Aliases shared by several final groups (as aliases, or refused name links).
            var aliasGroups: [String: (text: String, groups: Set<Int>)] = [:]
            for (i, r) in records.enumerated() {
                guard let g = index[find(i)] else { continue }
                for (k, alias) in r.keyedAliases {
                    aliasGroups[k, default: (alias, [])].groups.insert(g)
                }
            }
            for (from, to, alias) in refused {
                if let a = index[find(from)], let b = index[find(to)] { aliasGroups[Actor.nameKey(alias), default: (alias, [])].groups.formUnion([a, b]) }
            }
            for (_, v) in aliasGroups where v.groups.count >= 2 && v.groups.count <= 20 { sharedAliases[v.text] = v.groups.sorted() }
        }

        mutating func find(_ x: Int) -> Int {
            var x = x
            while parent[x] != x {
                parent[x] = parent[parent[x]]
                x = parent[x]
            }
            return x
        }

        /// Distinct by a catalogue's word: both groups hold records of one catalogue (ATT&CK
        /// groups, one galaxy file, one bundle) and share no id in it.
        mutating func distinct(_ a: Int, _ b: Int) -> Bool {
            let ra = find(a), rb = find(b)
            guard ra != rb else { return false }
            let ca = catalogue(ra), cb = catalogue(rb)
            for (ns, ids) in ca {
                if let other = cb[ns], ids.isDisjoint(with: other) { return true }
            }
            return false
        }

        /// The catalogue ids of the group whose root is `root`.
        func catalogue(_ root: Int) -> [String: Set<String>] { catalogues[root] ?? Self.catalogue(of: records[root]) }

        static func catalogue(of record: Record) -> [String: Set<String>] {
            var c: [String: Set<String>] = [:]
            for (ns, id) in record.catalogue { c[ns, default: []].insert(id) }
            return c
        }

        mutating func union(_ a: Int, _ b: Int, _ reason: String, force: Bool) {
            let ra = find(a), rb = find(b)
            guard ra != rb else { return }
            if !force && distinct(ra, rb) { return }
            let (root, child) = (min(ra, rb), max(ra, rb))
            parent[child] = root
            // Taken out, grown in place and put back: a copy per union made a feed of 10,000
            // events naming the same 14 actors quadratic.
            var merged = catalogues.removeValue(forKey: root) ?? Self.catalogue(of: records[root])
            for (ns, ids) in catalogues.removeValue(forKey: child) ?? Self.catalogue(of: records[child]) { merged[ns, default: []].formUnion(ids) }
            catalogues[root] = merged
            unionReasons.append((a, b, reason))
        }


    }

    /// Combines records (highest priority first) into one actor.
    static func merge(_ records: [Actor], labels: [String]) -> Actor {
        var actor = records[0]
        actor.aliases = aliases(of: records)
        // Most groups are one record with a few values per list: those are compared with the
        // values kept (a hash reads all of a description of kilobytes, and normalises it), and
        // a list without repeats is kept as it is.
        func union<T: Hashable>(_ values: (Actor) -> [T]) -> [T] {
            var total = 0
            for r in records { total += values(r).count }
            if total <= 16 {
                if records.count == 1 {
                    let only = values(records[0])
                    if only.indices.allSatisfy({ k in !only[..<k].contains(only[k]) }) { return only }
                }
                var out: [T] = []
                for r in records { for v in values(r) where !out.contains(v) { out.append(v) } }
                return out
            }
            var out: [T] = []
            var seen: Set<T> = []
            for r in records { for v in values(r) where seen.insert(v).inserted { out.append(v) } }
            return out
        }
        actor.motivations = union { $0.motivations }.sorted()
        actor.sectors = union { $0.sectors }
        actor.unmappedSectors = union { $0.unmappedSectors }
        actor.regions = union { $0.regions }
        actor.countries = union { $0.countries }
        actor.software = union { $0.software }
        actor.externalIDs = union { $0.externalIDs }
        actor.descriptions = union { $0.descriptions }
        actor.provenance = union { $0.provenance }
        actor.references = union { $0.references }
        actor.tlp = TLP.highest(records.map(\.tlp))
        // A technique already kept (same ATT&CK id, or same name in any case) is not repeated.
        var techniques: [Actor.Technique] = []
        var keptIDs: Set<String> = []
        var keptNames: Set<String> = []
        for r in records {
            for t in r.techniques {
                let name = t.name.lowercased()
                if let id = t.attackID, keptIDs.contains(id) { continue }
                guard keptNames.insert(name).inserted else { continue }
                if let id = t.attackID { keptIDs.insert(id) }
                techniques.append(t)
            }
        }
        actor.techniques = techniques
        actor.collective = records.allSatisfy(\.collective)

        let n = nexus(of: records, names: actor.allNames, labels: labels)
        actor.nexusClaims = n.claims
        actor.nexus = n.nexus
        actor.nexusBasis = n.basis
        let namingType = n.namingType
        let explicit = records.map(\.type).filter { $0 != .unknown }
        if let first = explicit.first {
            actor.type = first
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
        if Set(explicit).count > 1 {
            actor.identity.reasons.append("type disputed: " + zip(records, labels).filter { $0.0.type != .unknown }.map { $0.0.type.label + " (" + $0.1 + ")" }.joined(separator: ", ") + "; shown as " + actor.type.label)
        }
        return actor
    }

    /// One technique catalogue for all files (the most complete description of each id) and
    /// the tactic columns, in the data's own order, domains in the order they were loaded.
    static func techniqueCatalog(_ results: [IngestResult]) -> ([TechniqueInfo], [TacticInfo]) {
        var byID: [String: TechniqueInfo] = [:]
        var order: [String] = []
        for r in results {
            for t in r.techniques {
                if let existing = byID[t.id] {
                    // Prefer what describes it (ATT&CK's object) over a bare name from a tag.
                    if existing.description == nil && t.description != nil || existing.tactics.isEmpty && !t.tactics.isEmpty { byID[t.id] = t }
                } else {
                    byID[t.id] = t
                    order.append(t.id)
                }
            }
        }
        var tactics: [TacticInfo] = []
        for r in results { for t in r.tactics where !tactics.contains(where: { $0.shortName == t.shortName && $0.domain == t.domain }) { tactics.append(t) } }
        // One column per tactic short name: ICS and enterprise share some (e.g. collection).
        var seen: Set<String> = []
        tactics = tactics.filter { seen.insert($0.shortName).inserted }
        // An entry that does not place itself in the matrix (a converted report's attack
        // pattern with only a name and id) takes ATT&CK's own name and tactics.
        for id in order {
            guard var t = byID[id], t.tactics.isEmpty, let known = AttackVocabulary.technique(id) else { continue }
            t.name = known.name
            t.tactics = known.tactics
            t.domain = t.domain ?? known.domain
            t.url = t.url ?? known.url
            byID[id] = t
        }
        return (order.compactMap { byID[$0] }, tactics)
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
