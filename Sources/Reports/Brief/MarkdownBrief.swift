import ThreatModel

/// A brief for leadership: scope, the stated findings verbatim with their qualifiers and
/// sources, recount tables, what is unknown or disputed, and a numbered reference list.
/// CommonMark with GFM tables, readable as plain text too (tables are padded to line up).
public enum MarkdownBrief {
    public static func render(_ view: ReportView) -> String {
        let d = view.dataset
        let b = view.breakdown
        let c = view.comparison
        var out: [String] = []
        let references = view.references
        func ref(_ r: Reference) -> String {
            guard let k = references.firstIndex(where: { $0.key == r.key && $0.title == r.title }) else { return "" }
            return "[\(k + 1)]"
        }
        let title = d.reports.first(where: { !$0.synthetic })?.title ?? d.reports.first?.title ?? "ThreatDeck brief"
        out.append("# " + inline(title))
        out.append("")
        out.append("- **Generated:** " + (view.generatedAt > 0 ? ClockFormat.dateTime(view.generatedAt) : "now") + " by ThreatDeck")
        out.append("- **Sources loaded:** " + inline(d.files.map(\.path).joined(separator: ", ")))
        out.append("- **Filter:** " + (view.filter.isEmpty ? "none" : inline(view.filter.chips.map(\.label).joined(separator: " "))))
        if let p = view.timeline.window { out.append("- **Period shown:** " + p.description) }
        if let p = d.reportPeriod { out.append("- **Report period:** " + p.description) }
        if let c { out.append("- **Compared with:** " + c.baselineWindow.description) }
        out.append("- **In view:** " + Format.plural(view.selection.actorIDs.count, "actor") + ", " + Format.plural(view.selection.eventIndices.count, "event")
                   + ", " + Format.plural(view.selection.campaignIndices.count, "campaign"))
        if let m = d.highestMarking { out.append("- **Highest marking:** " + m.label) }
        if d.hidden.total > 0, let l = d.hidden.limit { out.append("- **Hidden above TLP:" + l.rawValue.uppercased() + ":** " + Format.plural(d.hidden.total, "record")) }
        if d.hasSynthetic { out.append("- **Note:** the data includes a SYNTHETIC feed (generated, not intelligence).") }
        out.append("")

        out.append("## Stated findings")
        out.append("")
        if b.stated.isEmpty { out.append("No finding in the loaded data states a share for this view.") }
        for s in b.stated {
            for f in [s.finding] + s.corroborating {
                let cites = f.citedSources.map(ref).filter { !$0.isEmpty }.joined()
                out.append("- **" + f.formatted(ascii: false) + "** of " + inline(f.population) + (f.period.map { " (" + $0.description + ")" } ?? "") + " " + cites)
                if !f.statement.isEmpty { out.append("  > " + inline(f.statement)) }
            }
        }
        let others = view.otherFindings
        if !others.isEmpty {
            out.append("")
            out.append("Other figures the sources state:")
            out.append("")
            for f in others {
                let cites = f.citedSources.map(ref).filter { !$0.isEmpty }.joined()
                out.append("- **" + f.formatted(ascii: false) + "** " + inline(f.population) + (f.period.map { " (" + $0.description + ")" } ?? "") + " " + cites)
                if !f.statement.isEmpty { out.append("  > " + inline(f.statement)) }
            }
        }
        out.append("")

        out.append("## Recount of the loaded data")
        out.append("")
        out.append("By nexus (" + b.measure.rawValue + "; Other folds the smaller countries):")
        out.append("")
        var header = ["nexus", b.measure.rawValue, "share"]
        if c != nil { header += ["baseline", "change", "change (pp)"] }
        var rows: [[String]] = []
        for r in b.folded(countries: ReportView.shownCountries) {
            var row = [ReportView.label(r.key), Format.count(r.count), Format.percent(r.share)]
            if let c {
                let base = c.baselineBreakdown.row(for: r.key)
                row += [Format.count(base?.count ?? 0), Format.delta(r.count - (base?.count ?? 0)), Format.points(r.share - (base?.share ?? 0))]
            }
            rows.append(row)
        }
        out += table(header, rows, right: Set(1..<header.count))
        out.append("")
        out.append("Top actors:")
        out.append("")
        let ranked = d.actors.indices.filter { view.selection.actorMask[$0] }.map { (d.actors[$0], b.eventsPerActor[d.actors[$0].id] ?? 0) }
            .sorted { ($0.1, $1.0.name) > ($1.1, $0.0.name) }.prefix(15)
        out += table(["actor", "nexus", "events in view"], ranked.map { [$0.0.name, $0.0.nexus.name, Format.count($0.1)] }, right: [2])
        out.append("")
        let m = view.matrix
        if !m.rows.isEmpty {
            out.append("Sector × nexus (" + m.measure.rawValue + "):")
            out.append("")
            out += table(["sector"] + m.columns.map(\.label) + ["total"],
                         m.rows.map { [($0.depth > 0 ? "↳ " : "") + $0.label] + $0.cells.map { Format.count($0) } + [Format.count($0.total)] },
                         right: Set(1...(m.columns.count + 1)))
            out.append("")
        }
        if !view.techniques.ranked.isEmpty {
            out.append("Top techniques (actors in view using each):")
            out.append("")
            out += table(["id", "technique", "tactic", "actors"], view.techniques.ranked.prefix(15).map {
                [$0.techniqueID, $0.name, $0.tactics.map { d.tacticName($0) }.joined(separator: ", "), Format.count($0.count)]
            }, right: [3])
            out.append("")
        }
        if !view.timeline.buckets.isEmpty {
            out.append("Timeline (events dated in or spanning each " + view.timeline.granularity.rawValue + "):")
            out.append("")
            let baseline = view.baselineTimeline
            // At most 240 rows (the CSV table holds every bucket).
            let all = Array(view.timeline.buckets.enumerated())
            let shown = all.count > 240 ? Array(all.prefix(120)) + Array(all.suffix(120)) : all
            out += table(["period", "events"] + (baseline == nil ? [] : ["baseline"]), shown.map { k, bucket in
                [view.timeline.granularity.label(bucket.range), Format.count(bucket.count)] + (baseline.map { [$0.buckets.indices.contains(k) ? Format.count($0.buckets[k].count) : "-"] } ?? [])
            }, right: [1, 2])
            if all.count > 240 { out.append(""); out.append("(" + Format.count(all.count - 240) + " " + view.timeline.granularity.rawValue + "s in the middle left out: `export --format csv --table timeline` lists them all.)") }
            out.append("")
        }

        out.append("## Unknown and disputed")
        out.append("")
        let unknown = b.row(for: .nexus(.unknown)), disputed = b.row(for: .nexus(.disputed))
        out.append("- Nexus unknown: " + Format.count(unknown?.count ?? 0) + " " + b.measure.rawValue + " (" + Format.percent(unknown?.share ?? 0) + ").")
        out.append("- Nexus disputed: " + Format.count(disputed?.count ?? 0) + " " + b.measure.rawValue + " (" + Format.percent(disputed?.share ?? 0) + ").")
        for a in d.actors where a.nexus == .disputed && view.selection.actorIDs.contains(a.id) {
            out.append("  - " + inline(a.name) + ": " + inline(a.nexusClaims.map { $0.nexus.name + " (" + $0.source + ")" }.joined(separator: "; ")))
        }
        if m.withoutSector > 0 { out.append("- " + Format.count(m.withoutSector) + " " + m.measure.rawValue + " in view have no stated sector.") }
        out.append("")

        out.append("## References")
        out.append("")
        if references.isEmpty { out.append("None cited.") }
        for (k, r) in references.enumerated() {
            var text = "\(k + 1). " + (r.title.map { "“" + inline($0) + "”" } ?? inline(r.key))
            if let p = r.publisher { text += ", " + inline(p) }
            if let day = r.published { text += ", " + day.description }
            if let url = r.url { text += ". <" + url + ">" }
            out.append(text)
        }
        return out.joined(separator: "\n") + "\n"
    }

