/// Event kinds counted together, under a name: one kind (`intrusion`), a list of them, or a
/// named set a finding's population can state. `targeted-intrusion` is the hands-on kinds: an
/// adversary getting into or acting inside a victim's systems (intrusion, exploitation,
/// credential attacks, phishing, malware, data theft, insiders it placed), not ransomware
/// extortion, DDoS, disclosures, publications, sightings or other activity.
public struct EventKindSet: Hashable, Sendable, CustomStringConvertible {
    public let name: String
    public let kinds: Set<Event.Kind>

    public init(name: String, kinds: Set<Event.Kind>) {
        self.name = name
        self.kinds = kinds
    }

    public static let targetedIntrusions = EventKindSet(
        name: "targeted-intrusion", kinds: [.intrusion, .exploitation, .credentialAttack, .phishing, .malware, .dataTheft, .insider])

    /// The named sets, for completion and parsing.
    public static let named: [EventKindSet] = [targetedIntrusions]

    /// "targeted-intrusion", "intrusion", "phishing,malware" (a list of kinds); nil otherwise.
    public static func parse(_ text: String) -> EventKindSet? {
        let wanted = text.lowercased().trimmingSpaces
        if let set = named.first(where: { $0.name == wanted || $0.name + "s" == wanted }) { return set }
        var kinds: Set<Event.Kind> = []
        for part in wanted.split(separator: ",") {
            guard let kind = Event.Kind(rawValue: String(part).trimmingSpaces) else { return nil }
            kinds.insert(kind)
        }
        return kinds.isEmpty ? nil : EventKindSet(name: kinds.map(\.rawValue).sorted().joined(separator: ","), kinds: kinds)
    }

    /// "targeted intrusions", "phishing events": what a count of these events is a count of.
    public var noun: Noun {
        if self == .targetedIntrusions { return Noun("targeted intrusion") }
        if kinds.count == 1, let kind = kinds.first { return Noun(String(kind.rawValue.map { $0 == "-" ? " " : $0 }) + " event") }
        return .event
    }

    public var description: String { name }
}

extension String {
    /// Without leading and trailing spaces, tabs and line breaks.
    var trimmingSpaces: String {
        var s = Substring(self)
        while let f = s.first, f.isWhitespace { s = s.dropFirst() }
        while let l = s.last, l.isWhitespace { s = s.dropLast() }
        return String(s)
    }
}
