import Analysis
import Reports
import TerminalUI
import ThreatModel

extension DetailPane {
    /// The parts of an actor's profile beyond its facts: catalogue ids as links, campaigns
    /// on a small timeline, techniques by tactic, and the actors nearest by techniques.
    static func profileLines(_ state: AppState, _ a: Actor, width: Int) -> [Line] {
        var out: [Line] = []
        out += catalogueLines(a)
        out += campaignLines(state, a, width: width)
        if let p = state.dataset.actorPosition(a.id) {
            out += tacticLines(state, position: p)
            out += similarLines(state, position: p, name: a.name)
        }
        return out
    }

    /// Each merged record's names: who calls the actor what.
    static func nameLines(_ a: Actor) -> [Line] {
        guard !a.nameClaims.isEmpty else { return a.aliases.isEmpty ? [] : [("also: " + a.aliases.joined(separator: ", "), Style(.text))] }
        var out: [Line] = [("names by source:", Style(.title, attributes: .bold))]
        for (source, names) in a.namesBySource { out.append(("  " + source + ": " + names.joined(separator: ", "), Style(.text))) }
        return out
    }

    /// ATT&CK ids with their page (the terminal makes a whole URL a link, OSC 8).
    static func catalogueLines(_ a: Actor) -> [Line] {
        let ids = a.externalIDs
        guard !ids.isEmpty else { return [] }
        var out: [Line] = [("catalogue ids:", Style(.title, attributes: .bold))]
        for id in ids.prefix(12) {
            if let url = CatalogueLink.url(for: id) { out.append(("  \(id) " + url, Style(.text))) } else { out.append(("  " + id, Style(.muted))) }
        }
        return out
    }

    /// Its campaigns, oldest first, each with a bar over the years they span together.
    static func campaignLines(_ state: AppState, _ a: Actor, width: Int) -> [Line] {
        let campaigns = state.dataset.campaigns(ofActor: a.id)
        guard !campaigns.isEmpty else { return [] }
        var out: [Line] = [("campaigns (\(Noun.campaign.count(campaigns.count))):", Style(.title, attributes: .bold))]
        let spans = campaigns.compactMap(\.span)
        let first = spans.map(\.start).min(), last = spans.map(\.end).max()
        let barWidth = max(8, min(40, width / 3))
        for c in campaigns.prefix(20) {
            var bar = ""
            if let span = c.span, let first, let last {
                let total = max(1, last.ordinal - first.ordinal)
                let x0 = (span.start.ordinal - first.ordinal) * (barWidth - 1) / total
                let x1 = max(x0, (span.end.ordinal - first.ordinal) * (barWidth - 1) / total)
                bar =
                    String(repeating: " ", count: x0) + String(repeating: state.glyphs.spanLine, count: x1 - x0 + 1)
                    + String(repeating: " ", count: barWidth - 1 - x1)
                bar = "|" + bar + "| "
            }
            out.append(("  " + bar + c.name + " · " + (c.span?.description ?? "no date"), Style(.text)))
        }
        if let first, let last { out.append(("  " + String(repeating: " ", count: 1) + first.description + " … " + last.description, Style(.muted))) }
        if campaigns.count > 20 { out.append(("  … \(campaigns.count - 20) more", Style(.muted))) }
        return out
    }

    /// One line per tactic: its parent techniques, "+N" for sub-techniques rolled up, "°"
    /// for those used only through a campaign. The figure is the one everywhere else.
    static func tacticLines(_ state: AppState, position: Int) -> [Line] {
        let figures = ActorTechniques(state.dataset, position: position)
        guard figures.count > 0 else { return [] }
        let strip = TacticStrip(state.dataset, position: position)
        var out: [Line] = [("techniques: " + figures.summary + " · by tactic, ° only through campaigns, +N sub-techniques:", Style(.title, attributes: .bold))]
        for column in strip.columns {
            let items = column.entries.map { e in
                e.id + (e.onlyThroughCampaigns ? "°" : "") + (e.subTechniques.isEmpty ? "" : "+\(e.subTechniques.count)") + " " + e.name
            }
            out.append(("  " + column.tactic + " (\(column.entries.count)): " + items.joined(separator: " · "), Style(.text)))
        }
        return out
    }

    /// The nearest actors by technique overlap, with what they share and where they differ.
    static func similarLines(_ state: AppState, position: Int, name: String) -> [Line] {
        let similar = SimilarActor.nearest(state.dataset, to: position, limit: 5)
        guard !similar.isEmpty else { return [] }
        var out: [Line] = [("similar actors (Jaccard over technique ids):", Style(.title, attributes: .bold))]
        for s in similar {
            let percent = Format.percent(s.jaccard)
            out.append(
                (
                    "  " + s.name + " " + percent + " · " + Noun.technique.count(s.shared.count) + " shared, " + Noun.grouped(s.onlyProfiled.count) + " only "
                        + name
                        + ", " + Noun.grouped(s.onlyThis.count) + " only " + s.name, Style(.text)
                ))
            func ids(_ list: [String]) -> String {
                list.isEmpty ? "none" : list.prefix(12).joined(separator: ", ") + (list.count > 12 ? ", … (\(list.count))" : "")
            }
            out.append(("    shared: " + ids(s.shared), Style(.muted)))
            out.append(("    only " + name + ": " + ids(s.onlyProfiled), Style(.muted)))
            out.append(("    only " + s.name + ": " + ids(s.onlyThis), Style(.muted)))
        }
        return out
    }
}
