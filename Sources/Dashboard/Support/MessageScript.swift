import TerminalUI

/// Messages written as text, one per line, so a session can be replayed: `key j`, `key Down`,
/// `key C-l`, `resize 120 40`, `mouse press 10 5`, `tick 1790000000`. Key names are tmux's
/// send-keys names, so an end-to-end test can send the same keys to the live app and to
/// `snapshot --replay` and compare the screens.
public enum MessageScript {
    public static func parse(_ line: String) -> Message? {
        let parts = line.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
        guard let verb = parts.first else { return nil }
        switch verb {
        case "key":
            guard parts.count == 2, let k = key(parts[1]) else { return nil }
            return .key(k)
        case "resize":
            guard parts.count == 3, let w = Int(parts[1]), let h = Int(parts[2]), w >= 0, h >= 0 else { return nil }
            return .resize(width: w, height: h)
        case "tick":
            guard parts.count == 2, let t = Double(parts[1]), t.isFinite else { return nil }
            return .tick(now: t)
        case "mouse":
            guard parts.count == 4, let x = Int(parts[2]), let y = Int(parts[3]) else { return nil }
            let action: MouseEvent.Action
            switch parts[1] {
            case "press": action = .press
            case "double": action = .doubleClick
            case "wheelup": action = .wheelUp
            case "wheeldown": action = .wheelDown
            default: return nil
            }
            return .mouse(MouseEvent(action, x: x, y: y))
        default:
            return nil
        }
    }

    /// The script line for a message, nil for those a script cannot carry (a reload's data).
    public static func line(for message: Message) -> String? {
        switch message {
        case .key(let k): return "key " + name(of: k)
        case .resize(let w, let h): return "resize \(w) \(h)"
        case .tick(let t): return "tick \(t)"
        case .mouse(let m):
            let action: String
            switch m.action {
            case .press: action = "press"
            case .doubleClick: action = "double"
            case .wheelUp: action = "wheelup"
            case .wheelDown: action = "wheeldown"
            }
            return "mouse \(action) \(m.x) \(m.y)"
        case .loaded, .reloadStarted, .sourceChanged, .exported, .exportTargetExists: return nil
        }
    }

    /// A comment for a message a script cannot carry.
    static func summary(of message: Message) -> String {
        switch message {
        case .loaded(let d, _, _): return "loaded \(d.actors.count) actors, \(d.events.count) events"
        case .sourceChanged: return "source changed"
        case .reloadStarted: return "reload started"
        case .exported(let path, let error): return "exported " + path + (error.map { ": " + $0 } ?? "")
        case .exportTargetExists(_, let path): return "export target exists: " + path
        default: return ""
        }
    }

    /// A key by its tmux name (`Up`, `BSpace`, `C-l`, `F1`) or as the character itself.
    public static func key(_ name: String) -> Key? {
        switch name {
        case "Up": return .up
        case "Down": return .down
        case "Left": return .left
        case "Right": return .right
        case "PageUp", "PPage": return .pageUp
        case "PageDown", "NPage": return .pageDown
        case "Home": return .home
        case "End": return .end
        case "Enter": return .enter
        case "Escape": return .escape
        case "BSpace": return .backspace
        case "Tab": return .tab
        case "BTab": return .backTab
        case "DC": return .delete
        case "Space": return .character(" ")
        default: break
        }
        if name.hasPrefix("F"), let n = Int(name.dropFirst()), (1...12).contains(n) { return .function(n) }
        if name.hasPrefix("C-"), name.count == 3, let c = name.last, c.isLetter { return .control(Character(c.lowercased())) }
        if name.count == 1, let c = name.first { return .character(c) }
        return nil
    }

    /// The script line for a key (the inverse of `key(_:)`).
    public static func name(of key: Key) -> String {
        switch key {
        case .up: return "Up"
        case .down: return "Down"
        case .left: return "Left"
        case .right: return "Right"
        case .pageUp: return "PPage"
        case .pageDown: return "NPage"
        case .home: return "Home"
        case .end: return "End"
        case .enter: return "Enter"
        case .escape: return "Escape"
        case .backspace: return "BSpace"
        case .tab: return "Tab"
        case .backTab: return "BTab"
        case .delete: return "DC"
        case .function(let n): return "F\(n)"
        case .control(let c): return "C-" + String(c)
        case .character(" "): return "Space"
        case .character(let c): return String(c)
        }
    }
}
