import Foundation
import Testing
import TestSupport
import ThreatModel
@testable import LiveSources

/// The client against servers that are not what they claim (a proxy's login page, plain
/// JSON, truncated JSON, a hang, errors), TLS with a private CA, and collection choice.
@Suite(.serialized)
struct TaxiiClientTests {
    static let analyst = TaxiiCredentials.basic(user: Medallion.user, password: Medallion.password)

    @Test func mediaTypeIsMatchedExactlyButLeniently() {
        #expect(TaxiiClient.isTaxii21("application/taxii+json;version=2.1"))
        #expect(TaxiiClient.isTaxii21("Application/TAXII+JSON; version=2.1; charset=utf-8"))
        #expect(!TaxiiClient.isTaxii21("application/taxii+json;version=2.0"))
        #expect(!TaxiiClient.isTaxii21("application/taxii+json"))
        #expect(!TaxiiClient.isTaxii21("application/json"))
        #expect(!TaxiiClient.isTaxii21("text/html; version=2.1"))
    }

    @Test func basicCredentialsAreBase64() {
        #expect(Base64.encode(Array("analyst:correct horse battery staple".utf8)) == "YW5hbHlzdDpjb3JyZWN0IGhvcnNlIGJhdHRlcnkgc3RhcGxl")
        #expect(Base64.encode(Array("a".utf8)) == "YQ==")
        #expect(Base64.encode(Array("ab".utf8)) == "YWI=")
        #expect(Base64.encode([]) == "")
        #expect(TaxiiCredentials.bearer(token: "t0k").header == "Bearer t0k")
        #expect(TaxiiCredentials.fromEnvironment(["THREATDECK_TAXII_USER": "u", "THREATDECK_TAXII_PASSWORD": "p"]) == .basic(user: "u", password: "p"))
        #expect(TaxiiCredentials.fromEnvironment(["THREATDECK_TAXII_TOKEN": "x", "THREATDECK_TAXII_USER": "u"]) == .bearer(token: "x"))
        #expect(TaxiiCredentials.fromEnvironment([:]) == TaxiiCredentials.none)
    }

    @Test func responsesThatAreNotTaxiiAreNamedForWhatTheyAre() async throws {
        let bogus = try Medallion(mode: "bogus")
        let client = TaxiiClient(options: .init(timeoutSeconds: 600))
        let hurried = TaxiiClient(options: .init(timeoutSeconds: 2))

        await #expect(throws: TaxiiError.notTaxii(url: bogus.base + "/html/", contentType: "text/html")) {
            _ = try await client.discover(bogus.base + "/html/")
        }
        await #expect(throws: TaxiiError.notTaxii(url: bogus.base + "/json/", contentType: "application/json")) {
            _ = try await client.discover(bogus.base + "/json/")
        }
        do {
            _ = try await client.discover(bogus.base + "/garbage/")
            Issue.record("truncated JSON was accepted")
        } catch {
            guard case .badJSON(_, let problem) = error else { throw error }
            // Where in the body it broke: line:column and the JSON path.
            #expect(problem.hasPrefix("1:35: $.api_roots"), "\(problem)")
        }
        let started = Date()
        await #expect(throws: TaxiiError.fetch(.timedOut(url: bogus.base + "/slow/", seconds: 2, bytes: 0))) {
            _ = try await hurried.discover(bogus.base + "/slow/")
        }
        // The server answers after 30 s: the 2 s deadline cut it long before.
        #expect(Date().timeIntervalSince(started) < 25)
        await #expect(throws: TaxiiError.http(status: 401, url: bogus.base + "/401/", title: "Authentication required")) {
            _ = try await client.discover(bogus.base + "/401/")
        }
        await #expect(throws: TaxiiError.http(status: 500, url: bogus.base + "/500/", title: nil)) {
            _ = try await client.discover(bogus.base + "/500/")
        }
        bogus.stop()
        do {
            _ = try await client.discover(bogus.base + "/html/")
            Issue.record("a stopped server answered")
        } catch {
            #expect(error.description.contains("connection refused"), "\(error)")
        }
    }

    @Test func collectionsAreChosenByIdOrTitle() async throws {
        let server = try Medallion()
        let client = TaxiiClient(credentials: Self.analyst)
        let discovery = try await client.discover(server.discovery)
        #expect(discovery.title == "ThreatDeck test TAXII server")
        #expect(discovery.apiRoots == [server.apiRoot] && discovery.defaultRoot == server.apiRoot)
        let root = try await client.apiRoot(server.apiRoot)
        #expect(root.versions == [TaxiiClient.mediaType])
        let collections = try await client.collections(server.apiRoot)
        #expect(collections.map(\.title) == ["Sample report", "Public STIX examples", "Locked"])
        #expect(collections.map(\.canRead) == [true, true, false])

        #expect(try await client.resolve(server.discovery, collection: "sample REPORT").collection.id == Medallion.sampleCollection)
        #expect(try await client.resolve(server.apiRoot, collection: Medallion.examplesCollection).apiRoot == server.apiRoot)
        // Two readable collections and none named: the error lists them. An unreadable one is not offered.
        for wanted in [nil, "Locked"] as [String?] {
            do {
                _ = try await client.resolve(server.discovery, collection: wanted)
                Issue.record("resolved \(wanted ?? "nil")")
            } catch {
                #expect(error.description.contains("Sample report (\(Medallion.sampleCollection))"), "\(error)")
                #expect(!error.description.contains("Locked ("))
            }
        }
    }

    @Test func tlsNeedsTheCAOrAnExplicitInsecureFlag() async throws {
        let server = try Medallion(tls: true)
        #expect(server.base.hasPrefix("https://"))

        let system = TaxiiClient(options: .init(timeoutSeconds: 600), credentials: Self.analyst)
        do {
            _ = try await system.discover(server.discovery)
            Issue.record("a certificate from an unknown CA was accepted")
        } catch {
            #expect(error.description.contains("TLS"), "\(error)")
            #expect(error.description.contains("--ca-file"))
        }

        let pinned = TaxiiClient(options: .init(caFile: server.caFile, timeoutSeconds: 600), credentials: Self.analyst)
        #expect(try await pinned.discover(server.discovery).title == "ThreatDeck test TAXII server")

        let insecure = TaxiiClient(options: .init(insecure: true, timeoutSeconds: 600), credentials: Self.analyst)
        #expect(try await insecure.collections(server.apiRoot).count == 3)

        // The dashboard says so when verification is off.
        let feed = TaxiiFeed(
            .init(url: server.discovery, collection: "Sample report", options: .init(insecure: true, timeoutSeconds: 600), credentials: Self.analyst),
            clock: ManualClock(0))
        let poller = LivePoller(feed, clock: ManualClock(0))
        #expect(await poller.pull() == nil)
        #expect(poller.snapshot().file.status?.text(now: 0).contains("TLS NOT VERIFIED") == true)

        // An unusable CA file fails that source's requests, saying why; nothing else.
        let broken = TaxiiClient(options: .init(caFile: "/nonexistent/ca.pem"))
        do {
            _ = try await broken.discover(server.discovery)
            Issue.record("a client without its CA file made a request")
        } catch {
            #expect(error.description.hasPrefix("cannot use CA file /nonexistent/ca.pem"), "\(error)")
        }
    }
}
