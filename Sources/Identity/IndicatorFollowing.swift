import ThreatModel

extension DatasetBuilder {
    /// MISP indicators and event pivots of every result, each event's taken from the first
    /// result that still holds the event: the same event in a feed and in a file gives its
    /// attributes once, and an event dropped as an older version or hidden by a TLP limit
    /// takes its attributes with it. Event ids are global (`misp-event--UUID`): nothing to map.
    static func followIndicators(_ results: [IngestResult]) -> (indicators: [Indicator], pivots: [EventPivot]) {
        guard results.contains(where: { !$0.indicators.isEmpty || !$0.pivots.isEmpty }) else { return ([], []) }
        var claimed: [String: Int] = [:]
        var indicators: [Indicator] = [], pivots: [EventPivot] = []
        for (r, result) in results.enumerated() where !result.indicators.isEmpty || !result.pivots.isEmpty {
            let own = Set(result.events.map(\.id))
            for p in result.pivots where own.contains(p.eventID) {
                if claimed[p.eventID] == nil { claimed[p.eventID] = r }
                if claimed[p.eventID] == r { pivots.append(p) }
            }
            for i in result.indicators where own.contains(i.eventID) {
                if claimed[i.eventID] == nil { claimed[i.eventID] = r }
                if claimed[i.eventID] == r { indicators.append(i) }
            }
        }
        return (indicators, pivots)
    }
}
