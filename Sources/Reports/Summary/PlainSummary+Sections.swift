import Analysis
import ThreatModel

extension PlainSummary {
    /// Sectors by nexus (actors or events, as the matrix counts them), and regions.
    static func sectors(_ view: ReportView, into out: inout SummaryLines) {
        let m = view.matrix, c = view.comparison
        let noun: Noun = m.measure == .events ? .event : .actor
        out.line("SECTOR TARGETING (\(noun.plural) by nexus)")
        if m.rows.isEmpty {
            out.line("  no \(noun.singular) in view states a targeted sector")
        } else {
            let w = 24
            out.line(
                "  " + out.pad("sector", w) + m.columns.map { out.padL($0.label, 9) }.joined() + out.padL("total", 7)
                    + (c == nil ? "" : out.padL("baseline", 10)))
            for r in m.rows {
                var text =
                    "  " + out.pad((r.depth > 0 ? "  " : "") + r.label, w) + r.cells.map { out.padL(Format.count($0), 9) }.joined()
                    + out.padL(Format.count(r.total), 7)
                if let c {
                    let base = c.baselineMatrix.rows.first { $0.sector == r.sector }?.total ?? 0
                    text += out.padL(Format.count(base), 10) + out.padL(Format.delta(r.total - base), 6)
                }
                out.line(text)
            }
            out.line(
                "  " + out.pad("total (distinct \(noun.plural))", w) + m.columnTotals.map { out.padL(Format.count($0), 9) }.joined()
                    + out.padL(Format.count(m.grandTotal), 7))
        }
        if m.withoutSector > 0 { out.line("  " + noun.count(m.withoutSector) + " with no stated sector") }
        out.line(
            "  regions: "
                + (m.regions.isEmpty
                    ? "none stated" : m.regions.prefix(12).map { "\(Vocabulary.regionName($0.region)) \(noun.count($0.count))" }.joined(separator: " · ")))
        out.line()
    }

    /// The techniques actors in view use, most used first; for a view of one actor, its own
    /// figures and their parts first.
    static func techniques(_ view: ReportView, into out: inout SummaryLines) {
        let dataset = view.dataset, u = view.techniques, c = view.comparison
        out.line("TECHNIQUES (actors in view using each; sub-techniques roll up into their parent)")
        let positions = dataset.actors.indices.filter { view.selection.actorMask[$0] }
        if positions.count <= 3 {
            for p in positions where !dataset.actorTechniques[p].isEmpty {
                out.line("  \(dataset.actors[p].name): " + ActorTechniques(dataset, position: p).summary)
            }
        }
        if u.ranked.isEmpty {
            out.line(dataset.techniqueCount == 0 ? "  the loaded data names no ATT&CK techniques" : "  no actor in view uses a known technique")
            out.line()
            return
        }
        out.line(
            "  " + out.pad("id", 11) + out.pad("technique", 40) + out.pad("tactic", 22) + out.padL("actors", 7) + (c == nil ? "" : out.padL("baseline", 10)))
        for r in u.ranked.prefix(25) {
            let tactic = r.tactics.map { dataset.tacticName($0) }.joined(separator: ", ")
            var text =
                "  " + out.pad(r.techniqueID, 11) + out.pad(String(r.name.prefix(38)), 40) + out.pad(String(tactic.prefix(20)), 22)
                + out.padL(Format.count(r.count), 7)
            if let c {
                let base = c.baselineTechniques.row(r.techniqueID)?.count ?? 0
                text += out.padL(Format.count(base), 10) + out.padL(Format.delta(r.count - base), 6)
            }
            out.line(text)
        }
        if u.ranked.count > 25 {
            out.line("  … " + Noun.parentTechnique.count(u.ranked.count - 25) + " more (threatdeck export --format csv --table techniques lists all)")
        }
        out.line(
            "  " + Format.count(u.actorsWithTechniques) + " of " + Noun.actor.count(u.actorsInView) + " in view use "
                + Noun.parentTechnique.count(u.ranked.count))
        out.line()
    }

