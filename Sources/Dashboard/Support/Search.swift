import TerminalUI
import Reports
import ThreatModel

/// Incremental search over actor names and aliases, ATT&CK techniques by id and name, sector
/// and region names, and MISP indicator values (what is typed is refanged): the `/` key.
enum Search {
    struct Match: Equatable {
        var target: Selectable
        var label: String
        var detail: String
    }

    static func matches(_ dataset: Dataset, _ query: String, limit: Int = 200) -> [Match] {
        let q = Vocabulary.fold(query)
        guard !q.isEmpty else { return [] }
        var prefix: [Match] = [], inner: [Match] = []
        for a in dataset.actors {
            var hit: String?
            var atStart = false
            for name in a.allNames {
                let f = Vocabulary.fold(name)
                if f.hasPrefix(q) || f.contains(" " + q) { hit = name; atStart = true; break }
                if hit == nil && f.contains(q) { hit = name }
            }
            guard let name = hit else { continue }
            let detail = (name == a.name ? "" : "alias of " + a.name + " · ") + a.nexus.name + " · actor"
            let m = Match(target: .actor(a.id), label: name, detail: detail)
            if atStart { prefix.append(m) } else { inner.append(m) }
            if prefix.count >= limit { break }
        }
        let upper = query.uppercased().trimmingSpaces
        for t in dataset.techniqueCatalog {
            if t.id.hasPrefix(upper) {
                prefix.append(Match(target: .technique(t.id), label: t.id + " " + t.name, detail: "technique"))
            } else if Vocabulary.fold(t.name).contains(q) {
                inner.append(Match(target: .technique(t.id), label: t.id + " " + t.name, detail: "technique"))
            }
        }
        for s in Vocabulary.sectors where Vocabulary.fold(s.name).contains(q) {
            inner.append(Match(target: .sector(s.id, column: nil), label: s.name, detail: "sector"))
        }
        for r in Vocabulary.regions where Vocabulary.fold(r.name).contains(q) {
            inner.append(Match(target: .region(r.id), label: r.name, detail: "region"))
        }
        inner += indicators(dataset, query, limit: limit)
        return Array((prefix + inner).prefix(limit))
    }

    /// Indicators whose value holds the query, refanged (`evil[.]example` finds `evil.example`).
    static func indicators(_ dataset: Dataset, _ query: String, limit: Int) -> [Match] {
        let q = Defang.refang(query).lowercased()
        guard q.utf8.count >= 2 else { return [] }
        var out: [Match] = []
        for (k, i) in dataset.indicators.enumerated() where i.value.lowercased().contains(q) {
            out.append(Match(target: .indicator(k, value: i.value), label: Defang.value(i.value, type: i.type), detail: i.type + " · indicator"))
            if out.count >= limit { break }
        }
        return out
    }
}
