import ThreatModel

/// A problem in a theme or config file: where (file, line, column and the key, as a
/// `Problem.Location` whose pointer is the key) and what is wrong.
public struct SettingsError: Error, Equatable, Sendable, CustomStringConvertible {
    public var location: Problem.Location
    public var message: String

    public init(file: String, line: Int, column: Int, key: String, message: String) {
        location = Problem.Location(file: file, line: line, column: column, pointer: key.isEmpty ? .none : .field(key))
        self.message = message
    }

    public var file: String { location.file }
    public var line: Int { location.line }
    public var column: Int { location.column }
    /// The config or theme key, empty when the problem is not at one.
    public var key: String { location.pointerText }

    /// As a problem of the loaded data, for the same lists and messages.
    public var problem: Problem { Problem(location: location, message: message) }

    public var description: String { problem.description }
}
