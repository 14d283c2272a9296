import Testing
import SampleData
@testable import Analysis
@testable import Dashboard
@testable import ThreatModel

/// The chips a finding's population is built from, and negation.
@Suite struct FilterChipTests {
    @Test func negationKeepsEverythingElse() throws {
        let d = SampleData.dataset()
        let unknown = try FilterSpec.parse(["nexus:unknown"], dataset: d).apply(to: d)
        let others = try FilterSpec.parse(["!nexus:unknown"], dataset: d).apply(to: d)
        #expect(unknown.eventIndices.count > 0 && unknown.eventIndices.count + others.eventIndices.count == d.events.count)
        #expect(Set(unknown.eventIndices).isDisjoint(with: others.eventIndices))
        #expect(throws: FilterSpec.ParseError.self) { try FilterSpec.parse(["!window:2025-01-01..2025-12-31"], dataset: d) }
        #expect(throws: FilterSpec.ParseError.self) { try FilterSpec.parse(["!from:2025-01-01"], dataset: d) }
        #expect(try FilterSpec.parse(["!nexus:unknown"], dataset: d).chips.map(\.label) == ["!nexus:Unknown"])
    }

    @Test func sponsorAndKindChips() throws {
        let d = SampleData.dataset()
        let state = try FilterSpec.parse(["sponsor:state"], dataset: d).apply(to: d)
        let stateActors = Set(d.actors.filter { $0.type == .state }.map(\.id))
        #expect(state.actorIDs == stateActors)
        #expect(state.eventIndices.allSatisfy { i in d.events[i].actorIDs.contains { stateActors.contains($0) } })
        let intrusions = try FilterSpec.parse(["kind:targeted-intrusion"], dataset: d).apply(to: d)
        #expect(intrusions.eventIndices.count == d.events.filter { EventKindSet.targetedIntrusions.kinds.contains($0.kind) }.count)
        let two = try FilterSpec.parse(["kind:phishing,ransomware"], dataset: d).apply(to: d)
        #expect(two.eventIndices.allSatisfy { [.phishing, .ransomware].contains(d.events[$0].kind) } && !two.eventIndices.isEmpty)
        #expect(throws: FilterSpec.ParseError.self) { try FilterSpec.parse(["kind:teleportation"], dataset: d) }
        #expect(throws: FilterSpec.ParseError.self) { try FilterSpec.parse(["sponsor:unknown"], dataset: d) }
    }
}
