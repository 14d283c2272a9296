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

    /// What a status means, for messages that have nothing better: each status a server
    /// sends, or its class (1xx, 3xx, 4xx, 5xx), in words of its own.
    public static func meaning(of status: Int) -> String {
        if let known = meanings[status] { return known }
        switch status {
        case 100..<200: return "an interim (1xx) response where a final one was expected"
        case 200..<300: return "a success status this request does not expect"
        case 300..<400: return "a redirection (3xx)"
        case 400..<500: return "the server refused the request (client error)"
        case 500..<600: return "server error"
        default: return "not an HTTP status"
        }
    }

    static let meanings: [Int: String] = [
        400: "bad request", 401: "unauthorized", 403: "forbidden", 404: "not found", 405: "method not allowed",
        406: "not acceptable", 407: "proxy authentication required: a proxy on the way wants credentials",
        408: "request timeout", 410: "gone: the server says this URL is no more", 413: "request too large",
        414: "URL too long", 415: "unsupported media type", 429: "too many requests", 451: "unavailable for legal reasons",
        500: "internal server error", 501: "not implemented", 502: "bad gateway: a proxy got no usable answer from the server",
        503: "service unavailable", 504: "gateway timeout: a proxy gave up waiting for the server",
    ]
}
