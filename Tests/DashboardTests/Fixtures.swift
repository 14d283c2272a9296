import BundledThemes
import Dashboard
import SampleData
import TerminalUI
import TestSupport
import ThreatModel

/// Shared inputs for the dashboard tests: the sample dataset (loaded once) and states.
enum Fixtures {
    static let sample: Dataset = {
        TerminalLocale.ensureUTF8()
        return SampleData.dataset()
    }()

    static let themes: [Theme] = ThemeLoader.load(bundled: BundledThemes.files, user: []).themes

    static func state(_ width: Int, _ height: Int, dataset: Dataset = sample, ascii: Bool = false) -> AppState {
        TerminalLocale.ensureUTF8()
        var s = AppState(dataset: dataset, width: width, height: height, ascii: ascii, themes: themes)
        s.now = 1_790_000_000
        return s
    }

    static func press(_ state: inout AppState, _ keys: Key...) {
        for k in keys { _ = App.update(&state, .key(k)) }
    }

    static func type(_ state: inout AppState, _ text: String) {
        for c in text { _ = App.update(&state, .key(.character(c))) }
    }

    static var snapshotDirectory: String { TestPaths.tests + "/DashboardTests/__Snapshots__" }
}
