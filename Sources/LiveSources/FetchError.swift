/// Why an HTTP request of a pull brought nothing usable, each worded with the URL and, where
/// one applies, the limit it hit: what a status line or stderr says, never a raw NIO error.
public enum FetchError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The pull's deadline passed: `bytes` of this response had arrived by then.
    case timedOut(url: String, seconds: Double, bytes: Int)
    /// The body passed the per-response cap (`declared`: a Content-Length over it, refused unread).
    case tooLarge(url: String, limit: Int, received: Int, declared: Int?)
    /// A compressed body that was not asked for: never inflated (a gzip bomb would be).
    case compressed(url: String, encoding: String)
    /// The connection closed before the body was whole.
    case truncated(url: String, received: Int, expected: Int?)
    case refused(url: String)
    case tls(url: String, detail: String)
    case transport(url: String, detail: String)
    /// A 3xx: not followed, so credentials never go to another host.
    case redirect(url: String, status: Int, location: String?)
    case invalidURL(String)
    /// The request could not even be made (an unusable CA file).
    case setup(String)

    public var description: String {
        switch self {
        case .timedOut(let url, let seconds, let bytes):
            return "timed out after \(PullLimits.describe(seconds: seconds)) reading \(url) (\(PullLimits.describe(bytes: bytes)) received)"
        case .tooLarge(let url, let limit, let received, let declared):
            if let declared {
                return "\(url) announces \(PullLimits.describe(bytes: declared)), over the \(PullLimits.describe(bytes: limit)) limit per response: not read"
            }
            return "\(url) sent more than the \(PullLimits.describe(bytes: limit)) limit per response (stopped after \(PullLimits.describe(bytes: received)))"
        case .compressed(let url, let encoding):
            return "\(url) sent a \(encoding)-compressed body it was not asked for: not inflated (a guard against gzip bombs)"
        case .truncated(let url, let received, let expected):
            return "\(url) closed the connection after \(PullLimits.describe(bytes: received))"
                + (expected.map { " of \(PullLimits.describe(bytes: $0))" } ?? "") + ": the body is cut short"
        case .refused(let url): return "cannot reach \(url): connection refused"
        case .tls(let url, let detail): return "cannot reach \(url): TLS: \(detail) (use --ca-file for a private CA)"
        case .transport(let url, let detail): return "cannot reach \(url): \(detail)"
        case .redirect(let url, let status, let location):
            if let location {
                return "HTTP \(status) from \(url): redirected to \(String(location.prefix(200))); use that URL (redirects are not followed)"
            }
            // 304 answers a conditional request, and none is ever made.
            return "HTTP \(status) from \(url): "
                + (status == 304 ? "not modified, though nothing was asked conditionally" : "a redirection without a Location (not followed)")
        case .invalidURL(let url): return "not a usable URL: \(url)"
        case .setup(let why): return why
        }
    }

    /// Worth trying again soon: the network or the server may recover; a body too large, a
    /// compressed body, a redirect or a TLS failure will be the same next time.
    public var isTransient: Bool {
        switch self {
        case .timedOut, .truncated, .refused, .transport: return true
        case .tooLarge, .compressed, .tls, .redirect, .invalidURL, .setup: return false
        }
    }
}
