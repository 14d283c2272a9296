import AsyncHTTPClient
import NIOCore
import NIOHTTP1
import Synchronization

/// Receives one response on the event loop: refuses a redirect, a compressed body and a body
/// announced over the cap at the head, counts the body as it comes and stops it at the cap.
final class CappedBody: HTTPClientResponseDelegate {
    typealias Response = FetchReply

    private struct Inner {
        var status = 0
        var headers: [String: String] = [:]
        /// The body as it arrived, joined once at the end: a body stopped at its cap never
        /// costs more than the cap (a growing array would reallocate to twice its size).
        var chunks: [ByteBuffer] = []
        var count = 0
        var answered = false
        var declared: Int?
        /// An error page read as far as wanted (its first 64 KiB).
        var page: FetchReply?
    }

    /// Stops an error page's body once enough of it is read.
    struct Enough: Error {}

    let url: String
    let maxBytes: Int
    private let inner = Mutex(Inner())

    init(url: String, maxBytes: Int) {
        self.url = url
        self.maxBytes = maxBytes
    }

    var received: Int { inner.withLock { $0.count } }
    var declared: Int? { inner.withLock { $0.declared } }
    var answered: Bool { inner.withLock { $0.answered } }
    var errorPage: FetchReply? { inner.withLock { $0.page } }

    func didReceiveHead(task: HTTPClient.Task<FetchReply>, _ head: HTTPResponseHead) -> EventLoopFuture<Void> {
        let status = Int(head.status.code)
        var headers: [String: String] = [:]
        for (name, value) in head.headers { headers[name.lowercased()] = value }
        let declared = headers["content-length"].flatMap { Int($0.trimmingSpaces) }
        inner.withLock {
            $0.status = status
            $0.headers = headers
            $0.answered = true
            $0.declared = declared
        }
        let loop = task.eventLoop
        if (300..<400).contains(status) { return loop.makeFailedFuture(FetchError.redirect(url: url, status: status, location: headers["location"])) }
        guard (200..<300).contains(status) else { return loop.makeSucceededVoidFuture() }
        if let encoding = headers["content-encoding"]?.lowercased().trimmingSpaces, !encoding.isEmpty, encoding != "identity" {
            return loop.makeFailedFuture(FetchError.compressed(url: url, encoding: encoding))
        }
        if let declared, declared > maxBytes {
            return loop.makeFailedFuture(FetchError.tooLarge(url: url, limit: maxBytes, received: 0, declared: declared))
        }
        return loop.makeSucceededVoidFuture()
    }

    func didReceiveBodyPart(task: HTTPClient.Task<FetchReply>, _ buffer: ByteBuffer) -> EventLoopFuture<Void> {
        let (url, maxBytes) = (self.url, self.maxBytes)
        let failure = inner.withLock { s -> (any Error)? in
            let success = (200..<300).contains(s.status)
            let cap = success ? maxBytes : min(maxBytes, 64 << 10)
            guard s.count + buffer.readableBytes > cap else {
                s.chunks.append(buffer)
                s.count += buffer.readableBytes
                return nil
            }
            guard success else {
                s.chunks.append(buffer.getSlice(at: buffer.readerIndex, length: cap - s.count) ?? buffer)
                s.page = FetchReply(status: s.status, headers: s.headers, body: CappedBody.joined(s.chunks, count: cap))
                s.chunks = []
                return Enough()
            }
            // Let go of what arrived at once: the delegate may outlive the request a while.
            s.chunks = []
            return FetchError.tooLarge(url: url, limit: cap, received: s.count + buffer.readableBytes, declared: nil)
        }
        // A failed future stops the request: the client closes the connection.
        return failure.map { task.eventLoop.makeFailedFuture($0) } ?? task.eventLoop.makeSucceededVoidFuture()
    }

    func didFinishRequest(task: HTTPClient.Task<FetchReply>) throws -> FetchReply {
        let reply = inner.withLock { s -> FetchReply in
            defer { s.chunks = [] }
            return FetchReply(status: s.status, headers: s.headers, body: CappedBody.joined(s.chunks, count: s.count))
        }
        // Unannounced gzip (no Content-Encoding) is named too, rather than reported as bad JSON.
        if reply.isSuccess, reply.body.count >= 2, reply.body[0] == 0x1F, reply.body[1] == 0x8B { throw FetchError.compressed(url: url, encoding: "gzip") }
        return reply
    }

    static func joined(_ chunks: [ByteBuffer], count: Int) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(count)
        for c in chunks { out += c.readableBytesView }
        return out
    }
}
