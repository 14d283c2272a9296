import Foundation
import Testing
import TestSupport

/// The dashboard on a live TAXII collection: it starts while the pull is under way, shows
/// the pulled actors, lists the source with its last pull, and when the server goes away
/// keeps the data on screen and says so.
@Suite(.serialized, .enabled(if: Tmux.available || Prerequisites.strict, "tmux is not installed"))
struct TaxiiEndToEndTests {
    @Test func liveCollectionSurvivesTheServerGoingAway() throws {
        let server = try Medallion()
        try server.post(TestPaths.sharedData + "/stix/apt1.json", collection: Medallion.examplesCollection)
        let t = try Tmux(
            width: 120, height: 40,
            command: [Tmux.binary, "--taxii", server.discovery, "--collection", "Public STIX examples", "--poll", "1"],
            environment: ["THREATDECK_TAXII_USER": Medallion.user, "THREATDECK_TAXII_PASSWORD": Medallion.password])
        let source = "taxii:\(server.discovery) · Public STIX examples"
        #expect(t.wait(for: "APT1"), "\(t.capture())")
        // The header counts the feed among its sources; the password is nowhere on screen.
        #expect(!t.capture().contains(Medallion.password))

        t.type("p")
        #expect(t.wait(for: "Sources and problems"))
        #expect(t.wait(timeout: 5) { $0.contains(source + ": fresh · pulled") } != nil, "\(t.capture())")
        #expect(t.capture().contains("live: fresh"), "the header says what p says")
        t.send("Escape")

        server.stop()
        t.type("p")
        // (The status wraps in the overlay; words are never split.)
        let failing = t.wait(timeout: 10) { $0.contains("refused") }
        #expect(failing != nil, "\(t.capture())")
        #expect(failing?.contains("stale since") == true)
        t.send("Escape")
        // The last good pull stays on screen.
        #expect(t.wait(for: "APT1"))
        #expect(t.exitStatus(timeout: 0.2) == nil)
        t.type("q")
        #expect(t.exitStatus() == 0)
    }
}
