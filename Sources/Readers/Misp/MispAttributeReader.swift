import JSONCore
import ThreatModel

/// A MISP event's attributes, its own and its objects', as indicators, and what the event can
/// be pivoted on (its tags and its attributes', its galaxy clusters, its org).
///
/// Hostile input is kept as far as it goes and reported, never fatal: an unknown type is kept
/// as written, an empty value is kept empty, a value over `Indicator.valueLimit` bytes is cut
/// (its length kept), `data` that is not base64 and malformed tags are reported; each problem
/// is at its attribute's or tag's line:col and JSON path. Text is kept raw: the screen and the
/// exports sanitise it.
struct MispAttributeReader {
    let document: JSONDocument
    let file: String
    let eventID: String
    let org: String?
    private(set) var indicators: [Indicator] = []
    /// Per indicator: the byte offset of its attribute, located for the whole file at once.
    private(set) var offsets: [Int] = []
    private var tags: [String] = []
    private var seenTags: Set<String> = []
    private var galaxies: [String] = []
    private var seenGalaxies: Set<String> = []

    init(document: JSONDocument, file: String, eventID: String, org: String?) {
        self.document = document
        self.file = file
        self.eventID = eventID
        self.org = org
    }

    /// Reads event `node`'s attributes; returns the event's pivot.
    mutating func read(event node: Int, sink: inout ProblemSink) -> EventPivot {
        _ = tagNames(node, sink: &sink)
        galaxyClusters(node)
        let list = document.member(node, "Attribute"), objects = document.member(node, "Object")
        let prefix = list != nil || objects != nil ? document.renderedPath(to: node) : "$"
        if let list {
            forEach(list, named: "Attribute", sink: &sink) { k, a, sink in readAttribute(a, path: prefix + ".Attribute[\(k)]", object: nil, sink: &sink) }
        }
        if let objects {
            forEach(objects, named: "Object", sink: &sink) { o, object, sink in
                guard document.kind(object) == .object else { return sink.warning(object, "object is not a JSON object: skipped") }
                let name = document.member(object, "name").flatMap { document.stringPrefix($0, maxScalars: 64) }
                guard let list = document.member(object, "Attribute") else { return }
                forEach(list, named: "Attribute", sink: &sink) { k, a, sink in
                    readAttribute(a, path: prefix + ".Object[\(o)].Attribute[\(k)]", object: name, sink: &sink)
                }
            }
        }
        return EventPivot(eventID: eventID, org: org, tags: tags, galaxies: galaxies)
    }

    /// The elements of list `node`, or a warning when it is not a list.
    private func forEach(_ node: Int, named: String, sink: inout ProblemSink, _ body: (Int, Int, inout ProblemSink) -> Void) {
        guard document.kind(node) == .array else {
            if document.kind(node) != .null { sink.warning(node, "\"\(named)\" is not a list: ignored") }
            return
        }
        document.forEachElement(node) { k, e in body(k, e, &sink) }
    }

    private mutating func readAttribute(_ a: Int, path: String, object: String?, sink: inout ProblemSink) {
        guard document.kind(a) == .object else { return sink.warning(a, "attribute is not a JSON object: skipped") }
        var type = "(none)"
        if let t = document.member(a, "type"), let text = document.stringPrefix(t, maxScalars: 64), !text.isEmpty {
            type = text
            if !MispAttributeTypes.known.contains(text) { sink.warning(t, "unknown attribute type \"\(MispAttributeReader.shown(text))\": kept as written") }
        } else {
            sink.warning(document.member(a, "type") ?? a, "attribute without a \"type\": shown as (none)")
        }
        let category = document.member(a, "category").flatMap { document.stringPrefix($0, maxScalars: 64) } ?? ""
        let (value, length) = readValue(a, sink: &sink)
        if let d = document.member(a, "data") { checkData(d, sink: &sink) }
        var indicator = Indicator(
            type: type, category: category, value: value, length: length, toIDS: MispAttributeReader.flag(document, document.member(a, "to_ids")),
            eventID: eventID, org: org, objectName: object,
            firstSeen: document.member(a, "first_seen").flatMap { document.stringPrefix($0, maxScalars: 40) },
            lastSeen: document.member(a, "last_seen").flatMap { document.stringPrefix($0, maxScalars: 40) },
            tags: tagNames(a, sink: &sink))
        indicator.location = Problem.Location(file: file, line: 0, column: 0, pointer: .json(path))
        indicators.append(indicator)
        offsets.append(document.offset(a))
    }

