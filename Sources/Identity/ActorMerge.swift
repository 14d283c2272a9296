import JSONCore
import ThreatModel

extension DatasetBuilder {
    /// Combines records (highest priority first) into one actor.
    static func merge(_ records: [Actor], labels: [String]) -> Actor {
        var actor = records[0]
        actor.aliases = aliases(of: records)
        // Most groups are one record with a few values per list: those are compared with the
        // values kept (a hash reads all of a description of kilobytes, and normalises it), and
        // a list without repeats is kept as it is.
        func union<T: Hashable>(_ values: (Actor) -> [T]) -> [T] {
            var total = 0
            for r in records { total += values(r).count }
            if total <= 16 {
                if records.count == 1 {
                    let only = values(records[0])
                    if only.indices.allSatisfy({ k in !only[..<k].contains(only[k]) }) { return only }
                }
                var out: [T] = []
                for r in records { for v in values(r) where !out.contains(v) { out.append(v) } }
                return out
            }
            var out: [T] = []
            // Sized once: grown from empty, a galaxy cluster's 30 references were hashed
            // again at every doubling.
            var seen = Set<T>(minimumCapacity: total)
            out.reserveCapacity(total)
            for r in records { for v in values(r) where seen.insert(v).inserted { out.append(v) } }
            return out
        }
        actor.motivations = union { $0.motivations }.sorted()
        var claims: [MotivationClaim] = []
        for (k, r) in records.enumerated() {
            for m in r.motivations { claims.append(MotivationClaim(motivation: m, source: labels[k])) }
            for c in r.motivationClaims where !claims.contains(c) { claims.append(c) }
        }
        actor.motivationClaims = claims
        if records.count > 1 {
            var names: [NameClaim] = []
            for (k, r) in records.enumerated() {
                for n in r.allNames where !names.contains(NameClaim(name: n, source: labels[k])) { names.append(NameClaim(name: n, source: labels[k])) }
            }
            actor.nameClaims = names
        }
        actor.sectors = union { $0.sectors }
        actor.unmappedSectors = union { $0.unmappedSectors }
        actor.regions = union { $0.regions }
        actor.countries = union { $0.countries }
        actor.software = union { $0.software }
        actor.externalIDs = union { $0.externalIDs }
        actor.descriptions = union { $0.descriptions }
        actor.provenance = union { $0.provenance }
        actor.references = union { $0.references }
        actor.tlp = TLP.highest(records.map(\.tlp))
        // A technique already kept (same ATT&CK id, or same name in any case) is not repeated.
        var techniques: [Actor.Technique] = []
        var keptIDs: Set<String> = []
        var keptNames: Set<String> = []
        for r in records {
            for t in r.techniques {
                let name = t.name.lowercased()
                if let id = t.attackID, keptIDs.contains(id) { continue }
                guard keptNames.insert(name).inserted else { continue }
                if let id = t.attackID { keptIDs.insert(id) }
                techniques.append(t)
            }
        }
        actor.techniques = techniques
        actor.collective = records.allSatisfy(\.collective)

        let n = nexus(of: records, names: actor.allNames, labels: labels)
        actor.nexusClaims = n.claims
        actor.nexus = n.nexus
        actor.nexusBasis = n.basis
        actor.type = mergedType(records, labels: labels, names: actor.allNames, namingType: n.namingType, reasons: &actor.identity.reasons)
        return actor
    }

    /// The merged actor's type: the first stated, else what its names' conventions imply
    /// (read even when a source states the nexus); conflicting stated types are a reason.
    static func mergedType(_ records: [Actor], labels: [String], names: [String], namingType: ActorType?, reasons: inout [String]) -> ActorType {
        var type = ActorType.unknown
        let explicit = records.map(\.type).filter { $0 != .unknown }
        if let first = explicit.first {
            type = first
        } else if let namingType {
            type = namingType
        } else {
            // A naming convention is read from the names even when a source states the nexus.
            for name in names {
                if let c = Vocabulary.namingConvention(of: name) {
                    switch c.meaning {
                    case .ecrime: type = .ecrime
                    case .hacktivist: type = .hacktivist
                    case .nexus: type = .state
                    default: continue
                    }
                    break
                }
            }
        }
        if Set(explicit).count > 1 {
            reasons.append(
                "type disputed: " + zip(records, labels).filter { $0.0.type != .unknown }.map { $0.0.type.label + " (" + $0.1 + ")" }.joined(separator: ", ")
                    + "; shown as " + type.label)
        }
        return type
    }

    /// "Murky Panda" → "murky-panda".
    static func slug(_ name: String) -> String {
        let lower = name.lowercased()
        return asciiSlug(lower) ?? unicodeSlug(lower)
    }

    /// `slug` of a lowercased name: alphabetic scalars and digits kept, runs of anything else
    /// one dash between them, at most 64 characters.
    static func unicodeSlug(_ lower: String) -> String {
        var out = ""
        var dash = false
        for scalar in lower.unicodeScalars {
            if scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) {
                if dash && !out.isEmpty { out += "-" }
                dash = false
                out.unicodeScalars.append(scalar)
            } else {
                dash = true
            }
        }
        return out.isEmpty ? "actor" : String(out.prefix(64))
    }

    /// `slug` of a lowercased name that is all ASCII, on its bytes: there the alphabetic
    /// scalars are a to z, and each byte kept is one character. The Unicode properties asked
    /// of each scalar were 7,800 instructions a slug, 8 M for a galaxy's thousand actors.
    /// Nil when any byte is not ASCII.
    static func asciiSlug(_ lower: String) -> String? {
        var out: [UInt8] = []
        out.reserveCapacity(min(lower.utf8.count, 64))
        var dash = false
        for b in lower.utf8 {
            guard b < 0x80 else { return nil }
            if (b >= 0x61 && b <= 0x7A) || (b >= 0x30 && b <= 0x39) {
                if dash && !out.isEmpty { out.append(0x2D) }
                dash = false
                out.append(b)
            } else {
                dash = true
            }
        }
        return out.isEmpty ? "actor" : String(decoding: out.prefix(64), as: UTF8.self)
    }
}
