extension DetailPane {
    /// The detail's own lines, as they are (they are sentences already), from its scroll line.
    public static func spoken(_ state: AppState) -> SpokenPane {
        let all = lines(state).map { SpokenLine($0.text) }.filter { !$0.text.isEmpty }
        let from = min(self.state(state).scroll, max(0, all.count - 1))
        var lines = Array(all.dropFirst(from))
        if from > 0 { lines.insert(SpokenLine("From line \(from + 1) of \(all.count)."), at: 0) }
        return SpokenPane(heading: "Detail: " + frameTitle(state) + ".", lines: lines)
    }
}
