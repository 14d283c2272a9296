import JSONCore
import Loading
import ThreatModel

/// A TAXII 2.1 client: discovery → API root → collections → objects, with the exact media
/// type, paging (`limit`, `next`, `more`) and `added_after` for incremental polls.
///
/// Built on AsyncHTTPClient rather than URLSession: on Linux URLSession (libcurl) takes
/// neither a custom CA file nor a per-session verification switch, and a static binary
/// with it would need libcurl on the jump host; NIO SSL has both, built in.
public final class TaxiiClient: Sendable {
    public static let mediaType = "application/taxii+json;version=2.1"

    public struct Options: Sendable, Equatable {
        /// A PEM file of CA certificates to trust instead of the system's.
        public var caFile: String?
        /// Skip certificate verification (the dashboard then says so on screen).
        public var insecure: Bool
        /// The pull's deadline, the cap per response and the cap on the whole collection.
        public var limits: PullLimits
        /// Objects per page requested with `limit`.
        public var pageSize: Int

        public var timeoutSeconds: Double { limits.deadlineSeconds }

        public init(
            caFile: String? = nil, insecure: Bool = false, timeoutSeconds: Double = PullLimits.defaultDeadlineSeconds, pageSize: Int = 1000,
            limits: PullLimits? = nil
        ) {
            self.caFile = caFile
            self.insecure = insecure
            self.limits = limits ?? PullLimits(deadlineSeconds: timeoutSeconds)
            self.pageSize = max(1, pageSize)
        }
    }

    let options: Options
    let credentials: TaxiiCredentials
    let fetcher: HTTPFetcher

    public init(options: Options = Options(), credentials: TaxiiCredentials = .none) {
        self.options = options
        self.credentials = credentials
        fetcher = HTTPFetcher(caFile: options.caFile, insecure: options.insecure)
    }

    /// A deadline of the configured length from now, for calls made outside a pull (`taxii ls`).
    func deadline(_ given: PullDeadline?) -> PullDeadline { given ?? PullDeadline(seconds: options.limits.deadlineSeconds) }

    // MARK: Requests

    /// GETs a TAXII endpoint by `deadline` and parses the body; every failure becomes a `TaxiiError`.
    func get(_ url: String, deadline: PullDeadline) async throws(TaxiiError) -> (document: JSONDocument, headers: [String: String]) {
        var headers = [("Accept", TaxiiClient.mediaType)]
        if let auth = credentials.header { headers.append(("Authorization", auth)) }
        let reply: FetchReply
        do {
            reply = try await fetcher.fetch(FetchRequest(url: url, headers: headers), deadline: deadline, maxBytes: options.limits.maxResponseBytes)
        } catch {
            throw .fetch(error)
        }
        guard reply.isSuccess else {
            // TAXII error messages are JSON with a title; keep it when present.
            let title = (try? JSONDocument(parsing: reply.body)).flatMap { d in d.member(d.root, "title").flatMap(d.string) }.map { String($0.prefix(200)) }
            if reply.status == 429 || reply.status == 503, let after = reply.retryAfter(now: SystemClock().now()) {
                throw .throttled(status: reply.status, url: url, retryAfter: after)
            }
            throw .http(status: reply.status, url: url, title: title)
        }
        // A 204, or a 200 with nothing after its head: said as such, not as a Content-Type problem.
        if reply.body.isEmpty { throw .badJSON(url: url, problem: "the body is empty (HTTP \(reply.status))") }
        let contentType = reply.headers["content-type"]
        guard let type = contentType, TaxiiClient.isTaxii21(type) else { throw .notTaxii(url: url, contentType: contentType) }
        do {
            return (try JSONDocument(parsing: reply.body), reply.headers)
        } catch {
            throw .badJSON(url: url, problem: error.description)
        }
    }

    /// "application/taxii+json;version=2.1", ignoring case, spaces and extra parameters.
    static func isTaxii21(_ contentType: String) -> Bool {
        let parts = contentType.lowercased().split(separator: ";").map { $0.filter { $0 != " " } }
        return parts.first == "application/taxii+json" && parts.contains("version=2.1")
    }

