import Analysis
import ThreatModel

/// The Markdown dossier of one actor: what `export --format md` writes when the view holds
/// a single actor (`--filter actor:APT41`). Names, nexus with each source's claim, type and
/// motivations by source, targets, catalogue ids as links, campaigns, techniques by tactic
/// (the one technique figure), similar actors, events and the sources.
public enum ActorDossier {
    public static func render(_ view: ReportView, actorID: String) -> String? {
        let d = view.dataset
        guard let a = d.actor(actorID), let p = d.actorPosition(actorID) else { return nil }
        var out = BriefText(view: view)
        let md = MarkdownBrief.inline
        out.add("# " + md(a.name) + ": actor dossier", "")
        out.add("- **Generated:** " + (view.generatedAt > 0 ? ClockFormat.dateTime(view.generatedAt) : "now") + " by ThreatDeck")
        out.add("- **Sources loaded:** " + md(d.files.map(\.path).joined(separator: ", ")))
        out.add("- **Also known as:** " + (a.aliases.isEmpty ? "no alias stated" : md(a.aliases.joined(separator: ", "))))
        for (source, names) in a.namesBySource { out.add("  - " + md(source) + ": " + md(names.joined(separator: ", "))) }
        out.add("- **Nexus:** " + md(NexusText.describe(a)))
        for claim in a.nexusClaims where a.nexusClaims.count > 1 || a.nexus == .disputed {
            out.add("  - claimed " + md(claim.nexus.name) + " by " + md(claim.source))
        }
        out.add("- **Type:** " + md(a.type.label) + (a.collective ? " (a grouping of unnamed actors as reported)" : ""))
        let motives = a.motivations.map { m in m.rawValue + " (" + a.motivationClaims.filter { $0.motivation == m }.map(\.source).joined(separator: "; ") + ")"
        }
        out.add("- **Motivations:** " + (motives.isEmpty ? "none stated by any source" : md(motives.joined(separator: ", "))))
        out.add("- **Sectors:** " + (a.sectors.isEmpty ? "none stated" : md(a.sectors.map(Vocabulary.sectorName).joined(separator: ", "))))
        let places = a.regions.map(Vocabulary.regionName) + a.countries.map { Vocabulary.country($0)?.name ?? $0 }
        out.add("- **Targets:** " + (places.isEmpty ? "none stated" : md(places.joined(separator: ", "))))
        for id in a.externalIDs { out.add("- **Catalogue id:** " + md(id) + (CatalogueLink.url(for: id).map { " <" + $0 + ">" } ?? "")) }
        out.add("")
        campaigns(&out, a)
        techniques(&out, position: p)
        similar(&out, position: p, name: a.name)
        events(&out, a)
        MarkdownBrief.indicators(&out)
        out.add("## Sources", "")
        for prov in a.provenance {
            out.add(
                "- " + md((prov.reference.map { $0.citation + " · " } ?? "") + prov.format.label + " " + prov.file + (prov.objectID.map { " · " + $0 } ?? "")))
        }
        out.add("")
        MarkdownBrief.references(&out)
        return out.lines.joined(separator: "\n") + "\n"
    }

    static func campaigns(_ out: inout BriefText, _ a: Actor) {
        let list = out.view.dataset.campaigns(ofActor: a.id)
        guard !list.isEmpty else { return }
        out.add("## Campaigns (" + Noun.campaign.count(list.count) + ")", "")
        out.add(
            lines: MarkdownBrief.table(
                ["Campaign", "First seen", "Last seen"],
                list.map { [$0.name, $0.span?.start.description ?? "no date", $0.span?.end.description ?? "no date"] }, right: []))
        out.add("")
    }

    static func techniques(_ out: inout BriefText, position: Int) {
        let figures = ActorTechniques(out.view.dataset, position: position)
        guard figures.count > 0 else { return }
        out.add("## Techniques by tactic", "", MarkdownBrief.inline(figures.summary) + ". Marked ° when used only through a campaign; +N sub-techniques.", "")
        let strip = TacticStrip(out.view.dataset, position: position)
        let rows = strip.columns.map { c in
            [
                c.tactic, String(c.entries.count),
                c.entries.map { $0.id + ($0.onlyThroughCampaigns ? "°" : "") + ($0.subTechniques.isEmpty ? "" : "+\($0.subTechniques.count)") + " " + $0.name }
                    .joined(separator: "; "),
            ]
        }
        out.add(lines: MarkdownBrief.table(["Tactic", "Parents", "Techniques"], rows, right: [1]))
        out.add("")
    }

    static func similar(_ out: inout BriefText, position: Int, name: String) {
        let list = SimilarActor.nearest(out.view.dataset, to: position, limit: 5)
        guard !list.isEmpty else { return }
        out.add("## Similar actors by technique", "", "Jaccard similarity over ATT&CK technique ids (shared ÷ used by either).", "")
        let rows = list.map { s in
            [s.name, Format.percent(s.jaccard), String(s.shared.count), String(s.onlyProfiled.count), String(s.onlyThis.count)]
        }
        out.add(lines: MarkdownBrief.table(["Actor", "Jaccard", "Shared", "Only " + name, "Only them"], rows, right: [1, 2, 3, 4]))
        out.add("")
    }

    static func events(_ out: inout BriefText, _ a: Actor) {
        let d = out.view.dataset
        let indices = d.events(ofActor: a.id).filter { out.view.selection.containsEvent($0) }
        out.add("## Events (" + Noun.event.count(indices.count) + ")", "")
        if indices.isEmpty { out.add("No event in the loaded data names this actor.") }
        for i in indices.prefix(50) {
            let e = d.events[i]
            out.add("- " + e.span.description + " · " + e.kind.rawValue + " · " + MarkdownBrief.inline(e.summary))
        }
        if indices.count > 50 { out.add("- … " + Noun.event.count(indices.count - 50) + " more") }
        out.add("")
    }
}
