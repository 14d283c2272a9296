import Reports
import ThreatModel
import TerminalUI
import Analysis

/// The whole state of the dashboard. Only `App.update` changes it (every property is
/// read-only outside this module); `Screen` draws it; `AppState.start` builds the first one.
public struct AppState: Sendable {
    public enum OverlayKind: Equatable, Sendable {
        case none
        case help(scroll: Int)
        case problems(scroll: Int)
        case search(query: String, selected: Int)
        /// The `:` line: filters and saved views typed with completion.
        case prompt(text: String, message: String?)
        /// The `e` dialog: format and file name.
        case export(format: Int, path: String, message: String?)
        /// The export's file exists: overwrite it (y) or go back to the dialog (n, Esc).
        case overwrite(ExportRequest, path: String)
    }

    public enum SortOrder: String, Sendable, CaseIterable {
        case count, name
    }

    /// A transient message in the footer.
    public struct Status: Equatable, Sendable {
        public var text: String
        public var role: Role
        public var until: Double
    }

    // Data
    public internal(set) var dataset: Dataset
    public internal(set) var filter: Filter = .none
    public internal(set) var loadedAt: Double = 0
    public internal(set) var loadMilliseconds: Double = 0
    /// Set while a reload runs on the worker (keys are answered meanwhile).
    public internal(set) var reloadingSince: Double?
    public internal(set) var sourceLabel: String = ""
    /// Problems with settings (config file, themes), listed with the data's in `p`.
    public internal(set) var settingsProblems: [Problem] = []
    /// Saved views from the config: name → filter chips as typed.
    public internal(set) var savedViews: [String: [String]] = [:]
    /// The baseline period when comparing (`c`, `--compare`), and its selection.
    public internal(set) var comparison: Comparison?

    // Screen
    public internal(set) var width: Int
    public internal(set) var height: Int
    public internal(set) var focus: PaneID = ActorPane.id
    /// The pane focused before the detail pane, for Esc.
    public internal(set) var previousFocus: PaneID = ActorPane.id
    /// Per place of a layout ("timeline|events"), the pane shown there last: they take turns.
    public internal(set) var placeChoices: [String: PaneID] = [:]
    /// What each pane has to show at its current width, refreshed with the data and size.
    public internal(set) var paneDemands: [PaneID: PaneDemand] = [:]
    /// What the data in view mostly is: it picks the built-in layout.
    public internal(set) var shape: DataShape = .actors
    /// Layouts from config.yaml, and the one chosen (`L`, `:layout NAME`, a saved view); nil: by data.
    public internal(set) var layouts: [LayoutSpec] = []
    public internal(set) var layoutChoice: String?
    public internal(set) var zoomed = false
    /// The cursor of the zoomed pane when it was zoomed: the zoomed list starts there.
    public internal(set) var zoomAnchor: Int?
    public internal(set) var overlay: OverlayKind = .none
    public internal(set) var ascii: Bool
    public internal(set) var themes: [Theme]
    public internal(set) var themeIndex: Int = 0
    public internal(set) var tier: ColorTier = .color256
    public internal(set) var now: Double = 0
    public internal(set) var status: Status?
    /// A standing warning shown in the header, e.g. TLS verification switched off.
    public internal(set) var notice: String?
    /// OSC 8 hyperlinks for URLs (off in kiosk and with --no-links).
    public internal(set) var links = false
    /// Linear mode (`--linear`): the screen is read as sentences, for screen readers and braille.
    public internal(set) var linear = false
    /// Where relative export paths go, and `~`: the export dialog shows the whole path.
    public internal(set) var workingDirectory = ""
    public internal(set) var homeDirectory: String?

    // Typing
    public internal(set) var searchHistory = TypedHistory()
    public internal(set) var promptHistory = TypedHistory()
    /// The last `/` search, stepped through with n and N.
    public internal(set) var lastSearch: SearchSteps?

    // Panes
    public internal(set) var paneStates = PaneStates()
    /// What the detail pane describes: the cursor item of the last list pane used.
    public internal(set) var detailSubject: Selectable?

    public internal(set) var kiosk: KioskState?

    // Derived from dataset + filter + measures; refreshed by `refresh()`.
    public internal(set) var selection: Selection
    public internal(set) var breakdown: ActorBreakdown
    public internal(set) var matrix: SectorMatrix
    public internal(set) var techniques: TechniqueUsage

    /// A state whose derived parts are still empty: `start` refreshes it once its options are set.
    init(dataset: Dataset, width: Int, height: Int, ascii: Bool, themes: [Theme], tier: ColorTier) {
        self.dataset = dataset
        self.width = max(0, width)
        self.height = max(0, height)
        self.ascii = ascii
        self.themes = themes.isEmpty ? [Theme.fallback] : themes
        self.tier = tier
        // Empty until `start` has set the filter and refreshes: derived here as well, every
        // aggregate of a cold open was derived three times (a third of ATT&CK's first frame).
        selection = Filter.none.apply(to: .empty)
        breakdown = ActorBreakdown.compute(.empty, selection: selection)
        matrix = SectorMatrix.compute(.empty, selection: selection)
        techniques = .empty
    }

