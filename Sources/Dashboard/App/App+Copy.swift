import Analysis
import Reports
import TerminalUI
import ThreatModel

extension App {
    /// `y`: the value under the cursor (or the detail pane's subject) goes to the clipboard
    /// as an `Effect.copy`; the footer says how many bytes, or why nothing was copied.
    static func copy(_ state: inout AppState) -> [Effect] {
        guard let item = currentItem(state) ?? state.detailSubject, let text = copyText(item, state), !text.isEmpty else {
            setStatus(&state, "nothing to copy here", role: .warning, seconds: 3)
            return []
        }
        if case .indicator(let k, _) = item, state.dataset.indicators.indices.contains(k), state.dataset.indicators[k].isCut {
            let length = state.dataset.indicators[k].length
            setStatus(&state, "not copied: the value is " + Format.plural(length, "byte") + ", cut for display", role: .warning, seconds: 5)
            return []
        }
        let bytes = text.utf8.count
        guard bytes <= ClipboardSequence.limit else {
            setStatus(&state, "not copied: " + Format.plural(bytes, "byte") + " is more than a terminal takes", role: .warning, seconds: 5)
            return []
        }
        setStatus(&state, "copied " + Format.plural(bytes, "byte"), role: .ok, seconds: 3)
        return [.copy(text)]
    }

    /// What `y` copies for an item: the indicator's value (as it is, not defanged), the
    /// actor's name, the technique's id, the event's URL (else its reference), a name.
    static func copyText(_ item: Selectable, _ state: AppState) -> String? {
        let d = state.dataset
        switch item {
        case .indicator(let k, let value): return d.indicators.indices.contains(k) ? d.indicators[k].value : value
        case .actor(let id): return d.actor(id)?.name
        case .technique(let t): return t
        case .event(let id):
            guard let e = d.event(id) else { return nil }
            let reference = e.provenance.lazy.compactMap(\.reference).first
            return reference?.url ?? e.provenance.first?.objectID ?? reference?.key ?? e.id
        case .nexus(let n): return n.name
        case .nexusGroup: return nil
        case .motivation(let m): return m?.rawValue
        case .sector(let s, _): return Vocabulary.sectorName(s)
        case .region(let r): return Vocabulary.regionName(r)
        case .bucket(let range, _): return range.description
        case .span(_, let name, _): return name
        }
    }
}
