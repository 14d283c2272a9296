import Reports
import ThreatModel
import TerminalUI
import Analysis

/// Everything the first frame depends on, from the command line and the config: one value
/// that `run`, `snapshot` and kiosk mode all turn into a state through `AppState.start`, so
/// the live screen and a snapshot of the same options cannot differ.
public struct StartOptions: Sendable {
    public var dataset: Dataset
    public var width: Int
    public var height: Int
    public var ascii = false
    public var themes: [Theme] = [Theme.fallback]
    /// A theme by name; nil: "default" when present, else the first.
    public var themeName: String?
    public var tier: ColorTier = .color256
    public var filter: Filter = .none
    public var focus: PaneID?
    /// Layouts from config.yaml, and the one to start with (nil: chosen by the data).
    public var layouts: [LayoutSpec] = []
    public var layout: String?
    public var zoomed = false
    public var notice: String?
    public var settingsProblems: [Problem] = []
    public var savedViews: [String: [String]] = [:]
    public var now: Double = 0
    public var loadMilliseconds: Double = 0
    public var sourceLabel = ""
    public var kiosk: KioskConfig?
    public var links = false
    /// `--compare`: the baseline to compare the view with.
    public var compare: CompareSpec?
    /// A message for the footer on the first frame (e.g. why the config was ignored).
    public var status: (text: String, role: Role, seconds: Double)?
    /// Linear mode: sentences for screen readers and braille displays instead of a drawn screen.
    public var linear = false
    /// The directory relative export paths are written to, and the home `~` names.
    public var workingDirectory = ""
    public var homeDirectory: String?

    public init(dataset: Dataset, width: Int, height: Int) {
        self.dataset = dataset
        self.width = width
        self.height = height
    }
}

extension AppState {
    /// The first state for `options`.
    public static func start(_ options: StartOptions) -> AppState {
        var state = AppState(
            dataset: options.dataset, width: options.width, height: options.height, ascii: options.ascii,
            themes: options.themes, tier: options.tier)
        if let name = options.themeName, let k = state.themes.firstIndex(where: { $0.name == name }) {
            state.themeIndex = k
        } else {
            state.themeIndex = state.themes.firstIndex { $0.name == "default" } ?? 0
        }
        state.now = options.now
        state.loadedAt = options.now
        state.loadMilliseconds = options.loadMilliseconds
        state.sourceLabel = options.sourceLabel
        state.notice = options.notice
        state.settingsProblems = options.settingsProblems
        state.savedViews = options.savedViews
        state.links = options.links && options.kiosk == nil && !options.linear
        state.linear = options.linear
        state.workingDirectory = options.workingDirectory
        state.homeDirectory = options.homeDirectory
        state.filter = options.filter
        if let spec = options.compare {
            switch Comparison.make(spec, dataset: state.dataset, filter: state.filter) {
            case .success(let c):
                state.comparison = c
                state.filter = c.currentFilter
            case .failure(let reason):
                state.settingsProblems.append(Problem(file: "--compare", line: 1, column: 1, path: "$", message: reason.description))
            }
        }
        state.refresh()
        ActorPane.startOnLargestRow(&state)
        state.layouts = options.layouts
        state.layoutChoice = options.layout
        if let focus = options.focus, PaneRegistry.pane(focus) != nil {
            App.focus(&state, focus)
        } else if options.kiosk == nil, case let first = DataShape.firstFocus(state.selection, dataset: state.dataset), first != state.focus {
            // The data's shape picks the first pane: the events of a pile of MISP events, the
            // profile of a single actor.
            App.focus(&state, first)
        }
        state.zoomed = options.zoomed
        App.syncDetail(&state)
        state.resized()
        if let status = options.status { App.setStatus(&state, status.text, role: status.role, seconds: status.seconds) }
        if let kiosk = options.kiosk { Kiosk.start(&state, config: kiosk, now: options.now) }
        return state
    }
}
