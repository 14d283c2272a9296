import ThreatModel
import TerminalUI

/// The dashboard's numbers as plain text: `threatdeck summary`, and the fallback when
/// stdout is not a terminal. Every line passes through `TerminalText`.
public enum PlainSummary {
    public static func render(_ dataset: Dataset, filter: Filter = .none, ascii: Bool = false,
                              loadMilliseconds: Double? = nil) -> String {
        let selection = filter.apply(to: dataset)
        let b = ActorBreakdown.compute(dataset, selection: selection)
        let m = SectorMatrix.compute(dataset, selection: selection, maxColumns: 8)
        let t = TimelineSeries.compute(dataset, selection: selection, slots: 48)
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
            line(s)
        }
        var loaded = "files: \(dataset.files.count) · actors \(selection.actorIDs.count) of \(dataset.actors.count) · events \(selection.eventIndices.count) of \(dataset.events.count) · campaigns \(selection.campaignIndices.count) · findings \(dataset.findings.count)"
        if let ms = loadMilliseconds { loaded += " · loaded in \(Int(ms.rounded())) ms" }
        line(loaded)
        // Live sources (TAXII) say how fresh they are: a summary is only as good as its last pull.
        for f in dataset.files { if let status = f.status { line("source: \(f.path) · \(status)") } }
        line("filter: " + (filter.isEmpty ? "none" : filter.chips.map(\.label).joined(separator: " ")))
        let errors = dataset.errorCount
        if !dataset.problems.isEmpty { line("problems: \(errors) errors, \(dataset.problems.count - errors) warnings (threatdeck validate FILE lists them)") }
        line()

        line("ACTOR BREAKDOWN")
        for s in b.stated {
            let f = s.finding
            line("  stated: \(f.subjectNexus?.name ?? "?") \(f.formatted(ascii: ascii)) of \(f.population)" + (f.period.map { " (\($0))" } ?? ""))
            let rest = Finding(id: "", statement: "", metric: .share, value: s.remainderValue, qualifier: s.remainderQualifier, population: "")
            line("          all other \(rest.formatted(ascii: ascii)) (not broken down by the report)")
            for c in s.corroborating { line("          also stated: \(c.formatted(ascii: ascii)) of \(c.population)") }
            let sources = Array(Set(f.provenance.compactMap(\.source))).sorted()
            if !sources.isEmpty { line("          sources: " + sources.joined(separator: "; ")) }
        }
        let unit = b.measure.rawValue
        line("  \(b.stated.isEmpty ? "" : "recount: ")\(unit) by nexus (\(b.total))")
        for r in b.rows {
            line("    " + pad(r.nexus.name, 16) + padL(String(r.count), 7) + padL(Format.percent(r.share), 8))
        }
        line("  actors by nexus")
        for n in b.actorsByNexus.keys.sorted() {
            let rows = b.actorsByNexus[n]!
            let names = rows.prefix(8).map { "\($0.name) (\($0.events))" }.joined(separator: ", ")
            line("    " + pad(n.name, 16) + padL(String(rows.count), 5) + "  " + names + (rows.count > 8 ? ", …" : ""))
        }
        line("  motivations (actors): " + b.motivations.map { "\($0.motivation?.rawValue ?? "unknown") \($0.count)" }.joined(separator: " · "))
        line()

        line("SECTOR TARGETING (\(m.measure.rawValue) by nexus)")
        if m.rows.isEmpty {
            line("  no \(m.measure.rawValue) in view have a stated sector")
        } else {
            let labelWidth = 24
            line("  " + pad("sector", labelWidth) + m.columns.map { padL($0.label, 9) }.joined() + padL("total", 7))
            for r in m.rows {
                let label = (r.depth > 0 ? "  " : "") + r.label
                line("  " + pad(label, labelWidth) + r.cells.map { padL(String($0), 9) }.joined() + padL(String(r.total), 7))
            }
            line("  " + pad("total (distinct)", labelWidth) + m.columnTotals.map { padL(String($0), 9) }.joined() + padL(String(m.grandTotal), 7))
        }
        if m.withoutSector > 0 { line("  \(m.withoutSector) \(m.measure.rawValue) with no stated sector") }
        line("  regions: " + (m.regions.isEmpty ? "none stated" : m.regions.prefix(12).map { "\(Vocabulary.regionName($0.region)) \($0.count)" }.joined(separator: " · ")))
        line()

        line("TIMELINE (events per \(t.granularity.rawValue), \(t.window))")
        if let p = t.reportPeriod { line("  report period: \(p)") }
        let maxCount = max(1, t.maxCount)
        for bucket in t.buckets {
            let inPeriod = t.reportPeriod?.overlaps(bucket.range) == true
            let bar = String(repeating: ascii ? "#" : "█", count: Int((Double(bucket.count) / Double(maxCount) * 40).rounded()))
            line("  " + pad(t.granularity.label(bucket.range), 16) + padL(String(bucket.count), 6) + " " + (inPeriod ? "*" : " ") + " " + bar)
        }
        if t.outside > 0 { line("  \(t.outside) events start outside this window") }
        if !t.spans.isEmpty {
            line("  spans:")
            for s in t.spans.prefix(30) { line("    " + s.range.description + "  " + s.name + (s.isCampaign ? "" : " (long event)")) }
            if t.spans.count > 30 { line("    … \(t.spans.count - 30) more") }
        }
        return out.joined(separator: "\n") + "\n"
    }
}
