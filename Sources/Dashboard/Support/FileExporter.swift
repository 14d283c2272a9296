import TerminalUI
import Reports
import ThreatModel

/// Writes the `e` dialog's and the Navigator key's exports of the current view through the
/// injected file system, atomically.
public struct FileExporter: Exporter {
    public let fileSystem: any FileSystem

    public init(fileSystem: any FileSystem) { self.fileSystem = fileSystem }

    public func write(_ request: ExportRequest, state: AppState) -> Result<String, ExportError> {
        let view = ReportView(dataset: state.dataset, filter: state.filter, comparison: state.comparison, generatedAt: state.now,
                              measure: state.breakdown.measure)
        return Exports.write(request.format, view, to: request.path, fileSystem: fileSystem)
    }
}
