import Reports
import Analysis
import ThreatModel
import TerminalUI

/// Everything about the selected actor, sector, region, bucket, span, technique or event,
/// ending with its provenance: the titles, publishers, dates and URLs one would cite.
public enum DetailPane: Pane {
    public struct State: Sendable {
        public var scroll = 0
    }

    public typealias Line = (text: String, style: Style)

    public static let id = PaneID("detail")
    public static let title = "Detail"
    public static let initialState = State()

    public static let bindings: [KeyBinding] = [
        KeyBinding([.up, .character("k"), .down, .character("j")], "↑ ↓  k j", nil, "scroll the detail", hint: "↑↓ scroll"),
        KeyBinding([.escape], "Esc", .back, "back to the pane you came from", hint: "Esc back"),
    ]

    public static func frameTitle(_ state: AppState) -> String {
        switch state.detailSubject {
        case .actor(let id): return state.dataset.actor(id)?.name ?? id
        case .nexus(let n): return n == .unknown ? "Nexus unknown" : n == .disputed ? "Nexus disputed" : n.name + " nexus"
        case .nexusGroup(let list): return "Other nexus (\(list.count) countries)"
        case .sector(let s, _): return Vocabulary.sectorName(s)
        case .region(let r): return Vocabulary.regionName(r)
        case .bucket(_, let label): return label
        case .span(_, let name, _): return name
        case .motivation(let m): return "Motivation: " + (m?.rawValue ?? "unknown")
        case .technique(let t): return t + " " + (state.dataset.technique(t)?.name ?? "")
        case .event(let id): return "Event " + (state.dataset.event(id)?.span.description ?? id)
        case .indicator(let k, _): return "Indicator " + (state.dataset.indicators.indices.contains(k) ? state.dataset.indicators[k].type : "")
        case nil: return "Detail"
        }
    }

    public static func note(_ state: AppState) -> String {
        let s = self.state(state).scroll
        return s > 0 ? "line \(s + 1)" : ""
    }

    public static func perform(_ command: Command, _ state: inout AppState) -> Bool {
        let area = FrameLayout.inner(of: id, in: state).inset(left: 1, right: 1)
        let total = Paragraph(lines(state)).layout(width: max(1, area.width), ascii: state.ascii).count
        let last = max(0, total - area.height)
        let page = max(1, area.height - 1)
        var s = self.state(state).scroll
        switch command {
        case .down: s += 1
        case .up: s -= 1
        case .pageDown: s += page
        case .pageUp: s -= page
        case .first: s = 0
        case .last: s = last
        case .left, .right: return true
        default: return false
        }
        let clamped = max(0, min(last, s))
        modify(&state) { $0.scroll = clamped }
        return true
    }

    public static func render(_ state: AppState, into buffer: inout Buffer, area: Rect, focused: Bool) {
        let inner = area.inset(left: 1, right: 1)
        Paragraph(lines(state), scroll: self.state(state).scroll).render(into: &buffer, area: inner)
    }

    // MARK: Lines

    public static func lines(_ state: AppState) -> [Line] {
        switch state.detailSubject {
        case .actor(let id): return actorLines(state, id)
        case .nexus(let n): return nexusLines(state, n)
        case .nexusGroup(let list): return groupLines(state, list)
        case .sector(let s, let column): return sectorLines(state, s, column: column)
        case .region(let r): return regionLines(state, r)
        case .bucket(let range, _): return eventLines(state, in: range)
        case .span(let id, _, let range): return spanLines(state, id: id, range: range)
        case .motivation(let m): return motivationLines(state, m)
        case .technique(let t): return techniqueLines(state, t)
        case .event(let id): return singleEventLines(state, id)
        case .indicator(let k, _): return indicatorLines(state, k)
        case nil:
            if state.dataset.actors.isEmpty && state.dataset.events.isEmpty {
                return [("No data loaded: nothing to describe. " + emptyHint(state), Style(.muted))]
            }
            return [("Move the cursor in a pane to see details here.", Style(.muted))]
        }
    }

    static func emptyHint(_ state: AppState) -> String {
        state.dataset.files.isEmpty ? "" : "Loaded: " + state.dataset.files.map(\.path).joined(separator: ", ") + " (p lists problems)."
    }

    static func list(_ items: [String], empty: String = "unknown") -> String { items.isEmpty ? empty : items.joined(separator: ", ") }

