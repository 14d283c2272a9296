import TerminalUI
import Reports
import ThreatModel
import Analysis

/// The `:` line: filter chips as on the command line (`nexus:CN sector:technology`), a saved
/// view's name (replaces the filter), `theme:NAME`, or `clear`. Every value is resolved
/// honestly: one that could mean several things is refused with the list.
enum PromptCommand {
    /// What a line asks for: the new filter and, if named, a theme.
    struct Outcome: Equatable {
        var filter: Filter
        var themeIndex: Int?
        /// A layout named (`layout:NAME`, or in a saved view); "auto" goes back to the data's.
        var layout: String?
    }

    /// Splits on spaces outside double quotes: `actor:"Murky Panda" nexus:CN`.
    static func tokens(_ text: String) -> [String] {
        var out: [String] = []
        var current = ""
        var quoted = false
        for c in text {
            if c == "\"" { quoted.toggle(); current.append(c); continue }
            if c == " " && !quoted {
                if !current.isEmpty { out.append(current) }
                current = ""
            } else {
                current.append(c)
            }
        }
        if !current.isEmpty { out.append(current) }
        return out
    }

    static func context(_ state: AppState) -> CompletionContext {
        CompletionContext(dataset: state.dataset, views: state.savedViews, themes: state.themes.map(\.name), named: ["layout": ["auto"] + state.layoutNames])
    }

    static func apply(_ text: String, to state: AppState) -> Result<Outcome, FilterSpec.ParseError> {
        let context = context(state)
        var outcome = Outcome(filter: state.filter)
        var specs: [String] = []
        for p in tokens(text) {
            let lower = p.lowercased()
            if lower == "clear" {
                outcome.filter = .none
                specs = []
            } else if lower.hasPrefix("theme:") {
                switch resolve(String(p.dropFirst(6)), CompletionValues.themes(context), what: "theme") {
                case .success(let v): outcome.themeIndex = state.themes.firstIndex { $0.name == v.name }
                case .failure(let e): return .failure(e)
                }
            } else if lower.hasPrefix("layout:") {
                switch resolve(String(p.dropFirst(7)), CompletionValues.named("layout")(context), what: "layout") {
                case .success(let v): outcome.layout = v.name
                case .failure(let e): return .failure(e)
                }
            } else if lower.hasPrefix("view:") || !p.contains(":") {
                let name = lower.hasPrefix("view:") ? String(p.dropFirst(5)) : p
                switch resolve(name, CompletionValues.views(context), what: "saved view") {
                case .success(let v):
                    // A saved view replaces what is there: it is a named starting point.
                    outcome.filter = .none
                    let chips = state.savedViews[v.name] ?? []
                    specs = chips.filter { !$0.lowercased().hasPrefix("layout:") }
                    if let named = chips.first(where: { $0.lowercased().hasPrefix("layout:") }) { outcome.layout = String(named.dropFirst(7)) }
                case .failure(let e):
                    if p.contains(":") || !state.savedViews.isEmpty { return .failure(e) }
                    return .failure(FilterSpec.ParseError(description: "\"\(p)\": expected KIND:VALUE or a saved view name; Tab completes"))
                }
            } else {
                specs.append(p)
            }
        }
        do {
            let parsed = try FilterSpec.parse(specs, dataset: state.dataset)
            for chip in parsed.chips { outcome.filter = outcome.filter.pushing(chip) }
            return .success(outcome)
        } catch {
            return .failure(error)
        }
    }

    /// A view or theme name: as written, else the one name it begins.
    static func resolve(_ typed: String, _ values: [CompletionValue], what: String) -> Result<CompletionValue, FilterSpec.ParseError> {
        switch Completer.resolve(typed, in: values) {
        case .one(let v): return .success(v)
        case .ambiguous(let list): return .failure(FilterSpec.ParseError(description: "\"\(typed)\" could be the \(what) \(Completer.list(list)); type more"))
        case .none:
            let known = values.isEmpty ? "none in config.yaml" : values.map(\.name).joined(separator: ", ")
            return .failure(FilterSpec.ParseError(description: "no \(what) \"\(typed)\" (\(known))"))
        }
    }
}
