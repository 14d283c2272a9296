import ThreatModel

/// What to compare the view with: an explicit window, or the period of equal length just
/// before the current one.
public enum CompareSpec: Hashable, Sendable, CustomStringConvertible {
    case window(DayRange)
    case previous

    /// Parses `window:2024-04-01..2025-03-31` or `previous`.
    public init?(parsing text: String) {
        let t = text.lowercased()
        if t == "previous" { self = .previous; return }
        guard t.hasPrefix("window:") else { return nil }
        let parts = t.dropFirst(7).split(separator: ".", omittingEmptySubsequences: true)
        guard parts.count == 2, let a = Day(parsing: String(parts[0])), let b = Day(parsing: String(parts[1])), a <= b else { return nil }
        self = .window(DayRange(start: a, end: b))
    }

    public var description: String {
        switch self {
        case .window(let w): return "window:" + w.start.description + ".." + w.end.description
        case .previous: return "previous"
        }
    }
}

/// Why a comparison cannot be made.
public struct CompareError: Error, Sendable, CustomStringConvertible {
    public var description: String
    public init(_ description: String) { self.description = description }
}
