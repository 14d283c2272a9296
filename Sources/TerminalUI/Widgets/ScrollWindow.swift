/// Which rows of a long list are visible so that the cursor stays on screen.
public enum ScrollWindow {
    /// First visible index for `count` items in `height` rows, keeping `cursor` visible
    /// and moving as little as possible from `previousTop`.
    public static func top(count: Int, height: Int, cursor: Int, previousTop: Int = 0) -> Int {
        guard height > 0, count > height else { return 0 }
        var top = min(max(0, previousTop), count - height)
        if cursor < top { top = cursor }
        if cursor >= top + height { top = cursor - height + 1 }
        return max(0, min(top, count - height))
    }
}
