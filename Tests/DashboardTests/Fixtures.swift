#if canImport(Glibc)
import Glibc
#endif
import BundledThemes
import Dashboard
import SampleData
import Settings
import TerminalUI
import TestSupport
import ThreatModel

/// Shared inputs for the dashboard tests: the sample dataset (loaded once) and states,
/// built the way `run` and `snapshot` build them (`AppState.start`).
enum Fixtures {
    static let sample: Dataset = {
        TerminalLocale.ensureUTF8()
        return SampleData.dataset()
    }()

    static let themes: [Theme] = ThemeLoader.load(bundled: BundledThemes.files, user: []).themes

    static let now = 1_790_000_000.0

    static func options(_ width: Int, _ height: Int, dataset: Dataset = sample, ascii: Bool = false) -> StartOptions {
        TerminalLocale.ensureUTF8()
        var o = StartOptions(dataset: dataset, width: width, height: height)
        o.ascii = ascii
        o.themes = themes
        o.now = now
        return o
    }

    static func state(_ width: Int, _ height: Int, dataset: Dataset = sample, ascii: Bool = false) -> AppState {
        AppState.start(options(width, height, dataset: dataset, ascii: ascii))
    }

    static func press(_ state: inout AppState, _ keys: Key...) {
        for k in keys { _ = App.update(&state, .key(k)) }
    }

    static func type(_ state: inout AppState, _ text: String) {
        for c in text { _ = App.update(&state, .key(.character(c))) }
    }

    static var snapshotDirectory: String { TestPaths.tests + "/DashboardTests/__Snapshots__" }
}

/// A terminal twin: scripted input, frames recorded (with whether each was a full repaint).
/// With `blockOnWake`, a scripted `.wake` waits (up to 10 s) until the inbox really has news,
/// as the real terminal's poll() does: for work that finishes on another thread.
final class ScriptedTerminal: TerminalDevice {
    var inputs: [Input]
    var frames: [Buffer] = []
    var fullRepaints: [Bool] = []
    var timeouts: [Double?] = []
    var size: (width: Int, height: Int)
    let blockOnWake: Bool

    init(width: Int, height: Int, inputs: [Input], blockOnWake: Bool = false) {
        size = (width, height)
        self.inputs = inputs
        self.blockOnWake = blockOnWake
    }

    func draw(_ buffer: Buffer, palette: Palette, full: Bool) {
        frames.append(buffer)
        fullRepaints.append(full)
    }

    /// What linear mode said, line by line.
    var said: [String] = []

    func announce(_ lines: [String]) { said += lines }

    /// What `y` put on the clipboard, copy by copy.
    var copied: [String] = []

    func copy(_ text: String) { copied.append(text) }

    func nextInput(timeout: Double?, wakeDescriptor: Int32?) -> Input {
        timeouts.append(timeout)
        if blockOnWake, inputs.first == .wake, let fd = wakeDescriptor {
            var p = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            _ = poll(&p, 1, 10_000)
        }
        return inputs.isEmpty ? .hangup : inputs.removeFirst()
    }
}