    public var theme: Theme { themes[min(max(0, themeIndex), themes.count - 1)] }
    public var glyphs: GlyphSet { GlyphSet.forMode(ascii: ascii) }
    public var palette: Palette { Palette(theme: theme, tier: tier) }

    /// Recomputes the aggregates after the dataset, filter or a measure changed, lets every
    /// pane derive what it shows, and keeps cursors inside their lists.
    mutating func refresh() {
        selection = filter.apply(to: dataset)
        breakdown = ActorBreakdown.compute(dataset, selection: selection, measure: ActorPane.state(self).measure)
        let columns = matrixColumns
        matrix = SectorMatrix.compute(dataset, selection: selection, measure: SectorPane.state(self).measure, maxColumns: columns)
        SectorPane.modify(&self) { $0.columns = columns }
        techniques = TechniqueUsage.compute(dataset, selection: selection)
        if let c = comparison { comparison = c.recomputed(dataset, current: filter) }
        shape = DataShape.of(selection, dataset: dataset)
        // A view of one actor is that actor's profile in the detail pane.
        if shape == .profile, let only = selection.actorIDs.first { detailSubject = .actor(only) }
        deriveAndMeasure()
        if detailSubject == nil || !subjectStillExists() { detailSubject = ActorPane.currentItem(self) }
    }

    /// After a resize: only what depends on the size is derived again.
    mutating func resized() {
        deriveAndMeasure()
    }

    /// Lets every pane derive what it shows and measure what it has to show; when the
    /// measures move a pane's width, once more, so each pane derives for the width it gets.
    /// Measures that still move a width on the second pass are kept as they are, and every
    /// pane derives once more for the widths they give, without measuring again: a pane never
    /// draws what it derived for another width.
    mutating func deriveAndMeasure() {
        for _ in 0..<2 {
            deriveForWidths()
            let before = PaneRegistry.ids.map { FrameLayout.area(of: $0, in: self).width }
            var demands: [PaneID: PaneDemand] = [:]
            for pane in PaneRegistry.all { demands[pane.id] = pane.demand(self) }
            let changed = demands != paneDemands
            paneDemands = demands
            let after = PaneRegistry.ids.map { FrameLayout.area(of: $0, in: self).width }
            if !changed || before == after { return }
        }
        deriveForWidths()
    }

    /// Every pane's derived parts for the widths the current measures give.
    private mutating func deriveForWidths() {
        // The sector matrix's nexus columns follow its pane's width.
        let columns = matrixColumns
        if columns != SectorPane.state(self).columns {
            matrix = SectorMatrix.compute(dataset, selection: selection, measure: SectorPane.state(self).measure, maxColumns: columns)
            SectorPane.modify(&self) { $0.columns = columns }
        }
        for pane in PaneRegistry.all {
            pane.derive(&self)
            pane.clamp(&self)
        }
    }

    /// The layout for a size class: the chosen one when it fits, else the built-in one
    /// for the data's shape.
    public func layout(for size: SizeClass) -> LayoutSpec {
        if let name = layoutChoice, let spec = (layouts + BuiltinLayouts.all).first(where: { $0.name == name && $0.fits(size) }) { return spec }
        return BuiltinLayouts.layout(shape, size)
    }

    private func subjectStillExists() -> Bool {
        switch detailSubject {
        case .actor(let id): return dataset.actor(id) != nil
        case .indicator(let k, let value): return dataset.indicators.indices.contains(k) && dataset.indicators[k].value == value
        default: return true
        }
    }

    /// How many nexus columns the sector matrix gets at this width (the rest fold into Other).
    /// The width is the one it is drawn at: with another pane focused it can be narrower than
    /// where it would be focused (a focused empty pane keeps a place that would fold), and a
    /// matrix made for the wider place drew its totals over the pane's border. A change of
    /// focus derives again.
    var matrixColumns: Int {
        let pane = FrameLayout.compute(self).panes[SectorPane.id]?.width ?? FrameLayout.area(of: SectorPane.id, in: self).width
        return max(3, min(10, (pane - 3 - 20 - 6) / 6))
    }

    /// The problems found while loading and in the settings, errors first.
    public var problems: [Problem] {
        (settingsProblems + dataset.problems).sorted { ($0.severity, $0.file, $0.line) < ($1.severity, $1.file, $1.line) }
    }

    /// The state of pane `P` (for tests and the CLI).
    public func paneState<P: Pane>(_ pane: P.Type) -> P.State { P.state(self) }

    /// Where `pane`'s list starts when zoomed (its cursor at the moment of zooming), else nil.
    func scrollAnchor(_ pane: PaneID) -> Int? { zoomed && focus == pane ? zoomAnchor : nil }
}
