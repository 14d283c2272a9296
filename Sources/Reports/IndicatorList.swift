import Analysis
import ThreatModel

/// The MISP indicators in view as exports: `iocs`, one value per line for grep and block lists,
/// and the `indicators` CSV table with every field and where each came from.
public enum IndicatorList {
    /// Each value once, in the order read, plain (not defanged: tools read this). A composite
    /// value (`domain|ip`, `filename|sha256`) gives its parts, one per line. Left out: empty
    /// values, values cut for display (a part of an indicator is a wrong one), and values with
    /// a line break or control character in them (one line would become two): the CSV table
    /// has them all.
    public static func render(_ view: ReportView) -> String {
        var seen: Set<String> = []
        var out = ""
        for k in view.indicators {
            let i = view.dataset.indicators[k]
            guard !i.value.isEmpty, !i.isCut else { continue }
            for part in i.parts where !part.isEmpty && usable(part) && seen.insert(part).inserted {
                out += part + "\n"
            }
        }
        return out
    }

    /// No control characters (a newline would split the value), no bidi controls.
    static func usable(_ value: String) -> Bool {
        !value.unicodeScalars.contains { s in
            let v = s.value
            return v < 0x20 || v == 0x7F || (v >= 0x80 && v <= 0x9F) || (v >= 0x202A && v <= 0x202E) || (v >= 0x2066 && v <= 0x2069)
        }
    }

    /// The CSV table's rows, header first. Values as they are (CSVExport neutralises each cell).
    static func csvRows(_ view: ReportView) -> [[String]] {
        var rows: [[String]] = [
            [
                "type", "category", "value", "value_bytes", "value_cut", "to_ids", "event_id", "event_date", "event", "org", "object",
                "first_seen", "last_seen", "tags", "file", "line", "column", "json_path",
            ]
        ]
        let d = view.dataset
        for k in view.indicators {
            let i = d.indicators[k]
            let e = d.events[Int(d.indicatorTable.eventOfIndicator[k])]
            rows.append([
                i.type, i.category, i.value, String(i.length), i.isCut ? "yes" : "no", i.toIDS ? "yes" : "no", i.eventID,
                e.span.start.description, e.summary, i.org ?? "", i.objectName ?? "", i.firstSeen ?? "", i.lastSeen ?? "",
                i.tags.joined(separator: "; "), i.location.file, String(i.location.line), String(i.location.column), i.location.pointerText,
            ])
        }
        return rows
    }
}
