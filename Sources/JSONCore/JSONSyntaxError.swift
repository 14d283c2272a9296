/// Why a byte sequence is not JSON, and where: byte offset, 1-based line:column, JSON path.
public struct JSONSyntaxError: Error, Equatable, Sendable, CustomStringConvertible {
    public let offset: Int
    public let line: Int
    public let column: Int
    public let path: [JSONDocument.PathComponent]
    public let message: String

    public init(offset: Int, line: Int, column: Int, path: [JSONDocument.PathComponent], message: String) {
        self.offset = offset
        self.line = line
        self.column = column
        self.path = path
        self.message = message
    }

    public var description: String {
        "\(line):\(column): \(JSONDocument.render(path)): \(message)"
    }
}
