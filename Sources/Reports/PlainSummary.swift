import ThreatModel
import TerminalUI
import Analysis

/// The dashboard's numbers as plain text: `threatdeck summary`, and the fallback when
/// stdout is not a terminal. Every line passes through `TerminalText`.
public enum PlainSummary {
    public static func render(_ dataset: Dataset, filter: Filter = .none, ascii: Bool = false, loadMilliseconds: Double? = nil, events: Int = 0) -> String {
        render(ReportView(dataset: dataset, filter: filter, loadMilliseconds: loadMilliseconds), ascii: ascii, events: events)
    }

    public static func render(_ view: ReportView, ascii: Bool = false, events eventLimit: Int = 0) -> String {
        let dataset = view.dataset
        let selection = view.selection
        let b = view.breakdown
        let m = view.matrix
        let t = view.timeline
        let c = view.comparison
        var out: [String] = []
        func line(_ s: String = "") { out.append(TerminalText.sanitize(s, ascii: ascii)) }
        func pad(_ s: String, _ w: Int) -> String { Format.padRight(s, w) }
        func padL(_ s: String, _ w: Int) -> String { Format.padLeft(s, w) }

        line("ThreatDeck summary")
        for r in dataset.reports {
            var s = "report: " + r.title
            if let p = r.publisher { s += " · " + p }
            if let p = r.period { s += " · period " + p.description }
            if r.synthetic { s += " · SYNTHETIC (generated, not intelligence)" }
            if let tlp = r.tlp { s += " · " + tlp.label }
            line(s)
        }
        var loaded = Format.plural(dataset.files.count, "file") + " · actors \(selection.actorIDs.count) of \(dataset.actors.count) · events \(selection.eventIndices.count) of \(dataset.events.count) · campaigns \(selection.campaignIndices.count) · findings \(dataset.findings.count)"
        if let ms = view.loadMilliseconds { loaded += " · loaded in \(Int(ms.rounded())) ms" }
        line(loaded)
        // Live sources say how fresh they are: a summary is only as good as its last pull.
        for f in dataset.files { if let status = f.status { line("source: \(f.path) · \(status.text)") } }
        line("filter: " + (view.filter.isEmpty ? "none" : view.filter.chips.map(\.label).joined(separator: " ")))
        if let c { line("compared with: " + c.baselineWindow.description + " (" + c.spec.description + ")") }
        if let marking = dataset.highestMarking { line("highest marking in view: " + marking.label) }
        if dataset.hidden.total > 0, let limit = dataset.hidden.limit {
            line("hidden above TLP:" + limit.rawValue.uppercased() + ": " + Format.plural(dataset.hidden.total, "record") + " (" + [
                dataset.hidden.actors > 0 ? Format.plural(dataset.hidden.actors, "actor") : nil,
                dataset.hidden.events > 0 ? Format.plural(dataset.hidden.events, "event") : nil,
                dataset.hidden.findings > 0 ? Format.plural(dataset.hidden.findings, "finding") : nil,
                dataset.hidden.reports > 0 ? Format.plural(dataset.hidden.reports, "report") : nil,
                dataset.hidden.other > 0 ? Format.plural(dataset.hidden.other, "campaign") : nil,
            ].compactMap { $0 }.joined(separator: ", ") + ")")
        }
        let errors = dataset.errorCount
        if !dataset.problems.isEmpty { line("problems: " + Format.plural(errors, "error") + ", " + Format.plural(dataset.problems.count - errors, "warning") + " (threatdeck validate FILE lists them)") }
        if dataset.actors.isEmpty && dataset.events.isEmpty { line("no actors or events loaded") }
        line()

        line("ACTOR BREAKDOWN")
        for s in b.stated {
            let f = s.finding
            line("  stated: \(f.subjectNexus?.name ?? "?") \(f.formatted(ascii: ascii)) of \(f.population)" + (f.period.map { " (\($0))" } ?? ""))
            let rest = Finding(id: "", statement: "", metric: .share, value: s.remainderValue, qualifier: s.remainderQualifier, population: "")
            line("          all other \(rest.formatted(ascii: ascii)) (not broken down by the report)")
            for other in s.corroborating { line("          also stated: \(other.formatted(ascii: ascii)) of \(other.population)") }
            let sources = f.citedSources.map(\.citation)
            if !sources.isEmpty { line("          sources: " + sources.joined(separator: "; ")) }
        }
        for f in view.otherFindings {
            line("  stated: \(f.formatted(ascii: ascii)) \(f.population)" + (f.period.map { " (\($0))" } ?? "") + (f.citedSources.isEmpty ? "" : " · " + f.citedSources.map(\.shortCitation).joined(separator: "; ")))
        }
        let unit = b.measure.rawValue
        line("  \(b.stated.isEmpty ? "" : "recount: ")\(unit) by nexus (\(b.total))" + (c.map { " · baseline " + $0.baselineWindow.description + " (\($0.baselineBreakdown.total))" } ?? ""))
        for r in b.folded(countries: ReportView.shownCountries) {
            var text = "    " + pad(ReportView.label(r.key), 16) + padL(String(r.count), 7) + padL(Format.percent(r.share), 8)
            if let c {
                let base = c.baselineBreakdown.row(for: r.key)
                text += "   baseline " + padL(String(base?.count ?? 0), 6) + padL(Format.percent(base?.share ?? 0), 8)
                text += "   " + padL(Format.delta(r.count - (base?.count ?? 0)), 6) + padL(Format.points(r.share - (base?.share ?? 0)), 10) + " " + mark(r.share - (base?.share ?? 0), ascii: ascii)
            }
            line(text)
        }
        line("  actors under each nexus" + (b.actorsByNexus.isEmpty ? ": none in view" : ""))
        for n in b.actorsByNexus.keys.sorted() {
            let rows = b.actorsByNexus[n]!
            let names = rows.prefix(8).map { "\($0.name) (\($0.events))" }.joined(separator: ", ")
            line("    " + pad(n.name, 16) + padL(String(rows.count), 5) + "  " + names + (rows.count > 8 ? ", …" : ""))
        }
        line("  motivations (actors): " + (b.motivations.isEmpty ? "none in view" : b.motivations.map { "\($0.motivation?.rawValue ?? "unknown") \($0.count)" }.joined(separator: " · ")))
        if let c {
            let (new, gone) = c.actorChanges(current: selection)
            func names(_ ids: [String]) -> String { ids.prefix(12).map { dataset.actor($0)?.name ?? $0 }.joined(separator: ", ") + (ids.count > 12 ? ", …" : "") }
            line("  actors new in the window (\(new.count)): " + (new.isEmpty ? "none" : names(new)))
            line("  actors gone since the baseline (\(gone.count)): " + (gone.isEmpty ? "none" : names(gone)))
        }
        line()

        line("SECTOR TARGETING (\(m.measure.rawValue) by nexus)")
        if m.rows.isEmpty {
            line("  no \(m.measure.rawValue) in view have a stated sector")
        } else {
            let labelWidth = 24
            line("  " + pad("sector", labelWidth) + m.columns.map { padL($0.label, 9) }.joined() + padL("total", 7) + (c == nil ? "" : padL("baseline", 10)))
            for r in m.rows {
                let label = (r.depth > 0 ? "  " : "") + r.label
                var text = "  " + pad(label, labelWidth) + r.cells.map { padL(String($0), 9) }.joined() + padL(String(r.total), 7)
                if let c { let base = c.baselineMatrix.rows.first { $0.sector == r.sector }?.total ?? 0; text += padL(String(base), 10) + padL(Format.delta(r.total - base), 6) }
                line(text)
            }
            line("  " + pad("total (distinct)", labelWidth) + m.columnTotals.map { padL(String($0), 9) }.joined() + padL(String(m.grandTotal), 7))
        }
        if m.withoutSector > 0 { line("  \(m.withoutSector) \(m.measure.rawValue) with no stated sector") }
        line("  regions: " + (m.regions.isEmpty ? "none stated" : m.regions.prefix(12).map { "\(Vocabulary.regionName($0.region)) \($0.count)" }.joined(separator: " · ")))
        line()

        line("TECHNIQUES (actors in view using each; sub-techniques roll up)")
        let u = view.techniques
        if u.ranked.isEmpty {
            line(dataset.techniqueCount == 0 ? "  the loaded data names no ATT&CK techniques" : "  no actor in view uses a known technique")
        } else {
            line("  " + pad("id", 11) + pad("technique", 40) + pad("tactic", 22) + padL("actors", 7) + (c == nil ? "" : padL("baseline", 10)))
            for r in u.ranked.prefix(25) {
                let tactic = r.tactics.map { dataset.tacticName($0) }.joined(separator: ", ")
                var text = "  " + pad(r.techniqueID, 11) + pad(String(r.name.prefix(38)), 40) + pad(String(tactic.prefix(20)), 22) + padL(String(r.count), 7)
                if let c { let base = c.baselineTechniques.row(r.techniqueID)?.count ?? 0; text += padL(String(base), 10) + padL(Format.delta(r.count - base), 6) }
                line(text)
            }
            if u.ranked.count > 25 { line("  … \(u.ranked.count - 25) more (threatdeck export --format csv --table techniques lists all)") }
            line("  " + Format.count(u.actorsWithTechniques) + " of " + Format.plural(u.actorsInView, "actor") + " in view have techniques")
        }
        line()

        if let window = t.window {
            line("TIMELINE (events per \(t.granularity.rawValue) dated in or spanning each, \(window))")
        } else {
            line("TIMELINE")
            line("  no dated events or campaigns in view")
        }
        if let p = t.reportPeriod { line("  report period: \(p)") }
        let baseline = view.baselineTimeline
        let maxCount = max(1, t.maxCount)
        func isEmpty(_ k: Int) -> Bool {
            t.buckets[k].count == 0 && (baseline.map { !$0.buckets.indices.contains(k) || $0.buckets[k].count == 0 } ?? true)
        }
        var k = 0
        // At most 120 bucket lines: a span of 9,999 years with an event in each would print
        // them all. The middle folds into one line; the CSV and JSON exports hold every bucket.
        let shownLines = 120
        let nonEmpty = t.buckets.indices.filter { !isEmpty($0) }
        let foldFrom = nonEmpty.count > shownLines ? nonEmpty[shownLines / 2] : Int.max
        let foldTo = nonEmpty.count > shownLines ? nonEmpty[nonEmpty.count - shownLines / 2] : Int.max
        while k < t.buckets.count {
            if k == foldFrom {
                let hidden = nonEmpty.filter { $0 >= foldFrom && $0 < foldTo }.count
                line("  … " + Format.count(hidden) + " more " + t.granularity.rawValue + "s with events (" + t.buckets[foldFrom].range.start.description + " to " + t.buckets[foldTo - 1].range.end.description + "; export --format csv --table timeline lists them all)")
                k = foldTo
                continue
            }
            // A run of more than three empty buckets folds into one line (0001–9999 has 9,999 years).
            var end = k
            while end < t.buckets.count && isEmpty(end) { end += 1 }
            if end - k > 3 {
                line("  … " + Format.count(end - k) + " empty " + t.granularity.rawValue + "s (" + t.buckets[k].range.start.description + " to " + t.buckets[end - 1].range.end.description + ")")
                k = end
                continue
            }
            let bucket = t.buckets[k]
            let inPeriod = t.reportPeriod?.overlaps(bucket.range) == true
            let bar = String(repeating: ascii ? "#" : "█", count: Int((Double(bucket.count) / Double(maxCount) * 40).rounded()))
            var text = "  " + pad(t.granularity.label(bucket.range), 16) + padL(String(bucket.count), 6)
            if let baseline { text += padL(baseline.buckets.indices.contains(k) ? String(baseline.buckets[k].count) : "-", 6) }
            line(text + " " + (inPeriod ? "*" : " ") + " " + bar)
            k += 1
        }
        if t.truncated { line("  (per \(t.granularity.rawValue): a finer bucket would need more than \(Format.plural(TimelineSeries.bucketLimit, "bucket")); narrow the window)") }
        if t.outside > 0 { line("  \(t.outside) events in view lie outside this window") }
        if !t.spans.isEmpty {
            line("  spans:")
            for s in t.spans.prefix(30) { line("    " + s.range.description + "  " + s.name + (s.isCampaign ? "" : " (long event)")) }
            if t.spans.count > 30 { line("    … \(t.spans.count - 30) more") }
        }
        if eventLimit > 0 {
            line()
            line("EVENTS (newest \(min(eventLimit, selection.eventIndices.count)) of \(selection.eventIndices.count) in view)")
            for e in view.recentEvents(eventLimit) {
                let actors = e.actorIDs.compactMap { dataset.actor($0)?.name }.joined(separator: ", ")
                var text = "  " + pad(e.span.description, 24) + pad(e.kind.rawValue, 14) + pad(e.nexus.shortName, 10)
                text += (actors.isEmpty ? "" : actors + " · ") + e.summary
                if let src = e.provenance.first?.reference?.shortCitation ?? e.provenance.first?.source { text += " · " + src }
                line(text)
            }
        }
        return out.joined(separator: "\n") + "\n"
    }

