import ThreatModel
import TerminalUI

/// Everything about the selected actor, sector, region, bucket or span, ending with its
/// provenance: every file, object id and cited source behind it.
enum DetailPane {
    typealias Line = (text: String, style: Style)

    static func title(_ state: AppState) -> String {
        switch state.detailSubject {
        case .actor(let id): return state.dataset.actor(id)?.name ?? id
        case .nexus(let n): return n == .unknown ? "Nexus unknown" : n.name + " nexus"
        case .sector(let s, _): return Vocabulary.sectorName(s)
        case .region(let r): return Vocabulary.regionName(r)
        case .bucket(_, let label): return label
        case .span(_, let name, _): return name
        case .motivation(let m): return "Motivation: " + (m?.rawValue ?? "unknown")
        case nil: return "Detail"
        }
    }

    static func lines(_ state: AppState) -> [Line] {
        switch state.detailSubject {
        case .actor(let id): return actorLines(state, id)
        case .nexus(let n): return nexusLines(state, n)
        case .sector(let s, let column): return sectorLines(state, s, column: column)
        case .region(let r): return regionLines(state, r)
        case .bucket(let range, _): return eventLines(state, in: range)
        case .span(let id, _, let range): return spanLines(state, id: id, range: range)
        case .motivation(let m): return motivationLines(state, m)
        case nil: return [("Move the cursor in a pane to see details here.", Style(.muted))]
        }
    }

    static func render(_ state: AppState, into buffer: inout Buffer, area: Rect, focused: Bool) {
        Paragraph(lines(state), scroll: state.detailScroll).render(into: &buffer, area: area)
    }

    static func list(_ items: [String], empty: String = "unknown") -> String { items.isEmpty ? empty : items.joined(separator: ", ") }

    static func actorLines(_ state: AppState, _ id: String) -> [Line] {
        guard let a = state.dataset.actor(id) else { return [("Actor \(id) is not in the loaded data.", Style(.muted))] }
        var out: [Line] = []
        let label = Style(.muted)
        if !a.aliases.isEmpty { out.append(("also: " + a.aliases.joined(separator: ", "), Style(.text))) }
        let nexus: String
        switch a.nexusBasis {
        case .stated: nexus = a.nexus == .unknown ? "unknown (stated by the source)" : a.nexus.name + " (stated by a source)"
        case .naming(let word, let family): nexus = a.nexus.name + " (inferred from the name: \"\(word)\", \(family) naming)"
        case .conflict(let others): nexus = a.nexus.name + " (sources disagree: also " + others.map { Nexus.country($0).name }.joined(separator: ", ") + ")"
        case .unknown: nexus = "unknown (no source states it and no naming convention applies)"
        }
        out.append(("nexus: " + nexus, a.nexus == .unknown ? label : Style(Role.nexus(a.nexus.code), attributes: .bold)))
        var kind = "type: " + a.type.label
        if a.collective { kind += " · a grouping of unnamed actors as reported" }
        out.append((kind, Style(.text)))
        out.append(("motivations: " + list(a.motivations.map(\.rawValue)), a.motivations.isEmpty ? label : Style(.text)))
        var sectors = list(a.sectors.map(Vocabulary.sectorName))
        if !a.unmappedSectors.isEmpty { sectors += " · as written: " + a.unmappedSectors.joined(separator: ", ") }
        out.append(("sectors: " + sectors, a.sectors.isEmpty && a.unmappedSectors.isEmpty ? label : Style(.text)))
        let places = a.regions.map(Vocabulary.regionName) + a.countries.map { Vocabulary.country($0)?.name ?? $0 }
        out.append(("targets: " + list(places), places.isEmpty ? label : Style(.text)))
        if !a.techniques.isEmpty {
            out.append(("techniques: " + a.techniques.map { t in t.attackID.map { "\(t.name) (\($0))" } ?? t.name }.joined(separator: ", "), Style(.text)))
        }
        if !a.software.isEmpty { out.append(("software: " + a.software.joined(separator: ", "), Style(.text))) }
        if !a.externalIDs.isEmpty { out.append(("catalogue ids: " + a.externalIDs.joined(separator: ", "), label)) }
        let indices = (state.dataset.eventsByActor[id] ?? []).filter { state.selection.containsEvent($0) }
        if let first = indices.first, let lastStart = indices.last {
            let lastEnd = indices.map { state.dataset.events[$0].span.end }.max() ?? state.dataset.events[lastStart].span.end
            out.append(("events in view: \(indices.count), \(state.dataset.events[first].span.start) to \(lastEnd)", Style(.text)))
        } else {
            out.append(("events in view: none", label))
        }
        for d in a.descriptions.prefix(2) { out.append((d, Style(.text))) }
        out += provenanceLines(a.provenance)
        return out
    }

