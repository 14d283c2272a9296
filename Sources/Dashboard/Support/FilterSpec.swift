import TerminalUI
import Reports
import ThreatModel
import Analysis

/// Filter chips written as text, for `--filter` on the command line and the `:` prompt:
/// `nexus:CN`, `sector:technology`, `region:"SE Asia"`, `actor:"Murky Panda"`,
/// `from:2025-04-01`, `to:2026-03-31`, `window:2025-04-01..2026-03-31`, `motive:espionage`, `text:spray`.
/// A value that could mean several things (`nexus:Ch`: China, Chile, Chad or Switzerland) is
/// refused with the list, never settled silently.
public enum FilterSpec {
    public struct ParseError: Error, CustomStringConvertible, Sendable {
        public var description: String
    }

    public static let syntax =
        "nexus:CN|China|unknown|disputed, sector:ID|name, region:ID|name, actor:ID|name|alias, technique:T1566|name, motive:NAME, sponsor:state|ecrime|hacktivist, kind:targeted-intrusion|KIND[,KIND], tag:TAG, galaxy:CLUSTER, org:ORG, type:ATTRIBUTE-TYPE, ioc:VALUE, from:DATE, to:DATE, window:DATE..DATE, text:WORDS; !KIND:VALUE for everything else"

    public static func parse(_ specs: [String], dataset: Dataset) throws(ParseError) -> Filter {
        let context = CompletionContext(dataset: dataset)
        var filter = Filter.none
        var from: Day?, to: Day?
        for written in specs {
            // `!KIND:VALUE`: everything the chip does not hold for.
            let negated = written.hasPrefix("!")
            let spec = negated ? String(written.dropFirst()) : written
            guard let colon = spec.firstIndex(of: ":") else { throw ParseError(description: "filter \"\(written)\": expected KIND:VALUE (\(syntax))") }
            let kind = spec[..<colon].lowercased()
            var value = String(spec[spec.index(after: colon)...])
            if value.count >= 2, value.hasPrefix("\""), value.hasSuffix("\"") { value = String(value.dropFirst().dropLast()) }
            guard !value.isEmpty else { throw ParseError(description: "filter \"\(spec)\": empty value") }
            if negated && ["from", "to", "window", "time"].contains(kind) {
                throw ParseError(description: "filter \"\(written)\": a period cannot be negated; give the window you want instead")
            }
            switch kind {
            case "from", "to":
                guard let d = Day(parsing: value) else { throw ParseError(description: "filter \"\(spec)\": expected a date YYYY-MM-DD") }
                if kind == "from" { from = d } else { to = d }
            default:
                let chip = try chip(kind, value, spec: spec, context: context)
                filter = filter.pushing(negated ? .not(chip) : chip)
            }
        }
        if from != nil || to != nil {
            let start = from ?? Day(year: 1, month: 1, day: 1)!
            let end = to ?? Day(year: 9999, month: 12, day: 31)!
            guard start <= end else { throw ParseError(description: "filter: from \(start) is after to \(end)") }
            filter = filter.pushing(.window(DayRange(start: start, end: end)))
        }
        return filter
    }

