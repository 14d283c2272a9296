import TerminalUI
import Reports
import ThreatModel
import Loading

/// Writes the `e` dialog's exports of the current view through the injected file system,
/// atomically, and says whether a file is in the way first.
public struct FileExporter: Exporter {
    public let fileSystem: any FileSystem
    /// For `~/` at the start of a typed path, as a shell would expand it.
    public let home: String?

    public init(fileSystem: any FileSystem, home: String? = nil) {
        self.fileSystem = fileSystem
        self.home = home
    }

    public func write(_ request: ExportRequest, state: AppState) -> Result<String, ExportError> {
        let view = ReportView(
            dataset: state.dataset, filter: state.filter, comparison: state.comparison, generatedAt: state.now,
            measure: state.breakdown.measure)
        return Exports.write(request.format, view, to: path(of: request), fileSystem: fileSystem)
    }

    public func exists(_ request: ExportRequest, state: AppState) -> Bool {
        fileSystem.stamp(path(of: request)) != nil
    }

    /// The request's path with `~/` expanded, as a shell would.
    func path(of request: ExportRequest) -> String {
        ExportPath.resolve(request.path, workingDirectory: "", home: home)
    }
}