    static func actorLines(_ state: AppState, _ id: String) -> [Line] {
        guard let a = state.dataset.actor(id) else { return [("Actor \(id) is not in the loaded data.", Style(.muted))] }
        let label = Style(.muted)
        var out: [Line] = []
        out += nameLines(a)
        out.append(("nexus: " + NexusText.describe(a), a.nexus == .unknown ? label : Style(Role.nexus(a.nexus.code), attributes: .bold)))
        if a.nexusClaims.count > 1 || a.nexus == .disputed {
            for claim in a.nexusClaims { out.append(("  claim: " + claim.nexus.name + " · " + claim.source, Style(.text))) }
        }
        var kind = "type: " + a.type.label
        if a.collective { kind += " · a grouping of unnamed actors as reported" }
        out.append((kind, Style(.text)))
        if let tlp = a.tlp { out.append(("marking: " + tlp.label, Style(tlp.role))) }
        // Each motivation with the sources that state it; "none stated" only when none does.
        let stated = a.motivations.map { m in
            let by = a.motivationClaims.filter { $0.motivation == m }.map(\.source)
            return m.rawValue + (by.isEmpty ? "" : " (" + by.joined(separator: "; ") + ")")
        }
        out.append(
            ("motivations: " + (stated.isEmpty ? "none stated by any source" : stated.joined(separator: ", ")), a.motivations.isEmpty ? label : Style(.text)))
        var sectors = list(a.sectors.map(Vocabulary.sectorName))
        if !a.unmappedSectors.isEmpty { sectors += " · as written: " + a.unmappedSectors.joined(separator: ", ") }
        out.append(("sectors: " + sectors, a.sectors.isEmpty && a.unmappedSectors.isEmpty ? label : Style(.text)))
        let places = a.regions.map(Vocabulary.regionName) + a.countries.map { Vocabulary.country($0)?.name ?? $0 }
        out.append(("targets: " + list(places), places.isEmpty ? label : Style(.text)))
        if !a.software.isEmpty { out.append(("software: " + a.software.joined(separator: ", "), Style(.text))) }
        let indices = state.dataset.events(ofActor: id).filter { state.selection.containsEvent($0) }
        if let first = indices.first {
            let lastEnd = indices.map { state.dataset.events[$0].span.end }.max() ?? state.dataset.events[first].span.end
            out.append(("events in view: \(Format.count(indices.count)), \(state.dataset.events[first].span.start) to \(lastEnd)", Style(.text)))
        } else {
            out.append(("events in view: none", label))
        }
        out += profileLines(state, a, width: FrameLayout.inner(of: DetailPane.id, in: state).width - 2)
        // Identity: why these records are one actor, and who shares names without merging.
        if !a.identity.reasons.isEmpty || !a.identity.overlaps.isEmpty || !a.identity.umbrellaOf.isEmpty || !a.identity.umbrellas.isEmpty {
            out.append(("identity:", Style(.title, attributes: .bold)))
            for r in a.identity.reasons { out.append(("  " + r, Style(.text))) }
            if !a.identity.umbrellaOf.isEmpty {
                out.append(
                    (
                        "  umbrella name: not merged, because it would join "
                            + a.identity.umbrellaOf.map { state.dataset.actor($0)?.name ?? $0 }.joined(separator: ", "), Style(.warning)
                    ))
            }
            for u in a.identity.umbrellas { out.append(("  covered by the umbrella " + (state.dataset.actor(u)?.name ?? u), Style(.muted))) }
            for o in a.identity.overlaps.prefix(12) {
                out.append(
                    (
                        "  shares \"\(o.alias)\" with " + (state.dataset.actor(o.actorID)?.name ?? o.actorID) + ": " + o.how
                            + " (an alias alone is no identity)", Style(.muted)
                    ))
            }
        }
        for d in a.descriptions.prefix(2) {
            let rendered = AttackMarkdown.render(d, references: a.references)
            out.append((rendered.text, Style(.text)))
            for (k, ref) in rendered.cited.enumerated() { out.append(("  [\(k + 1)] " + ref.citation, Style(.muted))) }
        }
        out += provenanceLines(a.provenance, state: state)
        return out
    }

    static func provenanceLines(_ provenance: [Provenance], state: AppState) -> [Line] {
        var out: [Line] = [("sources (\(provenance.count)):", Style(.title, attributes: .bold))]
        for p in provenance.prefix(40) {
            var text = "  "
            if let ref = p.reference { text += ref.citation + " · " }
            text += p.format.label + " " + p.file
            if let id = p.objectID { text += " · " + id }
            if let tlp = p.tlp { text += " · " + tlp.label }
            out.append((text, Style(p.synthetic ? .warning : .muted)))
            if p.synthetic { out.append(("    SYNTHETIC: generated data, not intelligence", Style(.warning, attributes: .bold))) }
        }
        if provenance.count > 40 { out.append(("  … \(provenance.count - 40) more", Style(.muted))) }
        return out
    }

