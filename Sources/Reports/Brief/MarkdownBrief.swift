import ThreatModel

/// A brief for leadership: scope, the stated findings verbatim with their qualifiers and
/// sources, recount tables, what is unknown or disputed, and a numbered reference list.
/// CommonMark with GFM tables, readable as plain text too (tables are padded to line up).
public enum MarkdownBrief {
    public static func render(_ view: ReportView) -> String {
        // One actor in view: its dossier rather than a brief about one bar.
        if view.selection.actorIDs.count == 1, let id = view.selection.actorIDs.first, let dossier = ActorDossier.render(view, actorID: id) { return dossier }
        var out = BriefText(view: view)
        scope(&out)
        statedFindings(&out)
        loadedData(&out)
        indicators(&out)
        unknownAndDisputed(&out)
        references(&out)
        return out.lines.joined(separator: "\n") + "\n"
    }

    /// Title, what was loaded and is in view, and what this data can and cannot say.
    static func scope(_ out: inout BriefText) {
        let view = out.view, d = view.dataset
        let title = d.reports.first(where: { !$0.synthetic })?.title ?? d.reports.first?.title ?? "ThreatDeck brief"
        out.add("# " + inline(title), "")
        out.add("- **Generated:** " + (view.generatedAt > 0 ? ClockFormat.dateTime(view.generatedAt) : "now") + " by ThreatDeck")
        out.add("- **Sources loaded:** " + inline(d.files.map(\.path).joined(separator: ", ")))
        out.add("- **Filter:** " + (view.filter.isEmpty ? "none" : inline(view.filter.chips.map(\.label).joined(separator: " "))))
        if view.selection.eventIndices.count > 0, let p = view.timeline.window { out.add("- **Period shown:** " + p.description) }
        if let p = d.reportPeriod { out.add("- **Report period:** " + p.description) }
        if let c = view.comparison { out.add("- **Compared with:** " + c.baselineWindow.description) }
        out.add(
            "- **In view:** " + Noun.actor.count(view.selection.actorIDs.count) + ", " + Noun.event.count(view.selection.eventIndices.count)
                + ", " + Noun.campaign.count(view.selection.campaignIndices.count))
        if let m = d.highestMarking { out.add("- **Highest marking:** " + m.label) }
        if d.hidden.total > 0, let l = d.hidden.limit {
            out.add("- **Hidden above TLP:" + l.rawValue.uppercased() + ":** " + Noun.record.count(d.hidden.total))
        }
        if d.hasSynthetic { out.add("- **Note:** the data includes a SYNTHETIC feed (generated, not intelligence).") }
        out.add("", "## What this data can and cannot say", "", inline(BriefScope.paragraph(view)), "")
    }

    /// Each stated share verbatim with its sources, and the recount over its population.
    static func statedFindings(_ out: inout BriefText) {
        let view = out.view, b = view.breakdown
        out.add("## Stated findings", "")
        if b.stated.isEmpty { out.add("No finding in the loaded data states a share for this view.") }
        for s in b.stated {
            for f in [s.finding] + s.corroborating {
                out.add(
                    "- **" + f.formatted(ascii: false) + "** of " + inline(f.population) + (f.period.map { " (" + $0.description + ")" } ?? "") + " "
                        + out.cites(f))
                if !f.statement.isEmpty { out.add("  > " + inline(f.statement)) }
            }
            if let r = s.recount { out.add("  - " + inline(PlainSummary.recountText(r).capitalisedFirst)) }
        }
        let others = view.otherFindings
        if !others.isEmpty {
            out.add("", "Other figures the sources state:", "")
            for f in others {
                out.add(
                    "- **" + f.formatted(ascii: false) + "** " + inline(f.population) + (f.period.map { " (" + $0.description + ")" } ?? "") + " "
                        + out.cites(f))
                if !f.statement.isEmpty { out.add("  > " + inline(f.statement)) }
            }
        }
        out.add("")
    }

    /// Data text for inline Markdown: no HTML, no accidental emphasis, links or tables.
    static func inline(_ s: String) -> String {
        var out = ""
        for ch in s {
            switch ch {
            case "\n", "\r", "\t": out.append(" ")
            case "\\", "`", "*", "_", "[", "]", "<", ">", "#", "|", "!", "~": out += "\\" + String(ch)
            default:
                if ch.unicodeScalars.contains(where: ExportText.isControl) {
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
            "| "
                + r.enumerated().map { k, c in
                    right.contains(k) ? String(repeating: " ", count: widths[k] - c.count) + c : c + String(repeating: " ", count: widths[k] - c.count)
                }.joined(separator: " | ") + " |"
        }
        var out = [line(cells[0])]
        out.append(
            "|"
                + widths.enumerated().map { k, w in
                    right.contains(k) ? " " + String(repeating: "-", count: w - 1) + ": " : " " + String(repeating: "-", count: w) + " "
                }.joined(separator: "|") + "|")
        for r in cells.dropFirst() { out.append(line(r)) }
        return out
    }
}
