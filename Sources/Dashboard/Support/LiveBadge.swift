import ThreatModel
import TerminalUI

/// The live sources' status as the header and footer say it: the words of the source that
/// most needs attention (failed, then retrying, then connecting or stale, then fresh), from
/// the same `SourceStatus` that `p`, the wall and `summary` word in full.
enum LiveBadge {
    /// Live sources, most urgent first (the first of equals keeps its place).
    static func ranked(_ files: [LoadedFile]) -> [(file: LoadedFile, status: SourceStatus)] {
        let live = files.compactMap { f in f.status.map { (file: f, status: $0) } }
        return live.enumerated().sorted { a, b in
            let (x, y) = (urgency(a.element.status), urgency(b.element.status))
            return x != y ? x > y : a.offset < b.offset
        }.map(\.element)
    }

    static func urgency(_ s: SourceStatus) -> Int {
        switch s.state {
        case .failed: return 4
        case .retrying: return 3
        case .connecting: return s.isStale ? 2 : 1
        case .fresh: return 0
        }
    }

    static func role(_ s: SourceStatus) -> Role {
        switch s.state {
        case .failed: return .error
        case .retrying: return s.isStale ? .stale : .warning
        case .connecting: return s.isStale ? .stale : .muted
        case .fresh: return .ok
        }
    }

    /// "live: fresh", "live: retrying in 12s · stale since 14:02", "live: failed (2 of 3)";
    /// `compact`: the word alone.
    static func text(_ files: [LoadedFile], now: Double, compact: Bool = false) -> (text: String, role: Role)? {
        let ranked = ranked(files)
        guard let worst = ranked.first else { return nil }
        let others = ranked.filter { $0.status.state == worst.status.state }.count
        let count = ranked.count > 1 ? " (\(others) of \(ranked.count))" : ""
        return ("live: " + (compact ? worst.status.word(now: now) : worst.status.short(now: now)) + count, role(worst.status))
    }

    /// One source in the header's words, named: "taxii:… · Shared: retrying in 12s · stale
    /// since 14:02". The footer shows it and linear mode says it.
    static func line(_ file: LoadedFile, _ status: SourceStatus, now: Double) -> String {
        file.path + ": " + status.short(now: now)
    }

    /// When any live status on screen next reads differently by itself.
    static func nextChange(_ files: [LoadedFile], after now: Double) -> Double? {
        files.compactMap { $0.status?.nextChange(after: now) }.min()
    }
}