    /// Data text for inline Markdown: no HTML, no accidental emphasis, links or tables.
    static func inline(_ s: String) -> String {
        var out = ""
        for ch in s {
            switch ch {
            case "\n", "\r", "\t": out.append(" ")
            case "\\", "`", "*", "_", "[", "]", "<", ">", "#", "|", "!", "~": out += "\\" + String(ch)
            default:
                if let v = ch.unicodeScalars.first?.value, v < 0x20 || v == 0x7F || (v >= 0x202A && v <= 0x202E) || (v >= 0x2066 && v <= 0x2069) {
                    out += "\u{FFFD}"
                } else {
                    out.append(ch)
                }
            }
        }
        return out
    }

    /// A GFM table, columns padded so it reads as plain text; `right` columns right-aligned.
    static func table(_ header: [String], _ rows: [[String]], right: Set<Int>) -> [String] {
        let cells = ([header] + rows).map { $0.map(inline) }
        var widths = [Int](repeating: 3, count: header.count)
        for r in cells { for (k, c) in r.enumerated() where k < widths.count { widths[k] = max(widths[k], c.count) } }
        func line(_ r: [String]) -> String {
            "| " + r.enumerated().map { k, c in right.contains(k) ? String(repeating: " ", count: widths[k] - c.count) + c : c + String(repeating: " ", count: widths[k] - c.count) }.joined(separator: " | ") + " |"
        }
        var out = [line(cells[0])]
        out.append("|" + widths.enumerated().map { k, w in right.contains(k) ? " " + String(repeating: "-", count: w - 1) + ": " : " " + String(repeating: "-", count: w) + " " }.joined(separator: "|") + "|")
        for r in cells.dropFirst() { out.append(line(r)) }
        return out
    }
}
