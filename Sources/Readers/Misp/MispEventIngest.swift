import ThreatModel
import JSONCore

/// Reads MISP core-format events: a single event (`{"Event": …}`), a list of them, a REST
/// `restSearch` response (`{"response": [ … ]}`), or a bare event. Each becomes a dated event:
/// `date` (else `publish_timestamp`) places it, `info` is its summary, `Orgc` its source;
/// galaxy clusters and `misp-galaxy:` tags give actors (joined to galaxy and ATT&CK actors by
/// the identity rules), sectors, countries, regions and ATT&CK techniques; `tlp:` tags its
/// marking. Tags and galaxies no vocabulary knows are kept as labels, never errors.
struct MispEventIngest: FormatReader {
    let document: JSONDocument
    let file: String
    let format: Provenance.Format
    private var sink: ProblemSink
    private var result: IngestResult
    private var actorIndex: [String: Int] = [:]
    private var techniqueIndex: [String: Int] = [:]
    /// Per indicator read: its attribute's byte offset, located once for the whole file.
    private var indicatorOffsets: [Int] = []

    init(document: JSONDocument, file: String, format: Provenance.Format = .mispEvent) {
        self.document = document
        self.file = file
        self.format = format
        self.sink = ProblemSink(document: document, file: file)
        self.result = IngestResult(file: file, format: format)
    }

    static var format: Provenance.Format { .mispEvent }

    static func recognises(_ input: ReaderInput) -> Bool { input.document.map(looksLikeEvents) ?? false }

    /// Events pulled from a MISP feed keep that as their format.
    static func read(_ input: ReaderInput) -> IngestResult {
        guard let document = input.document else { return IngestResult(file: input.file, format: format) }
        return run(document, file: input.file, format: input.label == .mispFeed ? .mispFeed : .mispEvent)
    }

    static func run(_ document: JSONDocument, file: String, format: Provenance.Format = .mispEvent) -> IngestResult {
        var ingest = MispEventIngest(document: document, file: file, format: format)
        ingest.read()
        ingest.result.problems = ingest.sink.problems()
        if !ingest.indicatorOffsets.isEmpty {
            for (k, p) in document.lineColumns(ofBytes: ingest.indicatorOffsets).enumerated() {
                ingest.result.indicators[k].location.line = p.line
                ingest.result.indicators[k].location.column = p.column
            }
        }
        ingest.result.bytes = document.bytes.count
        return ingest.result
    }

    /// The event objects of any of the accepted shapes.
    static func eventNodes(_ document: JSONDocument) -> [Int] {
        let root = document.root
        var out: [Int] = []
        func add(_ node: Int) {
            guard document.kind(node) == .object else { return }
            if let e = document.member(node, "Event"), document.kind(e) == .object {
                out.append(e)
            } else if document.member(node, "info") != nil {
                out.append(node)
            }
        }
        switch document.kind(root) {
        case .array: document.forEachElement(root) { _, e in add(e) }
        case .object:
            if let r = document.member(root, "response") {
                if document.kind(r) == .array { document.forEachElement(r) { _, e in add(e) } } else { add(r) }
            } else {
                add(root)
            }
        default: break
        }
        return out
    }

    /// `[]` or `{"response": []}`: a list of MISP events with none in it (a search with no hits).
    static func isEmptyList(_ document: JSONDocument) -> Bool {
        let root = document.root
        if document.kind(root) == .array { return document.count(root) == 0 }
        guard document.kind(root) == .object, let r = document.member(root, "response"), document.kind(r) == .array else { return false }
        return document.count(r) == 0
    }

