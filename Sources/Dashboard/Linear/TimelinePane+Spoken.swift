import Reports
import Analysis
import ThreatModel

extension TimelinePane {
    /// "2025-04: 30 events; China 20, Russia 10." per bucket with events (runs of empty
    /// buckets said once), then the campaigns and long spans.
    public static func spoken(_ state: AppState) -> SpokenPane {
        let v = view(state)
        let g = v.series.granularity
        var lines: [SpokenLine] = []
        var empty: [TimelineSeries.Bucket] = []
        func flushEmpty() {
            guard let a = empty.first, let b = empty.last else { return }
            lines.append(SpokenLine((empty.count == 1 ? g.label(a.range) : g.label(a.range) + " to " + g.label(b.range)) + ": no events."))
            empty = []
        }
        for b in v.series.buckets {
            guard b.count > 0 else { empty.append(b); continue }
            flushEmpty()
            let parts = b.byNexus.sorted { ($1.value, $0.key) < ($0.value, $1.key) }.prefix(4).map { $0.key.name + " " + Format.count($0.value) }
            lines.append(
                SpokenLine(
                    g.label(b.range) + ": " + Format.plural(b.count, "event") + (parts.isEmpty ? "" : "; " + parts.joined(separator: ", ")) + ".",
                    item: .bucket(b.range, label: g.label(b.range))))
        }
        flushEmpty()
        if v.series.buckets.isEmpty { lines.append(SpokenLine("No dated events in view.")) }
        let spans = spans(v)
        if !spans.isEmpty { lines.append(.heading("Campaigns and long events in view.")) }
        for k in spans.indices {
            let s = spans[k]
            lines.append(
                SpokenLine(
                    (s.isCampaign ? "Campaign " : "") + s.name + ": " + s.range.description + ", nexus " + s.nexus.name + ".",
                    item: .span(id: s.id, name: s.name, range: s.range)))
        }
        var heading = "Timeline, per " + g.rawValue + ": " + Format.plural(v.series.total, "event")
        if let p = v.series.reportPeriod { heading += "; report period " + p.description }
        return SpokenPane(heading: heading + ".", lines: lines)
    }
}
