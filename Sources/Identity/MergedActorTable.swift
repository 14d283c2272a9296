import ThreatModel

extension DatasetBuilder {
    /// One result's local actor ids → the merged actor's id and nexus, looked up once per
    /// event of the result. A `[String: …]` hashed each id with SipHash: merging 100,000
    /// native events spent ~37 million instructions a build on those lookups alone.
    struct MergedActorTable: Sendable {
        private let positions: StringPositions
        private let merged: [RecordFollowing.MergedActor]

        init(_ localToMerged: [String: String], nexusOf: [String: Nexus]) {
            var locals: [String] = [], merged: [RecordFollowing.MergedActor] = []
            locals.reserveCapacity(localToMerged.count)
            merged.reserveCapacity(localToMerged.count)
            for (local, id) in localToMerged {
                locals.append(local)
                merged.append((id, nexusOf[id] ?? .unknown))
            }
            positions = StringPositions(locals)
            self.merged = merged
        }

        subscript(local: String) -> RecordFollowing.MergedActor? { positions.position(of: local).map { merged[$0] } }
    }
}