    /// The actors (by position in the dataset) with their events in view, busiest first.
    static func actorsLines(_ state: AppState, _ indices: [Int], heading: String) -> [Line] {
        let counts = state.breakdown.eventsPerActor
        let actors = state.dataset.actors
        let ranked = indices.map { (counts[actors[$0].id] ?? 0, actors[$0].name, $0) }.sorted { ($0.0, $1.1) > ($1.0, $0.1) }
        var out: [Line] = [(heading + " (\(indices.count))", Style(.title, attributes: .bold))]
        for (count, _, i) in ranked.prefix(25) {
            out.append(("  " + actors[i].name + " · " + actors[i].nexus.name + " · " + Format.plural(count, "event"), Style(.text)))
        }
        if ranked.count > 25 { out.append(("  … \(ranked.count - 25) more", Style(.muted))) }
        return out
    }

    /// Positions of the actors in view that satisfy `test`.
    static func actorsInView(_ state: AppState, where test: (Actor) -> Bool) -> [Int] {
        state.dataset.actors.indices.filter { state.selection.actorMask[$0] && test(state.dataset.actors[$0]) }
    }

    static func nexusLines(_ state: AppState, _ n: Nexus) -> [Line] {
        var out: [Line] = []
        if let row = state.breakdown.rows.first(where: { $0.key == .nexus(n) }) {
            let noun: Noun = state.breakdown.measure == .events ? .event : .actor
            out.append(("\(Format.count(row.count)) of \(noun.count(state.breakdown.total)) in view (\(Format.percent(row.share)))", Style(.text)))
        }
        for s in state.breakdown.stated where s.finding.subjectNexus == n {
            out.append(("stated: " + s.finding.formatted(ascii: state.ascii) + " of " + s.finding.population, Style(.accent, attributes: .bold)))
            out.append((s.finding.statement, Style(.text)))
            if let b = s.finding.basis { out.append(("basis: " + b, Style(.muted))) }
            out += provenanceLines(s.finding.provenance, state: state)
        }
        if n == .unknown { out.append(("Actors whose nexus no source states and no naming convention implies.", Style(.muted))) }
        if n == .disputed {
            out.append(("Actors whose sources state different countries: each counts once, here; the actor's detail lists every claim.", Style(.muted)))
        }
        let rows = state.breakdown.actorsByNexus[n] ?? []
        out.append(("actors (\(rows.count))", Style(.title, attributes: .bold)))
        for r in rows.prefix(25) { out.append(("  " + r.name + " · " + Format.plural(r.events, "event"), Style(.text))) }
        if rows.count > 25 { out.append(("  … \(rows.count - 25) more", Style(.muted))) }
        return out
    }

    static func groupLines(_ state: AppState, _ list: [Nexus]) -> [Line] {
        var out: [Line] = [("Countries folded into Other, largest first:", Style(.title, attributes: .bold))]
        for n in list {
            if let row = state.breakdown.rows.first(where: { $0.key == .nexus(n) }) {
                out.append(("  " + n.name + " · " + Format.count(row.count) + " · " + Format.percent(row.share), Style(.text)))
            }
        }
        return out
    }

