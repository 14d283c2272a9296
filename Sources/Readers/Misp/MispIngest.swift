import ThreatModel
import JSONCore
/// Reads MISP galaxy cluster files (`threat-actor.json`, `mitre-intrusion-set.json`) into
/// actor records: country or suspected state sponsor as the stated nexus, synonyms as
/// aliases, CFR target categories and targeted sectors folded onto the sector vocabulary.
struct MispIngest: FormatReader {
    let document: JSONDocument
    let file: String
    private var sink: ProblemSink
    private var result: IngestResult

    init(document: JSONDocument, file: String) {
        self.document = document
        self.file = file
        self.sink = ProblemSink(document: document, file: file)
        self.result = IngestResult(file: file, format: .misp)
    }

    static var format: Provenance.Format { .misp }

    static func recognises(_ input: ReaderInput) -> Bool {
        guard let document = input.document, document.kind(document.root) == .object else { return false }
        let root = document.root
        guard let values = document.member(root, "values"), document.kind(values) == .array else { return false }
        // A STIX bundle that happens to carry a "values" member is still a bundle.
        return document.member(root, "type").flatMap(document.string) != "bundle"
    }

    static func read(_ input: ReaderInput) -> IngestResult {
        guard let document = input.document else { return IngestResult(file: input.file, format: format) }
        return run(document, file: input.file)
    }

    static func run(_ document: JSONDocument, file: String) -> IngestResult {
        var ingest = MispIngest(document: document, file: file)
        ingest.read()
        ingest.result.problems = ingest.sink.problems()
        ingest.result.bytes = document.bytes.count
        return ingest.result
    }

    /// Galaxy types whose clusters are adversaries.
    static let actorGalaxies: Set<String> = ["threat-actor", "mitre-intrusion-set", "intrusion-set", "mitre-enterprise-attack-intrusion-set"]

    private mutating func read() {
        let root = document.root
        guard document.kind(root) == .object, let values = document.member(root, "values") else {
            sink.error(root, "expected a MISP galaxy cluster object with a \"values\" array")
            return
        }
        guard document.kind(values) == .array else {
            sink.error(values, "expected an array of clusters, found \(document.describe(values))")
            return
        }
        if let t = document.member(root, "type").flatMap(document.string), !MispIngest.actorGalaxies.contains(t) {
            sink.warning(document.member(root, "type")!, "MISP galaxy of type \"\(t)\" describes no actors; nothing loaded from it")
            return
        }
        var seen: [String: Int] = [:]
        document.forEachElement(values) { _, cluster in
            guard document.kind(cluster) == .object else {
                sink.error(cluster, "expected a cluster object, found \(document.describe(cluster))")
                return
            }
            readCluster(cluster, seen: &seen)
        }
    }

    private mutating func readCluster(_ node: Int, seen: inout [String: Int]) {
        guard let valueNode = document.member(node, "value") else {
            sink.error(node, "missing member \"value\" (the cluster's name)")
            return
        }
        // Names as the galaxy writes them, less the spaces around (v336: " Stealth Mango and Tangelo ").
        guard let name = document.string(valueNode)?.trimmed, !name.isEmpty else {
            sink.error(valueNode, "expected a non-empty string, found \(document.describe(valueNode))")
            return
        }
        var localID = name
        if let u = document.member(node, "uuid") {
            if let uuid = document.string(u) {
                if let first = seen[uuid] {
                    let (line, column) = document.lineColumn(of: first)
                    sink.error(u, "duplicate uuid \"\(uuid)\" (first used at \(line):\(column))")
                    return
                }
                seen[uuid] = u
                localID = uuid
            } else {
                sink.error(u, "expected a string uuid, found \(document.describe(u))")
            }
        }
        if let actor = MispIngest.actor(fromCluster: node, name: name, localID: localID, document: document, file: file, format: .misp, sink: &sink) {
            result.actors.append(actor)
        }
    }

    /// A cluster's `meta` object, read as lists of strings whatever each key holds.
    struct ClusterMeta {
        let document: JSONDocument
        let node: Int?