    static func provenanceLines(_ provenance: [Provenance]) -> [Line] {
        var out: [Line] = [("sources (\(provenance.count)):", Style(.title, attributes: .bold))]
        for p in provenance.prefix(40) {
            var text = "  " + p.format.rawValue + " " + p.file
            if let id = p.objectID { text += " · " + id }
            if let s = p.source { text += " · " + s }
            out.append((text, Style(p.synthetic ? .warning : .muted)))
            if p.synthetic { out.append(("    SYNTHETIC: generated data, not intelligence", Style(.warning, attributes: .bold))) }
        }
        if provenance.count > 40 { out.append(("  … \(provenance.count - 40) more", Style(.muted))) }
        return out
    }

    /// The actors (by index into the dataset) with their events in view, busiest first.
    static func actorsLines(_ state: AppState, _ indices: [Int], heading: String) -> [Line] {
        let counts = state.breakdown.eventsPerActor
        let actors = state.dataset.actors
        // Rank light (count, name, index) tuples, not whole actors: this runs every frame.
        let ranked = indices.map { (counts[actors[$0].id] ?? 0, actors[$0].name, $0) }
            .sorted { ($0.0, $1.1) > ($1.0, $0.1) }
        var out: [Line] = [(heading + " (\(indices.count))", Style(.title, attributes: .bold))]
        for (count, _, i) in ranked.prefix(25) {
            out.append(("  " + actors[i].name + " · " + actors[i].nexus.name + " · \(count) events", Style(.text)))
        }
        if ranked.count > 25 { out.append(("  … \(ranked.count - 25) more", Style(.muted))) }
        return out
    }

    /// Indices of the actors in view that satisfy `test`.
    static func actorsInView(_ state: AppState, where test: (Actor) -> Bool) -> [Int] {
        state.dataset.actors.indices.filter { state.selection.actorIDs.contains(state.dataset.actors[$0].id) && test(state.dataset.actors[$0]) }
    }

    static func nexusLines(_ state: AppState, _ n: Nexus) -> [Line] {
        var out: [Line] = []
        if let row = state.breakdown.rows.first(where: { $0.nexus == n }) {
            out.append(("\(Format.count(row.count)) of \(Format.count(state.breakdown.total)) \(state.breakdown.measure.rawValue) in view (\(Format.percent(row.share)))", Style(.text)))
        }
        for s in state.breakdown.stated where s.finding.subjectNexus == n {
            out.append(("stated: " + s.finding.formatted(ascii: state.ascii) + " of " + s.finding.population, Style(.accent, attributes: .bold)))
            out.append((s.finding.statement, Style(.text)))
            if let b = s.finding.basis { out.append(("basis: " + b, Style(.muted))) }
            out += provenanceLines(s.finding.provenance)
        }
        if n == .unknown {
            out.append(("Actors whose nexus no source states and no naming convention implies.", Style(.muted)))
        }
        // The breakdown already holds this nexus's actors, busiest first.
        let rows = state.breakdown.actorsByNexus[n] ?? []
        out.append(("actors (\(rows.count))", Style(.title, attributes: .bold)))
        for r in rows.prefix(25) { out.append(("  " + r.name + " · \(r.events) events", Style(.text))) }
        if rows.count > 25 { out.append(("  … \(rows.count - 25) more", Style(.muted))) }
        return out
    }

