/// Something wrong in an input file, located precisely enough to fix it.
public struct Problem: Hashable, Sendable, CustomStringConvertible {
    public enum Severity: String, Hashable, Sendable, Comparable {
        case error, warning

        public static func < (a: Severity, b: Severity) -> Bool { a == .error && b == .warning }
    }

    /// Where in a file: line and column, and what sits there in the file's own terms — a JSON
    /// path for JSON formats, a field name for a config key or a CSV column, or nothing finer.
    public struct Location: Hashable, Sendable, CustomStringConvertible {
        public enum Pointer: Hashable, Sendable {
            /// `$.actors[2].nexus`; `$` for the whole file.
            case json(String)
            /// `kiosk.rotate`, `theme`, a column's name.
            case field(String)
            case none
        }

        public var file: String
        public var line: Int
        public var column: Int
        public var pointer: Pointer

        public init(file: String, line: Int, column: Int, pointer: Pointer = .none) {
            self.file = file
            self.line = line
            self.column = column
            self.pointer = pointer
        }

        /// The path or field name, empty when there is none.
        public var pointerText: String {
            switch pointer {
            case .json(let path): return path
            case .field(let name): return name
            case .none: return ""
            }
        }

        /// `file:line:col`, the shape compilers use, so editors can jump to it.
        public var description: String { "\(file):\(line):\(column)" }
    }

    public var location: Location
    public var message: String
    public var severity: Severity

    public init(location: Location, message: String, severity: Severity = .error) {
        self.location = location
        self.message = message
        self.severity = severity
    }

    /// A problem in a JSON file, at a JSON path.
    public init(file: String, line: Int, column: Int, path: String, message: String, severity: Severity = .error) {
        self.init(location: Location(file: file, line: line, column: column, pointer: .json(path)), message: message, severity: severity)
    }

    public var file: String {
        get { location.file }
        set { location.file = newValue }
    }
    public var line: Int {
        get { location.line }
        set { location.line = newValue }
    }
    public var column: Int {
        get { location.column }
        set { location.column = newValue }
    }
    /// The JSON path (or field name) the problem is at; setting it sets a JSON path.
    public var path: String {
        get { location.pointerText }
        set { location.pointer = .json(newValue) }
    }

    /// `file:line:col: path: message`.
    public var description: String {
        let pointer = location.pointerText
        return "\(location): \(severity == .warning ? "warning: " : "")\(pointer.isEmpty ? "" : pointer + ": ")\(message)"
    }
}