    /// True when the document looks like MISP events (for format detection).
    static func looksLikeEvents(_ document: JSONDocument) -> Bool {
        let root = document.root
        if document.kind(root) == .object {
            if let e = document.member(root, "Event"), document.kind(e) == .object { return true }
            if let r = document.member(root, "response") {
                if document.kind(r) == .array {
                    // `{"response": []}`: a REST search that found nothing.
                    if document.count(r) == 0 { return true }
                    var found = false
                    document.forEachElement(r) { k, e in if k == 0, document.kind(e) == .object, document.member(e, "Event") != nil { found = true } }
                    return found
                }
                return false
            }
            return document.member(root, "info") != nil && document.member(root, "Orgc") != nil && document.member(root, "date") != nil
        }
        if document.kind(root) == .array {
            // An empty list is what a MISP search with no hits returns: zero events, no error.
            if document.count(root) == 0 { return true }
            var found = false
            document.forEachElement(root) { k, e in if k == 0, document.kind(e) == .object, document.member(e, "Event") != nil { found = true } }
            return found
        }
        return false
    }

    mutating func read() {
        let events = MispEventIngest.eventNodes(document)
        if events.isEmpty && MispEventIngest.isEmptyList(document) { return }
        if events.isEmpty {
            sink.error(document.root, "no MISP event found: expected {\"Event\": …}, a list of them, or {\"response\": [ … ]}")
            return
        }
        result.events.reserveCapacity(events.count)
        var seen: [String: Int] = [:]
        for node in events { readEvent(node, seen: &seen) }
    }

    /// A string, or a number written as a number (MISP 2.5 without stringified fetches).
    func text(_ node: Int?) -> String? {
        guard let node else { return nil }
        switch document.kind(node) {
        case .string: return document.string(node)
        case .number: return document.double(node).map { $0 == $0.rounded() && abs($0) < 1e15 ? String(Int($0)) : String($0) }
        default: return nil
        }
    }

    mutating func readEvent(_ node: Int, seen: inout [String: Int]) {
        guard let uuidNode = document.member(node, "uuid"), let uuid = text(uuidNode), !uuid.isEmpty else {
            sink.error(node, "missing member \"uuid\"")
            return
        }
        if let first = seen[uuid] {
            let (line, column) = document.lineColumn(of: first)
            sink.error(uuidNode, "duplicate event uuid \"\(uuid)\" (first at \(line):\(column))")
            return
        }
        seen[uuid] = uuidNode
        let info = document.member(node, "info").flatMap { document.stringPrefix($0, maxScalars: 1000) } ?? ""
        if info.isEmpty { sink.warning(document.member(node, "info") ?? node, "event without \"info\": shown as its uuid") }
        guard let day = eventDay(node, uuid: uuid) else { return }
        let orgc = document.member(node, "Orgc").flatMap { document.member($0, "name") }.flatMap(text)
        let reference = Reference(key: "misp:" + uuid, title: info.isEmpty ? uuid : info, publisher: orgc, published: day)
        var event = Event(id: "misp-event--" + uuid.lowercased(), span: DayRange(day), kind: .other, summary: info.isEmpty ? uuid : info)
        var tags = TagCollector(document: document)
        // The event's own tags and galaxies, then its attributes' (also inside objects): an
        // attribute tagged with a technique or an actor says that of the event too, and an
        // attribute marked above the event's TLP raises the event's marking.
        tags.collect(node, eventLevel: true)
        if let list = document.member(node, "Attribute") { document.forEachElement(list) { _, a in tags.collect(a, eventLevel: false) } }
        if let objectList = document.member(node, "Object") {
            document.forEachElement(objectList) { _, o in
                if let list = document.member(o, "Attribute") { document.forEachElement(list) { _, a in tags.collect(a, eventLevel: false) } }
            }
        }
        event.labels = tags.labels
        event.tlp = TLP.highest(tags.tlps)
        for c in tags.clusters { apply(c, to: &event, eventUUID: uuid) }
        event.kind = MispEventIngest.kind(labels: event.labels, summary: info)
        event.contents = contents(node)
        event.provenance = [Provenance(file: file, format: format, objectID: uuid, source: orgc, reference: reference, tlp: event.tlp)]
        var attributes = MispAttributeReader(document: document, file: file, eventID: event.id, org: orgc)
        result.pivots.append(attributes.read(event: node, sink: &sink))
        result.indicators += attributes.indicators
        indicatorOffsets += attributes.offsets
        if let t = text(document.member(node, "timestamp")).flatMap(Double.init), t.isFinite, t > 0, t < 1e12 {
            result.versions[event.id] = Timestamp(seconds: Int64(t))
        }
        result.events.append(event)
    }

