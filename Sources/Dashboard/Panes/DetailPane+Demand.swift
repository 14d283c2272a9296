import ThreatModel
import TerminalUI

extension DetailPane {
    public static func demand(_ state: AppState) -> PaneDemand {
        let width = max(1, FrameLayout.inner(of: id, in: state).width - 2)
        let rows = Paragraph(lines(state)).layout(width: width, ascii: state.ascii).count
        return rows == 0 ? .empty("nothing selected: Enter on a row describes it here") : PaneDemand(rows: rows)
    }
}
