import Analysis
import ThreatModel

/// A table of the view as CSV: RFC 4180 quoting, UTF-8, a header row, CRLF line ends. Data
/// text is untrusted: a cell that begins with `=`, `+`, `-`, `@`, a tab or a carriage return
/// and is not a number gets a leading `'` (OWASP's rule against formula injection), and
/// control characters and bidi overrides are replaced, so no spreadsheet runs or hides it.
public enum CSVExport {
    public static func render(_ table: ExportFormat.Table, _ view: ReportView) -> String {
        var rows: [[String]] = []
        let d = view.dataset
        switch table {
        case .actors:
            rows = actorRows(view)
        case .nexus:
            rows = nexusRows(view)
        case .sectors:
            let m = view.matrix
            rows.append(["sector", "parent"] + m.columns.map(\.label) + ["total"])
            for r in m.rows {
                rows.append([r.label, Vocabulary.sector(r.sector)?.parent.map(Vocabulary.sectorName) ?? ""] + r.cells.map(String.init) + [String(r.total)])
            }
        case .timeline:
            let baseline = view.baselineTimeline
            rows.append(["bucket", "start", "end", "events"] + (baseline == nil ? [] : ["baseline"]))
            for (k, b) in view.timeline.buckets.enumerated() {
                var row = [view.timeline.granularity.label(b.range), b.range.start.description, b.range.end.description, String(b.count)]
                if let baseline { row.append(baseline.buckets.indices.contains(k) ? String(baseline.buckets[k].count) : "") }
                rows.append(row)
            }
        case .techniques:
            rows.append(["technique_id", "name", "parent", "tactics", "actors_in_view", "actors"])
            for r in view.techniques.ranked {
                for (row, parent) in [(r, "")] + r.subtechniques.map({ ($0, r.techniqueID) }) {
                    rows.append([
                        row.techniqueID, row.name, parent, row.tactics.map { d.tacticName($0) }.joined(separator: "; "), String(row.count),
                        row.actorPositions.map { d.actors[$0].name }.joined(separator: "; "),
                    ])
                }
            }
        case .indicators:
            rows += IndicatorList.csvRows(view)
        case .events:
            rows.append(["start", "end", "kind", "actors", "nexus", "sectors", "regions", "techniques", "summary", "source", "tlp"])
            for i in view.selection.eventIndices {
                let e = d.events[i]
                var row: [String] = [e.span.start.description, e.span.end.description, e.kind.rawValue]
                row.append(e.actorIDs.compactMap { d.actor($0)?.name }.joined(separator: "; "))
                row.append(e.nexus.name)
                row.append(e.sectors.map(Vocabulary.sectorName).joined(separator: "; "))
                row.append(e.targetRegions.map(Vocabulary.regionName).joined(separator: "; "))
                row.append(e.techniques.joined(separator: "; "))
                row.append(e.summary)
                row.append(e.provenance.first.map { $0.reference?.citation ?? $0.file } ?? "")
                row.append(e.tlp?.label ?? "")
                rows.append(row)
            }
        }
        return rows.map { $0.map(cell).joined(separator: ",") }.joined(separator: "\r\n") + "\r\n"
    }

    static func actorRows(_ view: ReportView) -> [[String]] {
        let d = view.dataset
        let c = view.comparison
        var rows: [[String]] = []
        rows.append(
            [
                "actor", "aliases", "nexus", "nexus_basis", "type", "motivations", "events_in_view", "sectors", "techniques", "sources",
                "technique_count", "techniques_direct", "techniques_only_through_campaigns", "parent_techniques", "sub_techniques",
            ]
                + (c == nil ? [] : ["in_baseline"]))
        let counts = view.breakdown.eventsPerActor
        for p in d.actors.indices where view.selection.actorMask[p] {
            let a = d.actors[p]
            let sources: [String] = a.provenance.map { $0.reference?.citation ?? ($0.format.label + " " + $0.file) }
            var row: [String] = [a.name, a.aliases.joined(separator: "; "), a.nexus.name, NexusText.basis(a), a.type.label]
            row.append(a.motivations.map(\.rawValue).joined(separator: "; "))
            row.append(String(counts[a.id] ?? 0))
            row.append(a.sectors.map(Vocabulary.sectorName).joined(separator: "; "))
            row.append(d.actorTechniques[p].joined(separator: "; "))
            row.append(sources.joined(separator: "; "))
            let t = ActorTechniques(d, position: p)
            row += [t.count, t.direct, t.campaignOnly.count, t.parents.count, t.subTechniques].map(String.init)
            if let c { row.append(c.baseline.actorIDs.contains(a.id) ? "yes" : "no") }
            rows.append(row)
        }
        return rows
    }

    static func nexusRows(_ view: ReportView) -> [[String]] {
        let c = view.comparison
        var rows: [[String]] = []
        rows.append(["nexus", view.breakdown.measure.rawValue, "share"] + (c == nil ? [] : ["baseline", "baseline_share", "change", "change_points"]))
        for r in view.breakdown.folded(countries: ReportView.shownCountries) {
            var row = [ReportView.label(r.key), String(r.count), share(r.share)]
            if let c {
                let b = c.baselineBreakdown.row(for: r.key)
                row += [
                    String(b?.count ?? 0), share(b?.share ?? 0), Format.delta(r.count - (b?.count ?? 0)).replacingOccurrences("−", "-"),
                    share(r.share - (b?.share ?? 0)),
                ]
            }
            rows.append(row)
        }
        return rows
    }

    static func share(_ f: Double) -> String {
        guard f.isFinite else { return "" }
        let v = (f * 10_000).rounded() / 10_000
        return String(v)
    }

    /// One cell, neutralised and quoted.
    public static func cell(_ raw: String) -> String {
        var text = ""
        let scalars = Array(raw.unicodeScalars)
        for (k, u) in scalars.enumerated() {
            let v = u.value
            // CRLF inside a text becomes LF; a lone CR (which spreadsheets read as a line
            // break, or hide) is a control like the others.
            if v == 0x0D && k + 1 < scalars.count && scalars[k + 1] == "\n" { continue }
            // Controls other than tab and LF, and bidi controls (Trojan Source), never reach a cell.
            if ExportText.isControl(u) {
                text += "\u{FFFD}"
            } else {
                text.unicodeScalars.append(u)
            }
        }
        if let first = text.unicodeScalars.first, "=+-@\t\r\u{FFFD}".unicodeScalars.contains(first), !isNumber(text) { text = "'" + text }
        let needsQuotes = text.contains { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" } || text.hasPrefix(" ") || text.hasSuffix(" ")
        return needsQuotes ? "\"" + text.replacingOccurrences("\"", "\"\"") + "\"" : text
    }

    /// A plain decimal number (`-3`, `+4.2`): those stay as they are.
    static func isNumber(_ s: String) -> Bool {
        var u = Array(s.utf8)
        guard !u.isEmpty else { return false }
        if u[0] == 0x2B || u[0] == 0x2D { u.removeFirst() }
        guard !u.isEmpty else { return false }
        var dot = false, digits = 0
        for c in u {
            if c == 0x2E { if dot { return false }; dot = true } else if c >= 0x30 && c <= 0x39 { digits += 1 } else { return false }
        }
        return digits > 0
    }
}
