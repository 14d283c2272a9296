/// Why one file of a MISP feed or one page of a MISP search could not be had: the pull error,
/// the HTTP status when there was one (404 means "listed but missing"), and whether it was
/// the source's own cap on what it holds that cut it off.
struct MispFetchFailure: Error {
    var error: PullError
    var status: Int?
    var overBudget = false

    init(_ error: PullError, status: Int?, overBudget: Bool = false) {
        self.error = error
        self.status = status
        self.overBudget = overBudget
    }

    /// The body of a 2xx JSON response to `request`, or why not: the fetch's own failure, an
    /// error status (429/503 with their Retry-After), or an HTML page where JSON was expected.
    static func body(
        of request: FetchRequest, http: HTTPFetcher, deadline: PullDeadline, maxBytes: Int, now: Double,
        meaning: (Int) -> String = PullError.meaning
    ) async throws(MispFetchFailure) -> [UInt8] {
        let reply: FetchReply
        do {
            reply = try await http.fetch(request, deadline: deadline, maxBytes: maxBytes)
        } catch {
            if case .tooLarge = error { throw MispFetchFailure(PullError(error), status: nil, overBudget: true) }
            throw MispFetchFailure(PullError(error), status: nil)
        }
        guard reply.isSuccess else {
            throw MispFetchFailure(
                PullError(status: reply.status, url: request.url, meaning: meaning(reply.status), reply: reply, now: now), status: reply.status)
        }
        if let type = reply.headers["content-type"], let what = notJSON(type) {
            throw MispFetchFailure(
                PullError(
                    "\(request.url): \(what) (Content-Type: \(type)) where JSON was expected"
                        + (what.contains("HTML") ? ": perhaps a proxy's or a login page" : ""), transient: false), status: reply.status)
        }
        // A 204, or a 200 with nothing after its head: no JSON to read, said as such.
        if reply.body.isEmpty {
            throw MispFetchFailure(
                PullError("HTTP \(reply.status) from \(request.url): an empty body where JSON was expected", transient: false), status: reply.status)
        }
        return reply.body
    }

    /// What a Content-Type says the body is when it is certainly not JSON (an HTML page, an XML
    /// document), nil otherwise: servers label JSON many ways (text/plain, octet-stream), so only
    /// these are refused unread.
    static func notJSON(_ contentType: String) -> String? {
        let type = contentType.lowercased().split(separator: ";").first.map { String($0).trimmingSpaces } ?? ""
        if type == "text/html" || type == "application/xhtml+xml" { return "an HTML page" }
        if type.hasSuffix("/xml") || type.hasSuffix("+xml") { return "an XML document" }
        return nil
    }
}
