import JSONCore

/// A JSON value to write: exports build one and render it (keys keep their order).
public indirect enum JSONValue: Sendable, Equatable {
    case string(String)
    case int(Int)
    case number(Double)
    case bool(Bool)
    case null
    case array([JSONValue])
    case object([(String, JSONValue)])

    public static func == (a: JSONValue, b: JSONValue) -> Bool { a.render() == b.render() }

    /// An optional string, or null.
    public static func optional(_ s: String?) -> JSONValue { s.map { .string($0) } ?? .null }

    /// Text with two-space indentation (or one line), numbers locale-free.
    public func render(pretty: Bool = true) -> String {
        var out = ""
        write(&out, indent: 0, pretty: pretty)
        return out
    }

    private func write(_ out: inout String, indent: Int, pretty: Bool) {
        let pad = pretty ? String(repeating: "  ", count: indent + 1) : ""
        let close = pretty ? String(repeating: "  ", count: indent) : ""
        let newline = pretty ? "\n" : ""
        switch self {
        // Data text without terminal controls: `jq -r` prints strings raw.
        case .string(let s): out += JSONDocument.quote(ExportText.clean(s))
        case .int(let n): out += String(n)
        case .number(let d):
            if !d.isFinite { out += "null" } else if d == d.rounded() && abs(d) < 1e15 { out += String(Int(d)) } else { out += String(d) }
        case .bool(let b): out += b ? "true" : "false"
        case .null: out += "null"
        case .array(let items):
            if items.isEmpty { out += "[]"; return }
            out += "[" + newline
            for (k, v) in items.enumerated() {
                out += pad
                v.write(&out, indent: indent + 1, pretty: pretty)
                out += (k + 1 < items.count ? "," : "") + newline
            }
            out += close + "]"
        case .object(let members):
            if members.isEmpty { out += "{}"; return }
            out += "{" + newline
            for (k, (key, v)) in members.enumerated() {
                out += pad + JSONDocument.quote(ExportText.clean(key)) + (pretty ? ": " : ":")
                v.write(&out, indent: indent + 1, pretty: pretty)
                out += (k + 1 < members.count ? "," : "") + newline
            }
            out += close + "}"
        }
    }
}
