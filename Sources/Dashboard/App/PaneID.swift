/// The dashboard's panes, in focus order.
public enum PaneID: String, CaseIterable, Hashable, Sendable {
    case actors, sectors, timeline, detail

    public var title: String {
        switch self {
        case .actors: return "Actors by nexus"
        case .sectors: return "Sector targeting"
        case .timeline: return "Timeline"
        case .detail: return "Detail"
        }
    }

    /// The digit that jumps to it.
    public var number: Int { PaneID.allCases.firstIndex(of: self)! + 1 }

    public var next: PaneID { PaneID.allCases[(number) % PaneID.allCases.count] }
    public var previous: PaneID { PaneID.allCases[(number + PaneID.allCases.count - 2) % PaneID.allCases.count] }
}
