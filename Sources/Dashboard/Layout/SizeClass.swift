/// How much room a terminal gives, in the four classes layouts are chosen for: one pane
/// under tabs (80×24), two bands (short), three bands (tall), every pane at once (wide).
public enum SizeClass: String, CaseIterable, Sendable, Hashable, Comparable {
    case compact, short, medium, wide

    /// Wide from 160 columns and 34 rows: all six panes fit with room for their content.
    public static func of(width: Int, height: Int) -> SizeClass {
        if width < 100 || height < 24 { return .compact }
        if height < 34 { return .short }
        return width >= 160 ? .wide : .medium
    }

    public static func < (a: SizeClass, b: SizeClass) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }

    /// What the README and error messages call it.
    public var range: String {
        switch self {
        case .compact: return "below 100 columns or 24 rows"
        case .short: return "100+ columns, 24-33 rows"
        case .medium: return "100-159 columns, 34+ rows"
        case .wide: return "160+ columns, 34+ rows"
        }
    }
}