        /// The key's strings, trimmed, empty and repeated ones dropped (a string is a list of one).
        func list(_ key: String) -> [String] {
            guard let node, document.kind(node) == .object, let v = document.member(node, key) else { return [] }
            switch document.kind(v) {
            case .string: return document.string(v).map { [$0] } ?? []
            case .array:
                var out: [String] = []
                document.forEachElement(v) { _, e in if let s = document.string(e)?.trimmed, !s.isEmpty, !out.contains(s) { out.append(s) } }
                return out
            default: return []
            }
        }
    }

    /// A galaxy cluster (from a galaxy file or attached to a MISP event) as an actor record:
    /// country or suspected state sponsor as the stated nexus, synonyms as aliases, ATT&CK
    /// ids as catalogue ids, target categories and sectors folded onto the vocabulary.
    static func actor(
        fromCluster node: Int, name rawName: String, localID: String, document: JSONDocument, file: String,
        format: Provenance.Format, sink: inout ProblemSink
    ) -> Actor? {
        var actor = Actor(id: localID, name: rawName)
        if let d = document.member(node, "description").flatMap(document.string), !d.isEmpty { actor.descriptions = [d] }
        let metaNode = document.member(node, "meta")
        if let metaNode, document.kind(metaNode) != .object {
            sink.error(metaNode, "expected an object, found \(document.describe(metaNode))")
        }
        let meta = ClusterMeta(document: document, node: metaNode)
        readNames(meta, into: &actor)
        readNexus(meta, into: &actor, sink: &sink)
        readMotivations(meta, into: &actor)
        readTargets(meta, into: &actor)
        var refs: [Reference] = []
        for url in meta.list("refs").prefix(20) { if let u = Reference.validURL(url) { refs.append(Reference(key: u, title: u, url: u)) } }
        actor.references = refs
        actor.provenance = [Provenance(file: file, format: format, objectID: localID, source: actor.name, reference: refs.first)]
        return actor
    }

    /// ATT&CK ids as catalogue ids ("APT1 - G0006" is APT1), synonyms and attributions as aliases.
    static func readNames(_ meta: ClusterMeta, into actor: inout Actor) {
        if let externalID = meta.list("external_id").first {
            actor.externalIDs.append(externalID)
            if actor.name.hasSuffix(" - " + externalID) { actor.name = String(actor.name.dropLast(externalID.count + 3)) }
        }
        var aliases: [String] = []
        // Each spelling lowercased once: comparing every alias with every earlier one, both
        // lowercased each time, was 20,000 lowercasings for the threat-actor galaxy.
        let name = actor.name.lowercased()
        var seen: Set<String> = [name]
        for s in meta.list("synonyms") + meta.list("name-attribution").map(attributedName) {
            let alias = s.trimmed
            if alias.isEmpty { continue }
            let lower = alias.lowercased()
            if lower == name { continue }
            if MispIngest.looksLikeCatalogueID(alias) {
                if !actor.externalIDs.contains(alias) { actor.externalIDs.append(alias) }
                continue
            }
            if seen.insert(lower).inserted { aliases.append(alias) }
        }
        actor.aliases = aliases
    }

    /// Stated nexus: meta.country (ISO code), else the CFR suspected state sponsor.
    static func readNexus(_ meta: ClusterMeta, into actor: inout Actor, sink: inout ProblemSink) {
        let document = meta.document
        var stated: [String] = []
        if let c = meta.list("country").first, !c.isEmpty {
            if let code = Vocabulary.countryCode(matching: c) {
                stated.append(code)
            } else {
                warn(meta.node, sink: &sink, "country", "unknown country code \"\(c.prefix(40))\"", document: document)
            }
        }
        let sponsors = meta.list("cfr-suspected-state-sponsor").filter { $0.lowercased() != "unknown" }
        for sponsor in sponsors {
            if let code = Vocabulary.countryCode(matching: sponsor) {
                if !stated.contains(code) { stated.append(code) }
            } else {
                warn(meta.node, sink: &sink, "cfr-suspected-state-sponsor", "unknown country \"\(sponsor.prefix(40))\"", document: document)
            }
        }
        if let first = stated.first {
            actor.nexus = .country(first)
            actor.nexusBasis = stated.count > 1 ? .conflict(others: Array(stated.dropFirst())) : .stated
        }
        if !sponsors.isEmpty { actor.type = .state }
    }

