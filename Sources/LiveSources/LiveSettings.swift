/// How often a source is pulled and within which limits.
public struct LiveSettings: Sendable, Equatable {
    public var pollSeconds: Double
    public var limits: PullLimits
    /// TLS verification off: the screen says so for as long as it runs.
    public var insecure: Bool

    public init(pollSeconds: Double, limits: PullLimits = PullLimits(), insecure: Bool = false) {
        self.pollSeconds = max(1, pollSeconds)
        self.limits = limits
        self.insecure = insecure
    }
}
