import TerminalUI

extension Pane {
    /// A pane without words of its own is read as the text it draws, drawing characters left
    /// out: every pane can be read, and one written later reads before it has sentences.
    public static func spoken(_ state: AppState) -> SpokenPane {
        var buffer = Buffer(width: max(100, state.width), height: 200, ascii: state.ascii)
        render(state, into: &buffer, area: buffer.area, focused: false)
        let lines = buffer.text.split(separator: "\n").map { SpokenLine(String($0)) }.filter { !$0.text.isEmpty }
        return SpokenPane(heading: frameTitle(state) + ".", lines: lines)
    }
}