    /// When an event happened: its date, else the day it was published; reported when neither.
    mutating func eventDay(_ node: Int, uuid: String) -> Day? {
        var day: Day?
        if let d = document.member(node, "date") {
            if let t = text(d), let parsed = Day(parsing: t) { day = parsed } else { sink.error(d, "invalid date: expected YYYY-MM-DD") }
        }
        if day == nil, let p = text(document.member(node, "publish_timestamp")), let seconds = Double(p), seconds > 0, seconds < 253_402_300_800 {
            day = Day(ordinal: Int(seconds) / 86_400)
        }
        if day == nil { sink.error(node, "event \(uuid) has no usable \"date\" or \"publish_timestamp\"; a timeline cannot place it") }
        return day
    }

    /// What the event holds: attributes, objects, the attributes inside objects.
    func contents(_ node: Int) -> String {
        let attributes = document.member(node, "Attribute").map(document.count) ?? 0
        var objects = 0, objectAttributes = 0
        if let o = document.member(node, "Object") {
            document.forEachElement(o) { _, obj in
                objects += 1
                objectAttributes += document.member(obj, "Attribute").map(document.count) ?? 0
            }
        }
        return
            "\(attributes) attribute\(attributes == 1 ? "" : "s"), \(objects) object\(objects == 1 ? "" : "s") (\(objectAttributes) attribute\(objectAttributes == 1 ? "" : "s") in objects)"
    }

    /// An event's galaxy clusters (from its tags and its galaxies; both may name the same
    /// cluster, kept once by galaxy and value), its TLP tags and its other tags as labels.
    struct TagCollector {
        let document: JSONDocument
        var clusters: [(galaxy: String, value: String, node: Int?)] = []
        var seenClusters: Set<String> = []
        var tlps: [TLP] = []
        var labels: [String] = []

        mutating func add(_ galaxy: String, _ value: String, _ node: Int?) {
            let normal = MispEventIngest.normalGalaxy(galaxy)
            let key = normal + "|" + value.lowercased()
            if seenClusters.insert(key).inserted {
                clusters.append((normal, value, node))
            } else if let node, let k = clusters.firstIndex(where: { $0.galaxy + "|" + $0.value.lowercased() == key }), clusters[k].node == nil {
                clusters[k].node = node
            }
        }

        mutating func collect(_ container: Int, eventLevel: Bool) {
            if let tags = document.member(container, "Tag") {
                document.forEachElement(tags) { _, t in
                    guard let name = document.member(t, "name").flatMap(document.string) else { return }
                    if let tlp = TLP(tag: name) {
                        tlps.append(tlp)
                    } else if let (galaxy, value) = MispEventIngest.galaxyTag(name) {
                        add(galaxy, value, nil)
                    } else if eventLevel && !labels.contains(name) && labels.count < 200 {
                        labels.append(name)
                    }
                }
            }
            if let galaxies = document.member(container, "Galaxy") {
                document.forEachElement(galaxies) { _, g in
                    let galaxyType = document.member(g, "type").flatMap(document.string) ?? ""
                    guard let list = document.member(g, "GalaxyCluster") else { return }
                    document.forEachElement(list) { _, c in
                        guard let value = document.member(c, "value").flatMap(document.string), !value.isEmpty else { return }
                        add(document.member(c, "type").flatMap(document.string) ?? galaxyType, value, c)
                    }
                }
            }
        }
    }

