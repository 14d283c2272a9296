import ThreatModel

/// What one actor's technique figures count, the same in every pane and export. The default
/// figure is `ids.count`: ATT&CK technique ids, sub-techniques included, that the actor uses
/// itself or through a campaign attributed to it ("104 techniques" for APT41 in ATT&CK 17.1).
/// The parts say where it differs from other tools' figures: 82 used directly and 22 only
/// through its campaigns; 80 parent techniques once sub-techniques roll up.
public struct ActorTechniques: Sendable, Equatable {
    /// Every technique id it uses, sorted.
    public var ids: [String]
    /// Those it uses only through campaigns attributed to it.
    public var campaignOnly: [String]

    public init(ids: [String], campaignOnly: [String]) {
        self.ids = ids
        self.campaignOnly = campaignOnly
    }

    /// The actor at `position` in `dataset`.
    public init(_ dataset: Dataset, position: Int) {
        let ok = dataset.actorTechniques.indices.contains(position)
        self.init(ids: ok ? dataset.actorTechniques[position] : [], campaignOnly: ok ? dataset.campaignOnlyTechniques[position] : [])
    }

    public var count: Int { ids.count }
    public var direct: Int { ids.count - campaignOnly.count }
    /// Parent techniques, sub-techniques rolled up into theirs.
    public var parents: Set<String> { Set(ids.map(TechniqueInfo.root)) }
    public var subTechniques: Int { ids.filter { $0.contains(".") }.count }

    /// "104 techniques".
    public var headline: String { Noun.technique.count(count) }

    /// "82 direct, 22 only through campaigns · 80 parent techniques, 62 sub-techniques": the
    /// parts, left out where they add nothing (no campaign part when there is none).
    public var parts: String {
        var out: [String] = []
        if !campaignOnly.isEmpty { out.append(Noun.grouped(direct) + " direct, " + Noun.grouped(campaignOnly.count) + " only through campaigns") }
        if subTechniques > 0 { out.append(Noun.parentTechnique.count(parents.count) + ", " + Noun.subTechnique.count(subTechniques)) }
        return out.joined(separator: " · ")
    }

    /// "104 techniques (82 direct, 22 only through campaigns · 80 parent techniques, 62 sub-techniques)".
    public var summary: String { parts.isEmpty ? headline : headline + " (" + parts + ")" }
}
