/// The dataset's MISP indicators and event pivots, each tied to its event's position, so a
/// filter tests them without looking ids up. Empty (and free) for data without MISP events.
public struct IndicatorTable: Sendable {
    public private(set) var indicators: [Indicator]
    public private(set) var pivots: [EventPivot]
    /// Per indicator: the position of its event in the dataset's events.
    public private(set) var eventOfIndicator: [Int32]
    /// Per pivot: the position of its event.
    public private(set) var eventOfPivot: [Int32]

    public static let empty = IndicatorTable()

    public init() {
        indicators = []
        pivots = []
        eventOfIndicator = []
        eventOfPivot = []
    }

    /// Keeps only what belongs to an event `position` finds (an indicator of an event a TLP
    /// limit hid is hidden with it).
    public init(indicators: [Indicator], pivots: [EventPivot], position: (String) -> Int?) {
        var kept: [Indicator] = [], events: [Int32] = []
        kept.reserveCapacity(indicators.count)
        events.reserveCapacity(indicators.count)
        var last: (id: String, position: Int?) = ("", nil)
        for i in indicators {
            // Indicators come grouped by event: one lookup per event.
            if i.eventID != last.id { last = (i.eventID, position(i.eventID)) }
            guard let p = last.position else { continue }
            kept.append(i)
            events.append(Int32(p))
        }
        // In the events' order (by date), each event's in the order read: what "by event" means.
        if zip(events, events.dropFirst()).contains(where: { $0 > $1 }) {
            let order = events.indices.sorted { (events[$0], $0) < (events[$1], $1) }
            kept = order.map { kept[$0] }
            events = order.map { events[$0] }
        }
        self.indicators = kept
        eventOfIndicator = events
        var keptPivots: [EventPivot] = [], pivotEvents: [Int32] = []
        for p in pivots {
            guard let e = position(p.eventID) else { continue }
            keptPivots.append(p)
            pivotEvents.append(Int32(e))
        }
        self.pivots = keptPivots
        eventOfPivot = pivotEvents
    }

    public var isEmpty: Bool { indicators.isEmpty && pivots.isEmpty }
}
