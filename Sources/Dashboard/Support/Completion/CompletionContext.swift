import Analysis
import ThreatModel

/// What completion draws its values from: the loaded data and the settings. The dashboard
/// builds one from its state, `threatdeck complete` from the config and the files named on
/// the command line, the filter parser from the dataset alone.
public struct CompletionContext: Sendable {
    public var dataset: Dataset
    /// Saved view names → their chips (config.yaml `views:`).
    public var views: [String: [String]]
    /// Theme names, bundled and the user's.
    public var themes: [String]
    /// Further named lists from the settings, one per kind that completes from them (a kind
    /// such as `layout` reads `named["layout"]`), so a new kind needs no new field here.
    public var named: [String: [String]]

    public init(dataset: Dataset, views: [String: [String]] = [:], themes: [String] = [], named: [String: [String]] = [:]) {
        self.dataset = dataset
        self.views = views
        self.themes = themes
        self.named = named
    }
}