    static func mark(_ delta: Double, ascii: Bool) -> String {
        if abs(delta) < 0.0005 { return "" }
        return delta > 0 ? (ascii ? "^" : "▲") : (ascii ? "v" : "▼")
    }

    /// `summary --explain ACTOR`: why the actor is one actor, what it shares, who claims what.
    public static func explain(_ actor: Actor, dataset: Dataset, ascii: Bool = false) -> String {
        var out: [String] = []
        func line(_ s: String = "") { out.append(TerminalText.sanitize(s, ascii: ascii)) }
        line(actor.name + (actor.aliases.isEmpty ? "" : " (also " + actor.aliases.joined(separator: ", ") + ")"))
        line("nexus: " + actor.nexus.name)
        for c in actor.nexusClaims { line("  claim: " + c.nexus.name + " · " + c.source) }
        line("records merged (\(actor.provenance.count)):")
        for p in actor.provenance { line("  " + p.format.label + " " + p.file + (p.objectID.map { " · " + $0 } ?? "")) }
        line("why:")
        if actor.identity.reasons.isEmpty { line("  a single record") }
        for r in actor.identity.reasons { line("  " + r) }
        if !actor.identity.umbrellaOf.isEmpty {
            line("umbrella: kept apart, because its names would join " + actor.identity.umbrellaOf.map { dataset.actor($0)?.name ?? $0 }.joined(separator: ", "))
        }
        for u in actor.identity.umbrellas { line("covered by the umbrella: " + (dataset.actor(u)?.name ?? u)) }
        for o in actor.identity.overlaps {
            line("shares the alias \"\(o.alias)\" with " + (dataset.actor(o.actorID)?.name ?? o.actorID) + " (not merged: an alias alone is not identity)")
        }
        return out.joined(separator: "\n") + "\n"
    }
}
