import ThreatModel
import JSONCore
/// Collects problems against tape nodes while a file is read, then locates them all at once
/// (one pass over the text for line numbers, however many problems there are).
struct ProblemSink {
    let document: JSONDocument
    let file: String
    /// A problem at `node`, or, once `path` is set, located already at byte `offset`: a reader
    /// that lets the tape go as it reads locates its problems first (`locate`).
    private struct Entry {
        var node: Int
        var offset = 0
        var path: String?
        var message: String
        var severity: Problem.Severity
    }
    private var pending: [Entry] = []
    /// Guards against a pathological file producing millions of messages.
    static let limit = 10_000
    private(set) var dropped = 0

    init(document: JSONDocument, file: String) {
        self.document = document
        self.file = file
    }

    mutating func error(_ node: Int, _ message: String) { add(Entry(node: node, message: message, severity: .error)) }
    mutating func warning(_ node: Int, _ message: String) { add(Entry(node: node, message: message, severity: .warning)) }

    /// An error located already: at byte `offset`, under `path` (its nodes may be gone).
    mutating func error(atByte offset: Int, path: [JSONDocument.PathComponent], _ message: String) {
        add(Entry(node: -1, offset: offset, path: JSONDocument.render(path), message: message, severity: .error))
    }

    private mutating func add(_ entry: Entry) {
        guard pending.count < ProblemSink.limit else { dropped += 1; return }
        pending.append(entry)
    }

    var isEmpty: Bool { pending.isEmpty }

    /// How many problems are held so far.
    var count: Int { pending.count }

    /// Locates problems `start`… (at nodes inside container `container`, whose own path is
    /// `prefix`) while their part of the tape is still there: byte offsets, and paths found
    /// from `container` down, which reads no node outside it.
    mutating func locate(from start: Int, under container: Int, prefix: [JSONDocument.PathComponent]) {
        for k in start..<pending.count where pending[k].path == nil {
            pending[k].offset = document.offset(pending[k].node)
            pending[k].path = JSONDocument.render(prefix + document.path(to: pending[k].node, from: container))
        }
    }

    /// Problems `range` of `other` (a sink of the same document that read part of it on
    /// another thread), in order, under this sink's limit.
    mutating func append(_ range: Range<Int>, of other: ProblemSink) {
        for k in range where k < other.pending.count { add(other.pending[k]) }
    }

    /// Counts problems `other` dropped at its own limit as dropped here too.
    mutating func addDropped(of other: ProblemSink) { dropped += other.dropped }

    func problems() -> [Problem] {
        guard !pending.isEmpty else { return [] }
        let positions = document.lineColumns(ofBytes: pending.map { $0.path == nil ? document.offset($0.node) : $0.offset })
        var out: [Problem] = []
        out.reserveCapacity(pending.count + 1)
        for (k, p) in pending.enumerated() {
            out.append(
                Problem(
                    file: file, line: positions[k].line, column: positions[k].column,
                    path: p.path ?? document.renderedPath(to: p.node), message: p.message, severity: p.severity))
        }
        if dropped > 0 {
            out.append(Problem(file: file, line: 1, column: 1, path: "$", message: "\(dropped) more problems not shown", severity: .error))
        }
        return out
    }
}
