import ThreatModel

extension App {
    /// Uses layout `name` (nil: the one the data's shape picks) and says so in the footer.
    static func chooseLayout(_ state: inout AppState, _ name: String?) {
        state.layoutChoice = name
        state.resized()
        let size = SizeClass.of(width: state.width, height: state.height)
        let used = state.layout(for: size).name
        var text = "layout: " + (name == nil ? "by data (\(used))" : used)
        if let name, name != used { text = "layout \(name) is not for \(size.rawValue) terminals (\(size.range)): \(used) is used" }
        setStatus(&state, text, seconds: 4)
    }

    /// `L`: the next layout that fits this size, after "by data".
    static func nextLayout(_ state: inout AppState) {
        let size = SizeClass.of(width: state.width, height: state.height)
        guard size != .compact else {
            setStatus(&state, "one pane at a time below 100×24: Tab or a digit shows another", seconds: 4)
            return
        }
        let names: [String?] = [nil] + (BuiltinLayouts.all + state.layouts).filter { $0.fits(size) }.map(\.name)
        let k = names.firstIndex(of: state.layoutChoice) ?? 0
        chooseLayout(&state, names[(k + 1) % names.count])
    }
}

extension AppState {
    /// Every layout's name: built-in ones, then the config's.
    public var layoutNames: [String] { (BuiltinLayouts.all + layouts).map(\.name) }
}
