import ThreatModel

/// How an actor's nexus is worded: stated, inferred from a name, disputed, unknown.
public enum NexusText {
    public static func describe(_ a: Actor) -> String {
        switch a.nexusBasis {
        case .stated: return a.nexus == .unknown ? "unknown (stated by the source)" : a.nexus.name + " (stated by a source)"
        case .naming(let word, let family): return a.nexus.name + " (inferred from the name: \"\(word)\", \(family) naming)"
        case .conflict(let others): return "disputed: sources state " + others.map { Nexus.country($0).name }.joined(separator: ", ")
        case .unknown: return "unknown (no source states it and no naming convention applies)"
        }
    }

    /// "stated", "naming", "disputed", "unknown": the basis in one word, for tables.
    public static func basis(_ a: Actor) -> String {
        switch a.nexusBasis {
        case .stated: return "stated"
        case .naming: return "naming"
        case .conflict: return "disputed"
        case .unknown: return "unknown"
        }
    }
}
