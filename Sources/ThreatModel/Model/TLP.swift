/// Traffic Light Protocol markings (TLP 2.0 names; TLP 1.0's WHITE reads as CLEAR), in
/// order of restriction, so `--max-tlp green` hides amber, amber+strict and red.
public enum TLP: String, CaseIterable, Comparable, Hashable, Sendable {
    case clear, green, amber, amberStrict = "amber+strict", red

    public static func < (a: TLP, b: TLP) -> Bool { a.rank < b.rank }

    package var rank: Int { TLP.allCases.firstIndex(of: self)! }

    /// "TLP:AMBER+STRICT".
    public var label: String { "TLP:" + rawValue.uppercased() }

    /// Reads a tag or option: `tlp:amber`, `TLP:AMBER+STRICT`, `white` (TLP 1.0), `clear`.
    public init?(tag: String) {
        // On ASCII-folded bytes, rejecting long tags first: every tag of a feed is asked.
        let u = tag.utf8
        var start = u.startIndex, end = u.endIndex
        while start < end, u[start] == 32 { start = u.index(after: start) }
        while start < end, u[u.index(before: end)] == 32 { end = u.index(before: end) }
        let count = u.distance(from: start, to: end)
        guard count >= 3, count <= 16 else { return nil }
        var t: [UInt8] = []
        t.reserveCapacity(count)
        // No other letter lowercases into these words' ASCII letters.
        for b in u[start..<end] {
            guard b < 0x80 else { return nil }
            t.append(b >= 65 && b <= 90 ? b + 32 : b)
        }
        if t.starts(with: "tlp:".utf8) || t.starts(with: "tlp ".utf8) { t.removeFirst(4) }
        switch String(decoding: t, as: UTF8.self) {
        case "clear", "white": self = .clear
        case "green": self = .green
        case "amber": self = .amber
        case "amber+strict", "amber strict": self = .amberStrict
        case "red": self = .red
        default: return nil
        }
    }

    /// The STIX 2.1 marking-definition ids of TLP 1.0 (spec §7.2.1.4) and TLP 2.0 (the OASIS
    /// extension-definition--60a3c5c5-0d10-413e-aab3-9e08dde9e88d markings).
    public static let stixMarkings: [String: TLP] = [
        "marking-definition--613f2e26-407d-48c7-9eca-b8e91df99dc9": .clear,
        "marking-definition--34098fce-860f-48ae-8e50-ebd3cc5e41da": .green,
        "marking-definition--f88d31f6-486f-44da-b317-01333bde0b82": .amber,
        "marking-definition--5e57c739-391a-4eb3-b6be-7d15ca92d5ed": .red,
        "marking-definition--94868c89-83c2-464b-929b-a1a8aa3c8487": .clear,
        "marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb": .green,
        "marking-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421": .amber,
        "marking-definition--939a9414-2ddd-4d32-a0cd-375ea402b003": .amberStrict,
        "marking-definition--e828b379-4e03-4974-9ac4-e53a884c97c1": .red,
    ]

    /// The TLP 2.0 marking id for exports.
    public var stix2MarkingID: String {
        switch self {
        case .clear: return "marking-definition--94868c89-83c2-464b-929b-a1a8aa3c8487"
        case .green: return "marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb"
        case .amber: return "marking-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421"
        case .amberStrict: return "marking-definition--939a9414-2ddd-4d32-a0cd-375ea402b003"
        case .red: return "marking-definition--e828b379-4e03-4974-9ac4-e53a884c97c1"
        }
    }

    /// The most restrictive of several markings (nil when none).
    public static func highest<S: Sequence>(_ markings: S) -> TLP? where S.Element == TLP? {
        markings.compactMap { $0 }.max()
    }
}

/// How many records a TLP limit hid, and the limit.
public struct HiddenCount: Hashable, Sendable {
    public var limit: TLP?
    public var actors = 0
    public var events = 0
    public var findings = 0
    public var reports = 0
    public var other = 0
    public var total: Int { actors + events + findings + reports + other }
    public init(limit: TLP? = nil) { self.limit = limit }
}
