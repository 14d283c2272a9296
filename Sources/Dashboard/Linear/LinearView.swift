import Reports
import Analysis
import ThreatModel

/// What linear mode can say about a state at one moment, compared step to step to find what
/// changed: the focus, the typed line or dialog, the filter, the last message, the data.
struct LinearView: Equatable {
    var focus: PaneID
    var zoomed: Bool
    var overlay: AppState.OverlayKind
    var filter: Filter
    var status: String?
    var loadedAt: Double
    var kioskView: Int?
    var kioskRotations: Int
    var kioskChanges: Int
    var live: [LiveAnnouncement.Mark]

    init(_ state: AppState) {
        focus = state.focus
        zoomed = state.zoomed
        overlay = state.overlay
        filter = state.filter
        status = state.status.flatMap { state.now <= $0.until ? $0.text : nil }
        loadedAt = state.loadedAt
        kioskView = state.kiosk?.viewIndex
        kioskRotations = state.kiosk?.rotations ?? 0
        kioskChanges = state.kiosk?.changes.count ?? 0
        live = LiveAnnouncement.marks(state)
    }

    /// "Overlay kind changed", ignoring what is typed in it (the focus line says that).
    func sameOverlayKind(as other: LinearView) -> Bool {
        switch (overlay, other.overlay) {
        case (.none, .none), (.help, .help), (.problems, .problems), (.search, .search), (.prompt, .prompt), (.export, .export), (.overwrite, .overwrite):
            return true
        default:
            return false
        }
    }
}
