import JSONCore
import Testing
import ThreatModel

@testable import Readers

/// A relationship to an object whose latest version is revoked or deprecated says nothing,
/// even when an older version of that object was read first (its name, sectors or country
/// are then already in the reader's tables).
@Suite struct StixDeadEndTests {
    static let actor = "intrusion-set--0042a9f5-f053-4769-b3ef-9ad018dfa298"
    static let malware = "malware--1c2d3e4f-0000-4000-8000-000000000001"
    static let identity = "identity--1c2d3e4f-0000-4000-8000-000000000002"
    static let location = "location--1c2d3e4f-0000-4000-8000-000000000003"

    /// The actor, one older live version of each end, the relationships, and — when `kill`
    /// — a newer version of each end that is revoked (`x_mitre_deprecated` for the location).
    static func bundle(kill: Bool) -> String {
        var objects = [
            #"{"type": "intrusion-set", "id": "\#(actor)", "name": "Murky Panda"}"#,
            #"{"type": "malware", "id": "\#(malware)", "modified": "2020-01-01T00:00:00Z", "name": "ShadowPad"}"#,
            #"{"type": "identity", "id": "\#(identity)", "modified": "2020-01-01T00:00:00Z", "name": "Tech", "identity_class": "class", "sectors": ["technology"]}"#,
            #"{"type": "location", "id": "\#(location)", "modified": "2020-01-01T00:00:00Z", "country": "CN"}"#,
        ]
        if kill {
            objects += [
                #"{"type": "malware", "id": "\#(malware)", "modified": "2024-01-01T00:00:00Z", "name": "ShadowPad", "revoked": true}"#,
                #"{"type": "identity", "id": "\#(identity)", "modified": "2024-01-01T00:00:00Z", "name": "Tech", "identity_class": "class", "revoked": true}"#,
                #"{"type": "location", "id": "\#(location)", "modified": "2024-01-01T00:00:00Z", "country": "CN", "x_mitre_deprecated": true}"#,
            ]
        }
        for (k, (type, target)) in [("uses", malware), ("targets", identity), ("originates-from", location)].enumerated() {
            objects.append(
                #"{"type": "relationship", "id": "relationship--1c2d3e4f-0000-4000-8000-00000000001\#(k)", "relationship_type": "\#(type)", "source_ref": "\#(actor)", "target_ref": "\#(target)"}"#
            )
        }
        return #"{"type": "bundle", "id": "bundle--1c2d3e4f-0000-4000-8000-000000000099", "objects": [\#(objects.joined(separator: ","))]}"#
    }

    static func actor(kill: Bool) throws -> Actor? {
        let document = try JSONDocument(parsing: Array(bundle(kill: kill).utf8))
        return StixIngest.run(document, file: "b.json", format: .stix).actors.first
    }

    @Test func liveEndsCount() throws {
        let a = try #require(try Self.actor(kill: false))
        #expect(a.software == ["ShadowPad"])
        #expect(a.sectors == ["technology"])
        #expect(a.nexus == .country("CN"))
    }

    @Test func endsRevokedByALaterVersionSayNothing() throws {
        let a = try #require(try Self.actor(kill: true))
        #expect(a.software.isEmpty)
        #expect(a.sectors.isEmpty)
        #expect(a.nexus != .country("CN"))
    }
}
