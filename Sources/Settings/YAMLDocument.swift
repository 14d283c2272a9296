import Yams

/// A YAML file read as nodes that remember their line and column, so every complaint about
/// a theme or config can name the file, the line and the key.
struct YAMLDocument {
    let file: String
    let root: Node?

    init(text: String, file: String) throws(SettingsError) {
        self.file = file
        do {
            // The basic resolver: no tag-guessing regular expressions to compile; values are
            // read as the types each key expects. UTF-8 named, not Yams' default: that reads
            // the whole environment into a dictionary for each document (a third of loading
            // the seven bundled themes, on every start) and prints to standard output when
            // YAMS_DEFAULT_ENCODING is set, which would corrupt a snapshot or an export.
            root = try Yams.compose(yaml: text, .basic, .default, .utf8)
        } catch let error as YamlError {
            throw YAMLDocument.convert(error, file: file)
        } catch {
            throw SettingsError(file: file, line: 1, column: 1, key: "", message: "\(error)")
        }
    }

    static func convert(_ error: YamlError, file: String) -> SettingsError {
        switch error {
        case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _), .composer(let context, let problem, let mark, _):
            let text = context.map { "\($0.text): " } ?? ""
            return SettingsError(file: file, line: mark.line, column: mark.column, key: "", message: "YAML syntax: " + text + problem)
        case .reader(let problem, _, _, _):
            return SettingsError(file: file, line: 1, column: 1, key: "", message: "cannot read YAML: " + problem)
        default:
            return SettingsError(file: file, line: 1, column: 1, key: "", message: "cannot read YAML: \(error)")
        }
    }

    func error(_ node: Node?, key: String, _ message: String) -> SettingsError {
        SettingsError(file: file, line: node?.mark?.line ?? 1, column: node?.mark?.column ?? 1, key: key, message: message)
    }

    /// The pairs of a mapping node, keys as strings; other nodes are an error.
    func mapping(_ node: Node?, key: String) throws(SettingsError) -> [(key: String, keyNode: Node, value: Node)] {
        guard let node else { return [] }
        guard case .mapping(let m) = node else { throw error(node, key: key, "expected a mapping of keys to values") }
        var out: [(String, Node, Node)] = []
        var seen: Set<String> = []
        for (k, v) in m {
            guard let name = k.string else { throw error(k, key: key, "keys must be text") }
            let full = key.isEmpty ? name : key + "." + name
            if !seen.insert(name).inserted { throw error(k, key: full, "duplicate key") }
            out.append((name, k, v))
        }
        return out.map { (key: $0.0, keyNode: $0.1, value: $0.2) }
    }

    func string(_ node: Node, key: String) throws(SettingsError) -> String {
        guard case .scalar(let s) = node else { throw error(node, key: key, "expected a single value") }
        return s.string
    }

    func bool(_ node: Node, key: String) throws(SettingsError) -> Bool {
        guard case .scalar = node, let b = node.bool else { throw error(node, key: key, "expected true or false") }
        return b
    }

    /// A number, read by Swift's own parser: never the C library's strtod, which follows
    /// LC_NUMERIC (under de_DE, "2.5" would read as 2).
    func number(_ node: Node, key: String) throws(SettingsError) -> Double {
        guard case .scalar(let s) = node, let d = Double(s.string.filter { $0 != "_" }), d.isFinite else { throw error(node, key: key, "expected a number") }
        return d
    }

    func strings(_ node: Node, key: String) throws(SettingsError) -> [String] {
        switch node {
        case .scalar(let s): return [s.string]
        case .sequence(let seq):
            var out: [String] = []
            for item in seq { out.append(try string(item, key: key)) }
            return out
        default: throw error(node, key: key, "expected a list of values")
        }
    }
}
