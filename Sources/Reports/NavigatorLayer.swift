import ThreatModel
import Analysis

/// The view as an ATT&CK Navigator layer (format 4.5): each technique scored by how many
/// actors in view use it, commented with their names; the domain from the data; a gradient
/// and legend; name and description stating the filter and the sources.
public enum NavigatorLayer {
    public static func layer(_ view: ReportView) -> JSONValue {
        let d = view.dataset
        let u = view.techniques
        let domain = domain(d)
        let filter = view.filter.isEmpty ? "no filter" : view.filter.chips.map(\.label).joined(separator: " ")
        var techniques: [JSONValue] = []
        func entry(_ r: TechniqueUsage.Row, showSubtechniques: Bool) -> JSONValue {
            let names = r.actorPositions.map { d.actors[$0].name }
            var comment = "Used by \(Noun.actor.count(r.count)) in view: " + names.prefix(40).joined(separator: ", ")
            if names.count > 40 { comment += ", …" }
            return .object([
                ("techniqueID", .string(r.techniqueID)), ("score", .int(r.count)), ("comment", .string(comment)),
                ("enabled", .bool(true)), ("showSubtechniques", .bool(showSubtechniques)),
            ])
        }
        for r in u.ranked {
            techniques.append(entry(r, showSubtechniques: !r.subtechniques.isEmpty))
            for s in r.subtechniques { techniques.append(entry(s, showSubtechniques: false)) }
        }
        let maxScore = max(1, u.maxCount)
        let sources = d.files.map(\.path).joined(separator: ", ")
        // One actor's layer says its figure and parts, as every other place does.
        let positions = d.actors.indices.filter { view.selection.actorMask[$0] && !d.actorTechniques[$0].isEmpty }
        let figure = positions.count == 1 ? " " + d.actors[positions[0]].name + ": " + ActorTechniques(d, position: positions[0]).summary + "." : ""
        let description =
            "ThreatDeck: techniques used by \(Format.count(u.actorsWithTechniques)) of the \(Noun.actor.count(u.actorsInView)) in view that have techniques (score: actors using each)."
            + figure + " Filter: \(filter). Sources: \(sources)."
            + (view.generatedAt > 0 ? " Generated " + ClockFormat.dateTime(view.generatedAt) + "." : "")
        return .object([
            ("name", .string(("ThreatDeck · " + filter).prefix(120).description)),
            ("versions", .object([("attack", .string(attackVersion(d))), ("navigator", .string("5.1.0")), ("layer", .string("4.5"))])),
            ("domain", .string(domain)),
            ("description", .string(description)),
            ("sorting", .int(3)),
            (
                "layout",
                .object([
                    ("layout", .string("side")), ("aggregateFunction", .string("max")), ("showID", .bool(true)),
                    ("showName", .bool(true)), ("showAggregateScores", .bool(false)), ("countUnscored", .bool(false)),
                ])
            ),
            ("hideDisabled", .bool(false)),
            ("techniques", .array(techniques)),
            (
                "gradient",
                .object([
                    ("colors", .array([.string("#ffffff"), .string("#ffb366"), .string("#e03c31")])), ("minValue", .int(0)), ("maxValue", .int(maxScore)),
                ])
            ),
            (
                "legendItems",
                .array([
                    .object([("label", .string("used by 1 actor in view")), ("color", .string("#ffe8d1"))]),
                    .object([("label", .string("used by \(Noun.actor.count(maxScore)) in view (the most)")), ("color", .string("#e03c31"))]),
                ])
            ),
            ("showTacticRowBackground", .bool(false)),
            ("tacticRowBackground", .string("#dddddd")),
            ("selectTechniquesAcrossTactics", .bool(true)),
            ("selectSubtechniquesWithParent", .bool(false)),
            ("selectVisibleTechniques", .bool(false)),
        ])
    }

    /// The ATT&CK domain of the data ("ics-attack"), enterprise when it names none.
    static func domain(_ d: Dataset) -> String {
        d.tactics.compactMap(\.domain).first ?? d.techniqueCatalog.compactMap(\.domain).first ?? "enterprise-attack"
    }

    /// The ATT&CK version the layer is for. ThreatDeck does not read a bundle's
    /// x-mitre-collection version, so this is the version of the data it is tested with;
    /// Navigator only uses it to warn when a layer is older than its own data.
    static func attackVersion(_ d: Dataset) -> String { "18" }
}
