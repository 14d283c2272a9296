import Analysis
import ThreatModel

/// ATT&CK Navigator layers for a chosen set of actors: one layer scoring each technique by
/// how many of the actors use it (which ones in the comment, a legend item per count), or
/// one layer per actor. Counted from the same ids as the one technique figure: direct and
/// through campaigns, sub-techniques as their own ids.
public enum NavigatorActorLayers {
    /// One layer for the actors at `positions`; score: how many of them use each technique.
    public static func combined(_ d: Dataset, positions: [Int], generatedAt: Double = 0) -> JSONValue {
        var users: [String: [Int]] = [:]
        for p in positions { for t in d.actorTechniques[p] { users[t, default: []].append(p) } }
        let names = positions.map { d.actors[$0].name }
        let techniques: [JSONValue] = users.keys.sorted().map { t in
            let who = users[t]!
            let comment =
                "Used by \(who.count) of \(names.count): "
                + who.map { d.actors[$0].name + (d.campaignOnlyTechniques[$0].contains(t) ? " (through a campaign)" : "") }.joined(separator: ", ")
            return .object([
                ("techniqueID", .string(t)), ("score", .int(who.count)), ("comment", .string(comment)), ("enabled", .bool(true)),
                ("showSubtechniques", .bool(!t.contains("."))),
            ])
        }
        let figures = positions.map { d.actors[$0].name + ": " + ActorTechniques(d, position: $0).summary }
        let shared = users.values.filter { $0.count == positions.count }.count
        let description =
            "ThreatDeck: techniques of " + names.joined(separator: ", ") + " (score: how many of these \(names.count) actors use each; \(shared) used by all). "
            + figures.joined(separator: "; ") + ". Sources: " + d.files.map(\.path).joined(separator: ", ") + "."
            + (generatedAt > 0 ? " Generated " + ClockFormat.dateTime(generatedAt) + "." : "")
        let colors = gradient(positions.count)
        let legend: [JSONValue] = (1...max(1, positions.count)).map { k in
            .object([
                ("label", .string(k == positions.count && k > 1 ? "used by all \(k)" : "used by \(k) of \(positions.count)")),
                ("color", .string(colors[k - 1])),
            ])
        }
        return layer(d, name: names.joined(separator: " + "), description: description, techniques: techniques, maxScore: positions.count, legend: legend)
    }

    /// One layer per actor: its techniques scored 1, campaign-only ones commented as such.
    public static func perActor(_ d: Dataset, position p: Int, generatedAt: Double = 0) -> JSONValue {
        let a = d.actors[p]
        let campaignOnly = Set(d.campaignOnlyTechniques[p])
        let techniques: [JSONValue] = d.actorTechniques[p].map { t in
            .object([
                ("techniqueID", .string(t)), ("score", .int(1)), ("comment", .string(campaignOnly.contains(t) ? "only through a campaign" : "used directly")),
                ("enabled", .bool(true)), ("showSubtechniques", .bool(!t.contains("."))),
            ])
        }
        let description =
            "ThreatDeck: " + a.name + ": " + ActorTechniques(d, position: p).summary + ". Sources: " + d.files.map(\.path).joined(separator: ", ") + "."
            + (generatedAt > 0 ? " Generated " + ClockFormat.dateTime(generatedAt) + "." : "")
        let legend: [JSONValue] = [.object([("label", .string("used by " + a.name)), ("color", .string("#e03c31"))])]
        return layer(d, name: a.name, description: description, techniques: techniques, maxScore: 1, legend: legend)
    }

    /// Light to dark, one colour per score from 1 to `n`.
    static func gradient(_ n: Int) -> [String] {
        let stops = ["#ffe8d1", "#ffc58f", "#ffa25c", "#f57f3c", "#e03c31", "#b01e1e", "#801010", "#500808"]
        guard n > 1 else { return ["#e03c31"] }
        return (0..<n).map { k in stops[min(stops.count - 1, k * (stops.count - 1) / (n - 1))] }
    }

    static func layer(_ d: Dataset, name: String, description: String, techniques: [JSONValue], maxScore: Int, legend: [JSONValue]) -> JSONValue {
        return .object([
            ("name", .string(("ThreatDeck · " + name).prefix(120).description)),
            ("versions", .object([("attack", .string(NavigatorLayer.attackVersion(d))), ("navigator", .string("5.1.0")), ("layer", .string("4.5"))])),
            ("domain", .string(NavigatorLayer.domain(d))),
            ("description", .string(description)),
            ("sorting", .int(3)),
            ("layout", .object([("layout", .string("side")), ("aggregateFunction", .string("max")), ("showID", .bool(true)), ("showName", .bool(true))])),
            ("hideDisabled", .bool(false)),
            ("techniques", .array(techniques)),
            (
                "gradient",
                .object([("colors", .array(gradient(max(2, maxScore)).map(JSONValue.string))), ("minValue", .int(0)), ("maxValue", .int(max(1, maxScore)))])
            ),
            ("legendItems", .array(legend)),
            ("selectTechniquesAcrossTactics", .bool(true)),
            ("selectSubtechniquesWithParent", .bool(false)),
        ])
    }
}
