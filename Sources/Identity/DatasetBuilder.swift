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
    static func priority(_ format: Provenance.Format) -> Int { format.precedence }

    public static func build(_ input: [IngestResult], files: [LoadedFile]? = nil, maxTLP: TLP? = nil) -> Dataset {
        var hidden = HiddenCount(limit: maxTLP)
        var results = deduplicate(input)
        if let maxTLP { for k in results.indices { hideAbove(maxTLP, &results[k], &hidden) } }
        let twins = findTwins(results)
        // 1 and 2: one actor per identity group.
        let merged = mergeActors(results)
        // 3. Everything that points at actors follows the merge; a twin's copies are dropped.
        var followed = RecordFollowing(results: results, twins: twins, merged: merged).follow()
        // Sorted by keys made once (a lowercased name per comparison was 260,000 strings for
        // 10,000 actors) and compared field by field (a tuple copies both ids each time).
        var actors = merged.actors
        let sortNames = actors.map { $0.name.lowercased() }
        actors = actors.indices.sorted { a, b in sortNames[a] != sortNames[b] ? sortNames[a] < sortNames[b] : actors[a].id < actors[b].id }.map { actors[$0] }
        sortByDate(&followed.events)
        followed.campaigns.sort { ($0.span?.start ?? Day(ordinal: .max), $0.name, $0.id) < ($1.span?.start ?? Day(ordinal: .max), $1.name, $1.id) }
        // 4. Techniques: one catalogue, actors' usage (direct, via campaigns, tags), procedures.
        let t = techniques(results, actors: actors, events: followed.events, localToMerged: merged.localToMerged)
        let misp = followIndicators(results)
        let loaded =
            files
            ?? results.map {
                LoadedFile(
                    path: $0.file, format: $0.unparsed ? nil : $0.format, actors: $0.actors.count, events: $0.events.count,
                    bytes: $0.bytes, loaded: !$0.unparsed)
            }
        return Dataset(
            reports: followed.reports, actors: actors, events: followed.events, campaigns: followed.campaigns,
            findings: followed.findings, problems: followed.problems, files: loaded, techniques: t.catalog, tactics: t.tactics,
            actorTechniques: t.used, campaignOnlyTechniques: t.campaignOnly,
            procedures: t.procedures, hidden: hidden, indicators: misp.indicators, pivots: misp.pivots)
    }
}
