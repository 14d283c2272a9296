import Analysis
import Reports
import ThreatModel

extension CompletionValues {
    /// How many values of one pivot kind completion offers at most (indicators can be many).
    static let pivotLimit = 5_000

    /// Tag names on the loaded MISP events and their attributes, the most used first, and
    /// each namespace (`tlp`, `misp-galaxy:threat-actor`) that holds several.
    @Sendable public static func tags(_ context: CompletionContext) -> [CompletionValue] {
        var counts: [String: Int] = [:]
        for p in context.dataset.indicatorTable.pivots { for t in p.tags { counts[t.replacingOccurrences("\"", ""), default: 0] += 1 } }
        var namespaces: [String: (uses: Int, tags: Int)] = [:]
        for (t, n) in counts {
            guard let cut = t.lastIndex(where: { $0 == ":" || $0 == "=" }) else { continue }
            let space = String(t[..<cut])
            namespaces[space] = ((namespaces[space]?.uses ?? 0) + n, (namespaces[space]?.tags ?? 0) + 1)
        }
        let spaces = namespaces.filter { $0.value.tags > 1 }.mapValues(\.uses)
        return ranked(counts, unit: "event") + ranked(spaces, unit: "event", detail: "namespace")
    }

    /// Galaxy clusters on the loaded MISP events (`threat-actor=STOLEN PENCIL`).
    @Sendable public static func galaxies(_ context: CompletionContext) -> [CompletionValue] {
        var counts: [String: Int] = [:]
        for p in context.dataset.indicatorTable.pivots { for g in p.galaxies { counts[g, default: 0] += 1 } }
        return ranked(counts, unit: "event")
    }

    /// Organisations that created the loaded MISP events.
    @Sendable public static func orgs(_ context: CompletionContext) -> [CompletionValue] {
        var counts: [String: Int] = [:]
        for p in context.dataset.indicatorTable.pivots { if let o = p.org { counts[o, default: 0] += 1 } }
        return ranked(counts, unit: "event")
    }

    /// Attribute types of the loaded indicators, the most common first.
    @Sendable public static func attributeTypes(_ context: CompletionContext) -> [CompletionValue] {
        var counts: [String: Int] = [:]
        for i in context.dataset.indicators { counts[i.type, default: 0] += 1 }
        return ranked(counts, unit: "indicator")
    }

    /// Indicator values (those not cut, not empty), as they are: refanged, so what is typed
    /// defanged is completed and found.
    @Sendable public static func iocs(_ context: CompletionContext) -> [CompletionValue] {
        var seen: Set<String> = [], out: [CompletionValue] = []
        for i in context.dataset.indicators where !i.value.isEmpty && !i.isCut && i.value.utf8.count <= 256 {
            guard out.count < pivotLimit, seen.insert(i.value).inserted else { continue }
            out.append(CompletionValue(name: i.value, aliases: [Defang.value(i.value, type: i.type)], detail: i.type))
        }
        return out
    }

    /// Values by count, most first, then by name; cut at `pivotLimit`.
    static func ranked(_ counts: [String: Int], unit: String, detail: String = "") -> [CompletionValue] {
        let sorted = counts.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.prefix(pivotLimit)
        return sorted.map { CompletionValue(name: $0.key, detail: (detail.isEmpty ? "" : detail + " · ") + Format.plural($0.value, unit)) }
    }
}
