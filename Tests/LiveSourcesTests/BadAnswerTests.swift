import Foundation
import Testing
import TestSupport
@testable import LiveSources

/// Every kind of bad answer, from each of the three live sources (a TAXII collection, a MISP
/// feed, a MISP search) against the hostile server: each HTTP status class and the statuses
/// with a meaning of their own, an XML or empty body, a body cut short. Each says what it was,
/// with the status and the URL, in words of its own; only server errors, 408 and 429 are
/// worth trying again soon. One attempt each, ended well within its deadline.
@Suite(.serialized) struct BadAnswerTests {
    static let limits = PullLimits(deadlineSeconds: 20)
    static let statuses = [204, 304, 400, 401, 403, 404, 405, 407, 408, 410, 418, 451, 500, 501, 502, 503, 504, 599]

    /// The three sources behind one behaviour of the server, each with the URL its messages name.
    static func sources(_ server: HostileServer, _ behaviour: String) -> [(name: String, url: String, poller: LivePoller)] {
        let taxii = TaxiiFeed(.init(url: server.taxii(behaviour), options: TaxiiClient.Options(limits: limits)))
        let feed = MispFeed(.init(location: server.feed(behaviour), limits: limits))
        let search = MispSearch(.init(url: server.misp(behaviour), key: .success(MispKey(HostileServer.apiKey)), limits: limits))
        return [
            ("taxii", server.taxii(behaviour), LivePoller(taxii)), ("feed", server.feed(behaviour) + "manifest.json", LivePoller(feed)),
            ("search", server.misp(behaviour) + "events/restSearch", LivePoller(search)),
        ]
    }

    @Test func everyStatusSaysWhatItMeans() async throws {
        let server = try HostileServer()
        var meanings: [Int: String] = [:]
        for status in Self.statuses {
            for (name, url, poller) in Self.sources(server, "status-\(status)") {
                let error = try #require(await poller.pull(), "\(name) \(status) passed")
                #expect(error.description.contains("HTTP \(status)") && error.description.contains(url), "\(name) \(status): \(error)")
                #expect(error.isTransient == (status >= 500 || status == 408), "\(name) \(status): \(error)")
                #expect(poller.snapshot().file.status?.state == (error.isTransient ? .retrying : .failed))
                if name == "feed" {
                    meanings[status] = error.description.replacingOccurrences(of: "HTTP \(status) from \(url)", with: "")
                }
            }
        }
        // No two statuses read alike, and none is worded as a status it is not.
        #expect(Set(meanings.values).count == Self.statuses.count, "\(meanings.sorted { $0.key < $1.key })")
        #expect(meanings[204] == ": an empty body where JSON was expected")
        #expect(meanings[304] == ": not modified, though nothing was asked conditionally")
        #expect(meanings[418] == ": the server refused the request (client error)")
        #expect(meanings[502]?.hasPrefix(": bad gateway") == true && meanings[599] == ": server error")
        #expect(server.requests.filter { $0.path.hasPrefix("/status-") }.count == Self.statuses.count * 3, "one request each, none retried")
    }

    @Test func xmlEmptyAndCutBodiesEachSayWhat() async throws {
        let server = try HostileServer()
        let expected: [String: [String]] = [
            "xml": [
                "not a TAXII 2.1 response from URL (Content-Type: application/xml)",
                "URL: an XML document (Content-Type: application/xml) where JSON was expected",
                "URL: an XML document (Content-Type: application/xml) where JSON was expected",
            ],
            "empty": [
                "unreadable JSON from URL: the body is empty (HTTP 200)",
                "HTTP 200 from URL: an empty body where JSON was expected", "HTTP 200 from URL: an empty body where JSON was expected",
            ],
        ]
        for (behaviour, messages) in expected {
            for ((name, url, poller), message) in zip(Self.sources(server, behaviour), messages) {
                let error = try #require(await poller.pull(), "\(name) \(behaviour) passed")
                #expect(error.description == message.replacingOccurrences(of: "URL", with: url), "\(name) \(behaviour)")
                #expect(!error.isTransient)
            }
        }
        // A body cut short names how much of it came, and is worth trying again.
        for (name, url, poller) in Self.sources(server, "truncated") {
            let error = try #require(await poller.pull(), "\(name) truncated passed")
            #expect(error.description.hasPrefix(url + " closed the connection after "), "\(name): \(error)")
            #expect(error.description.hasSuffix(": the body is cut short") && error.isTransient, "\(name): \(error)")
        }
    }
}
