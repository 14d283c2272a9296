extension StixIngest {
    /// A `uses` relationship whose source is an actor (or a campaign, for its actors) and
    /// whose target is a technique or a piece of software: what `resolveUses` applies.
    struct UseMatch: Sendable {
        var relationship: Int
        /// The actors it is a use of, each with the campaign it came through.
        var users: [(id: String, via: String?)]
        var technique: String?
        var software: String?

        init(relationship: Int, users: [(id: String, via: String?)], technique: String? = nil, software: String? = nil) {
            self.relationship = relationship
            self.users = users
            self.technique = technique
            self.software = software
        }
    }
}
