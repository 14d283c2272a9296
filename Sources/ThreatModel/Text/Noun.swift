/// What a count counts, singular and plural: every count the tool writes says its unit, and
/// "1 actors" cannot happen because every count goes through `count(_:)`.
public struct Noun: Hashable, Sendable {
    public let singular: String
    public let plural: String

    public init(_ singular: String, plural: String? = nil) {
        self.singular = singular
        self.plural = plural ?? Noun.regularPlural(singular)
    }

    /// The word for `n` of them.
    public func word(_ n: Int) -> String { n == 1 ? singular : plural }

    /// "1 event", "2 events", "1,204 actors", "0 techniques".
    public func count(_ n: Int) -> String { Noun.grouped(n) + " " + word(n) }

    /// "1,234": thousands separated by commas, whatever the locale (figures are quoted).
    public static func grouped(_ n: Int) -> String {
        let s = String(n.magnitude)
        var out = ""
        for (i, ch) in s.enumerated() {
            if i > 0 && (s.count - i) % 3 == 0 { out += "," }
            out.append(ch)
        }
        return (n < 0 ? "-" : "") + out
    }

    /// English plural of a regular noun: "entity" → "entities", "match" → "matches".
    static func regularPlural(_ word: String) -> String {
        let lower = word.lowercased()
        if lower.hasSuffix("y"), let before = lower.dropLast().last, !"aeiou".contains(before) { return String(word.dropLast()) + "ies" }
        if lower.hasSuffix("s") || lower.hasSuffix("x") || lower.hasSuffix("ch") || lower.hasSuffix("sh") { return word + "es" }
        return word + "s"
    }

    public static let event = Noun("event")
    public static let actor = Noun("actor")
    public static let technique = Noun("technique")
    public static let subTechnique = Noun("sub-technique")
    public static let parentTechnique = Noun("parent technique")
    public static let campaign = Noun("campaign")
    public static let finding = Noun("finding")
    public static let report = Noun("report")
    public static let source = Noun("source")
    public static let file = Noun("file")
    public static let record = Noun("record")
    public static let error = Noun("error")
    public static let warning = Noun("warning")
    public static let attribute = Noun("attribute")
    public static let object = Noun("object")
    public static let indicator = Noun("indicator")
    public static let sector = Noun("sector")
    public static let region = Noun("region")
    public static let country = Noun("country")
    public static let tactic = Noun("tactic")
    public static let alias = Noun("alias")
    public static let reference = Noun("reference")
    public static let entity = Noun("entity")
    public static let victim = Noun("victim")
    public static let intrusion = Noun("intrusion")
    public static let match = Noun("match")
    public static let problem = Noun("problem")
    public static let day = Noun("day")
    public static let week = Noun("week")
    public static let month = Noun("month")
    public static let quarter = Noun("quarter")
    public static let year = Noun("year")
    public static let tag = Noun("tag")

    /// Every noun above: the test that looks for "1 <plural>" in what is drawn reads this.
    public static let all: [Noun] = [
        event, actor, technique, subTechnique, parentTechnique, campaign, finding, report, source, file, record, error, warning,
        attribute, object, indicator, sector, region, country, tactic, alias, reference, entity, victim, intrusion, match, problem,
        day, week, month, quarter, year, tag,
    ]
}
