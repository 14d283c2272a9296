import Loading
import Testing
import TestSupport
@testable import JSONCore
@testable import Readers

/// `StixObject` finds the members every object is asked for in one walk by their hashes,
/// and others by a walk each: on every object of the real ATT&CK bundle, both agree with a
/// plain walk that compares each member name's text.
@Suite struct StixObjectTests {
    static let fields: [StixField] = [
        .type, .id, .name, .description, .created, .modified, .revoked, .deprecated, .createdBy, .externalReferences,
        .markingRefs, .extensions, .domains, .objectRefs, .firstSeen, .lastSeen, .tdExport, .relationshipType, .sourceRef,
        .targetRef, .killChainPhases, .aliases,
    ]

    @Test func everyFieldOfEveryATTACKObjectIsTheTextWalks() throws {
        let path = TestPaths.sharedData + "/stix/enterprise-attack-17.1.json"
        let document = try JSONDocument(parsing: try LocalFileSystem().read(path, limit: 1 << 30))
        let objects = try #require(StixIngest.objectsNode(document))
        var checked = 0, found = 0
        document.forEachElement(objects) { _, node in
            let object = StixObject(document, node)
            for field in Self.fields {
                let expected = document.member(node, field.key.description)
                #expect(object.node(field, document) == expected, "\(field.key) of object \(checked)")
                if expected != nil { found += 1 }
            }
            checked += 1
        }
        #expect(checked == 22_652)
        // Not a walk that finds nothing: most objects have most of the common members.
        #expect(found > checked * 6)
    }

    @Test func commonFieldsHaveSlotsAndOthersDoNot() {
        #expect(StixField.type.slot != nil && StixField.sourceRef.slot != nil && StixField.externalReferences.slot != nil)
        #expect(StixField.aliases.slot == nil && StixField.firstSeen.slot == nil)
        let slots = Self.fields.compactMap(\.slot)
        #expect(Set(slots).count == slots.count)
    }
}