    /// `misp-galaxy:threat-actor="APT1"` → ("threat-actor", "APT1"). Cut on the UTF-8 bytes
    /// (the delimiters are ASCII): every tag of every event of a feed comes through here.
    static func galaxyTag(_ tag: String) -> (String, String)? {
        let u = tag.utf8
        guard u.starts(with: "misp-galaxy:".utf8), let eq = u.firstIndex(of: UInt8(ascii: "=")) else { return nil }
        let galaxyStart = u.index(u.startIndex, offsetBy: 12)
        var start = u.index(after: eq), end = u.endIndex
        if start < end, u[start] == UInt8(ascii: "\"") { start = u.index(after: start) }
        if start < end, u[u.index(before: end)] == UInt8(ascii: "\"") { end = u.index(before: end) }
        guard galaxyStart < eq, start < end else { return nil }
        return (String(tag[galaxyStart..<eq]), String(tag[start..<end]))
    }

    /// Old ATT&CK galaxy names onto today's: mitre-enterprise-attack-attack-pattern → mitre-attack-pattern.
    static func normalGalaxy(_ galaxy: String) -> String {
        var g = galaxy.utf8.contains { ($0 >= 65 && $0 <= 90) || $0 >= 0x80 } ? galaxy.lowercased() : galaxy
        guard g.utf8.starts(with: "mitre-".utf8) else { return g }
        for stage in ["enterprise-attack-", "mobile-attack-", "pre-attack-"] {
            if g.hasPrefix("mitre-" + stage) { g = "mitre-" + String(g.dropFirst(6 + stage.count)) }
        }
        return g
    }

    /// "Phishing - T1566" → ("Phishing", "T1566"); "APT1 - G0006" → ("APT1", "G0006").
    static func splitID(_ value: String) -> (name: String, id: String?) {
        // On the UTF-8 bytes (" - " is ASCII, so the cut is on a scalar boundary): an array
        // of Characters costs a grapheme break per letter of every tag.
        let u = Array(value.utf8)
        guard u.count >= 4 else { return (value, nil) }
        var k = u.count - 3
        while k >= 0 && !(u[k] == 32 && u[k + 1] == 45 && u[k + 2] == 32) { k -= 1 }
        guard k >= 0 else { return (value, nil) }
        let id = String(decoding: u[(k + 3)...], as: UTF8.self).trimmingCharacters
        let first = id.utf8.first
        guard first == 84 || first == 71 || first == 83 || first == 77 else { return (value, nil) }  // T G S M
        return (String(decoding: u[..<k], as: UTF8.self), id)
    }

