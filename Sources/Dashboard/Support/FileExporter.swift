import TerminalUI
import Reports
import ThreatModel
import Loading

/// Writes the `e` dialog's and the Navigator key's exports of the current view through the
/// injected file system, atomically.
public struct FileExporter: Exporter {
    public let fileSystem: any FileSystem
    /// For `~/` at the start of a typed path, as a shell would expand it.
    public let home: String?

    public init(fileSystem: any FileSystem, home: String? = nil) {
        self.fileSystem = fileSystem
        self.home = home
    }

    public func write(_ request: ExportRequest, state: AppState) -> Result<String, ExportError> {
        let view = ReportView(dataset: state.dataset, filter: state.filter, comparison: state.comparison, generatedAt: state.now,
                              measure: state.breakdown.measure)
        var path = request.path
        if let home, !home.isEmpty, path == "~" || path.hasPrefix("~/") { path = home + path.dropFirst() }
        return Exports.write(request.format, view, to: path, fileSystem: fileSystem)
    }
}
