import TerminalUI
import Reports
import ThreatModel
import Analysis

/// Filter chips written as text, for `--filter` on the command line:
/// `nexus:CN`, `sector:technology`, `region:"SE Asia"`, `actor:"Murky Panda"`,
/// `from:2025-04-01`, `to:2026-03-31`, `window:2025-04-01..2026-03-31`, `motive:espionage`, `text:spray`.
public enum FilterSpec {
    public struct ParseError: Error, CustomStringConvertible, Sendable {
        public var description: String
    }

    public static let syntax =
        "nexus:CN|China|unknown|disputed, sector:ID|name, region:ID|name, actor:ID|name|alias, technique:T1566|name, motive:NAME, sponsor:state|ecrime|hacktivist, kind:targeted-intrusion|KIND[,KIND], from:DATE, to:DATE, window:DATE..DATE, text:WORDS; !KIND:VALUE for everything else"

    public static func parse(_ specs: [String], dataset: Dataset) throws(ParseError) -> Filter {
        var filter = Filter.none
        var from: Day?, to: Day?
        for written in specs {
            // `!KIND:VALUE`: everything the chip does not hold for.
            let negated = written.hasPrefix("!")
            let spec = negated ? String(written.dropFirst()) : written
            guard let colon = spec.firstIndex(of: ":") else { throw ParseError(description: "filter \"\(written)\": expected KIND:VALUE (\(syntax))") }
            if negated {
                let kind = spec[..<colon].lowercased()
                guard !["from", "to", "window", "time"].contains(kind) else {
                    throw ParseError(description: "filter \"\(written)\": a period cannot be negated; give the window you want instead")
                }
                let inner = try parse([spec], dataset: dataset)
                for chip in inner.chips { filter = filter.pushing(.not(chip)) }
                continue
            }
            let kind = spec[..<colon].lowercased()
            var value = String(spec[spec.index(after: colon)...])
            if value.count >= 2, value.hasPrefix("\""), value.hasSuffix("\"") { value = String(value.dropFirst().dropLast()) }
            guard !value.isEmpty else { throw ParseError(description: "filter \"\(spec)\": empty value") }
            switch kind {
            case "nexus":
                if value.lowercased() == "unknown" { filter = filter.pushing(.nexus(.unknown)); continue }
                if value.lowercased() == "disputed" { filter = filter.pushing(.nexus(.disputed)); continue }
                guard let code = Vocabulary.countryCode(matching: value) else {
                    throw ParseError(description: "filter \"\(spec)\": unknown country \"\(value)\"")
                }
                filter = filter.pushing(.nexus(.country(code)))
            case "sector":
                guard let id = Vocabulary.sectorID(matching: value) else { throw ParseError(description: "filter \"\(spec)\": unknown sector \"\(value)\"") }
                filter = filter.pushing(.sector(id))
            case "region":
                guard let id = Vocabulary.regionID(matching: value) else { throw ParseError(description: "filter \"\(spec)\": unknown region \"\(value)\"") }
                filter = filter.pushing(.region(id))
            case "actor":
                guard let actor = dataset.actor(named: value) else {
                    throw ParseError(description: "filter \"\(spec)\": no actor named \"\(value)\" in the loaded data")
                }
                filter = filter.pushing(.actor(actor.id))
            case "motive", "motivation":
                guard let m = Motivation(rawValue: value.lowercased()) else {
                    throw ParseError(
                        description: "filter \"\(spec)\": unknown motivation (one of \(Motivation.allCases.map(\.rawValue).joined(separator: ", ")))")
                }
                filter = filter.pushing(.motivation(m))
            case "from", "to":
                guard let d = Day(parsing: value) else { throw ParseError(description: "filter \"\(spec)\": expected a date YYYY-MM-DD") }
                if kind == "from" { from = d } else { to = d }
            case "window", "time":
                let parts = value.split(separator: ".", omittingEmptySubsequences: true)
                guard parts.count == 2, let a = Day(parsing: String(parts[0])), let b = Day(parsing: String(parts[1])) else {
                    throw ParseError(description: "filter \"\(spec)\": expected window:YYYY-MM-DD..YYYY-MM-DD")
                }
                guard a <= b else { throw ParseError(description: "filter \"\(spec)\": the window ends (\(b)) before it starts (\(a))") }
                filter = filter.pushing(.window(DayRange(start: a, end: b)))
            case "text":
                filter = filter.pushing(.text(value))
            case "sponsor", "type":
                guard let t = ActorType(rawValue: value.lowercased()), t != .unknown else {
                    throw ParseError(description: "filter \"\(spec)\": unknown sponsor \"\(value)\" (one of state, ecrime, hacktivist)")
                }
                filter = filter.pushing(.sponsor(t))
            case "kind":
                guard let set = EventKindSet.parse(value) else {
                    let names = EventKindSet.named.map(\.name) + Event.Kind.allCases.map(\.rawValue)
                    throw ParseError(description: "filter \"\(spec)\": unknown event kind \"\(value)\" (one of \(names.joined(separator: ", ")))")
                }
                filter = filter.pushing(.kind(set))
            case "technique", "ttp":
                let upper = value.uppercased()
                if TechniqueInfo.isAttackID(upper) {
                    guard dataset.technique(upper) != nil || AttackVocabulary.technique(upper) != nil else {
                        throw ParseError(description: "filter \"\(spec)\": no technique \(upper) in ATT&CK or in the loaded data")
                    }
                    filter = filter.pushing(.technique(upper))
                } else {
                    let folded = Vocabulary.fold(value)
                    let hits = dataset.techniqueCatalog.filter { Vocabulary.fold($0.name) == folded }
                    guard let hit = hits.first(where: { !$0.id.contains(".") }) ?? hits.first else {
                        throw ParseError(description: "filter \"\(spec)\": no technique \"\(value)\" in the loaded data (use an id such as T1566)")
                    }
                    filter = filter.pushing(.technique(hit.id))
                }
            default:
                throw ParseError(description: "filter \"\(spec)\": unknown kind \"\(kind)\" (\(syntax))")
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
}
