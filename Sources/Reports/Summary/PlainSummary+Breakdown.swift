import Analysis
import ThreatModel

extension PlainSummary {
    /// Stated findings, each beside a recount over its own population, then the loaded data
    /// (or the view) by nexus, the actors under each nexus and the motivations.
    static func breakdown(_ view: ReportView, into out: inout SummaryLines) {
        let b = view.breakdown, c = view.comparison
        out.line("ACTOR BREAKDOWN")
        for s in b.stated { stated(s, into: &out) }
        for f in view.otherFindings {
            out.line(
                "  stated: \(f.formatted(ascii: out.ascii)) \(f.population)" + (f.period.map { " (\($0))" } ?? "")
                    + (f.citedSources.isEmpty ? "" : " · " + f.citedSources.map(\.shortCitation).joined(separator: "; ")))
        }
        let noun: Noun = b.measure == .events ? .event : .actor
        let scope = view.filter.isEmpty ? "all loaded data" : "in view"
        out.line(
            "  \(scope): \(noun.plural) by nexus (\(noun.count(b.total))" + (view.filter.isEmpty && b.measure == .events ? ", every kind, sector and date" : "")
                + ")"
                + (c.map { " · baseline " + $0.baselineWindow.description + " (" + noun.count($0.baselineBreakdown.total) + ")" } ?? ""))
        for r in b.folded(countries: ReportView.shownCountries) {
            var text = "    " + out.pad(ReportView.label(r.key), 16) + out.padL(Format.count(r.count), 7) + out.padL(Format.percent(r.share), 8)
            if let c {
                let base = c.baselineBreakdown.row(for: r.key)
                text += "   baseline " + out.padL(Format.count(base?.count ?? 0), 6) + out.padL(Format.percent(base?.share ?? 0), 8)
                text +=
                    "   " + out.padL(Format.delta(r.count - (base?.count ?? 0)), 6) + out.padL(Format.points(r.share - (base?.share ?? 0)), 10)
                    + " " + mark(r.share - (base?.share ?? 0), ascii: out.ascii)
            }
            out.line(text)
        }
        out.line("  actors under each nexus" + (b.actorsByNexus.isEmpty ? ": none in view" : ""))
        for n in b.actorsByNexus.keys.sorted() {
            let rows = b.actorsByNexus[n] ?? []
            let names = rows.prefix(8).map { "\($0.name) (\(Noun.event.count($0.events)))" }.joined(separator: ", ")
            out.line("    " + out.pad(n.name, 16) + out.padL(Noun.actor.count(rows.count), 10) + "  " + names + (rows.count > 8 ? ", …" : ""))
        }
        out.line(
            "  motivations: "
                + (b.motivations.isEmpty
                    ? "none in view"
                    : b.motivations.map { "\($0.motivation?.rawValue ?? "none stated") \(Noun.actor.count($0.count))" }.joined(separator: " · ")))
        if let c {
            let (new, gone) = c.actorChanges(current: view.selection)
            func names(_ ids: [String]) -> String {
                ids.prefix(12).map { view.dataset.actor($0)?.name ?? $0 }.joined(separator: ", ") + (ids.count > 12 ? ", …" : "")
            }
            out.line("  actors new in the window (\(Noun.actor.count(new.count))): " + (new.isEmpty ? "none" : names(new)))
            out.line("  actors gone since the baseline (\(Noun.actor.count(gone.count))): " + (gone.isEmpty ? "none" : names(gone)))
        }
        out.line()
    }

    /// One stated share, what it leaves for the rest, and the recount over its population.
    static func stated(_ s: ActorBreakdown.StatedShare, into out: inout SummaryLines) {
        let f = s.finding
        out.line("  stated: \(f.subjectNexus?.name ?? "?") \(f.formatted(ascii: out.ascii)) of \(f.population)" + (f.period.map { " (\($0))" } ?? ""))
        let rest = Finding(id: "", statement: "", metric: .share, value: s.remainderValue, qualifier: s.remainderQualifier, population: "")
        out.line("          all other \(rest.formatted(ascii: out.ascii)) (not broken down by the report)")
        for other in s.corroborating { out.line("          also stated: \(other.formatted(ascii: out.ascii)) of \(other.population)") }
        let sources = f.citedSources.map(\.citation)
        if !sources.isEmpty { out.line("          sources: " + sources.joined(separator: "; ")) }
        if let r = s.recount { out.line("          " + recountText(r)) }
        if let r = s.recount, !r.unstated.isEmpty { out.line("          the finding does not state: " + r.unstated.joined(separator: "; ")) }
    }

    /// "recount, same population: China 61.7% of 47 targeted intrusions (state-sponsored ·
    /// targeted intrusions · Technology sector · 2025-04-01 → 2026-03-31)", or why not.
    public static func recountText(_ r: PopulationRecount) -> String {
        let who = r.finding.subjectNexus?.name ?? "?"
        guard r.missing.isEmpty else { return "recount, same population: not possible here: " + r.missing.joined(separator: "; ") }
        guard let share = r.share else { return "recount, same population (\(r.populationText)): none in the loaded data" }
        return "recount, same population: \(who) \(Format.percent(share)) of \(r.noun.count(r.total)) (\(r.populationText))"
    }
}
