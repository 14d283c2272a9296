import ThreatModel

/// What the wall's top row says about the data: nothing while it is fresh; a notice while the
/// last good data is still recent but a reload was rejected or a feed fails; STALE only once
/// `stale-after` seconds passed without a good load (as the README says).
enum WallFreshness: Equatable {
    case fresh
    case notice(String)
    case stale(String)

    static func of(_ k: KioskState, now: Double, dataset: Dataset) -> WallFreshness {
        var problems: [String] = []
        if let r = k.rejection { problems.append(r.text + " · last good data kept") }
        for f in dataset.files where f.staleSince != nil {
            if let status = f.status { problems.append(f.path + ": " + status.text(now: now)) }
        }
        let age = now - k.dataAsOf
        if age > k.config.staleAfterSeconds {
            return .stale((["no good load for " + ClockFormat.duration(age)] + problems).joined(separator: " · "))
        }
        return problems.isEmpty ? .fresh : .notice(problems.joined(separator: " · "))
    }
}
