import JSONCore
/// Collects problems against tape nodes while a file is read, then locates them all at once
/// (one pass over the text for line numbers, however many problems there are).
struct ProblemSink {
    let document: JSONDocument
    let file: String
    private var pending: [(node: Int, message: String, severity: Problem.Severity)] = []
    /// Guards against a pathological file producing millions of messages.
    static let limit = 10_000
    private(set) var dropped = 0

    init(document: JSONDocument, file: String) {
        self.document = document
        self.file = file
    }

    mutating func error(_ node: Int, _ message: String) { add(node, message, .error) }
    mutating func warning(_ node: Int, _ message: String) { add(node, message, .warning) }

    private mutating func add(_ node: Int, _ message: String, _ severity: Problem.Severity) {
        guard pending.count < ProblemSink.limit else { dropped += 1; return }
        pending.append((node, message, severity))
    }

    var isEmpty: Bool { pending.isEmpty }

    /// How many problems are held so far.
    var count: Int { pending.count }

    /// Problems `range` of `other` (a sink of the same document that read part of it on
    /// another thread), in order, under this sink's limit.
    mutating func append(_ range: Range<Int>, of other: ProblemSink) {
        for k in range where k < other.pending.count { add(other.pending[k].node, other.pending[k].message, other.pending[k].severity) }
    }

    /// Counts problems `other` dropped at its own limit as dropped here too.
    mutating func addDropped(of other: ProblemSink) { dropped += other.dropped }

    func problems() -> [Problem] {
        guard !pending.isEmpty else { return [] }
        let positions = document.lineColumns(ofBytes: pending.map { document.offset($0.node) })
        var out: [Problem] = []
        out.reserveCapacity(pending.count + 1)
        for (k, p) in pending.enumerated() {
            out.append(Problem(file: file, line: positions[k].line, column: positions[k].column,
                               path: document.renderedPath(to: p.node), message: p.message, severity: p.severity))
        }
        if dropped > 0 {
            out.append(Problem(file: file, line: 1, column: 1, path: "$", message: "\(dropped) more problems not shown", severity: .error))
        }
        return out
    }
}
