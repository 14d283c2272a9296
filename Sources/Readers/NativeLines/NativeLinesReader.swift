import JSONCore
import ThreatModel

extension Provenance.Format {
    /// ThreatDeck's native report as JSON Lines: a header line, then one event per line.
    public static let nativeLines = Provenance.Format("native-lines", label: "native JSON Lines", precedence: 0)
}

/// Reads JSON Lines of native events: line 1 is a ThreatDeck report without its events
/// (`"schema": "threatdeck-report@1"`, report, sources, actors, findings) and every further
/// line is one event object, as in a report's `events` array. A collector can append an event
/// as it sees one, and a line that went wrong costs that event alone: it is reported at its
/// own line and column, and the other lines load.
///
/// The lines are read as the native report they spell (the same rules, the same messages),
/// joined line for line so that every line keeps its number and its columns; a problem in an
/// event is located from the event (`$.kind`), since its line says which event it is.
struct NativeLinesReader: FormatReader {
    static var format: Provenance.Format { .nativeLines }
    static var fileExtensions: [String] { [".jsonl", ".ndjson"] }

    /// Not one JSON text, and a first line that is a native report without events.
    static func recognises(_ input: ReaderInput) -> Bool {
        guard input.document == nil, input.syntaxError != nil else { return false }
        let bytes = input.bytes.copy(0..<min(input.bytes.count, 1 << 20))
        guard let first = lines(bytes).first(where: { !isBlank(bytes[$0]) }),
            let header = try? JSONDocument(parsing: Array(bytes[first])), header.kind(header.root) == .object
        else { return false }
        let schema = header.member(header.root, "schema").flatMap(header.string)
        return schema?.hasPrefix("threatdeck-report@") == true && header.member(header.root, "events") == nil
    }

    static func read(_ input: ReaderInput) -> IngestResult {
        let bytes = input.bytes.copy(0..<input.bytes.count)
        var badLines: [Problem] = []
        let text = joined(bytes, file: input.file, problems: &badLines)
        var result: IngestResult
        do {
            let document = try JSONDocument(parsing: text)
            result = NativeIngest.run(document, file: input.file, evictingTape: true)
        } catch {
            // Only the header line can break the join (every event line parsed on its own).
            result = IngestResult(file: input.file, format: format)
            result.unparsed = true
            result.problems = [
                Problem(
                    file: input.file, line: error.line, column: error.column, path: JSONDocument.render(error.path),
                    message: error.message)
            ]
        }
        result.format = format
        result.bytes = bytes.count
        result.problems = (badLines + result.problems.map(fromTheEvent)).sorted { ($0.line, $0.column) < ($1.line, $1.column) }
        return result
    }

    /// The lines as one native report: the header without its closing brace and with an
    /// `events` array, each event line that parses followed by a comma when another follows,
    /// and a line that does not parse left blank (and reported). Line numbers and columns stay.
    static func joined(_ bytes: [UInt8], file: String, problems: inout [Problem]) -> [UInt8] {
        let all = lines(bytes)
        let header = all.firstIndex { !isBlank(bytes[$0]) }
        // Which lines are events that parse, known before writing: each but the last takes a comma.
        var events: [Int] = []
        for k in all.indices where k != header && !isBlank(bytes[all[k]]) {
            do {
                _ = try JSONDocument(parsing: Array(bytes[all[k]]))
                events.append(k)
            } catch {
                problems.append(
                    Problem(
                        file: file, line: k + 1, column: error.column, path: JSONDocument.render(error.path),
                        message: error.message + " (this line is left out)"))
            }
        }
        let kept = Set(events)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + 16)
        for (k, range) in all.enumerated() {
            let line = bytes[range]
            if k == header, let brace = line.lastIndex(of: UInt8(ascii: "}")) {
                // The header's closing brace becomes the opening of the events array.
                out.append(contentsOf: line[..<brace])
                out.append(contentsOf: Array(#","events": ["#.utf8))
            } else if k == header || kept.contains(k) {
                out.append(contentsOf: line)
                if k != events.last && k != header { out.append(UInt8(ascii: ",")) }
            }
            if range.upperBound < bytes.count { out.append(0x0A) }
        }
        out.append(contentsOf: Array("\n]}".utf8))
        return out
    }

    /// `$.events[12].kind` → `$.kind`: the line already names the event.
    static func fromTheEvent(_ problem: Problem) -> Problem {
        guard problem.path.hasPrefix("$.events["), let close = problem.path.firstIndex(of: "]") else { return problem }
        var p = problem
        p.path = "$" + problem.path[problem.path.index(after: close)...]
        return p
    }

    /// Each line's byte range, without its newline.
    static func lines(_ bytes: [UInt8]) -> [Range<Int>] {
        var out: [Range<Int>] = []
        var start = 0
        for (k, b) in bytes.enumerated() where b == 0x0A {
            out.append(start..<k)
            start = k + 1
        }
        if start < bytes.count { out.append(start..<bytes.count) }
        return out
    }

    static func isBlank(_ line: ArraySlice<UInt8>) -> Bool { line.allSatisfy { $0 == 0x20 || $0 == 0x09 || $0 == 0x0D } }
}
