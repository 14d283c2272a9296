import TerminalUI
import Reports
import ThreatModel
import Analysis

/// The `:` line: filter chips as on the command line (`nexus:CN sector:technology`), a saved
/// view's name (replaces the filter), or `clear`. Tab completes kinds, values and view names.
enum PromptCommand {
    static let kinds = ["nexus:", "sector:", "region:", "actor:", "technique:", "motive:", "from:", "to:", "window:", "text:", "view:"]

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

    static func apply(_ text: String, to state: AppState) -> Result<Filter, FilterSpec.ParseError> {
        let parts = tokens(text)
        if parts == ["clear"] { return .success(.none) }
        var filter = state.filter
        var specs: [String] = []
        for p in parts {
            let name = p.hasPrefix("view:") ? String(p.dropFirst(5)) : p
            if let view = state.savedViews[name] {
                // A saved view replaces what is there: it is a named starting point.
                filter = .none
                specs += view
            } else if p.hasPrefix("view:") {
                return .failure(FilterSpec.ParseError(description: "no saved view \"\(name)\" (config.yaml → views)"))
            } else if !p.contains(":") {
                return .failure(FilterSpec.ParseError(description: "\"\(p)\": expected KIND:VALUE or a saved view name; Tab completes"))
            } else {
                specs.append(p)
            }
        }
        do {
            let parsed = try FilterSpec.parse(specs, dataset: state.dataset)
            for chip in parsed.chips { filter = filter.pushing(chip) }
            return .success(filter)
        } catch {
            return .failure(error)
        }
    }

    /// Completes the last word: the longest common prefix of the candidates, and the candidates.
    static func complete(_ text: String, state: AppState) -> (text: String, candidates: [String]) {
        let endsWithSpace = text.hasSuffix(" ")
        var parts = tokens(text)
        let last = endsWithSpace ? "" : (parts.popLast() ?? "")
        let candidates = self.candidates(for: last, state: state)
        guard !candidates.isEmpty else { return (text, []) }
        let prefix = commonPrefix(candidates)
        let replacement = prefix.count > last.count ? prefix : last
        let head = parts.joined(separator: " ")
        let joined = (head.isEmpty ? "" : head + " ") + replacement + (candidates.count == 1 && !replacement.hasSuffix(":") ? " " : "")
        return (joined, candidates)
    }

    static func candidates(for word: String, state: AppState) -> [String] {
        let lower = word.lowercased()
        guard let colon = word.firstIndex(of: ":") else {
            return (kinds + state.savedViews.keys.sorted() + ["clear"]).filter { $0.lowercased().hasPrefix(lower) }
        }
        let kind = word[..<colon].lowercased()
        let partial = Vocabulary.fold(String(word[word.index(after: colon)...]).replacingOccurrences("\"", ""))
        func quoted(_ v: String) -> String { v.contains(" ") ? "\"" + v + "\"" : v }
        var values: [String]
        switch kind {
        case "nexus": values = ["unknown", "disputed"] + Set(state.dataset.actors.compactMap { $0.nexus.code }).sorted()
        case "sector": values = Vocabulary.sectors.map(\.id)
        case "region": values = Vocabulary.regions.map(\.id)
        case "actor": values = state.dataset.actors.map(\.name)
        case "technique": values = state.techniques.ranked.map(\.techniqueID)
        case "motive": values = Motivation.allCases.map(\.rawValue)
        case "view": values = state.savedViews.keys.sorted()
        default: values = []
        }
        let hits = values.filter { Vocabulary.fold($0).hasPrefix(partial) }.prefix(50)
        return hits.map { String(word[...colon]) + quoted($0) }
    }

    static func commonPrefix(_ words: [String]) -> String {
        guard var prefix = words.first else { return "" }
        for w in words.dropFirst() {
            while !w.lowercased().hasPrefix(prefix.lowercased()) { prefix.removeLast() }
        }
        return prefix
    }
}
