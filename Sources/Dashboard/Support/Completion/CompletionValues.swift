import Reports
import Analysis
import ThreatModel

/// Where each kind's values come from: the vocabulary, the loaded data, the settings.
public enum CompletionValues {
    /// Unknown and disputed, the countries actors in the data come from (most actors first),
    /// then every other country, so a code or name outside the data still resolves honestly.
    @Sendable public static func nexus(_ context: CompletionContext) -> [CompletionValue] {
        var actors: [String: Int] = [:]
        for a in context.dataset.actors { if let code = a.nexus.code { actors[code, default: 0] += 1 } }
        let special = [
            CompletionValue(name: "unknown", detail: "no stated or inferred nexus"),
            CompletionValue(name: "disputed", detail: "sources disagree"),
        ]
        let countries = Vocabulary.countries.map { c -> (CompletionValue, Int) in
            let n = actors[c.code] ?? 0
            let detail = c.code + (n > 0 ? " · " + Format.plural(n, "actor") : "")
            let aliases = c.short == c.name ? [] : [c.short]
            return (CompletionValue(name: c.name, key: c.code, aliases: aliases + Vocabulary.alternativeNames(of: c.code), codes: [c.code], detail: detail), n)
        }
        let sorted = countries.sorted { ($1.1, $0.0.name) < ($0.1, $1.0.name) }
        return special + sorted.map(\.0)
    }

    @Sendable public static func sectors(_ context: CompletionContext) -> [CompletionValue] {
        Vocabulary.sectors.map { vocabularyValue($0) }
    }

    @Sendable public static func regions(_ context: CompletionContext) -> [CompletionValue] {
        Vocabulary.regions.map { vocabularyValue($0) }
    }

    /// An id written into the line, its name and short label found too.
    static func vocabularyValue(_ e: Vocabulary.Entry) -> CompletionValue {
        let names = [e.name, e.short].filter { Vocabulary.fold($0) != Vocabulary.fold(e.id) }
        return CompletionValue(name: e.id, aliases: Array(Set(names)).sorted(), detail: Vocabulary.fold(e.name) == Vocabulary.fold(e.id) ? "" : e.name)
    }

    @Sendable public static func actors(_ context: CompletionContext) -> [CompletionValue] {
        context.dataset.actors.map { a in
            CompletionValue(name: a.name, key: a.id, aliases: a.aliases, codes: [a.id], detail: a.nexus.name)
        }
    }

    @Sendable public static func techniques(_ context: CompletionContext) -> [CompletionValue] {
        context.dataset.techniqueCatalog.map { t in CompletionValue(name: t.id, aliases: [t.name], codes: [t.id], detail: t.name) }
    }

    @Sendable public static func motives(_ context: CompletionContext) -> [CompletionValue] {
        Motivation.allCases.map { CompletionValue(name: $0.rawValue) }
    }

    /// Actor types a population can be stated over (`sponsor:state`: state-sponsored).
    @Sendable public static func sponsors(_ context: CompletionContext) -> [CompletionValue] {
        [ActorType.state, .ecrime, .hacktivist].map { CompletionValue(name: $0.rawValue, aliases: $0 == .state ? ["state-sponsored"] : []) }
    }

    /// Event kinds, and the named sets of them (targeted-intrusion).
    @Sendable public static func kinds(_ context: CompletionContext) -> [CompletionValue] {
        EventKindSet.named.map { CompletionValue(name: $0.name, detail: $0.kinds.map(\.rawValue).sorted().joined(separator: ", ")) }
            + Event.Kind.allCases.map { CompletionValue(name: $0.rawValue) }
    }

    /// The report period's first day and the first event's, as suggestions.
    @Sendable public static func firstDays(_ context: CompletionContext) -> [CompletionValue] {
        days(context).first
    }

    @Sendable public static func lastDays(_ context: CompletionContext) -> [CompletionValue] {
        days(context).last
    }

    @Sendable public static func windows(_ context: CompletionContext) -> [CompletionValue] {
        guard let p = context.dataset.reportPeriod else { return [] }
        return [CompletionValue(name: p.start.description + ".." + p.end.description, detail: "the report period")]
    }

    static func days(_ context: CompletionContext) -> (first: [CompletionValue], last: [CompletionValue]) {
        var first: [CompletionValue] = [], last: [CompletionValue] = []
        if let p = context.dataset.reportPeriod {
            first.append(CompletionValue(name: p.start.description, detail: "report period starts"))
            last.append(CompletionValue(name: p.end.description, detail: "report period ends"))
        }
        let events = context.dataset.events
        if let a = events.map(\.span.start).min(), !first.contains(where: { $0.name == a.description }) {
            first.append(CompletionValue(name: a.description, detail: "first event"))
        }
        if let b = events.map(\.span.end).max(), !last.contains(where: { $0.name == b.description }) {
            last.append(CompletionValue(name: b.description, detail: "last event"))
        }
        return (first, last)
    }

    @Sendable public static func views(_ context: CompletionContext) -> [CompletionValue] {
        context.views.keys.sorted().map { CompletionValue(name: $0, detail: context.views[$0]!.joined(separator: " ")) }
    }

    @Sendable public static func themes(_ context: CompletionContext) -> [CompletionValue] {
        context.themes.map { CompletionValue(name: $0) }
    }

    /// A named list from the settings (`CompletionContext.named`), for kinds added later.
    public static func named(_ key: String) -> @Sendable (CompletionContext) -> [CompletionValue] {
        { context in (context.named[key] ?? []).map { CompletionValue(name: $0) } }
    }
}
