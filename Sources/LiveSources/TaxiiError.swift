/// What went wrong talking to a TAXII server, worded for the status line.
public enum TaxiiError: Error, Equatable, Sendable, CustomStringConvertible {
    case invalidURL(String)
    /// An HTTP error status; `title` is the TAXII error message when the server sent one.
    case http(status: Int, url: String, title: String?)
    /// 429 or 503 with a Retry-After: the server says when to come back.
    case throttled(status: Int, url: String, retryAfter: Double)
    /// A response that is not TAXII 2.1 (a proxy's HTML page, plain JSON, a 2.0 server).
    case notTaxii(url: String, contentType: String?)
    case badJSON(url: String, problem: String)
    case unexpected(url: String, problem: String)
    /// The request itself failed: a timeout, a refused connection, a body over its cap, ….
    case fetch(FetchError)
    case noCollection(wanted: String, available: [String])
    case credentials(String)
    /// The collection passed the cap on what one source may hold.
    case tooMuch(url: String, limit: Int)

    public var description: String {
        switch self {
        case .invalidURL(let u): return "not a usable URL: \(u)"
        case .http(let status, let url, let title):
            let meaning: String
            switch status {
            case 401: meaning = "unauthorized: check THREATDECK_TAXII_USER and THREATDECK_TAXII_PASSWORD (or THREATDECK_TAXII_TOKEN)"
            case 403: meaning = "forbidden: these credentials may not read this collection"
            case 404: meaning = "not found: wrong API root or collection"
            case 406: meaning = "not acceptable: the server does not speak TAXII 2.1"
            default: meaning = PullError.meaning(of: status)
            }
            return "HTTP \(status) from \(url): \(meaning)" + (title.map { " (\($0))" } ?? "")
        case .throttled(let status, let url, let after):
            return "HTTP \(status) from \(url): \(PullError.meaning(of: status)); the server asks to wait \(PullLimits.describe(seconds: after.rounded(.up)))"
        case .notTaxii(let url, let type):
            let html = type?.lowercased().hasPrefix("text/html") == true ? ": an HTML page, perhaps a proxy's or a login page" : ""
            return "not a TAXII 2.1 response from \(url) (Content-Type: \(type ?? "none"))" + html
        case .badJSON(let url, let problem): return "unreadable JSON from \(url): \(problem)"
        case .unexpected(let url, let problem): return "unexpected TAXII response from \(url): \(problem)"
        case .fetch(let error): return error.description
        case .noCollection(let wanted, let available):
            return "no collection \"\(wanted)\" (available: \(available.isEmpty ? "none readable" : available.joined(separator: ", ")))"
        case .credentials(let why): return why
        case .tooMuch(let url, let limit):
            return "\(url): the collection passed the \(PullLimits.describe(bytes: limit)) limit for one source (max-source-bytes); pages so far kept"
        }
    }

    /// The same failure as the poller sees it: worth retrying soon or not, and how soon.
    public var pullError: PullError {
        switch self {
        case .fetch(let error): return PullError(error)
        case .http(let status, _, _): return PullError(description, transient: PullError.isTransient(status: status))
        case .throttled(_, _, let after): return PullError(description, transient: true, retryAfter: after)
        default: return PullError(description, transient: false)
        }
    }
}
