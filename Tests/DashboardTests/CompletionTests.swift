import Analysis
import Dashboard
import Reports
import Testing
import TerminalUI
import TestSupport
import ThreatModel

/// Honest completion: the `:` line completes names and codes, lists what a word could be as
/// one types, and refuses a word that could mean several things instead of picking one.
@Suite struct CompletionTests {
    static func values(_ kind: String) -> [CompletionValue] {
        CompletionKind.named(kind)!.values(CompletionContext(dataset: Fixtures.sample))
    }

    static func resolved(_ kind: String, _ typed: String) -> String? {
        if case .one(let v) = Completer.resolve(typed, in: values(kind)) { return v.key }
        return nil
    }

    @Test func anAmbiguousCountryIsRefusedWithTheList() {
        guard case .ambiguous(let list) = Completer.resolve("Ch", in: Self.values("nexus")) else {
            Issue.record("\"Ch\" resolved to one value")
            return
        }
        let keys = Set(list.map(\.key))
        #expect(keys.isSuperset(of: ["CN", "CL", "TD", "CH"]), "\(keys)")
        // Written as a code in capitals, a code is exact; a name is exact; a code in other case
        // counts only when no other name begins so.
        #expect(Self.resolved("nexus", "CH") == "CH")
        #expect(Self.resolved("nexus", "China") == "CN")
        #expect(Self.resolved("nexus", "china") == "CN")
        #expect(Self.resolved("nexus", "cn") == "CN")
        #expect(Self.resolved("nexus", "PRC") == "CN")
        #expect(Self.resolved("nexus", "IR") == "IR")
        #expect(Self.resolved("nexus", "ir") == nil)  // Iran, Iraq, Ireland
        #expect(Self.resolved("nexus", "Switz") == "CH")  // a prefix of one name alone
        #expect(Self.resolved("nexus", "unknown") == "unknown")
        #expect(Completer.resolve("Atlantis", in: Self.values("nexus")) == .none)
    }

    @Test func theCommandLineRefusesTheSameWay() {
        #expect(throws: FilterSpec.ParseError.self) { try FilterSpec.parse(["nexus:Ch"], dataset: Fixtures.sample) }
        do {
            _ = try FilterSpec.parse(["nexus:Ch"], dataset: Fixtures.sample)
        } catch {
            #expect(error.description.contains("China (CN") && error.description.contains("Switzerland (CH)"), "\(error)")
        }
        #expect((try? FilterSpec.parse(["nexus:CH"], dataset: Fixtures.sample))?.chips == [.nexus(.country("CH"))])
        #expect((try? FilterSpec.parse(["nexus:China", "actor:murky"], dataset: Fixtures.sample))?.chips == [.nexus(.country("CN")), .actor("murky-panda")])
        #expect((try? FilterSpec.parse(["technique:phish"], dataset: Fixtures.sample))?.chips == [.technique("T1566")])  // one name begins so
        #expect((try? FilterSpec.parse(["technique:T1566.00"], dataset: Fixtures.sample))?.chips == nil)  // .001 or .002
        #expect((try? FilterSpec.parse(["technique:Phishing"], dataset: Fixtures.sample))?.chips == [.technique("T1566")])
    }

    @Test func enterOnAnAmbiguousValueAppliesNothingAndSaysWhy() {
        var s = Fixtures.state(120, 40)
        Fixtures.press(&s, .character(":"))
        Fixtures.type(&s, "nexus:Ch")
        // The candidates are on screen while typing, before any Tab.
        let typing = Screen.render(s).text
        #expect(typing.contains("China (CN") && typing.contains("Switzerland (CH)"), "\(typing)")
        Fixtures.press(&s, .enter)
        #expect(s.filter.isEmpty)
        guard case .prompt(let text, let message) = s.overlay else { Issue.record("the line closed"); return }
        #expect(text == "nexus:Ch")
        #expect(message?.contains("could be") == true && message?.contains("Switzerland (CH)") == true, "\(message ?? "")")
        // Completing to the name and Enter applies China.
        Fixtures.press(&s, .control("u"))
        Fixtures.type(&s, "nexus:Chin")
        #expect(Screen.render(s).text.contains("as Chinese Taipei"))  // why Taiwan is listed
        Fixtures.press(&s, .control("u"))
        Fixtures.type(&s, "nexus:CN")
        #expect(Screen.render(s).text.contains("= nexus:China (CN"))
        Fixtures.press(&s, .enter)
        #expect(s.filter.chips == [.nexus(.country("CN"))])
        #expect(s.overlay == .none)
    }

    @Test func tabCompletesNamesAndCodesAndWhatTheyShare() {
        let context = CompletionContext(dataset: Fixtures.sample, views: ["apac-tech": ["sector:technology"]], themes: ["default", "light"])
        func tab(_ text: String) -> String { FilterCompletion.complete(text, context) }
        #expect(tab("nex") == "nexus:")
        #expect(tab("nexus:Switz") == "nexus:Switzerland ")
        #expect(tab("nexus:CN") == "nexus:China ")
        #expect(tab("nexus:\"North K") == "nexus:\"North Korea\" ")
        #expect(tab("nexus:Sou") == "nexus:\"South ")  // South Africa, South Korea, South Sudan…
        #expect(tab("actor:murky") == "actor:\"Murky Panda\" ")
        #expect(tab("nexus:Ch") == "nexus:Ch")  // nothing shared: the list says what could follow
        #expect(tab("apac") == "apac-tech ")
        #expect(tab("theme:li") == "theme:light ")
        #expect(tab("technique:T1566.00") == "technique:T1566.00")
    }

    @Test func aSavedViewAndAThemeAreTypedWithCompletion() {
        var o = Fixtures.options(120, 40)
        o.savedViews = ["apac-tech": ["sector:technology", "region:\"South-eastern Asia\""]]
        var s = AppState.start(o)
        Fixtures.press(&s, .character(":"))
        Fixtures.type(&s, "apac")
        Fixtures.press(&s, .tab, .enter)
        #expect(s.filter.chips == [.sector("technology"), .region("south-eastern-asia")])
        Fixtures.press(&s, .character(":"))
        Fixtures.type(&s, "theme:high")
        #expect(App.update(&s, .key(.enter)) == [.repaint])
        #expect(s.theme.name == "high-contrast")
    }

    @Test func searchTabCompletesWhatTheMatchesShare() {
        var s = Fixtures.state(120, 40)
        Fixtures.press(&s, .character("/"))
        Fixtures.type(&s, "murk")
        Fixtures.press(&s, .tab)
        #expect(s.overlay == .search(query: "Murky Panda", selected: 0))
    }

    /// A new kind is one entry with its values; lists the settings provide come by name.
    @Test func kindsComeFromOneRegistry() {
        let context = CompletionContext(dataset: .empty, named: ["layout": ["wide", "events-first"]])
        #expect(CompletionValues.named("layout")(context).map(\.name) == ["wide", "events-first"])
        let words = FilterCompletion.candidates("", context).map(\.word)
        for kind in CompletionKind.all { #expect(words.contains(kind.word), "\(kind.name)") }
        #expect(CompletionKind.named("motivation")?.name == "motive")
    }
}
