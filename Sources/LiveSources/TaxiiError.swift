/// What went wrong talking to a TAXII server, worded for the status line.
public enum TaxiiError: Error, Equatable, Sendable, CustomStringConvertible {
    case invalidURL(String)
    /// An HTTP error status; `title` is the TAXII error message when the server sent one.
    case http(status: Int, url: String, title: String?)
    /// A response that is not TAXII 2.1 (a proxy's HTML page, plain JSON, a 2.0 server).
    case notTaxii(url: String, contentType: String?)
    case badJSON(url: String, problem: String)
    case unexpected(url: String, problem: String)
    case transport(url: String, detail: String)
    case timeout(url: String)
    case noCollection(wanted: String, available: [String])
    case credentials(String)

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
            case 413: meaning = "request too large"
            case 500...599: meaning = "server error"
            default: meaning = "unexpected status"
            }
            return "HTTP \(status) from \(url): \(meaning)" + (title.map { " (\($0))" } ?? "")
        case .notTaxii(let url, let type):
            return "not a TAXII 2.1 response from \(url) (Content-Type: \(type ?? "none"))"
        case .badJSON(let url, let problem): return "unreadable JSON from \(url): \(problem)"
        case .unexpected(let url, let problem): return "unexpected TAXII response from \(url): \(problem)"
        case .transport(let url, let detail): return "cannot reach \(url): \(detail)"
        case .timeout(let url): return "timed out waiting for \(url)"
        case .noCollection(let wanted, let available):
            return "no collection \"\(wanted)\" (available: \(available.isEmpty ? "none readable" : available.joined(separator: ", ")))"
        case .credentials(let why): return why
        }
    }
}
