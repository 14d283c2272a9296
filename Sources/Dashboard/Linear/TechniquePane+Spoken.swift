import Reports
import Analysis
import ThreatModel

extension TechniquePane {
    /// "T1190 Exploit Public-Facing Application, Initial Access: 4 actors." in ranked order,
    /// sub-techniques under their parent.
    public static func spoken(_ state: AppState) -> SpokenPane {
        let u = state.techniques
        var lines: [SpokenLine] = []
        if u.ranked.isEmpty {
            lines.append(
                SpokenLine(state.dataset.techniqueCount == 0 ? "The loaded data names no ATT&CK techniques." : "No actor in view uses a known technique."))
        }
        for (k, entry) in listRows(state).enumerated() {
            let r = entry.row
            let tactic = r.tactics.first.map { state.dataset.tacticName($0) } ?? ""
            var text = (entry.depth > 0 ? "sub-technique " : "") + r.techniqueID + " " + r.name
            if !tactic.isEmpty && entry.depth == 0 { text += ", " + tactic }
            lines.append(SpokenLine(text + ": " + Format.plural(r.count, "actor") + ".", item: .technique(r.techniqueID), position: k + 1))
        }
        return SpokenPane(heading: frameTitle(state) + ".", lines: lines, itemCount: listRows(state).count)
    }
}
