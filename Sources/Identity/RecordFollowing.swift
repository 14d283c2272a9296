import JSONCore
import ThreatModel

extension DatasetBuilder {
    /// Step 3 of `build`: everything that points at actors (events, campaigns, findings)
    /// follows the merge, and a twin report's copies are dropped.
    struct RecordFollowing: Sendable {
        /// What the records of all files become.
        struct Followed {
            var events: [Event] = []
            var campaigns: [Campaign] = []
            var findings: [Finding] = []
            var reports: [ReportInfo] = []
            var problems: [Problem] = []
        }

        /// A merged actor's id and nexus, found in one lookup (most events name one actor).
        typealias MergedActor = (id: String, nexus: Nexus)

        let results: [IngestResult]
        let twins: [Int: Int]
        let localToMerged: [[String: String]]
        let nexusOf: [String: Nexus]
        let mergedActor: [MergedActorTable]

        init(results: [IngestResult], twins: [Int: Int], merged: MergedActors) {
            self.results = results
            self.twins = twins
            localToMerged = merged.localToMerged
            nexusOf = merged.nexusOf
            mergedActor = merged.localToMerged.map { MergedActorTable($0, nexusOf: merged.nexusOf) }
        }

        /// Result `r`'s local actor ids as merged ids, each once.
        func remap(_ r: Int, _ ids: [String]) -> [String] {
            // An actor whose merged id is its own keeps the event's array (no copy per event).
            if ids.count == 1 { return localToMerged[r][ids[0]].map { $0 == ids[0] ? ids : [$0] } ?? [] }
            var out: [String] = []
            for id in ids {
                if let m = localToMerged[r][id], !out.contains(m) { out.append(m) }
            }
            return out
        }

        /// What an event of result `r` becomes: its merged actor ids (nil when they are its
        /// own) and the nexus, stated or else theirs. Given the three fields it reads, not
        /// the event: a whole `Event` passed from the array was a copy, a retain and release
        /// of its every list.
        func followed(
            _ actorIDs: [String], nexus: Nexus, fromActors: Bool, of r: Int, _ table: MergedActorTable
        ) -> (
            actorIDs: [String]?, nexus: Nexus, fromActors: Bool
        ) {
            let stated = fromActors ? Nexus.unknown : nexus
            var ids: [String]?
            var theirs: Nexus
            if actorIDs.count == 1, let m = table[actorIDs[0]] {
                if m.id != actorIDs[0] { ids = [m.id] }
                theirs = m.nexus
            } else {
                let merged = remap(r, actorIDs)
                if merged != actorIDs { ids = merged }
                theirs = Nexus.agreed(ofActors: merged, in: nexusOf)
            }
            return stated != .unknown ? (ids, stated, false) : (ids, theirs, theirs != .unknown)
        }

        /// Event `e` of result `r` with merged actor ids and the nexus they give.
        func follow(_ e: inout Event, of r: Int, _ table: MergedActorTable) {
            let f = followed(e.actorIDs, nexus: e.nexus, fromActors: e.nexusFromActors, of: r, table)
            if let ids = f.actorIDs { e.actorIDs = ids }
            if e.nexus != f.nexus { e.nexus = f.nexus }
            e.nexusFromActors = f.fromActors
        }

        /// A result's events merged on every core. When the merge changes none of them (a
        /// file alone, prepared by `prepare`: its events have their actors' nexus and the
        /// merge's order) they are the result's array itself, shared with the loader's copy
        /// of the result; otherwise each is copied once and changed where it lies.
        func remapped(_ r: Int) -> [Event] {
            let table = mergedActor[r]
            // Each event's fields read where it lies, on every core (passed whole, each of the
            // native file's 100,000 events was copied: 14 ms of CPU a load).
            let events = results[r].events
            let unchanged = !ParallelMap.ranges(events.count, parts: 8) { range in
                range.allSatisfy { k in
                    let f = followed(events[k].actorIDs, nexus: events[k].nexus, fromActors: events[k].nexusFromActors, of: r, table)
                    return f.actorIDs == nil && f.nexus == events[k].nexus && f.fromActors == events[k].nexusFromActors
                }
            }.contains(false)
            if unchanged { return results[r].events }
            return ParallelMap.transformedCopy(results[r].events, parts: 8) { follow(&$0, of: r, table) }
        }

        /// What each primary (a report that has a twin) holds, so the twin's copies are known.
        func primaryKeys() -> [Int: Set<String>] {
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
            return primaryKeys
        }

        func follow() -> Followed {
            var out = Followed()
            out.events.reserveCapacity(results.reduce(0) { $0 + $1.events.count })
            var seenEvents: Set<String> = []
            // Only the events of results other than native ones skip an id seen before: ids need
            // remembering up to the last such result that has events (a native file beside an
            // ATT&CK bundle, which has none, remembers none, and is merged on every core).
            let lastSkipping = results.lastIndex { $0.format != .native && !$0.events.isEmpty } ?? -1
            let primaryKeys = primaryKeys()
            for (r, result) in results.enumerated() {
                let twinOf = twins[r].flatMap { primaryKeys[$0] }
                if twinOf == nil, r > lastSkipping, result.events.count >= ParallelMap.manyEvents {
                    // Nothing of these can be skipped (no twin, no later result that repeats ids).
                    if out.events.isEmpty { out.events = remapped(r) } else { out.events.append(contentsOf: remapped(r)) }
                } else {
                    followEvents(of: r, twinOf: twinOf, skipsRepeats: r <= lastSkipping, seen: &seenEvents, into: &out.events)
                }
                followOthers(of: r, twinOf: twinOf, into: &out)
            }
            // A twin's report is the same report: its ids join the primary's.
            for (r, p) in twins {
                for tw in results[r].reports {
                    if let k = out.reports.firstIndex(where: { rep in results[p].reports.contains { $0.id == rep.id } }) {
                        out.reports[k].twinIDs.append(tw.id)
                    }
                }
            }
            return out
        }

        /// Result `r`'s events one at a time, skipping a twin's copies and repeated ids.
        func followEvents(of r: Int, twinOf: Set<String>?, skipsRepeats: Bool, seen: inout Set<String>, into events: inout [Event]) {
            let result = results[r]
            for original in result.events {
                var e = original
                follow(&e, of: r, mergedActor[r])
                if let keys = twinOf, keys.contains(activityKey(e.span, e.actorIDs)) { continue }
                // A twin's own publication (the conversion's date) is not new activity.
                if twinOf != nil, e.kind == .publication, result.reports.contains(where: { e.id == $0.id + "#published" }) { continue }
                if skipsRepeats, !seen.insert(e.id).inserted, result.format != .native { continue }
                events.append(e)
            }
        }

        /// Result `r`'s campaigns, findings, reports and problems.
        func followOthers(of r: Int, twinOf: Set<String>?, into out: inout Followed) {
            let result = results[r]
            for var c in result.campaigns {
                c.actorIDs = remap(r, c.actorIDs)
                if c.nexus == .unknown { c.nexus = Nexus.agreed(ofActors: c.actorIDs, in: nexusOf) }
                if let s = c.span, let keys = twinOf, keys.contains(activityKey(s, c.actorIDs)) { continue }
                out.campaigns.append(c)
            }
            for var f in result.findings {
                f.subjectActorID = f.subjectActorID.flatMap { remap(r, [$0]).first }
                if let keys = twinOf, keys.contains(findingKey(f)) { continue }
                out.findings.append(f)
            }
            if twins[r] == nil { out.reports.append(contentsOf: result.reports) }
            out.problems.append(contentsOf: result.problems)
        }
    }
}