    static func sectorLines(_ state: AppState, _ s: String, column: Nexus?) -> [Line] {
        var out: [Line] = []
        if let parent = Vocabulary.sector(s)?.parent { out.append(("part of " + Vocabulary.sectorName(parent), Style(.muted))) }
        if let row = state.matrix.rows.first(where: { $0.sector == s }) {
            let split = zip(state.matrix.columns, row.cells).filter { $0.1 > 0 }.map { "\($0.0.label) \($0.1)" }
            out.append(("\(Format.count(row.total)) \(state.matrix.measure.rawValue): " + split.joined(separator: " · "), Style(.text)))
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

    /// The events in view that overlap `range`: the same membership as the bucket's count.
    static func eventLines(_ state: AppState, in range: DayRange) -> [Line] {
        let indices = state.selection.eventIndices(overlapping: range, in: state.dataset)
        var out: [Line] = [
            (Format.plural(indices.count, "event") + " in " + range.description + " (dated in or spanning it)", Style(.title, attributes: .bold))
        ]
        for i in indices.prefix(60) { out.append(eventLine(state, state.dataset.events[i])) }
        if indices.count > 60 { out.append(("… \(indices.count - 60) more: Enter filters to this period, 6 lists them all", Style(.muted))) }
        return out
    }

    static func eventLine(_ state: AppState, _ e: Event) -> Line {
        let actors = e.actorIDs.compactMap { state.dataset.actor($0)?.name }
        var text = e.span.description + " · " + e.kind.rawValue
        if !actors.isEmpty { text += " · " + actors.joined(separator: ", ") }
        text += " · " + e.summary
        let synthetic = e.provenance.contains { $0.synthetic }
        return (text + (synthetic ? " [synthetic]" : ""), Style(synthetic ? .muted : .text))
    }

    static func singleEventLines(_ state: AppState, _ id: String) -> [Line] {
        guard let e = state.dataset.event(id) else { return [("Event \(id) is not in the loaded data.", Style(.muted))] }
        var out: [Line] = [(e.summary, Style(.text, attributes: .bold))]
        out.append(("when: " + e.span.description + (e.span.length > 1 ? " (\(Format.plural(e.span.length, "day")))" : ""), Style(.text)))
        out.append(("kind: " + e.kind.rawValue + (e.count > 1 ? " · seen \(Format.count(e.count)) times" : ""), Style(.text)))
        let actors = e.actorIDs.compactMap { state.dataset.actor($0).map { $0.name + " (" + $0.nexus.name + ")" } }
        out.append(("actors: " + list(actors), actors.isEmpty ? Style(.muted) : Style(.text)))
        out.append(("nexus: " + e.nexus.name, Style(Role.nexus(e.nexus.code))))
        out.append(("sectors: " + list(e.sectors.map(Vocabulary.sectorName)), Style(.text)))
        let places = e.regions.map(Vocabulary.regionName) + e.countries.map { Vocabulary.country($0)?.name ?? $0 }
        out.append(("targets: " + list(places), Style(.text)))
        if !e.techniques.isEmpty {
            out.append(
                ("techniques: " + e.techniques.map { t in state.dataset.technique(t).map { "\($0.name) (\(t))" } ?? t }.joined(separator: ", "), Style(.text)))
        }
        if let tlp = e.tlp { out.append(("marking: " + tlp.label, Style(tlp.role))) }
        if let c = e.contents { out.append(("contents: " + c, Style(.muted))) }
        if !e.labels.isEmpty { out.append(("labels: " + e.labels.prefix(20).joined(separator: ", "), Style(.muted))) }
        out += provenanceLines(e.provenance, state: state)
        return out
    }

    static func spanLines(_ state: AppState, id: String, range: DayRange) -> [Line] {
        var out: [Line] = [("span: " + range.description + " (" + Format.plural(range.length, "day") + ")", Style(.text))]
        if let c = state.dataset.campaigns.first(where: { $0.id == id }) {
            let actors = c.actorIDs.compactMap { state.dataset.actor($0)?.name }
            out.append(("attributed to: " + list(actors), actors.isEmpty ? Style(.muted) : Style(.text)))
            if let d = c.description { out.append((AttackMarkdown.render(d, references: []).text, Style(.text))) }
            out += provenanceLines(c.provenance, state: state)
        } else if let e = state.dataset.event(id) {
            out.append((e.kind.rawValue + " · " + e.summary, Style(.text)))
            out += provenanceLines(e.provenance, state: state)
        }
        return out
    }

    static func techniqueLines(_ state: AppState, _ t: String) -> [Line] {
        guard let info = state.dataset.technique(t) else { return [("Technique \(t) is not in the loaded data.", Style(.muted))] }
        var out: [Line] = []
        if let parent = info.parentID { out.append(("sub-technique of " + parent + " " + (state.dataset.technique(parent)?.name ?? ""), Style(.muted))) }
        let tactics = info.tactics.map { state.dataset.tacticName($0) }
        out.append(("tactics: " + list(tactics), Style(.text)))
        if let url = info.url { out.append(("reference: " + url, Style(.accent))) }
        let row = state.techniques.row(t)
        let users = row?.actorPositions ?? []
        out.append(("actors in view using it (\(users.count)):", Style(.title, attributes: .bold)))
        for p in users.prefix(40) {
            let a = state.dataset.actors[p]
            out.append(("  " + a.name + " · " + a.nexus.name, Style(.text)))
        }
        if users.count > 40 { out.append(("  … \(users.count - 40) more", Style(.muted))) }
        if let d = info.description {
            out.append(("description:", Style(.title, attributes: .bold)))
            let rendered = AttackMarkdown.render(d, references: info.references)
            out.append((rendered.text, Style(.text)))
        }
        let procedures = state.dataset.procedures(technique: t).filter { state.selection.actorMask[$0.actorPosition] }
        if !procedures.isEmpty {
            out.append(("procedures (\(procedures.count)):", Style(.title, attributes: .bold)))
            for p in procedures.prefix(30) {
                let a = state.dataset.actors[p.actorPosition]
                let rendered = AttackMarkdown.render(p.description, references: p.references)
                var text = "  " + a.name + ": " + (rendered.text.isEmpty ? "(no description)" : rendered.text)
                if let via = p.via { text += " (via " + via + ")" }
                out.append((text, Style(.text)))
                let cite = rendered.cited.map(\.citation) + [p.source]
                out.append(("    source: " + cite.joined(separator: "; "), Style(.muted)))
            }
            if procedures.count > 30 { out.append(("  … \(procedures.count - 30) more", Style(.muted))) }
        }
        return out
    }
}

extension PaneID {
    /// The detail pane.
    public static let detail = DetailPane.id
}
