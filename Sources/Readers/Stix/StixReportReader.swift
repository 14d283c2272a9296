import JSONCore
import ThreatModel

extension StixIngest {
    mutating func readReport(_ o: StixObject, id: String, node: Int) {
        guard let title = requiredText(o, .name) else { return }
        var day: Day?
        if let p = o.node(.published, document) {
            if let text = document.string(p), let d = Day(parsing: text) {
                day = d
            } else {
                sink.error(p, "invalid timestamp: expected RFC 3339, e.g. 2026-03-31T00:00:00Z")
            }
        } else {
            sink.error(node, "missing property \"published\" (required on a report)")
        }
        let refs = references(o)
        var info = ReportInfo(
            id: id, title: title, published: day, summary: o.string(.description, document), provenance: [provenance(id, references: refs, tlp: marking(o))])
        info.tlp = marking(o)
        // Its external references are its sources (a converted report names the original's
        // publisher there, while created_by_ref names who converted it).
        info.sources = refs.map { SourceInfo(id: $0.key, title: $0.title ?? $0.key, url: $0.url) }
        // A ThreatDeck export's own report object describes the export, not activity.
        reportRecords.append(
            ReportRecord(
                index: result.reports.count, refs: o.bool(.tdExport, document) ? [] : o.strings(.objectRefs, document),
                createdBy: o.string(.createdBy, document)))
        result.reports.append(info)
    }
}

extension StixField {
    static let published = StixField("published")
}
