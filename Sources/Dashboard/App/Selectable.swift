import TerminalUI
import Reports
import ThreatModel
import Analysis

/// Something under a cursor: what Enter turns into a filter and the detail pane describes.
public enum Selectable: Hashable, Sendable {
    case nexus(Nexus)
    /// The folded long tail of countries ("Other (31)"): described, not drillable.
    case nexusGroup([Nexus])
    case actor(String)
    case motivation(Motivation?)
    case sector(String, column: Nexus?)
    case region(String)
    case bucket(DayRange, label: String)
    case span(id: String, name: String, range: DayRange)
    case technique(String)
    case event(String)
    /// A MISP indicator: its position in the dataset's indicators, and its value.
    case indicator(Int, value: String)

    /// The filter chips drilling into it adds.
    public var chips: [Filter.Chip] {
        switch self {
        case .nexus(let n): return [.nexus(n)]
        case .nexusGroup: return []
        case .actor(let id): return [.actor(id)]
        case .motivation(let m): return m.map { [.motivation($0)] } ?? []
        case .sector(let s, let column): return [.sector(s)] + (column.map { [.nexus($0)] } ?? [])
        case .region(let r): return [.region(r)]
        case .bucket(let range, _): return [.window(range)]
        case .span(_, _, let range): return [.window(range)]
        case .technique(let t): return [.technique(t)]
        case .event: return []
        // The events that hold the indicator (and so their other indicators): a pivot.
        case .indicator(_, let value): return value.isEmpty ? [] : [.pivot(.ioc(value))]
        }
    }
}