    mutating func apply(_ cluster: (galaxy: String, value: String, node: Int?), to event: inout Event, eventUUID: String) {
        switch cluster.galaxy {
        case "threat-actor", "mitre-intrusion-set", "intrusion-set", "microsoft-activity-group", "360net", "tidal-groups":
            let (name, gid) = cluster.galaxy == "mitre-intrusion-set" ? MispEventIngest.splitID(cluster.value) : (cluster.value, nil)
            let key = cluster.galaxy + "|" + name.lowercased()
            if actorIndex[key] == nil {
                var actor: Actor?
                if let node = cluster.node {
                    let uuid =
                        document.member(node, "uuid").flatMap(document.string).flatMap { $0.isEmpty ? nil : $0 }
                        ?? document.member(node, "collection_uuid").flatMap(document.string).flatMap { $0.isEmpty ? nil : $0 }
                    actor = MispIngest.actor(
                        fromCluster: node, name: cluster.value, localID: "misp-cluster:" + (uuid ?? key), document: document, file: file,
                        format: format, sink: &sink)
                }
                var a = actor ?? Actor(id: "misp-cluster:" + key, name: name)
                if let gid, !a.externalIDs.contains(gid) { a.externalIDs.append(gid) }
                if a.provenance.isEmpty {
                    a.provenance = [Provenance(file: file, format: format, objectID: eventUUID, source: "tag " + cluster.galaxy + "=\"" + cluster.value + "\"")]
                }
                // Known here only through this event: as marked as the event. (The galaxy's
                // own record of the actor, if loaded, is a separate, unmarked record.)
                a.tlp = event.tlp
                actorIndex[key] = result.actors.count
                result.actors.append(a)
            } else if let k = actorIndex[key], let marked = result.actors[k].tlp {
                // Named by several events: shown wherever the least marked of them is.
                result.actors[k].tlp = event.tlp.map { min($0, marked) }
            }
            let id = result.actors[actorIndex[key]!].id
            if !event.actorIDs.contains(id) { event.actorIDs.append(id) }
        case "sector":
            if let s = Vocabulary.sectorID(matching: cluster.value) {
                if !event.sectors.contains(s) { event.sectors.append(s) }
            } else {
                label(&event, cluster)
            }
        case "country":
            if let c = Vocabulary.countryCode(matching: cluster.value) {
                if !event.countries.contains(c) { event.countries.append(c) }
            } else {
                label(&event, cluster)
            }
        case "region":
            // "154 - Northern Europe": the UN M49 name after the code.
            let name = cluster.value.split(separator: "-", maxSplits: 1).last.map { String($0).trimmingCharacters } ?? cluster.value
            if let r = Vocabulary.regionID(matching: name) ?? Vocabulary.regionID(matching: cluster.value) {
                if !event.regions.contains(r) { event.regions.append(r) }
            } else {
                label(&event, cluster)
            }
        case "mitre-attack-pattern":
            let (name, id) = MispEventIngest.splitID(cluster.value)
            guard let id, TechniqueInfo.isAttackID(id) else { label(&event, cluster); return }
            if !event.techniques.contains(id) { event.techniques.append(id) }
            if techniqueIndex[id] == nil {
                techniqueIndex[id] = result.techniques.count
                // "Phishing: Spearphishing Attachment" (some producers) → the sub-technique's own name.
                let short = name.split(separator: ":").last.map { String($0).trimmingCharacters } ?? name
                result.techniques.append(TechniqueInfo(id: id, name: short))
            }
        default:
            label(&event, cluster)
        }
    }

    func label(_ event: inout Event, _ cluster: (galaxy: String, value: String, node: Int?)) {
        let text = cluster.galaxy + "=" + cluster.value
        if !event.labels.contains(text) && event.labels.count < 200 { event.labels.append(text) }
    }

    /// The kind of activity, from classification tags and words in the summary.
    /// Words that name an event's kind, in the order they are tried, as bytes.
    static let kindWords: [(Event.Kind, [[UInt8]])] =
        ([
            (.ransomware, ["ransom"]), (.phishing, ["phishing", "malspam"]), (.ddos, ["ddos", "denial of service"]),
            (.exploitation, ["exploit", "cve-"]), (.malware, ["malware", "banker", "trojan", "backdoor"]),
        ] as [(Event.Kind, [String])]).map { ($0.0, $0.1.map { Array($0.utf8) }) }

    static func kind(labels: [String], summary: String) -> Event.Kind {
        // ASCII-folded bytes searched directly: String.contains goes through the generic
        // substring searcher, a fifth of the time of opening a 10,000-event feed.
        var text: [UInt8] = []
        text.reserveCapacity(summary.utf8.count + labels.reduce(0) { $0 + $1.utf8.count + 1 })
        for part in labels + [summary] {
            for byte in part.utf8 { text.append(byte >= 65 && byte <= 90 ? byte + 32 : byte) }
            text.append(32)
        }
        for (kind, words) in MispEventIngest.kindWords where words.contains(where: text.containsSubsequence) { return kind }
        return .other
    }
}

extension String {
    /// Without leading and trailing spaces.
    var trimmingCharacters: String {
        var s = Substring(self)
        while s.first == " " { s.removeFirst() }
        while s.last == " " { s.removeLast() }
        return String(s)
    }
}
