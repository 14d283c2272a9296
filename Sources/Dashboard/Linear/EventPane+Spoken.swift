import Reports
import Analysis
import ThreatModel

extension EventPane {
    /// The events round the cursor (a table can hold a million), each as one sentence: when,
    /// what, who, against which sectors and regions, and the source.
    public static func spoken(_ state: AppState) -> SpokenPane {
        let s = self.state(state)
        let d = state.dataset
        guard !s.order.isEmpty else {
            return SpokenPane(heading: "Events: none in view.", lines: [SpokenLine(d.events.isEmpty ? "No events in the loaded data." : "No events in view.")])
        }
        let first = max(0, min(s.cursor - 10, s.order.count - 30)), last = min(s.order.count, first + 30)
        var lines: [SpokenLine] = []
        if first > 0 { lines.append(SpokenLine("\(first) earlier events; PgUp and Ctrl-U go back.")) }
        for k in first..<last {
            lines.append(SpokenLine(sentence(d.events[s.order[k]], d), item: .event(d.events[s.order[k]].id), position: k + 1))
        }
        if last < s.order.count { lines.append(SpokenLine("\(s.order.count - last) later events; PgDn and Ctrl-D go on.")) }
        let heading = "Events in view: " + Format.count(s.order.count) + ", by " + s.sortColumn.title + (s.descending ? ", descending." : ".")
        return SpokenPane(heading: heading, lines: lines, itemCount: s.order.count)
    }

    static func sentence(_ e: Event, _ d: Dataset) -> String {
        let actors = e.actorIDs.compactMap { d.actor($0)?.name }
        var text = e.span.description + ", " + e.kind.rawValue + ": " + e.summary
        text += ". Actors: " + Spoken.list(actors, empty: "none named") + ", nexus " + e.nexus.name
        text += ". Sectors: " + Spoken.list(e.sectors.map(Vocabulary.sectorName), empty: "none stated")
        text += ". Regions: " + Spoken.list(e.targetRegions.map(Vocabulary.regionName), empty: "none stated") + "."
        let source = sourceLabel(e)
        return text + (source.isEmpty ? "" : " Source: " + source + ".")
    }
}
