import TerminalUI
import ThreatModel

/// Linear mode's sentences about live sources: a source that starts retrying, goes stale,
/// fails or recovers is said once, in the words the header and footer use
/// (`LiveBadge.line`), with why when it failed; countdowns and ages that only tick are not.
enum LiveAnnouncement {
    /// What makes a live source's status news: its state, and for a failure, which one.
    struct Mark: Equatable {
        var path: String
        var state: SourceStatus.State
        /// When the last attempt failed (retrying, failed): each new failure is news; 0 otherwise.
        var failedAt: Double
        var stale: Bool

        init(_ path: String, _ status: SourceStatus) {
            self.path = path
            state = status.state
            failedAt = status.state == .retrying || status.state == .failed ? status.since : 0
            stale = status.isStale
        }
    }

    static func marks(_ state: AppState) -> [Mark] {
        state.dataset.files.compactMap { f in f.status.map { Mark(f.path, $0) } }
    }

    /// Each live source as the introduction says it.
    static func all(_ state: AppState) -> [String] {
        state.dataset.files.compactMap { f in f.status.map { sentences(f, $0, now: state.now) } }
    }

    /// The sources whose status became news between two steps. A fresh source that pulled
    /// again is not news; one that became fresh after anything else is.
    static func changes(_ state: AppState, before: [Mark], now: [Mark]) -> [String] {
        guard before != now else { return [] }
        var out: [String] = []
        for f in state.dataset.files {
            guard let status = f.status else { continue }
            let mark = Mark(f.path, status)
            let old = before.first { $0.path == f.path }
            if old == mark || (mark.state == .fresh && old?.state == .fresh) { continue }
            out.append(sentences(f, status, now: state.now))
        }
        return out
    }

    /// "taxii:… Shared: retrying in 8s, stale since 14:02. HTTP 503 from …: server error."
    static func sentences(_ file: LoadedFile, _ status: SourceStatus, now: Double) -> String {
        var text = Spoken.clean("Live source " + LiveBadge.line(file, status, now: now)) + "."
        if status.state == .retrying || status.state == .failed, let reason = status.reason {
            text += " " + Spoken.clean(reason) + (reason.hasSuffix(".") ? "" : ".")
        }
        return text
    }
}
