import JSONCore
import AsyncHTTPClient
import NIOSSL
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
        public var timeoutSeconds: Int64
        /// Objects per page requested with `limit`.
        public var pageSize: Int

        public init(caFile: String? = nil, insecure: Bool = false, timeoutSeconds: Int64 = 30, pageSize: Int = 1000) {
            self.caFile = caFile
            self.insecure = insecure
            self.timeoutSeconds = max(1, timeoutSeconds)
            self.pageSize = max(1, pageSize)
        }
    }

    let options: Options
    let credentials: TaxiiCredentials
    let tls: TLSConfiguration
    /// A CA file that cannot be used fails every request (the source shows why) rather
    /// than the whole dashboard.
    let setupError: TaxiiError?

    public init(options: Options = Options(), credentials: TaxiiCredentials = .none) {
        self.options = options
        self.credentials = credentials
        var tls = TLSConfiguration.makeClientConfiguration()
        var setupError: TaxiiError?
        if let ca = options.caFile {
            do {
                tls.trustRoots = .certificates(try NIOSSLCertificate.fromPEMFile(ca))
            } catch {
                setupError = .credentials("cannot use CA file \(ca): \(error)")
            }
        }
        if options.insecure { tls.certificateVerification = .none }
        self.tls = tls
        self.setupError = setupError
    }

    /// One client for the process (a global is never deinitialised, so it needs no shutdown
    /// and a feed can be dropped at any time); TLS settings travel with each request.
    var http: HTTPClient { sharedHTTPClient }

    // MARK: Requests

    /// GETs a TAXII endpoint and parses the body; every failure becomes a `TaxiiError`.
    func get(_ url: String) async throws(TaxiiError) -> (document: JSONDocument, headers: [String: String]) {
        if let setupError { throw setupError }
        var request = HTTPClientRequest(url: url)
        request.method = .GET
        request.tlsConfiguration = tls
        request.headers.add(name: "Accept", value: TaxiiClient.mediaType)
        if let auth = credentials.header { request.headers.add(name: "Authorization", value: auth) }
        let status: Int
        let contentType: String?
        var headers: [String: String] = [:]
        let body: [UInt8]
        do {
            let response = try await http.execute(request, timeout: .seconds(options.timeoutSeconds))
            status = Int(response.status.code)
            for (name, value) in response.headers { headers[name.lowercased()] = value }
            contentType = headers["content-type"]
            let buffer = try await response.body.collect(upTo: 512 << 20)
            body = Array(buffer.readableBytesView)
        } catch let error as HTTPClientError where error == .deadlineExceeded || error == .readTimeout || error == .connectTimeout {
            throw .timeout(url: url)
        } catch {
            throw .transport(url: url, detail: TaxiiClient.describe(error))
        }
        guard (200..<300).contains(status) else {
            // TAXII error messages are JSON with a title; keep it when present.
            let title = (try? JSONDocument(parsing: body)).flatMap { d in d.member(d.root, "title").flatMap(d.string) }
            if (300..<400).contains(status), let location = headers["location"] {
                throw .http(status: status, url: url, title: "redirected to \(location.prefix(200)); use that URL")
            }
            throw .http(status: status, url: url, title: title.map { String($0.prefix(200)) })
        }
        guard let type = contentType, TaxiiClient.isTaxii21(type) else { throw .notTaxii(url: url, contentType: contentType) }
        do {
            return (try JSONDocument(parsing: body), headers)
        } catch {
            throw .badJSON(url: url, problem: error.description)
        }
    }

    /// "application/taxii+json;version=2.1", ignoring case, spaces and extra parameters.
    static func isTaxii21(_ contentType: String) -> Bool {
        let parts = contentType.lowercased().split(separator: ";").map { $0.filter { $0 != " " } }
        return parts.first == "application/taxii+json" && parts.contains("version=2.1")
    }

    static func describe(_ error: any Error) -> String {
        let text = String(describing: error)
        if text.contains("connectionRefused") || text.contains("Connection refused") { return "connection refused" }
        if text.lowercased().contains("certificate") || text.contains("handshake") || text.contains("NIOSSL") {
            return "TLS: " + text.prefix(200) + " (use --ca-file for a private CA)"
        }
        return String(text.prefix(200))
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
    public func discover(_ url: String) async throws(TaxiiError) -> TaxiiDiscovery {
        let (d, _) = try await get(url)
        return try TaxiiResponse.discovery(d, url: url)
    }

    public func apiRoot(_ url: String) async throws(TaxiiError) -> TaxiiAPIRoot {
        let (d, _) = try await get(url)
        return try TaxiiResponse.apiRoot(d, url: url)
    }

    public func collections(_ apiRoot: String) async throws(TaxiiError) -> [TaxiiCollection] {
        let url = TaxiiClient.join(apiRoot, "collections/")
        let (d, _) = try await get(url)
        return TaxiiResponse.collections(d)
    }

    /// One page of a collection's objects.
    public func objects(_ apiRoot: String, collection: String, addedAfter: String?, next: String?) async throws(TaxiiError) -> TaxiiPage {
        var url = TaxiiClient.join(apiRoot, "collections/" + TaxiiClient.percentEncode(collection) + "/objects/")
        var query = ["limit=\(options.pageSize)"]
        if let addedAfter { query.append("added_after=" + TaxiiClient.percentEncode(addedAfter)) }
        if let next { query.append("next=" + TaxiiClient.percentEncode(next)) }
        url += "?" + query.joined(separator: "&")
        let (d, headers) = try await get(url)
        return try TaxiiResponse.page(d, url: url, headers: headers)
    }

    /// The API root and collection a user meant: `url` may be a discovery endpoint or an API
    /// root; `collection` an id or a title (default: the only readable collection).
    public func resolve(_ url: String, collection wanted: String?) async throws(TaxiiError) -> (apiRoot: String, collection: TaxiiCollection) {
        var roots: [String]
        do {
            let discovery = try await discover(url)
            roots = discovery.apiRoots.isEmpty ? [url] : discovery.apiRoots
            if let d = discovery.defaultRoot { roots = [d] + roots.filter { $0 != d } }
        } catch .unexpected {
            roots = [url]
        }
        var available: [String] = []
        for root in roots {
            let collections: [TaxiiCollection]
            do {
                collections = try await self.collections(root)
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

/// Redirects are not followed: the Authorization header would go to whatever host the
/// redirect names; a 3xx becomes an error naming the new location. A refused connection
/// fails at once rather than being retried until the connect timeout: the feed has its
/// own backoff, and `summary` and `taxii ls` should say "connection refused" promptly.
let sharedHTTPClient: HTTPClient = {
    var configuration = HTTPClient.Configuration(redirectConfiguration: .disallow, timeout: .init(connect: .seconds(10), read: .seconds(60)))
    configuration.connectionPool.retryConnectionEstablishment = false
    return HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
}()
