import ThreatModel
import TerminalUI
import Reports
/// Every pane, in focus order (Tab, and the digit keys 1…). One line per pane.
public enum PaneRegistry {
    public static let all: [any Pane.Type] = [
        ActorPane.self,
        SectorPane.self,
        TimelinePane.self,
        DetailPane.self,
        TechniquePane.self,
        EventPane.self,
        IndicatorPane.self,
    ]

    public static func pane(_ id: PaneID) -> (any Pane.Type)? { all.first { $0.id == id } }

    public static var ids: [PaneID] { all.map { $0.id } }

    static func index(of id: PaneID) -> Int { all.firstIndex { $0.id == id } ?? 0 }

    static func next(after id: PaneID) -> PaneID { all[(index(of: id) + 1) % all.count].id }
    static func previous(before id: PaneID) -> PaneID { all[(index(of: id) + all.count - 1) % all.count].id }
}