    /// The value, cut to `Indicator.valueLimit` bytes, and its length in the file.
    private func readValue(_ a: Int, sink: inout ProblemSink) -> (String, Int) {
        guard let node = document.member(a, "value") else {
            sink.warning(a, "attribute without a \"value\": kept empty")
            return ("", 0)
        }
        var text: String, length: Int
        switch document.kind(node) {
        case .string:
            let raw = document.rawStringLength(node)
            if raw <= MispAttributeReader.decodeLimit {
                text = document.string(node) ?? ""
                length = text.utf8.count
            } else {
                // Not decoded whole: its length is counted as written (an escape as its bytes).
                text = document.stringPrefix(node, maxScalars: Indicator.valueLimit) ?? ""
                length = raw
            }
        case .number:
            text = document.double(node).map { $0 == $0.rounded() && abs($0) < 1e15 ? String(Int($0)) : String($0) } ?? ""
            length = text.utf8.count
        default:
            sink.warning(node, "value is \(document.describe(node)), not a string: kept empty")
            return ("", 0)
        }
        if text.isEmpty { sink.warning(node, "empty value") }
        if text.utf8.count > Indicator.valueLimit {
            var cut = Indicator.valueLimit
            let bytes = Array(text.utf8)
            while cut > 0 && bytes[cut] & 0xC0 == 0x80 { cut -= 1 }
            text = String(decoding: bytes[..<cut], as: UTF8.self)
        }
        let kept = text
        length = max(length, kept.utf8.count)
        // A long comment or YARA rule is ordinary (cut for display, its length kept); a value
        // past `decodeLimit` is not, and is reported.
        if length > MispAttributeReader.decodeLimit {
            sink.warning(node, "value of \(Noun.grouped(length)) bytes: the first \(Noun.grouped(kept.utf8.count)) kept")
        }
        return (kept, length)
    }

    /// `data` holds a file (malware-sample, attachment) as base64: anything else is reported.
    private func checkData(_ node: Int, sink: inout ProblemSink) {
        guard document.kind(node) == .string else {
            if document.kind(node) != .null { sink.warning(node, "\"data\" is \(document.describe(node)), not base64 text") }
            return
        }
        guard let text = document.string(node) else { return }
        var offending = 0
        for b in text.utf8 {
            let ok = (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) || (b >= 0x30 && b <= 0x39) || b == 0x2B || b == 0x2F || b == 0x3D
            if !ok && b != 0x0A && b != 0x0D && b != 0x20 { offending += 1 }
        }
        if offending > 0 { sink.warning(node, "\"data\" is not base64 (\(Noun.grouped(offending)) bytes outside its alphabet): not used") }
    }

    /// A holder's tag names (each also noted for the event's pivot); malformed tags reported.
    private mutating func tagNames(_ holder: Int, sink: inout ProblemSink) -> [String] {
        guard let list = document.member(holder, "Tag") else { return [] }
        var out: [String] = []
        forEach(list, named: "Tag", sink: &sink) { _, t, sink in
            guard document.kind(t) == .object else { return sink.warning(t, "tag is \(document.describe(t)), not an object: ignored") }
            guard let n = document.member(t, "name"), document.kind(n) == .string, let name = document.stringPrefix(n, maxScalars: Indicator.tagBytes)
            else { return sink.warning(document.member(t, "name") ?? t, "tag without a \"name\" string: ignored") }
            guard !name.isEmpty else { return sink.warning(n, "empty tag name: ignored") }
            if document.rawStringLength(n) > Indicator.tagBytes, (document.string(n)?.unicodeScalars.count ?? 0) > name.unicodeScalars.count {
                sink.warning(n, "tag name longer than \(Indicator.tagBytes) characters: cut")
            }
            if name.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) {
                sink.warning(n, "tag name holds control characters: shown escaped")
            }
            if out.count < Indicator.tagLimit, !out.contains(name) { out.append(name) }
            if tags.count < EventPivot.limit, seenTags.insert(name).inserted { tags.append(name) }
            if let (galaxy, value) = MispEventIngest.galaxyTag(name) { addGalaxy(galaxy, value) }
        }
        return out
    }

    /// The event's galaxy clusters (its `Galaxy` lists; tags are noted by `tagNames`).
    private mutating func galaxyClusters(_ node: Int) {
        guard let list = document.member(node, "Galaxy"), document.kind(list) == .array else { return }
        document.forEachElement(list) { _, g in
            let galaxyType = document.member(g, "type").flatMap(document.string) ?? ""
            guard let clusters = document.member(g, "GalaxyCluster"), document.kind(clusters) == .array else { return }
            document.forEachElement(clusters) { _, c in
                guard let value = document.member(c, "value").flatMap({ document.stringPrefix($0, maxScalars: 256) }), !value.isEmpty else { return }
                addGalaxy(document.member(c, "type").flatMap(document.string) ?? galaxyType, value)
            }
        }
    }

    private mutating func addGalaxy(_ galaxy: String, _ value: String) {
        let text = MispEventIngest.normalGalaxy(galaxy) + "=" + value
        if galaxies.count < EventPivot.limit, seenGalaxies.insert(text.lowercased()).inserted { galaxies.append(text) }
    }

    /// Values up to this many bytes as written are decoded whole, so their length is exact.
    static let decodeLimit = 1 << 16

    /// MISP's `to_ids`: true, 1, "1" or "true".
    static func flag(_ document: JSONDocument, _ node: Int?) -> Bool {
        guard let node else { return false }
        switch document.kind(node) {
        case .true: return true
        case .number: return document.double(node).map { $0 != 0 } ?? false
        case .string: return ["1", "true", "yes"].contains(document.string(node)?.lowercased() ?? "")
        default: return false
        }
    }

    /// A short, printable form of hostile text for a message.
    static func shown(_ text: String) -> String {
        let cut = text.unicodeScalars.prefix(40).map { $0.value < 0x20 || $0.value == 0x7F ? "?" : String($0) }.joined()
        return text.unicodeScalars.count > 40 ? cut + "…" : cut
    }
}