    static func join(_ base: String, _ path: String) -> String {
        (base.hasSuffix("/") ? base : base + "/") + path
    }

    static func percentEncode(_ s: String) -> String {
        let hex = Array("0123456789ABCDEF".unicodeScalars)
        var out = ""
        for b in s.utf8 {
            switch b {
            case 0x30...0x39, 0x41...0x5A, 0x61...0x7A, 0x2D, 0x2E, 0x5F, 0x7E: out.unicodeScalars.append(Unicode.Scalar(b))
            default: out.unicodeScalars.append(contentsOf: ["%", hex[Int(b >> 4)], hex[Int(b & 0xF)]])
            }
        }
        return out
    }

    // MARK: Endpoints

    /// The discovery document at `url` (…/taxii2/).
    public func discover(_ url: String, deadline: PullDeadline? = nil) async throws(TaxiiError) -> TaxiiDiscovery {
        let (d, _) = try await get(url, deadline: self.deadline(deadline))
        return try TaxiiResponse.discovery(d, url: url)
    }

    public func apiRoot(_ url: String, deadline: PullDeadline? = nil) async throws(TaxiiError) -> TaxiiAPIRoot {
        let (d, _) = try await get(url, deadline: self.deadline(deadline))
        return try TaxiiResponse.apiRoot(d, url: url)
    }

    public func collections(_ apiRoot: String, deadline: PullDeadline? = nil) async throws(TaxiiError) -> [TaxiiCollection] {
        let url = TaxiiClient.join(apiRoot, "collections/")
        let (d, _) = try await get(url, deadline: self.deadline(deadline))
        return TaxiiResponse.collections(d)
    }

    /// One page of a collection's objects.
    public func objects(
        _ apiRoot: String, collection: String, addedAfter: String?, next: String?, deadline: PullDeadline? = nil
    ) async throws(TaxiiError) -> TaxiiPage {
        var url = TaxiiClient.join(apiRoot, "collections/" + TaxiiClient.percentEncode(collection) + "/objects/")
        var query = ["limit=\(options.pageSize)"]
        if let addedAfter { query.append("added_after=" + TaxiiClient.percentEncode(addedAfter)) }
        if let next { query.append("next=" + TaxiiClient.percentEncode(next)) }
        url += "?" + query.joined(separator: "&")
        let (d, headers) = try await get(url, deadline: self.deadline(deadline))
        return try TaxiiResponse.page(d, url: url, headers: headers)
    }

    /// The API root and collection a user meant: `url` may be a discovery endpoint or an API
    /// root; `collection` an id or a title (default: the only readable collection).
    public func resolve(
        _ url: String, collection wanted: String?, deadline: PullDeadline? = nil
    ) async throws(TaxiiError) -> (apiRoot: String, collection: TaxiiCollection) {
        let deadline = self.deadline(deadline)
        var roots: [String]
        do {
            let discovery = try await discover(url, deadline: deadline)
            roots = discovery.apiRoots.isEmpty ? [url] : discovery.apiRoots
            if let d = discovery.defaultRoot { roots = [d] + roots.filter { $0 != d } }
        } catch .unexpected {
            roots = [url]
        }
        var available: [String] = []
        for root in roots {
            let collections: [TaxiiCollection]
            do {
                collections = try await self.collections(root, deadline: deadline)
            } catch .http(let status, _, _) where status == 404 && roots.count > 1 {
                continue
            }
            let readable = collections.filter(\.canRead)
            available += readable.map { "\($0.title) (\($0.id))" }
            if let wanted {
                if let c = readable.first(where: { $0.id == wanted || $0.title.lowercased() == wanted.lowercased() }) { return (root, c) }
            } else if readable.count == 1 {
                return (root, readable[0])
            }
        }
        throw .noCollection(wanted: wanted ?? "(none given; pass --collection)", available: available)
    }
}
