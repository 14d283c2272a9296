/// Lines typed at `/` or `:` before, newest last, recalled with ↑ and ↓ as readline does: ↑
/// goes back from the line being typed (kept as the draft), ↓ forward to it again.
public struct TypedHistory: Equatable, Sendable {
    public private(set) var lines: [String] = []
    /// The recalled line's index while browsing; nil while typing a line of one's own.
    var position: Int?
    /// What was being typed when ↑ was first pressed.
    var draft = ""
    static let limit = 100

    public init() {}

    /// Keeps a line that was entered (not an empty one, nor the last one again).
    mutating func add(_ line: String) {
        position = nil
        draft = ""
        let trimmed = line.trimmingSpaces
        guard !trimmed.isEmpty, lines.last != trimmed else { return }
        lines.append(trimmed)
        if lines.count > Self.limit { lines.removeFirst(lines.count - Self.limit) }
    }

    /// ↑: the line before the one shown, or nil when there is none.
    mutating func older(than current: String) -> String? {
        guard !lines.isEmpty else { return nil }
        let next: Int
        if let p = position {
            guard p > 0 else { return nil }
            next = p - 1
        } else {
            draft = current
            next = lines.count - 1
        }
        position = next
        return lines[next]
    }

    /// ↓: the line after the one shown, the draft after the newest, nil when typing already.
    mutating func newer() -> String? {
        guard let p = position else { return nil }
        if p + 1 < lines.count {
            position = p + 1
            return lines[p + 1]
        }
        position = nil
        return draft
    }

    /// Typing (or opening the line afresh) ends browsing.
    mutating func stopBrowsing() {
        position = nil
        draft = ""
    }
}
