import Reports
import Analysis
import ThreatModel

extension ActorPane {
    /// "China: 206 events, 43.6 percent." for each nexus, the actors under the chosen one, the
    /// motivations; a stated finding first, with its qualifier in words.
    public static func spoken(_ state: AppState) -> SpokenPane {
        let b = state.breakdown
        let unit = b.measure == .events ? "event" : "actor"
        var lines: [SpokenLine] = []
        for stated in b.stated.prefix(2) {
            let f = stated.finding
            var text = "Stated: " + (f.subjectNexus ?? .unknown).name + ", " + f.formatted(ascii: true) + " of " + f.population
            if let p = f.period { text += ", " + p.description }
            lines.append(SpokenLine(text + ", from " + Format.plural(f.citedSources.count, "source") + "."))
        }
        let heading = (b.stated.isEmpty ? "Share of " : "Recount: ") + Format.plural(b.total, unit) + " in the loaded data, by nexus"
        lines.append(.heading(heading + (state.comparison.map { ", compared with " + $0.baselineWindow.description } ?? "") + "."))
        for row in nexusRows(state) {
            var text: String
            let item: Selectable
            switch row.key {
            case .nexus(let n): (text, item) = (n.name, .nexus(n))
            case .other(let list): (text, item) = ("Other, " + Format.plural(list.count, "country", "countries"), .nexusGroup(list))
            }
            text += ": " + Format.plural(row.count, unit) + ", " + Spoken.percent(row.share)
            if let c = state.comparison {
                let base = c.baselineBreakdown.row(for: row.key)
                text += "; change " + Format.delta(row.count - (base?.count ?? 0)) + ", " + Format.points(row.share - (base?.share ?? 0))
            }
            lines.append(SpokenLine(text + ".", item: item))
        }
        for n in b.actorsByNexus.keys.sorted() where !b.rows.contains(where: { $0.key == .nexus(n) }) && !b.isFolded(n, countries: shownCountries) {
            lines.append(SpokenLine(n.name + ": no " + unit + "s.", item: .nexus(n)))
        }
        if let n = self.state(state).nexus ?? defaultNexus(b) {
            let rows = actorRows(state)
            let title = n == .unknown ? "Actors of unknown nexus" : n == .disputed ? "Actors of disputed nexus" : n.name + "-nexus actors"
            lines.append(.heading(title + ": " + Format.count(rows.count) + "."))
            for r in rows {
                var text = r.name + (r.collective ? ", a grouping of unnamed actors" : "") + (r.umbrella ? ", an umbrella name" : "")
                text += ": " + Format.plural(r.events, "event") + ", " + Spoken.list(r.motivations.map(\.rawValue), empty: "motivation unknown") + "."
                lines.append(SpokenLine(text, item: .actor(r.actorID)))
            }
        }
        lines.append(.heading("Motivation of the " + Format.plural(b.actorCount, "actor") + " in view."))
        for m in b.motivations {
            lines.append(SpokenLine((m.motivation?.rawValue ?? "unknown") + ": " + Format.plural(m.count, "actor") + ".", item: .motivation(m.motivation)))
        }
        return SpokenPane(heading: title + ", counting " + unit + "s" + (self.state(state).sort == .name ? ", actors by name" : "") + ".", lines: lines)
    }
}
