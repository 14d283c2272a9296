import Analysis
import ThreatModel

/// The brief's paragraph on what the loaded data can and cannot say, from what it holds:
/// dated events or none, how each nexus is known, sectors stated, generated data, findings.
enum BriefScope {
    static func paragraph(_ view: ReportView) -> String {
        let d = view.dataset
        var out: [String] = []
        let kinds = Set(d.files.compactMap(\.format)).map(\.label).sorted().joined(separator: ", ")
        out.append(
            "The data is \(Noun.file.count(d.files.count))" + (kinds.isEmpty ? "" : " (\(kinds))") + ": "
                + Noun.actor.count(d.actors.count) + ", " + Noun.event.count(d.events.count) + ", " + Noun.campaign.count(d.campaigns.count) + ".")
        if d.events.isEmpty {
            out.append(
                "It holds no dated events: it can say which actors are catalogued, which techniques they use and when campaigns ran, "
                    + "not how active anyone was, nor whom they targeted when; shares by nexus here count actors, not activity.")
        }
        var stated = 0, named = 0, unknown = 0
        for a in d.actors {
            switch a.nexusBasis {
            case .stated, .conflict: stated += 1
            case .naming: named += 1
            default: unknown += 1
            }
        }
        if !d.actors.isEmpty {
            out.append(
                "Of the actors, \(Format.count(stated)) have a nexus a source states, \(Format.count(named)) one read from a vendor's naming "
                    + "convention, and \(Format.count(unknown)) none.")
        }
        let withSector = d.actors.filter { !$0.sectors.isEmpty }.count
        if !d.actors.isEmpty { out.append("\(Format.count(withSector)) of \(Noun.actor.count(d.actors.count)) state a targeted sector.") }
        if d.hasSynthetic { out.append("Part of it is generated (synthetic): figures drawn from it illustrate; they are not intelligence.") }
        if !d.findings.isEmpty {
            out.append(
                "Stated findings are the sources' own measurements; a recount is of what is loaded here, a sample, and "
                    + "agrees with a finding only as far as the sample is like the source's data.")
        }
        return out.joined(separator: " ")
    }
}
