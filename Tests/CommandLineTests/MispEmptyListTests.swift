import Foundation
import Testing
import TestSupport

/// The README lists a bare JSON list as MISP input; an empty one (`[]`, or `{"response": []}`,
/// what a MISP search with no hits returns) is a list of no events, not an unrecognised file.
@Suite struct MispEmptyListTests {
    @Test(arguments: ["[]", "[ ]\n", "{\"response\": []}"])
    func anEmptyListLoadsAsZeroEvents(text: String) throws {
        let cli = CLI("misp-empty")
        defer { cli.remove() }
        let path = try cli.write("search.json", text)
        let validate = cli.run(["validate", path])
        #expect(validate.status == 0, "\(validate.stdout)\(validate.stderr)")
        #expect(validate.stdout.contains("ok (MISP event: 0 actors, 0 events"), "\(validate.stdout)")
        #expect(validate.stdout.contains("an empty list of MISP events"))
        let source = try #require(try cli.json([path]).array("sources").first)
        #expect(source["loaded"] as? Bool == true)
        #expect(source.int("events") == 0 && source.int("actors") == 0)
        #expect(source.string("format").hasPrefix("misp"), "\(source)")
        #expect(cli.run(["summary", path]).status == 0)
    }

    /// Still an error: something that is not a list of events at all.
    @Test func aListOfSomethingElseIsStillRefused() throws {
        let cli = CLI("misp-not-empty")
        defer { cli.remove() }
        let path = try cli.write("numbers.json", "[1, 2, 3]")
        let validate = cli.run(["validate", path])
        #expect(validate.status != 0)
        #expect(validate.stdout.contains("unrecognised format"), "\(validate.stdout)")
    }
}
