import AsyncHTTPClient
import NIOSSL
import ThreatModel

/// Plain GETs for feeds that are not TAXII (MISP feeds): the same HTTP client, TLS
/// verification on by default, a private CA when given, no redirects, bounded bodies.
public struct HTTPFetcher: Sendable {
    public struct Failure: Error, Sendable, CustomStringConvertible {
        public var status: Int?
        public var description: String
    }

    let tls: TLSConfiguration
    let setupError: String?
    let timeoutSeconds: Int64

    public init(caFile: String? = nil, insecure: Bool = false, timeoutSeconds: Int64 = 30) {
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
        self.timeoutSeconds = max(1, timeoutSeconds)
    }

    /// The body of a 2xx response, or why not (status, transport, TLS, timeout).
    public func get(_ url: String, limit: Int = 256 << 20) async throws(Failure) -> [UInt8] {
        if let setupError { throw Failure(status: nil, description: setupError) }
        var request = HTTPClientRequest(url: url)
        request.method = .GET
        request.tlsConfiguration = tls
        request.headers.add(name: "Accept", value: "application/json")
        do {
            let response = try await sharedHTTPClient.execute(request, timeout: .seconds(timeoutSeconds))
            let status = Int(response.status.code)
            let body = try await response.body.collect(upTo: limit)
            guard (200..<300).contains(status) else {
                throw Failure(status: status, description: "HTTP \(status) from \(url)" + (status == 404 ? ": not found" : (300..<400).contains(status) ? ": a redirect (not followed)" : ""))
            }
            return Array(body.readableBytesView)
        } catch let failure as Failure {
            throw failure
        } catch let error as HTTPClientError where error == .deadlineExceeded || error == .readTimeout || error == .connectTimeout {
            throw Failure(status: nil, description: "timed out waiting for \(url)")
        } catch {
            throw Failure(status: nil, description: "cannot reach \(url): " + TaxiiClient.describe(error))
        }
    }
}
