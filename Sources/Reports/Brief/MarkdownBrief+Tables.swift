import Analysis
import ThreatModel

extension MarkdownBrief {
    /// The loaded data (or the view): by nexus, top actors by what the data has on them,
    /// sector by nexus, top techniques, and a timeline when there are dated events.
    static func loadedData(_ out: inout BriefText) {
        let view = out.view, b = view.breakdown, c = view.comparison, d = view.dataset
        let noun: Noun = b.measure == .events ? .event : .actor
        out.add("## " + (view.filter.isEmpty ? "The loaded data" : "The view"), "")
        out.add("By nexus (" + noun.count(b.total) + "; Other folds the smaller countries):", "")
        var header = ["nexus", noun.plural, "share"]
        if c != nil { header += ["baseline", "change", "change (pp)"] }
        let rows = b.folded(countries: ReportView.shownCountries).map { r -> [String] in
            var row = [ReportView.label(r.key), Format.count(r.count), Format.percent(r.share)]
            if let c {
                let base = c.baselineBreakdown.row(for: r.key)
                row += [Format.count(base?.count ?? 0), Format.delta(r.count - (base?.count ?? 0)), Format.points(r.share - (base?.share ?? 0))]
            }
            return row
        }
        out.add(lines: table(header, rows, right: Set(1..<header.count)))
        out.add("")
        topActors(&out)
        let m = view.matrix
        if !m.rows.isEmpty {
            out.add("Sector × nexus (" + (m.measure == .events ? Noun.event : .actor).plural + "):", "")
            out.add(
                lines: table(
                    ["sector"] + m.columns.map(\.label) + ["total"],
                    m.rows.map { [($0.depth > 0 ? "↳ " : "") + $0.label] + $0.cells.map { Format.count($0) } + [Format.count($0.total)] },
                    right: Set(1...(m.columns.count + 1))))
            out.add("")
        }
        if !view.techniques.ranked.isEmpty {
            out.add("Top techniques (actors in view using each; sub-techniques counted under their parent):", "")
            out.add(
                lines: table(
                    ["id", "technique", "tactic", "actors"],
                    view.techniques.ranked.prefix(15).map {
                        [$0.techniqueID, $0.name, $0.tactics.map { d.tacticName($0) }.joined(separator: ", "), Format.count($0.count)]
                    }, right: [3]))
            out.add("")
        }
        timeline(&out)
    }

    /// The actors in view ranked by what the data holds on them: events in view, else
    /// campaigns, else techniques, else sources (never a list of zeros in name order).
    static func topActors(_ out: inout BriefText) {
        let view = out.view, d = view.dataset
        let positions = d.actors.indices.filter { view.selection.actorMask[$0] }
        guard !positions.isEmpty else { return }
        let events = view.breakdown.eventsPerActor
        var campaigns: [String: Int] = [:]
        for i in view.selection.campaignIndices { for a in d.campaigns[i].actorIDs { campaigns[a, default: 0] += 1 } }
        let measures: [(noun: Noun, value: (Int) -> Int)] = [
            (Noun("event in view", plural: "events in view"), { events[d.actors[$0].id] ?? 0 }),
            (.campaign, { campaigns[d.actors[$0].id] ?? 0 }),
            (Noun("technique (incl. sub-techniques)", plural: "techniques (incl. sub-techniques)"), { d.actorTechniques[$0].count }),
            (.source, { Set(d.actors[$0].provenance.map { $0.reference?.key ?? $0.file }).count }),
        ]
        guard let (noun, value) = measures.first(where: { m in positions.contains { m.value($0) > 0 } }) else { return }
        let ranked = positions.map { ($0, value($0)) }.filter { $0.1 > 0 }.sorted { ($0.1, d.actors[$1.0].name) > ($1.1, d.actors[$0.0].name) }
        out.add("Top actors, by " + noun.plural + ":", "")
        out.add(
            lines: table(
                ["actor", "nexus", noun.plural], ranked.prefix(15).map { [d.actors[$0.0].name, d.actors[$0.0].nexus.name, Format.count($0.1)] }, right: [2]))
        if ranked.count > 15 { out.add("", "(" + Format.count(ranked.count - 15) + " more " + Noun.actor.word(ranked.count - 15) + ".)") }
        out.add("")
    }

    /// Events per bucket, only when there are events; runs of empty buckets fold into one row.
    static func timeline(_ out: inout BriefText) {
        let view = out.view, t = view.timeline
        guard t.total > 0 else { return }
        let unit = Noun(t.granularity.rawValue)
        out.add("Timeline (events dated in or spanning each " + unit.singular + "):", "")
        let baseline = view.baselineTimeline
        var rows: [[String]] = []
        var k = 0
        while k < t.buckets.count && rows.count < 240 {
            var end = k
            while end < t.buckets.count && t.buckets[end].count == 0
                && (baseline.map { !$0.buckets.indices.contains(end) || $0.buckets[end].count == 0 } ?? true)
            { end += 1 }
            if end - k > 3 {
                rows.append(["… " + Format.count(end - k) + " " + unit.word(end - k) + " without events", "0"] + (baseline == nil ? [] : ["0"]))
                k = end
                continue
            }
            let bucket = t.buckets[k]
            rows.append(
                [t.granularity.label(bucket.range), Format.count(bucket.count)]
                    + (baseline.map { [$0.buckets.indices.contains(k) ? Format.count($0.buckets[k].count) : "-"] } ?? []))
            k += 1
        }
        out.add(lines: table(["period", "events"] + (baseline == nil ? [] : ["baseline"]), rows, right: [1, 2]))
        if k < t.buckets.count { out.add("", "(The rest: `export --format csv --table timeline` lists every " + unit.singular + ".)") }
        out.add("")
    }

    /// Who is of unknown or disputed nexus, and what states no sector.
    static func unknownAndDisputed(_ out: inout BriefText) {
        let view = out.view, b = view.breakdown, d = view.dataset, m = view.matrix
        let noun: Noun = b.measure == .events ? .event : .actor
        out.add("## Unknown and disputed", "")
        let unknown = b.row(for: .nexus(.unknown)), disputed = b.row(for: .nexus(.disputed))
        out.add("- Nexus unknown: " + noun.count(unknown?.count ?? 0) + " (" + Format.percent(unknown?.share ?? 0) + ").")
        out.add("- Nexus disputed: " + noun.count(disputed?.count ?? 0) + " (" + Format.percent(disputed?.share ?? 0) + ").")
        for a in d.actors where a.nexus == .disputed && view.selection.actorIDs.contains(a.id) {
            out.add("  - " + inline(a.name) + ": " + inline(a.nexusClaims.map { $0.nexus.name + " (" + $0.source + ")" }.joined(separator: "; ")))
        }
        if m.withoutSector > 0 { out.add("- " + (m.measure == .events ? Noun.event : .actor).count(m.withoutSector) + " in view state no targeted sector.") }
        out.add("")
    }

    /// The numbered reference list: title (a bare URL shown as its site and page), publisher,
    /// date or "no date", link.
    static func references(_ out: inout BriefText) {
        out.add("## References", "")
        if out.referenceList.isEmpty { out.add("None cited.") }
        for (k, r) in out.referenceList.enumerated() {
            var text = "\(k + 1). “" + inline(r.displayTitle) + "”"
            if let p = r.publisher { text += ", " + inline(p) }
            text += ", " + (r.published?.description ?? "no date")
            if let url = r.url { text += ". <" + url + ">" }
            out.add(text)
        }
    }
}
