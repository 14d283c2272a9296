#if canImport(Glibc)
import Glibc
#endif
import ThreatModel
import Loading

/// What an export writes: a Markdown brief, a CSV table, the JSON summary document, a STIX
/// 2.1 bundle or an ATT&CK Navigator layer.
public enum ExportFormat: Hashable, Sendable {
    public enum Table: String, CaseIterable, Sendable {
        case actors, nexus, sectors, timeline, techniques, events, indicators
    }

    case markdown
    case csv(Table)
    case json
    case stix
    case navigator
    /// MISP indicator values in view, one per line, plain: for grep and block lists.
    case iocs

    /// Parses `--format` (and `--table` for CSV, also written `--format csv:TABLE`).
    public init?(format: String, table: String?) {
        let lower = format.lowercased()
        if lower.hasPrefix("csv:") {
            guard table == nil, let t = Table(rawValue: String(lower.dropFirst(4))) else { return nil }
            self = .csv(t)
            return
        }
        switch lower {
        case "md", "markdown", "brief": self = .markdown
        case "csv":
            guard let t = Table(rawValue: (table ?? "actors").lowercased()) else { return nil }
            self = .csv(t)
        case "json": self = .json
        case "stix", "stix2", "stix21": self = .stix
        case "navigator", "layer": self = .navigator
        case "iocs", "ioc": self = .iocs
        default: return nil
        }
    }

    public static let names = "md, csv, csv:TABLE, json, stix, navigator, iocs"

    /// The choices of the `e` dialog, in order.
    public static let dialogChoices: [ExportFormat] = [.markdown] + Table.allCases.map { .csv($0) } + [.json, .stix, .navigator, .iocs]

    public var title: String {
        switch self {
        case .markdown: return "Markdown brief (.md)"
        case .csv(let t): return "CSV: " + t.rawValue + " (.csv)"
        case .json: return "JSON summary (threatdeck-summary@1)"
        case .stix: return "STIX 2.1 bundle"
        case .navigator: return "ATT&CK Navigator layer (4.5)"
        case .iocs: return "Indicators, one per line (.txt)"
        }
    }

    public var fileSuffix: String {
        switch self {
        case .markdown: return "brief.md"
        case .csv(let t): return t.rawValue + ".csv"
        case .json: return "summary.json"
        case .stix: return "stix.json"
        case .navigator: return "layer.json"
        case .iocs: return "iocs.txt"
        }
    }
}

/// An export the app was asked for: format and destination, and whether an existing file
/// there may be replaced (the dialog asks first).
public struct ExportRequest: Equatable, Sendable {
    public var format: ExportFormat
    public var path: String
    public var overwrite: Bool
    public init(format: ExportFormat, path: String, overwrite: Bool = false) {
        self.format = format
        self.path = path
        self.overwrite = overwrite
    }
}

/// Why an export was not written.
public struct ExportError: Error, Sendable, CustomStringConvertible {
    public var description: String
    public init(_ description: String) { self.description = description }
}

/// Exports of a view, and where they go by default.
public enum Exports {
    /// "threatdeck-2026-12-01-1402-brief.md" in the current directory.
    public static func defaultPath(for format: ExportFormat, now: Double) -> String {
        let stamp = now > 0 ? ClockFormat.dateTime(now).replacingOccurrences(" ", "-").replacingOccurrences(":", "") : "export"
        return "threatdeck-" + stamp + "-" + format.fileSuffix
    }

    /// The bytes of an export of `view`. Every string from data passes `ExportText` on the way
    /// (JSON strings, Markdown text, CSV cells); the whole text passes it again, so no terminal
    /// control reaches a file or a pipe whatever a future field forgets.
    public static func render(_ format: ExportFormat, _ view: ReportView) -> Result<[UInt8], ExportError> {
        switch format {
        case .markdown: return .success(Array(ExportText.clean(MarkdownBrief.render(view)).utf8))
        // CSV keeps its CRLF line ends; its cells are cleaned one by one (`CSVExport.cell`).
        case .csv(let t): return .success(Array(CSVExport.render(t, view).utf8))
        case .json: return .success(Array(ExportText.clean(JSONSummary.document(view).render() + "\n").utf8))
        case .stix: return .success(Array(ExportText.clean(StixExport.bundle(view).render() + "\n").utf8))
        case .navigator:
            guard !view.techniques.ranked.isEmpty else { return .failure(ExportError("no technique is used by the actors in view: a layer would be empty")) }
            return .success(Array(ExportText.clean(NavigatorLayer.layer(view).render() + "\n").utf8))
        case .iocs: return .success(Array(ExportText.clean(IndicatorList.render(view)).utf8))
        }
    }

    /// Renders and writes atomically (a temporary file renamed into place): nothing is left
    /// half written when the disk is full or the directory is not writable.
    public static func write(_ format: ExportFormat, _ view: ReportView, to path: String, fileSystem: any FileSystem) -> Result<String, ExportError> {
        switch render(format, view) {
        case .failure(let e): return .failure(e)
        case .success(let bytes):
            do {
                try fileSystem.writeAtomically(path, bytes, mode: 0o644)
                return .success(path)
            } catch {
                return .failure(ExportError(error.message))
            }
        }
    }
}

extension String {
    /// Plain substring replacement without Foundation.
    public func replacingOccurrences(_ target: String, _ replacement: String) -> String {
        guard !target.isEmpty else { return self }
        var out = ""
        var rest = Substring(self)
        while let r = rest.firstRange(of: target) {
            out += rest[..<r.lowerBound] + replacement
            rest = rest[r.upperBound...]
        }
        return out + rest
    }
}
