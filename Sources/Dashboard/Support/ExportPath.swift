/// The whole path an export goes to, as the dialog shows it and the exporter writes it: a
/// relative name in the directory ThreatDeck was started from, `~/` in the home directory.
enum ExportPath {
    static func resolve(_ typed: String, in state: AppState) -> String {
        resolve(typed, workingDirectory: state.workingDirectory, home: state.homeDirectory)
    }

    static func resolve(_ typed: String, workingDirectory: String, home: String?) -> String {
        var path = typed
        if let home, !home.isEmpty, path == "~" || path.hasPrefix("~/") { path = home + path.dropFirst() }
        guard !path.hasPrefix("/"), !workingDirectory.isEmpty else { return path }
        return (workingDirectory.hasSuffix("/") ? workingDirectory : workingDirectory + "/") + path
    }
}
