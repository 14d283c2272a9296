import AsyncHTTPClient
import NIOCore
import NIOHTTP1
import NIOSSL

/// The one way live sources talk HTTP: TLS verified by default (a private CA when given),
/// redirects refused, and every request bounded twice: by its pull's deadline, which covers
/// connect, TLS, the head and the whole body, and by a cap on the body's bytes. A compressed
/// body is never inflated. Failures come back as `FetchError`s that name the URL and the limit.
///
/// The request runs through AsyncHTTPClient's delegate API: its deadline holds until the last
/// body byte (the async API's deadline ends with the head, and a read timeout restarts on
/// every byte), and the body is counted and capped as it arrives, on the event loop. Whether
/// a request made its deadline is decided there too, not by when an awaiting task next runs.
public struct HTTPFetcher: Sendable {
    let tls: TLSConfiguration
    let setupError: String?

    public init(caFile: String? = nil, insecure: Bool = false) {
        var tls = TLSConfiguration.makeClientConfiguration()
        var setupError: String?
        if let caFile {
            do {
                tls.trustRoots = .certificates(try NIOSSLCertificate.fromPEMFile(caFile))
            } catch {
                setupError = "cannot use CA file \(caFile): \(error)"
            }
        }
        if insecure { tls.certificateVerification = .none }
        self.tls = tls
        self.setupError = setupError
    }

    /// The response to `request` (any status) by `deadline`, its body at most `maxBytes`.
    /// Error pages are read only as far as their first 64 KiB: enough for a message.
    public func fetch(_ request: FetchRequest, deadline: PullDeadline, maxBytes: Int) async throws(FetchError) -> FetchReply {
        if let setupError { throw .setup(setupError) }
        let url = request.url
        guard !deadline.hasPassed else { throw .timedOut(url: url, seconds: deadline.seconds, bytes: 0) }
        let outgoing: HTTPClient.Request
        do {
            var headers = HTTPHeaders()
            for (name, value) in request.headers { headers.add(name: name, value: value) }
            outgoing = try HTTPClient.Request(
                url: url, method: HTTPMethod(rawValue: request.method), headers: headers,
                body: request.body.map { .bytes($0) }, tlsConfiguration: tls)
        } catch {
            throw .invalidURL(url)
        }
        let body = CappedBody(url: url, maxBytes: maxBytes)
        let task = sharedHTTPClient.execute(
            request: outgoing, delegate: body,
            deadline: .now() + .nanoseconds(Int64(min(deadline.remaining, 86_400) * 1e9)))
        do {
            return try await withTaskCancellationHandler {
                try await task.futureResult.get()
            } onCancel: {
                task.cancel()
            }
        } catch let refusal as FetchError {
            throw refusal
        } catch {
            if let page = body.errorPage { return page }
            throw Self.classify(error, url: url, deadline: deadline, bytes: body.received, expected: body.declared, answered: body.answered)
        }
    }

    /// A client or NIO error as a `FetchError`.
    static func classify(_ error: any Error, url: String, deadline: PullDeadline, bytes: Int, expected: Int?, answered: Bool) -> FetchError {
        if let e = error as? HTTPClientError {
            switch e {
            case .deadlineExceeded, .readTimeout: return .timedOut(url: url, seconds: deadline.seconds, bytes: bytes)
            case .connectTimeout: return .transport(url: url, detail: "no connection within 10 s")
            case .invalidURL, .emptyHost, .emptyScheme: return .invalidURL(url)
            case .cancelled: return .transport(url: url, detail: "cancelled")
            case .remoteConnectionClosed:
                return answered
                    ? .truncated(url: url, received: bytes, expected: expected)
                    : .transport(url: url, detail: "the server closed the connection without answering")
            default: break
            }
        }
        let text = String(describing: error)
        if text.contains("unsupportedScheme") { return .invalidURL(url) }
        if text.contains("connectionRefused") || text.contains("Connection refused") { return .refused(url: url) }
        if text.lowercased().contains("certificate") || text.contains("handshake") || text.contains("NIOSSL") {
            return .tls(url: url, detail: String(text.prefix(200)))
        }
        if answered && (text.contains("EOF") || text.contains("closed") || error is HTTPParserError) {
            return .truncated(url: url, received: bytes, expected: expected)
        }
        return .transport(url: url, detail: String(text.prefix(200)))
    }
}

/// One client for the process (a global is never deinitialised, so it needs no shutdown and a
/// source can be dropped at any time); TLS settings travel with each request. Redirects are
/// not followed: an Authorization header would go to whatever host a redirect names. A refused
/// connection fails at once rather than being retried by the pool: the poller has its own
/// backoff, and `summary` should say "connection refused" promptly. No read timeout: the
/// pull's deadline is the one bound (a read timeout restarts on every byte).
let sharedHTTPClient: HTTPClient = {
    var configuration = HTTPClient.Configuration(redirectConfiguration: .disallow, timeout: .init(connect: .seconds(10), read: nil))
    configuration.connectionPool.retryConnectionEstablishment = false
    return HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
}()