    /// Motivations from the CFR type of incident and the free-text motive.
    static func readMotivations(_ meta: ClusterMeta, into actor: inout Actor) {
        var motivations: [Motivation] = []
        func addMotivation(_ m: Motivation) { if !motivations.contains(m) { motivations.append(m) } }
        for incident in meta.list("cfr-type-of-incident") {
            switch incident.lowercased() {
            case "espionage": addMotivation(.espionage)
            case "financial theft": addMotivation(.financial)
            case "sabotage": addMotivation(.destruction)
            case "denial of service": addMotivation(.disruption)
            case "information operations": addMotivation(.influence)
            default: break
            }
        }
        for motive in meta.list("motive") {
            let m = motive.lowercased()
            if m.contains("espionage") { addMotivation(.espionage) }
            if m.contains("financ") || m.contains("cybercrime") { addMotivation(.financial) }
            if m.contains("hacktivis") {
                addMotivation(.ideology)
                if actor.type == .unknown { actor.type = .hacktivist }
            }
            if m.contains("cybercrime"), actor.type == .unknown { actor.type = .ecrime }
        }
        actor.motivations = motivations
    }

    /// Targeted sectors and categories, and suspected victims' countries and regions.
    static func readTargets(_ meta: ClusterMeta, into actor: inout Actor) {
        for raw in meta.list("targeted-sector") + meta.list("cfr-target-category") {
            if let s = Vocabulary.sectorID(matching: raw) {
                if !actor.sectors.contains(s) { actor.sectors.append(s) }
            } else if !actor.unmappedSectors.contains(raw) {
                actor.unmappedSectors.append(raw)
            }
        }
        for victim in meta.list("cfr-suspected-victims") {
            if let code = Vocabulary.countryCode(matching: victim) {
                if !actor.countries.contains(code) { actor.countries.append(code) }
            } else if let region = Vocabulary.regionID(matching: victim) {
                if !actor.regions.contains(region) { actor.regions.append(region) }
            }
            // Organisations named as victims (banks, ministries) are not places; the detail
            // pane shows the description, which names them.
        }
    }

    private static func warn(_ meta: Int?, sink: inout ProblemSink, _ key: String, _ message: String, document: JSONDocument) {
        guard let meta, let v = document.member(meta, key) else { return }
        sink.warning(v, message + "; ignored")
    }

    /// "APT1: Mandiant" → "APT1": what `split(separator: ":", maxSplits: 1).first` gives,
    /// found on the bytes for ASCII text (there a colon is always a Character of its own).
    /// Every name-attribution of the threat-actor galaxy has a colon, and splitting by
    /// Character walked each grapheme by grapheme: 4.5 M of the galaxy's 74 M.
    static func attributedName(_ s: String) -> String {
        let u = s.utf8
        guard u.allSatisfy({ $0 < 0x80 }) else { return String(s.split(separator: ":", maxSplits: 1).first ?? "") }
        // `split` omits empty parts and does not count them as splits: the first part is the
        // first run of non-colons, wherever it starts.
        guard let start = u.firstIndex(where: { $0 != 0x3A }) else { return "" }
        let end = u[start...].firstIndex(of: 0x3A) ?? u.endIndex
        return String(s[start..<end])
    }

    /// ATT&CK group ids (G0125) and similar catalogue numbers are merge keys, not names.
    static func looksLikeCatalogueID(_ s: String) -> Bool {
        let u = Array(s.utf8)
        return u.count == 5 && u[0] == 0x47 && u[1...].allSatisfy { $0 >= 0x30 && $0 <= 0x39 }
    }
}
