import ThreatModel

/// Kiosk behaviour inside `update`: rotation on the clock, locked keys, freshness.
public enum Kiosk {
    /// Starts kiosk mode on a state: first view applied, clock set.
    public static func start(_ state: inout AppState, config: KioskConfig, now: Double) {
        state.kiosk = KioskState(config: config, now: now, baseFilter: state.filter)
        state.now = now
        apply(&state)
    }

    static func tick(_ state: inout AppState, now: Double) -> [Effect] {
        guard var k = state.kiosk else { return [] }
        if now - k.lastRotation >= k.config.rotateSeconds {
            k.viewIndex = (k.viewIndex + 1) % k.config.views.count
            // Stay on the rotation grid, unless the clock jumped (suspend): then restart from now.
            k.lastRotation = now - k.lastRotation > 2 * k.config.rotateSeconds ? now : k.lastRotation + k.config.rotateSeconds
            k.rotations += 1
            state.kiosk = k
            apply(&state)
        }
        if !state.kiosk!.typed.isEmpty && now - state.kiosk!.typedAt > 5 { state.kiosk!.typed = "" }
        return []
    }

    static func loaded(_ state: inout AppState, at: Double) {
        guard state.kiosk != nil else { return }
        if !state.dataset.files.contains(where: { $0.staleSince != nil }) && state.dataset.files.contains(where: { $0.loaded }) {
            state.kiosk!.dataAsOf = at
        }
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
            k.typedAt = state.now
        } else {
            k.typed = word.hasPrefix(String(c).lowercased()) ? String(c).lowercased() : ""
            k.typedAt = state.now
        }
        if k.typed == word {
            state.kiosk = nil
            state.zoomed = false
            state.filter = k.baseFilter
            state.refresh()
            App.setStatus(&state, "kiosk unlocked: the dashboard takes keys again (q quits)", role: .warning, seconds: 8)
            return []
        }
        state.kiosk = k
        return []
    }

    /// Puts the state into the shape the current view needs.
    static func apply(_ state: inout AppState) {
        guard let k = state.kiosk else { return }
        state.overlay = .none
        state.filter = k.baseFilter
        switch k.view {
        case .headline, .overview:
            state.zoomed = false
            state.focus = .actors
        case .pane(let p):
            state.zoomed = true
            state.focus = p
        case .nexus(let rank):
            state.zoomed = false
            state.focus = .sectors
            state.refresh()
            let leading = state.breakdown.rows.filter { $0.nexus != .unknown && $0.count > 0 }
            if leading.indices.contains(rank - 1) {
                state.filter = k.baseFilter.pushing(.nexus(leading[rank - 1].nexus))
            }
        }
        state.actorCursor = 0
        state.sectorRow = 0
        state.refresh()
    }
}
