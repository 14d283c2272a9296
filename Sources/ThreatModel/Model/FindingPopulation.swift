extension Finding {
    /// What a finding's figure is a share or count of, in the parts a recount can rebuild:
    /// who (the actors' sponsorship), what (the kinds of activity), and what is counted
    /// (events, actors or victims). Where and when are the finding's `sector`, `region` and
    /// `period`. A part is nil when the finding does not say it.
    public struct Population: Hashable, Sendable {
        public enum CountedBy: String, CaseIterable, Hashable, Sendable {
            case events, actors, victims
        }

        /// How the parts were known: written out by the source's author, read from the
        /// population's wording, or not at all.
        public enum Basis: String, Hashable, Sendable {
            case stated, inferred, notStated = "not-stated"
        }

        public var sponsorship: ActorType?
        public var activity: EventKindSet?
        public var countedBy: CountedBy?
        public var basis: Basis

        public init(sponsorship: ActorType? = nil, activity: EventKindSet? = nil, countedBy: CountedBy? = nil, basis: Basis) {
            self.sponsorship = sponsorship
            self.activity = activity
            self.countedBy = countedBy
            self.basis = basis
        }

        public static let notStated = Population(basis: .notStated)

        /// The parts a population's wording states unambiguously, and no more: "state-sponsored"
        /// is state sponsorship only when no other sponsor is named; "intrusions" are the
        /// targeted-intrusion kinds; what is counted is the first counted noun ("intrusions
        /// against organisations" counts intrusions). "Attacks" name no kinds: left unstated.
        public static func inferred(from text: String) -> Population {
            let t = " " + text.lowercased().map { $0.isLetter || $0.isNumber ? $0 : " " }.reduce(into: "") { $0.append($1) } + " "
            func has(_ words: [String]) -> Bool { words.contains { t.contains(" " + $0 + " ") } }
            var sponsors: [ActorType] = []
            if has(["state sponsored", "nation state", "state backed", "state linked"]) { sponsors.append(.state) }
            if has(["ecrime", "criminal", "cybercriminal", "cybercrime", "financially motivated"]) { sponsors.append(.ecrime) }
            if has(["hacktivist", "hacktivists"]) { sponsors.append(.hacktivist) }
            var population = Population(sponsorship: sponsors.count == 1 ? sponsors[0] : nil, basis: .inferred)
            if has(["intrusion", "intrusions", "targeted intrusion", "targeted intrusions", "breach", "breaches"]) {
                population.activity = .targetedIntrusions
            }
            // The first counted noun says what is counted.
            let nouns: [(words: [String], counted: CountedBy)] = [
                (["intrusion", "intrusions", "attack", "attacks", "incident", "incidents", "breach", "breaches", "operation", "operations"], .events),
                (["actor", "actors", "group", "groups", "adversary", "adversaries"], .actors),
                (
                    ["victim", "victims", "entity", "entities", "organisation", "organisations", "organization", "organizations", "company", "companies"],
                    .victims
                ),
            ]
            let words = t.split(separator: " ").map(String.init)
            let counted = words.lazy.compactMap { w in nouns.first { $0.words.contains(w) }?.counted }.first
            population.countedBy = counted
            if population.sponsorship == nil && population.activity == nil && population.countedBy == nil { return .notStated }
            return population
        }
    }
}