    /// Events per bucket of the timeline, empty runs folded, the long spans.
    static func timeline(_ view: ReportView, into out: inout SummaryLines) {
        let t = view.timeline
        guard let window = t.window else {
            out.line("TIMELINE")
            out.line("  no dated events or campaigns in view")
            return
        }
        out.line("TIMELINE (events per \(t.granularity.rawValue) dated in or spanning each, \(window))")
        if let p = t.reportPeriod { out.line("  report period: \(p)") }
        timelineBuckets(view, into: &out)
        if t.truncated {
            out.line(
                "  (per \(t.granularity.rawValue): a finer bucket would need more than \(Noun("bucket").count(TimelineSeries.bucketLimit)); narrow the window)")
        }
        if t.outside > 0 { out.line("  " + Noun.event.count(t.outside) + " in view lie outside this window") }
        if !t.spans.isEmpty {
            out.line("  spans:")
            for s in t.spans.prefix(30) { out.line("    " + s.range.description + "  " + s.name + (s.isCampaign ? "" : " (long event)")) }
            if t.spans.count > 30 { out.line("    … \(t.spans.count - 30) more") }
        }
    }

    /// The bucket lines: at most 120 with events (the middle folds into one line; the CSV and
    /// JSON exports hold every bucket), and a run of more than three empty buckets as one line
    /// (0001–9999 has 9,999 years).
    static func timelineBuckets(_ view: ReportView, into out: inout SummaryLines) {
        let t = view.timeline
        let baseline = view.baselineTimeline
        let maxCount = max(1, t.maxCount)
        let unit = Noun(t.granularity.rawValue)
        func isEmpty(_ k: Int) -> Bool { t.buckets[k].count == 0 && (baseline.map { !$0.buckets.indices.contains(k) || $0.buckets[k].count == 0 } ?? true) }
        let shownLines = 120
        let nonEmpty = t.buckets.indices.filter { !isEmpty($0) }
        let foldFrom = nonEmpty.count > shownLines ? nonEmpty[shownLines / 2] : Int.max
        let foldTo = nonEmpty.count > shownLines ? nonEmpty[nonEmpty.count - shownLines / 2] : Int.max
        var k = 0
        while k < t.buckets.count {
            if k == foldFrom {
                let hidden = nonEmpty.filter { $0 >= foldFrom && $0 < foldTo }.count
                out.line(
                    "  … " + Format.count(hidden) + " more " + unit.word(hidden) + " with events (" + t.buckets[foldFrom].range.start.description + " to "
                        + t.buckets[foldTo - 1].range.end.description + "; export --format csv --table timeline lists them all)")
                k = foldTo
                continue
            }
            var end = k
            while end < t.buckets.count && isEmpty(end) { end += 1 }
            if end - k > 3 {
                out.line(
                    "  … " + Format.count(end - k) + " empty " + unit.word(end - k) + " (" + t.buckets[k].range.start.description + " to "
                        + t.buckets[end - 1].range.end.description + ")")
                k = end
                continue
            }
            let bucket = t.buckets[k]
            let inPeriod = t.reportPeriod?.overlaps(bucket.range) == true
            let bar = String(repeating: out.ascii ? "#" : "█", count: Int((Double(bucket.count) / Double(maxCount) * 40).rounded()))
            var text = "  " + out.pad(t.granularity.label(bucket.range), 16) + out.padL(Format.count(bucket.count), 6)
            if let baseline { text += out.padL(baseline.buckets.indices.contains(k) ? Format.count(baseline.buckets[k].count) : "-", 6) }
            out.line(text + " " + (inPeriod ? "*" : " ") + " " + bar)
            k += 1
        }
    }

    /// The newest events in view.
    static func events(_ view: ReportView, limit: Int, into out: inout SummaryLines) {
        let dataset = view.dataset, inView = view.selection.eventIndices.count
        out.line()
        out.line("EVENTS (newest \(Format.count(min(limit, inView))) of \(Noun.event.count(inView)) in view)")
        for e in view.recentEvents(limit) {
            let actors = e.actorIDs.compactMap { dataset.actor($0)?.name }.joined(separator: ", ")
            var text = "  " + out.pad(e.span.description, 24) + out.pad(e.kind.rawValue, 14) + out.pad(e.nexus.shortName, 10)
            text += (actors.isEmpty ? "" : actors + " · ") + e.summary
            if let src = e.provenance.first?.reference?.shortCitation ?? e.provenance.first?.source { text += " · " + src }
            out.line(text)
        }
    }
}
