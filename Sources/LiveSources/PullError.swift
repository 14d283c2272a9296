/// Why a pull failed, worded for the status line and stderr, and what the poller should do
/// about it: try again soon with backoff (a timeout, a refused connection, a body cut short,
/// 5xx, 429), or wait for the next scheduled poll (4xx, a wrong Content-Type, a body over its
/// cap, broken JSON). A server's `Retry-After` is kept and honoured.
public struct PullError: Error, Equatable, Sendable, CustomStringConvertible {
    public var description: String
    public var isTransient: Bool
    /// Seconds the server asked to wait (429 or 503 with Retry-After).
    public var retryAfter: Double?

    public init(_ description: String, transient: Bool, retryAfter: Double? = nil) {
        self.description = description
        isTransient = transient
        self.retryAfter = retryAfter
    }

    public init(_ error: FetchError) {
        self.init(error.description, transient: error.isTransient)
    }

    /// Whether a response with this status is worth retrying soon: server errors, 408 and 429.
    public static func isTransient(status: Int) -> Bool {
        status >= 500 || status == 408 || status == 429
    }

    /// A failed status as a pull error (`what` says what it meant for this kind of source).
    public init(status: Int, url: String, meaning: String, reply: FetchReply? = nil, now: Double = 0) {
        let retry = (status == 429 || status == 503) ? reply?.retryAfter(now: now) : nil
        var text = "HTTP \(status) from \(url): \(meaning)"
        if let retry { text += "; the server asks to wait \(PullLimits.describe(seconds: retry.rounded(.up)))" }
        self.init(text, transient: PullError.isTransient(status: status), retryAfter: retry)
    }

    /// What a status means, for messages that have nothing better.
    public static func meaning(of status: Int) -> String {
        switch status {
        case 400: return "bad request"
        case 401: return "unauthorized"
        case 403: return "forbidden"
        case 404: return "not found"
        case 406: return "not acceptable"
        case 408: return "request timeout"
        case 413: return "request too large"
        case 429: return "too many requests"
        case 500...599: return "server error"
        default: return "unexpected status"
        }
    }
}
