/// Something wrong in an input file, located precisely enough to fix it.
public struct Problem: Hashable, Sendable, CustomStringConvertible {
    public enum Severity: String, Hashable, Sendable, Comparable {
        case error, warning

        public static func < (a: Severity, b: Severity) -> Bool { a == .error && b == .warning }
    }

    public var file: String
    public var line: Int
    public var column: Int
    /// JSON path such as `$.actors[2].nexus`; `$` for the whole file.
    public var path: String
    public var message: String
    public var severity: Severity

    public init(file: String, line: Int, column: Int, path: String, message: String, severity: Severity = .error) {
        self.file = file
        self.line = line
        self.column = column
        self.path = path
        self.message = message
        self.severity = severity
    }

    /// `file:line:col: path: message` — the shape compilers use, so editors can jump to it.
    public var description: String {
        "\(file):\(line):\(column): \(severity == .warning ? "warning: " : "")\(path): \(message)"
    }
}