    static func sectorLines(_ state: AppState, _ s: String, column: Nexus?) -> [Line] {
        var out: [Line] = []
        if let parent = Vocabulary.sector(s)?.parent { out.append(("part of " + Vocabulary.sectorName(parent), Style(.muted))) }
        if let row = state.matrix.rows.first(where: { $0.sector == s }) {
            let split = zip(state.matrix.columns, row.cells).filter { $0.1 > 0 }.map { "\($0.0.label) \($0.1)" }
            out.append(("\(row.total) \(state.matrix.measure.rawValue): " + split.joined(separator: " · "), Style(.text)))
        }
        let actors = actorsInView(state) { a in a.sectors.contains { Vocabulary.sectorLineage($0).contains(s) } && (column == nil || a.nexus == column) }
        return out + actorsLines(state, actors, heading: "actors targeting it" + (column.map { " · \($0.name) nexus" } ?? ""))
    }

    static func regionLines(_ state: AppState, _ r: String) -> [Line] {
        let actors = actorsInView(state) { a in a.targetRegions.contains { Vocabulary.regionLineage($0).contains(r) } }
        var out: [Line] = []
        if let parent = Vocabulary.region(r)?.parent { out.append(("part of " + Vocabulary.regionName(parent), Style(.muted))) }
        return out + actorsLines(state, actors, heading: "actors targeting it")
    }

    static func motivationLines(_ state: AppState, _ m: Motivation?) -> [Line] {
        let actors = actorsInView(state) { a in m.map { a.motivations.contains($0) } ?? a.motivations.isEmpty }
        return actorsLines(state, actors, heading: m == nil ? "actors with no stated motivation" : "actors")
    }

    static func eventLines(_ state: AppState, in range: DayRange) -> [Line] {
        // Selected indices are in start order: find the bucket's slice by binary search.
        let indices = state.selection.eventIndices
        func firstIndex(startingOnOrAfter day: Day) -> Int {
            var lo = 0, hi = indices.count
            while lo < hi {
                let mid = (lo + hi) / 2
                if state.dataset.events[indices[mid]].span.start < day { lo = mid + 1 } else { hi = mid }
            }
            return lo
        }
        let events = indices[firstIndex(startingOnOrAfter: range.start)..<firstIndex(startingOnOrAfter: range.end.adding(days: 1))].map { state.dataset.events[$0] }
        var out: [Line] = [("\(events.count) events starting \(range.description)", Style(.title, attributes: .bold))]
        for e in events.prefix(60) {
            let actors = e.actorIDs.compactMap { state.dataset.actor($0)?.name }
            var text = e.span.description + " · " + e.kind.rawValue
            if !actors.isEmpty { text += " · " + actors.joined(separator: ", ") }
            text += " · " + e.summary
            let synthetic = e.provenance.contains { $0.synthetic }
            out.append((text + (synthetic ? " [synthetic]" : ""), Style(synthetic ? .muted : .text)))
        }
        if events.count > 60 { out.append(("… \(events.count - 60) more (narrow with Enter)", Style(.muted))) }
        return out
    }

    static func spanLines(_ state: AppState, id: String, range: DayRange) -> [Line] {
        var out: [Line] = [("span: " + range.description + " (\(range.length) days)", Style(.text))]
        if let c = state.dataset.campaigns.first(where: { $0.id == id }) {
            let actors = c.actorIDs.compactMap { state.dataset.actor($0)?.name }
            out.append(("attributed to: " + list(actors), actors.isEmpty ? Style(.muted) : Style(.text)))
            if let d = c.description { out.append((d, Style(.text))) }
            out += provenanceLines(c.provenance)
        } else if let e = state.dataset.events.first(where: { $0.id == id }) {
            out.append((e.kind.rawValue + " · " + e.summary, Style(.text)))
            out += provenanceLines(e.provenance)
        }
        return out
    }
}
