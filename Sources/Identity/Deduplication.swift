import JSONCore
import ThreatModel

extension DatasetBuilder {
    /// Drops older versions of STIX objects that several files (or feeds) carry: for each id,
    /// the result whose version is latest keeps it.
    static func deduplicate(_ input: [IngestResult]) -> [IngestResult] {
        var winner: [String: (result: Int, version: Timestamp)] = [:]
        for r in input.indices {
            for (id, version) in input[r].versions {
                if let w = winner[id], w.version >= version { continue }
                winner[id] = (r, version)
            }
        }
        guard winner.count > 0 else { return input }
        var out = input
        for r in out.indices where !out[r].versions.isEmpty {
            func keep(_ id: String) -> Bool { winner[id].map { $0.result == r } ?? true }
            // Most results hold only latest versions: left untouched, not copied.
            guard
                input[r].actors.contains(where: { !keep($0.id) }) || input[r].campaigns.contains(where: { !keep($0.id) })
                    || input[r].events.contains(where: { !keep($0.id) || ($0.id.hasSuffix("#published") && !keep(String($0.id.dropLast(10)))) })
                    || input[r].findings.contains(where: { !keep($0.id) }) || input[r].reports.contains(where: { !keep($0.id) })
            else { continue }
            out[r].actors.removeAll { !keep($0.id) }
            out[r].campaigns.removeAll { !keep($0.id) }
            out[r].events.removeAll { e in !keep(e.id) || (e.id.hasSuffix("#published") && !keep(String(e.id.dropLast(10)))) }
            out[r].findings.removeAll { !keep($0.id) }
            out[r].reports.removeAll { !keep($0.id) }
        }
        return out
    }

    /// Removes everything marked above `limit`, counting it.
    static func hideAbove(_ limit: TLP, _ result: inout IngestResult, _ hidden: inout HiddenCount) {
        func above(_ t: TLP?) -> Bool { t.map { $0 > limit } ?? false }
        let a = result.actors.count, e = result.events.count, f = result.findings.count, r = result.reports.count, c = result.campaigns.count
        let hiddenActors = Set(result.actors.filter { above($0.tlp) }.map(\.id))
        result.actors.removeAll { above($0.tlp) }
        result.events.removeAll { above($0.tlp) }
        result.findings.removeAll { f in f.provenance.contains { above($0.tlp) } }
        result.reports.removeAll { above($0.tlp) }
        result.campaigns.removeAll { c in c.provenance.contains { above($0.tlp) } }
        result.uses.removeAll { hiddenActors.contains($0.actorID) }
        hidden.actors += a - result.actors.count
        hidden.events += e - result.events.count
        hidden.findings += f - result.findings.count
        hidden.reports += r - result.reports.count
        hidden.other += c - result.campaigns.count
    }

    /// For each result that repeats a higher-priority result's report (same title and
    /// publisher, and period when both give one), the index of that primary result.
    static func findTwins(_ results: [IngestResult]) -> [Int: Int] {
        var out: [Int: Int] = [:]
        // The publisher, or a source the report cites by that name: a STIX conversion is
        // created by whoever converted it and names the original publisher in its references.
        func publishers(_ r: ReportInfo) -> Set<String> {
            Set(([r.publisher] + r.sources.map(\.id) + r.sources.map(\.publisher)).compactMap { $0.map(Vocabulary.fold) }.filter { !$0.isEmpty })
        }
        var seen: [String: [(result: Int, report: ReportInfo)]] = [:]
        let order = results.indices.sorted { (priority(results[$0].format), $0) < (priority(results[$1].format), $1) }
        for r in order {
            for report in results[r].reports where !report.synthetic {
                let title = Vocabulary.fold(report.title)
                let mine = publishers(report)
                if let first = seen[title]?.first(where: { $0.result != r && !publishers($0.report).isDisjoint(with: mine) }) {
                    if let a = first.report.period, let b = report.period, a != b { continue }
                    if out[r] == nil { out[r] = first.result }
                } else {
                    seen[title, default: []].append((r, report))
                }
            }
        }
        return out
    }

    static func activityKey(_ span: DayRange, _ actors: [String]) -> String {
        "\(span.start.ordinal)|\(span.end.ordinal)|" + actors.sorted().joined(separator: ",")
    }

    static func findingKey(_ f: Finding) -> String {
        "finding|\(f.metric.rawValue)|\(f.value)|\(f.qualifier.rawValue)|\(f.subjectNexus?.description ?? "")|\(f.subjectActorID ?? "")|\(f.period?.description ?? "")"
    }
}