    /// The chip one `KIND:VALUE` names.
    static func chip(_ kind: String, _ value: String, spec: String, context: CompletionContext) throws(ParseError) -> Filter.Chip {
        switch kind {
        case "nexus":
            let v = try resolved(value, CompletionValues.nexus(context), spec: spec, unknown: "unknown country \"\(value)\"")
            if v.key == "unknown" { return .nexus(.unknown) }
            if v.key == "disputed" { return .nexus(.disputed) }
            return .nexus(.country(v.key))
        case "sector":
            if let id = Vocabulary.sectorID(matching: value) { return .sector(id) }
            return .sector(try resolved(value, CompletionValues.sectors(context), spec: spec, unknown: "unknown sector \"\(value)\"").key)
        case "region":
            if let id = Vocabulary.regionID(matching: value) { return .region(id) }
            return .region(try resolved(value, CompletionValues.regions(context), spec: spec, unknown: "unknown region \"\(value)\"").key)
        case "actor":
            if let a = context.dataset.actor(value) { return .actor(a.id) }
            let v = try resolved(value, CompletionValues.actors(context), spec: spec, unknown: "no actor named \"\(value)\" in the loaded data")
            return .actor(v.key)
        case "motive", "motivation":
            guard let m = Motivation(rawValue: value.lowercased()) else {
                throw ParseError(description: "filter \"\(spec)\": unknown motivation (one of \(Motivation.allCases.map(\.rawValue).joined(separator: ", ")))")
            }
            return .motivation(m)
        case "window", "time":
            let parts = value.split(separator: ".", omittingEmptySubsequences: true)
            guard parts.count == 2, let a = Day(parsing: String(parts[0])), let b = Day(parsing: String(parts[1])) else {
                throw ParseError(description: "filter \"\(spec)\": expected window:YYYY-MM-DD..YYYY-MM-DD")
            }
            guard a <= b else { throw ParseError(description: "filter \"\(spec)\": the window ends (\(b)) before it starts (\(a))") }
            return .window(DayRange(start: a, end: b))
        case "text":
            return .text(value)
        case "tag": return .pivot(.tag(value))
        case "galaxy": return .pivot(.galaxy(value))
        case "org": return .pivot(.org(value))
        // What is typed may be defanged (copied from a report): the indicator is the real value.
        case "ioc": return .pivot(.ioc(Defang.refang(value)))
        case "type" where ActorType(rawValue: value.lowercased()) == nil:
            // An attribute type; `type:state` stays what it was before MISP pivots: a sponsor.
            return .pivot(.type(value.lowercased()))
        case "sponsor", "type":
            let v = try resolved(
                value, CompletionValues.sponsors(context), spec: spec, unknown: "unknown sponsor \"\(value)\" (one of state, ecrime, hacktivist)")
            guard let t = ActorType(rawValue: v.key) else { throw ParseError(description: "filter \"\(spec)\": unknown sponsor \"\(value)\"") }
            return .sponsor(t)
        case "kind":
            if let set = EventKindSet.parse(value) { return .kind(set) }
            let v = try resolved(value, CompletionValues.kinds(context), spec: spec, unknown: "unknown event kind \"\(value)\"")
            guard let set = EventKindSet.parse(v.key) else { throw ParseError(description: "filter \"\(spec)\": unknown event kind \"\(value)\"") }
            return .kind(set)
        case "technique", "ttp":
            return .technique(try technique(value, spec: spec, context: context))
        default:
            throw ParseError(description: "filter \"\(spec)\": unknown kind \"\(kind)\" (\(syntax))")
        }
    }

    /// A technique id: any ATT&CK id ATT&CK or the data knows, else a name in the data (a
    /// technique before its sub-techniques of the same name), else a prefix naming one alone.
    static func technique(_ value: String, spec: String, context: CompletionContext) throws(ParseError) -> String {
        let upper = value.uppercased()
        if TechniqueInfo.isAttackID(upper) {
            guard context.dataset.technique(upper) != nil || AttackVocabulary.technique(upper) != nil else {
                throw ParseError(description: "filter \"\(spec)\": no technique \(upper) in ATT&CK or in the loaded data")
            }
            return upper
        }
        let folded = Vocabulary.fold(value)
        let hits = context.dataset.techniqueCatalog.filter { Vocabulary.fold($0.name) == folded }
        if let hit = hits.first(where: { !$0.id.contains(".") }) ?? hits.first { return hit.id }
        return try resolved(
            value, CompletionValues.techniques(context), spec: spec,
            unknown: "no technique \"\(value)\" in the loaded data (use an id such as T1566)"
        ).key
    }

    /// The one value `value` names, or an error listing what it could mean.
    static func resolved(_ value: String, _ values: [CompletionValue], spec: String, unknown: String) throws(ParseError) -> CompletionValue {
        switch Completer.resolve(value, in: values) {
        case .one(let v): return v
        case .none: throw ParseError(description: "filter \"\(spec)\": " + unknown)
        case .ambiguous(let list):
            throw ParseError(description: "filter \"\(spec)\": \"\(value)\" could be \(Completer.list(list)); type more of the name, or the code in capitals")
        }
    }
}
