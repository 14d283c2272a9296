import ThreatModel

/// A MISP pivot: the events that carry a tag, a galaxy cluster, come from an organisation,
/// hold an attribute of a type, or hold an indicator. As a filter chip (`tag:tlp:red`,
/// `galaxy:threat-actor`, `org:CIRCL`, `type:sha256`, `ioc:hxxp://evil[.]example`) it narrows the
/// events, and through them the actors (those with an event in view) and the indicators (those
/// of events in view; a `type:` chip also keeps only indicators of its type).
public enum Pivot: Hashable, Sendable {
    /// A tag on the event or one of its attributes: as written, or a namespace of them
    /// (`tag:tlp` holds for every `tlp:` tag, `tag:misp-galaxy:threat-actor` for every actor tag).
    case tag(String)
    /// A galaxy cluster: `galaxy=value`, the galaxy alone or the cluster's value alone.
    case galaxy(String)
    /// The organisation that created the event (MISP's Orgc).
    case org(String)
    /// An attribute type (`sha256`, `ip-dst`).
    case type(String)
    /// An indicator value, refanged: `hxxp://evil[.]example` finds `http://evil.example`.
    case ioc(String)

    /// The chip's text. An indicator is shown defanged, as everywhere on screen.
    public var label: String {
        switch self {
        case .tag(let t): return "tag:" + t
        case .galaxy(let g): return "galaxy:" + g
        case .org(let o): return "org:" + o
        case .type(let t): return "type:" + t
        case .ioc(let v): return "ioc:" + Defang.value(v, type: "url")
        }
    }

    /// Positions of the events this pivot holds for.
    public func events(in dataset: Dataset) -> Set<Int32> {
        let table = dataset.indicatorTable
        var out: Set<Int32> = []
        switch self {
        case .tag, .galaxy, .org:
            for (k, p) in table.pivots.enumerated() where holds(for: p) { out.insert(table.eventOfPivot[k]) }
        case .type, .ioc:
            for (k, i) in table.indicators.enumerated() where holds(for: i) { out.insert(table.eventOfIndicator[k]) }
        }
        return out
    }

    func holds(for pivot: EventPivot) -> Bool {
        switch self {
        case .tag(let q):
            let query = Pivot.normal(q)
            return pivot.tags.contains { Pivot.tag(Pivot.normal($0), matches: query) }
        case .galaxy(let q):
            let query = Pivot.normal(q)
            return pivot.galaxies.contains { g in
                let cluster = Pivot.normal(g)
                guard cluster != query else { return true }
                let parts = cluster.split(separator: "=", maxSplits: 1)
                return parts.contains { String($0) == query }
            }
        case .org(let q):
            return pivot.org.map { Vocabulary.fold($0) == Vocabulary.fold(q) } ?? false
        case .type, .ioc:
            return false
        }
    }

    /// Whether indicator `i` is of this type or holds this value (false for event-level pivots).
    public func holds(for i: Indicator) -> Bool {
        switch self {
        case .type(let t): return i.type.lowercased() == t.lowercased()
        case .ioc(let v):
            let value = Defang.refang(v).lowercased()
            return i.value.lowercased() == value || i.parts.contains { $0.lowercased() == value }
        default: return false
        }
    }

    /// Lower case, without quotes and surrounding spaces: `misp-galaxy:threat-actor="APT1"` is
    /// typed `misp-galaxy:threat-actor=APT1`.
    static func normal(_ text: String) -> String {
        String(text.lowercased().filter { $0 != "\"" }).trimmingCharacters
    }

    /// A tag as written, or a namespace it lies in (`tlp` holds for `tlp:red`).
    static func tag(_ tag: String, matches query: String) -> Bool {
        guard !query.isEmpty else { return false }
        if tag == query { return true }
        guard tag.hasPrefix(query), let next = tag.dropFirst(query.count).first else { return false }
        return next == ":" || next == "=" || query.hasSuffix(":")
    }
}

extension String {
    fileprivate var trimmingCharacters: String {
        var s = Substring(self)
        while s.first == " " { s.removeFirst() }
        while s.last == " " { s.removeLast() }
        return String(s)
    }
}
