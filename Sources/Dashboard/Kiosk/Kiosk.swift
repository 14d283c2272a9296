import TerminalUI
import Reports
import ThreatModel
import Analysis

/// Kiosk behaviour inside `update`: rotation on the clock (per-view durations), locked keys,
/// freshness, quiet hours, and what changed between reloads.
public enum Kiosk {
    /// Starts kiosk mode on a state: first view applied, clock set.
    public static func start(_ state: inout AppState, config: KioskConfig, now: Double) {
        var k = KioskState(config: config, now: now, baseFilter: state.filter)
        k.dayTheme = state.themeIndex
        k.previous = KioskDigest(state)
        k.viewIndex = next(after: k.config.entries.count - 1, state, k)
        state.kiosk = k
        state.now = now
        state.links = false
        state.overlay = .none
        apply(&state)
        updateNight(&state, now: now)
    }

    static func tick(_ state: inout AppState, now: Double) -> [Effect] {
        guard var k = state.kiosk else { return [] }
        var effects: [Effect] = []
        if now - k.lastRotation >= k.currentSeconds {
            let elapsed = now - k.lastRotation
            let seconds = k.currentSeconds
            k.viewIndex = next(after: k.viewIndex, state, k)
            // Stay on the schedule, unless the clock jumped (suspend, a changed clock): then restart from now.
            k.lastRotation = elapsed > 2 * seconds || elapsed < 0 ? now : k.lastRotation + seconds
            k.rotations += 1
            state.kiosk = k
            apply(&state)
        } else if now < k.lastRotation {
            // The clock went backwards: the rotation restarts from now rather than waiting.
            k.lastRotation = now
            state.kiosk = k
        }
        if !state.kiosk!.typed.isEmpty && now - state.kiosk!.typedAt > 5 { state.kiosk!.typed = "" }
        let maxAge = state.kiosk!.config.changesMaxAgeSeconds
        state.kiosk!.changes.removeAll { now - $0.at > maxAge || $0.at > now + 60 }
        if updateNight(&state, now: now) { effects.append(.repaint) }
        return effects
    }

    /// The next view in the rotation with something to show (the plain next one when none
    /// has): an empty view is skipped, and the footer names it (`WallContent.skipped`).
    static func next(after index: Int, _ state: AppState, _ k: KioskState) -> Int {
        let n = k.config.entries.count
        for step in 1...n where WallContent.emptiness(k.config.entries[(index + step) % n].view, state, k) == nil {
            return (index + step) % n
        }
        return (index + 1) % n
    }

    /// Switches to the night theme in quiet hours and back; true when the theme changed.
    @discardableResult
    static func updateNight(_ state: inout AppState, now: Double) -> Bool {
        guard var k = state.kiosk, let night = k.config.night else { return false }
        let inNight = night.contains(minuteOfDay: ClockFormat.minuteOfDay(now))
        guard inNight != k.isNight else { return false }
        k.isNight = inNight
        if inNight {
            k.dayTheme = state.themeIndex
            if let n = state.themes.firstIndex(where: { $0.name == k.config.nightTheme }) { state.themeIndex = n }
        } else {
            state.themeIndex = min(k.dayTheme, state.themes.count - 1)
        }
        state.kiosk = k
        return true
    }

    static func loaded(_ state: inout AppState, at: Double) {
        guard var k = state.kiosk else { return }
        if !state.dataset.files.contains(where: { $0.staleSince != nil }) && state.dataset.files.contains(where: { $0.loaded }) {
            k.dataAsOf = at
        }
        // A rejected file reload is said at once; STALE waits for stale-after (WallFreshness).
        k.rejection = ReloadRejection.of(state.dataset, at: at) ?? (k.dataAsOf == at ? nil : k.rejection)
        // What is new since the previous load, for the ticker and the changes view.
        let now = KioskDigest(state)
        if let before = k.previous {
            k.changes.insert(contentsOf: KioskChanges.between(before, now, state: state, at: at), at: 0)
            if k.changes.count > 200 { k.changes.removeLast(k.changes.count - 200) }
        }
        k.previous = now
        state.kiosk = k
        apply(&state)
    }

    /// Keys do nothing, except typing the unlock word, which returns to the dashboard.
    static func key(_ state: inout AppState, _ key: Key) -> [Effect] {
        guard var k = state.kiosk else { return [] }
        guard case .character(let c) = key else { return [] }
        let word = KioskConfig.unlockWord
        let next = k.typed + String(c).lowercased()
        if word.hasPrefix(next) {
            k.typed = next
        } else {
            k.typed = word.hasPrefix(String(c).lowercased()) ? String(c).lowercased() : ""
        }
        k.typedAt = state.now
        if k.typed == word {
            state.kiosk = nil
            state.zoomed = false
            state.themeIndex = min(k.dayTheme, state.themes.count - 1)
            state.filter = k.baseFilter
            state.refresh()
            state.resized()
            App.setStatus(&state, "kiosk unlocked: the dashboard takes keys again (q quits)", role: .warning, seconds: 8)
            return [.repaint]
        }
        state.kiosk = k
        return []
    }

    /// Puts the state into the shape the current view needs.
    static func apply(_ state: inout AppState) {
        guard let k = state.kiosk else { return }
        state.overlay = .none
        state.zoomed = false
        state.filter = k.baseFilter
        if case .nexus(let rank) = k.view {
            // The view of the rank-th nexus: only the breakdown is needed to name it.
            let selection = k.baseFilter.apply(to: state.dataset)
            let rows = ActorBreakdown.compute(state.dataset, selection: selection, measure: ActorPane.state(state).measure).rows
            let leading = rows.filter { if case .nexus(let n) = $0.key { return n.code != nil && $0.count > 0 } else { return false } }
            if leading.indices.contains(rank - 1), case .nexus(let n) = leading[rank - 1].key {
                state.filter = k.baseFilter.pushing(.nexus(n))
            }
        }
        // Focus first: the layout, and so what each pane derives for its grid cell, follows it.
        state.focus = k.view.rows.first?.first ?? ActorPane.id
        state.refresh()
    }
}
